"""Everything the site holds about one person: the one interface through which each app says
what personal data it keeps, and the find, export and erase that access and erasure requests
(UK GDPR articles 15 and 17) need.

Each app lists a `PersonalDataSource` for each kind of record it holds about people in its own
`<app>/personal_data.py` (SOURCES, with the retention steps of core/retention.py in
RETENTION_STEPS and the privacy notice's purposes of core/privacy.py in PURPOSES), registered
from its AppConfig.ready() by `personal_data_module_register`. A
source says how to find rows by email, phone or name, how to write each row as JSON, and how to
erase rows: what is removed, and what is kept and why. This floor never imports the apps. A
test fails if a model of ours with an email, phone or name field is not covered by a source
(tests/core/test_personal_data.py), so a new app cannot be forgotten.

- `personal_data_find(person=...)`: every record that matches, source by source.
- `personal_data_export_zip(person=..., user=...)`: a ZIP with one JSON file per kind and a
  readable HTML summary, logged in the export log (what was searched by, never the values).
- `personal_data_erase(person=..., user=...)`: removes or anonymises every record found, in one
  transaction, and logs who, when and how many in `ErasureLog`. It emails nobody.

Staff accounts are a source too (found and exported, never erased here): see
`staff_accounts_source`.
"""

import hashlib
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Concat, Replace
from django.db.models.lookups import In
from django.template.loader import render_to_string
from django.utils import timezone

from .exports import export_log_record
from .models import ErasureLog

PERMISSION = "core.handle_personal_data"
EXPORT_KIND = "Personal data of one person (access request)"


# --- Who a request is about ---------------------------------------------------------------------


def phone_digits(value: str) -> str:
    """A UK phone number as national digits: "+44 (0)116 454 1000", "0044 116..." and
    "0116-454-1000" all become "01164541000". Anything else is its digits."""
    digits = re.sub(r"\D", "", value or "")
    for prefix in ("0044", "44"):
        if digits.startswith(prefix) and len(digits) > len(prefix) + 8:
            rest = digits[len(prefix) :]
            digits = rest if rest.startswith("0") else "0" + rest
            break
    return digits


def phone_matches(field_name: str, digits: str) -> Q:
    """A filter for rows whose phone field holds the number `digits` (from `phone_digits`),
    however it was written: the database strips spaces and punctuation, and the international
    forms (44..., 440..., 0044...) are compared too."""
    if not digits:
        return Q(pk__in=[])
    stripped = F(field_name)
    for character in " -().+":
        stripped = Replace(stripped, Value(character), Value(""))
    national = digits[1:] if digits.startswith("0") else digits
    return Q(In(stripped, sorted({digits, "44" + national, "440" + national, "0044" + national})))


@dataclass(frozen=True)
class Person:
    """Who a request is about: an email address, a phone number, a name, or several. A record
    matches if it matches any of them. Build one with `person_build`, which checks and tidies."""

    email: str = ""
    phone: str = ""
    name: str = ""

    @property
    def phone_digits(self) -> str:
        return phone_digits(self.phone)

    @property
    def searched_by(self) -> list[str]:
        """What was given (the kinds, never the values), for the logs."""
        return [kind for kind in ("email", "phone", "name") if getattr(self, kind)]


def person_build(*, email: str = "", phone: str = "", name: str = "") -> Person:
    """A Person from what staff typed, or ValidationError saying what is wrong: nothing given,
    an email that is not one, a phone number with too few digits, a name of one letter."""
    email = (email or "").strip()
    phone = (phone or "").strip()
    name = " ".join((name or "").split())
    errors = {}
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = f"\u201c{email}\u201d is not an email address."
    if phone and len(phone_digits(phone)) < 6:
        errors["phone"] = "A phone number needs at least 6 digits."
    if name and len(name) < 2:
        errors["name"] = "A name needs at least 2 letters."
    if errors:
        raise ValidationError(errors)
    if not (email or phone or name):
        raise ValidationError("Give an email address, a phone number or a name.")
    return Person(email=email, phone=phone, name=name)


