"""What the privacy notice says, generated from what the site does, so it cannot drift from it.

Each app says why it holds personal data in its own `<app>/personal_data.py`: a `PURPOSES`
tuple of `PrivacyPurpose`, registered with its sources and retention steps by
`personal_data_module_register`. A purpose names:

- what is collected, and the lawful basis (`LawfulBasis`, with the Article 9 condition where
  special category data may be given);
- who sees it, as the permissions that open it: the notice names the staff groups that hold
  them today (`purpose_seen_by`), read from the database, so a group given a permission later is
  named without anyone editing the notice;
- how long it is kept, as keys of the retention schedule (core/retention.py), read from the
  Data retention settings, or in words where no rule applies (anonymous answers);
- which personal-data sources (core/personal_data.py) it covers.

Tests fail if a registered source or a retention rule belongs to no purpose
(tests/home/test_notices.py), so a new kind of record cannot be left out of the notice.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.db.models import Q


@dataclass(frozen=True)
class LawfulBasis:
    """A lawful basis for processing, as the notice names it and as the law does."""

    name: str
    article: str
    explanation: str


PUBLIC_TASK = LawfulBasis(
    name="Public task",
    article="UK GDPR Article 6(1)(e)",
    explanation=(
        "The council needs it to carry out its public duties: consulting the people its "
        "decisions affect, and working with partners to prevent serious violence (the Serious "
        "Violence Duty, Police, Crime, Sentencing and Courts Act 2022)."
    ),
)
CONSENT = LawfulBasis(
    name="Consent",
    article="UK GDPR Article 6(1)(a)",
    explanation="You chose to give it, and you can withdraw your consent at any time.",
)
VITAL_INTERESTS = LawfulBasis(
    name="Vital interests",
    article="UK GDPR Article 6(1)(d)",
    explanation="To protect someone's life or safety when what is written suggests they may be at risk of harm.",
)
RUNNING_THE_SITE = LawfulBasis(
    name="Public task",
    article="UK GDPR Article 6(1)(e)",
    explanation=(
        "The council needs staff accounts, and a record of what staff do, to run this site and "
        "keep the data it holds secure."
    ),
)
EXPLICIT_CONSENT = LawfulBasis(
    name="Explicit consent (special category data)",
    article="UK GDPR Article 9(2)(a)",
    explanation=(
        "Access needs can say something about your health. We ask for them only so that the event "
        "works for you, and you choose whether to tell us."
    ),
)
SPECIAL_CATEGORY_SAFEGUARDING = LawfulBasis(
    name="Safeguarding (special category data)",
    article="UK GDPR Article 9(2)(g), Data Protection Act 2018 Schedule 1 paragraphs 6 and 18",
    explanation=(
        "If you write about your health, religion, ethnicity or sexuality, or someone else's, "
        "we use it only to read what you said and, where someone may be at risk, to safeguard "
        "children and people at risk."
    ),
)

SPECIAL_CATEGORY_EQUALITY = LawfulBasis(
    name="Equality of opportunity or treatment (special category data)",
    article="UK GDPR Article 9(2)(g), Data Protection Act 2018 Schedule 1 paragraph 8",
    explanation=(
        "If you answer the equality monitoring questions, we use your answers only to check that our "
        "consultations hear from every part of the city and to see whether a decision affects some groups "
        "differently (the public sector equality duty, Equality Act 2010 section 149). They are reported "
        "only as counts."
    ),
)


@dataclass(frozen=True)
class PrivacyPurpose:
    """One reason the site holds personal data, as the privacy notice explains it.

    - `key`: unique, such as "events.bookings"; `order` places it in the notice.
    - `title`: what people are doing when they give it ("Booking a place at an event").
    - `collected`: what is collected, one item per line.
    - `bases`: the lawful bases (and Article 9 condition) that apply.
    - `seen_by_permissions`: "app_label.codename" permissions that open it to staff.
    - `seen_by_also`: who else sees it, in words (the person themselves, other members).
    - `retention_keys`: keys of core/retention.py's rules that say how long it is kept.
    - `retention_words`: how long, in words, for what no rule covers.
    - `source_keys`: the personal-data sources (core/personal_data.py) it covers.
    - `sent`: what leaves the site about it (emails), in words.
    """

    key: str
    order: int
    title: str
    collected: tuple[str, ...]
    bases: tuple[LawfulBasis, ...]
    seen_by_permissions: tuple[str, ...] = ()
    seen_by_also: tuple[str, ...] = ()
    retention_keys: tuple[str, ...] = ()
    retention_words: tuple[str, ...] = ()
    source_keys: tuple[str, ...] = ()
    sent: str = ""
    notes: tuple[str, ...] = field(default=())


_purposes: dict[str, PrivacyPurpose] = {}


def privacy_purpose_register(purpose: PrivacyPurpose) -> None:
    """Add a purpose (from an AppConfig.ready(), through personal_data_module_register).
    Registering the same key again replaces it."""
    _purposes[purpose.key] = purpose


def privacy_purposes() -> list[PrivacyPurpose]:
    """Every registered purpose, in the notice's order."""
    return sorted(_purposes.values(), key=lambda purpose: (purpose.order, purpose.key))


def purpose_seen_by(purpose: PrivacyPurpose) -> list[str]:
    """Who sees it: the staff groups that hold any of its permissions today, then site
    administrators, then whoever else the purpose names."""
    query = Q()
    for dotted in purpose.seen_by_permissions:
        app_label, codename = dotted.split(".", 1)
        query |= Q(permissions__content_type__app_label=app_label, permissions__codename=codename)
    groups = []
    if query:
        groups = [
            f"Council staff in the {name} group"
            for name in Group.objects.filter(query).values_list("name", flat=True).distinct().order_by("name")
        ]
        groups.append("The site's administrators")
    return [*groups, *purpose.seen_by_also]


# The ground floor's own purpose: staff accounts and the logs of what staff do with people's data.
staff_purpose = PrivacyPurpose(
    key="core.staff",
    order=90,
    title="Staff who run the site",
    collected=(
        "A staff member's name, email address and password (stored only as a one-way hash)",
        "When they signed in, the pages they changed, and every export, erasure and safeguarding "
        "or moderation decision they made",
    ),
    bases=(RUNNING_THE_SITE,),
    seen_by_also=("The site's administrators", "The staff member, who can ask for a copy"),
    retention_keys=("export_files", "logs"),
    retention_words=("Staff accounts: until an administrator closes the account when the person leaves",),
    source_keys=("core.staff_accounts",),
)
