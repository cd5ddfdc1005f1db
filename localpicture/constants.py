"""The police open data format (data.police.uk street-level crime CSV)."""

from django.utils.translation import gettext_lazy as _

# The header of every street-level crime file, in this order.
POLICE_HEADER = (
    "Crime ID",
    "Month",
    "Reported by",
    "Falls within",
    "Longitude",
    "Latitude",
    "Location",
    "LSOA code",
    "LSOA name",
    "Crime type",
    "Last outcome category",
    "Context",
)
COLUMN_MONTH = POLICE_HEADER.index("Month")
COLUMN_LSOA_CODE = POLICE_HEADER.index("LSOA code")
COLUMN_LSOA_NAME = POLICE_HEADER.index("LSOA name")
COLUMN_CRIME_TYPE = POLICE_HEADER.index("Crime type")

# The crime types data.police.uk publishes. https://data.police.uk/docs/method/crime-street/
CRIME_TYPES = (
    "Anti-social behaviour",
    "Bicycle theft",
    "Burglary",
    "Criminal damage and arson",
    "Drugs",
    "Other crime",
    "Other theft",
    "Possession of weapons",
    "Public order",
    "Robbery",
    "Shoplifting",
    "Theft from the person",
    "Vehicle crime",
    "Violence and sexual offences",
)
CRIME_TYPE_CHOICES = [(name, name) for name in CRIME_TYPES]
# Their names as the public page shows them, in the visitor's language.
CRIME_TYPE_LABELS = {
    "Anti-social behaviour": _("Anti-social behaviour"),
    "Bicycle theft": _("Bicycle theft"),
    "Burglary": _("Burglary"),
    "Criminal damage and arson": _("Criminal damage and arson"),
    "Drugs": _("Drugs"),
    "Other crime": _("Other crime"),
    "Other theft": _("Other theft"),
    "Possession of weapons": _("Possession of weapons"),
    "Public order": _("Public order"),
    "Robbery": _("Robbery"),
    "Shoplifting": _("Shoplifting"),
    "Theft from the person": _("Theft from the person"),
    "Vehicle crime": _("Vehicle crime"),
    "Violence and sexual offences": _("Violence and sexual offences"),
}


def crime_type_label(name: str) -> str:
    """A crime type's name in the language active now; a name the police add later as it is."""
    label = CRIME_TYPE_LABELS.get(name)
    return str(label) if label is not None else name


# What the strategy is about: shown unless an editor chooses otherwise.
DEFAULT_CRIME_TYPES = ["Possession of weapons", "Violence and sexual offences"]