# --- The registry ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonalDataSource:
    """One kind of record an app holds about people, and how to find, export and erase it.

    - `key`: unique, such as "events.bookings"; also the name of its file in an export.
    - `label`: the kind of record, as staff and the person read it ("Event bookings").
    - `models`: the models ("app_label.ModelName") whose personal fields this source covers.
    - `find(person)`: the matching rows (a queryset or a list).
    - `describe(row)`: one line for the list staff see.
    - `export(row)`: the row as a dict that JSON can write (dates are fine).
    - `erase(rows)`: removes or anonymises the rows, inside the erasure's transaction, sends
      nothing, and returns how many records it removed or anonymised. None for a kind that is
      found and exported but never erased here (staff accounts).
    - `removed`: what erasing does, in words, for the confirmation page.
    - `kept`: what stays after erasing and why ("" if nothing).
    """

    key: str
    label: str
    models: tuple[str, ...]
    find: Callable[[Person], Iterable]
    describe: Callable[[object], str]
    export: Callable[[object], dict]
    erase: Callable[[list], int] | None
    removed: str
    kept: str = ""

    @property
    def erasable(self) -> bool:
        """Whether erasing removes anything (templates would call `erase` itself)."""
        return self.erase is not None


_sources: dict[str, PersonalDataSource] = {}


def personal_data_register(source: PersonalDataSource) -> None:
    """Add a source (from an AppConfig.ready()). Registering the same key again replaces it."""
    _sources[source.key] = source


def personal_data_module_register(module) -> None:
    """Register an app's `<app>/personal_data.py`: every source in its SOURCES, every
    retention step in its RETENTION_STEPS and every privacy-notice purpose in its PURPOSES
    (core/privacy.py; any of them may be missing). Called from the app's AppConfig.ready()."""
    from .privacy import privacy_purpose_register
    from .retention import retention_step_register

    for source in getattr(module, "SOURCES", ()):
        personal_data_register(source)
    for step in getattr(module, "RETENTION_STEPS", ()):
        retention_step_register(step)
    for purpose in getattr(module, "PURPOSES", ()):
        privacy_purpose_register(purpose)


def personal_data_sources() -> list[PersonalDataSource]:
    """Every registered source, in the order they were registered (the apps' order)."""
    return list(_sources.values())


def personal_data_covered_models() -> set[str]:
    """The models some source covers, as "app_label.ModelName"."""
    return {label for source in _sources.values() for label in source.models}


# --- Find ---------------------------------------------------------------------------------------


@dataclass
class Finding:
    """What one source found for one person."""

    source: PersonalDataSource
    rows: list = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        return [self.source.describe(row) for row in self.rows]

    @property
    def records(self) -> list[dict]:
        return [self.source.export(row) for row in self.rows]

    @property
    def keys(self) -> list[str]:
        return [f"{self.source.key}:{row.pk}" for row in self.rows]


def personal_data_find(*, person: Person) -> list[Finding]:
    """What every source holds about the person, one Finding per source (empty ones too, so a
    page can say where it looked)."""
    return [Finding(source=source, rows=list(source.find(person))) for source in personal_data_sources()]


def personal_data_total(findings: list[Finding]) -> int:
    return sum(len(finding.rows) for finding in findings)


def personal_data_fingerprint(findings: list[Finding]) -> str:
    """A digest of exactly which records were found (kinds and ids, nothing personal), so an
    erasure confirmed on one list cannot silently erase a different one."""
    keys = sorted(key for finding in findings for key in finding.keys)
    return hashlib.sha256("\n".join(keys).encode()).hexdigest()


# --- Export ---------------------------------------------------------------------------------------


def _readable(value) -> str:
    if value is None or value == "":
        return "\u2013"
    if hasattr(value, "tzinfo") and hasattr(value, "hour"):
        return timezone.localtime(value).strftime("%-d %B %Y, %H:%M") if value.tzinfo else str(value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list | tuple):
        return "; ".join(_readable(item) for item in value) or "\u2013"
    if isinstance(value, dict):
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    return str(value)


def _council_name() -> str:
    from wagtail.models import Site

    from .models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).council_name if site else ""


