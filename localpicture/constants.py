"""The police open data format (data.police.uk street-level crime CSV)."""

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
# What the strategy is about: shown unless an editor chooses otherwise.
DEFAULT_CRIME_TYPES = ["Possession of weapons", "Violence and sexual offences"]