def personal_data_export_zip(*, person: Person, user=None) -> tuple[str, bytes]:
    """Everything found for the person as a ZIP: `<kind>.json` for each kind found (the records
    as JSON) and `summary.html`, the same for people to read. Logged in the export log with
    what was searched by (never the values). Returns the file name (which names nobody) and
    the bytes."""
    findings = [finding for finding in personal_data_find(person=person) if finding.rows]
    now = timezone.now()
    kinds = []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for finding in findings:
            records, file_name = finding.records, f"{finding.source.key}.json"
            document = {"kind": finding.source.label, "exported_at": now, "records": records}
            archive.writestr(file_name, json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
            readable = [
                [(name.replace("_", " ").capitalize(), _readable(value)) for name, value in record.items()]
                for record in records
            ]
            kinds.append({"label": finding.source.label, "file": file_name, "records": readable})
        summary = render_to_string(
            "core/personal_data/summary.html",
            {"council_name": _council_name(), "person": person, "exported_at": now, "kinds": kinds},
        )
        archive.writestr("summary.html", summary)
    export_log_record(
        user=user,
        kind=EXPORT_KIND,
        filters={"searched_by": person.searched_by},
        row_count=personal_data_total(findings),
        included_personal_data=True,
    )
    return f"personal-data-{timezone.localtime(now):%Y-%m-%d-%H%M%S}.zip", buffer.getvalue()


# --- Erase ----------------------------------------------------------------------------------------


class RecordsChanged(Exception):
    """What would be erased is not what was confirmed: something was added or removed since."""


def personal_data_erase(
    *, person: Person, user=None, via: str = ErasureLog.Via.ADMIN, expected: str | None = None
) -> ErasureLog:
    """Remove or anonymise every record found for the person, in one transaction, and log who
    did it, when and how many records of each kind (never who the person was). Emails nobody.

    `expected` is the fingerprint of the list that was confirmed: if the records found now
    differ, nothing is erased and RecordsChanged is raised."""
    with transaction.atomic():
        findings = personal_data_find(person=person)
        if expected is not None and personal_data_fingerprint(findings) != expected:
            raise RecordsChanged
        counts = {
            finding.source.key: finding.source.erase(finding.rows)
            for finding in findings
            if finding.rows and finding.source.erase is not None
        }
        return ErasureLog.objects.create(
            user=user, via=via, searched_by=person.searched_by, counts=counts, total=sum(counts.values())
        )


# --- Staff accounts ---------------------------------------------------------------------------


def staff_users() -> QuerySet:
    """Accounts of council staff: administrators and members of any staff group. Everyone else
    with an account is a parent using the forum."""
    return get_user_model().objects.filter(Q(is_staff=True) | Q(is_superuser=True) | Q(groups__isnull=False)).distinct()


def _staff_find(person: Person):
    query = Q()
    if person.email:
        query |= Q(email__iexact=person.email)
    if person.name:
        query |= Q(full_name__iexact=person.name)
    if not query:
        return []
    User = get_user_model()
    return (
        User.objects.filter(pk__in=staff_users().values("pk"))
        .annotate(full_name=Concat("first_name", Value(" "), "last_name"))
        .filter(query)
        .prefetch_related("groups")
        .order_by("pk")
    )


def _staff_export(user) -> dict:
    return {
        "username": user.get_username(),
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "groups": [group.name for group in user.groups.all()],
        "administrator": user.is_superuser,
        "active": user.is_active,
        "joined": user.date_joined,
        "last_signed_in": user.last_login,
    }


staff_accounts_source = PersonalDataSource(
    key="core.staff_accounts",
    label="Staff accounts",
    models=(),
    find=_staff_find,
    describe=lambda user: (
        f"Staff account {user.get_username()}"
        + (f" ({', '.join(group.name for group in user.groups.all())})" if user.groups.all() else "")
    ),
    export=_staff_export,
    erase=None,
    removed="Nothing here.",
    kept="Staff accounts are closed by an administrator in Settings > Users, not with this tool: the export, "
    "safeguarding and moderation logs keep the staff user who did each thing, as the council's record of "
    "its work.",
)
