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
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class LawfulBasis:
    """A lawful basis for processing, as the notice names it and as the law does."""

    name: str
    article: str
    explanation: str


PUBLIC_TASK = LawfulBasis(
    name=_("Public task"),
    article=_("UK GDPR Article 6(1)(e)"),
    explanation=_(
        "The council needs it to carry out its public duties: consulting the people its "
        "decisions affect, and working with partners to prevent serious violence (the Serious "
        "Violence Duty, Police, Crime, Sentencing and Courts Act 2022)."
    ),
)
CONSENT = LawfulBasis(
    name=_("Consent"),
    article=_("UK GDPR Article 6(1)(a)"),
    explanation=_("You chose to give it, and you can withdraw your consent at any time."),
)
VITAL_INTERESTS = LawfulBasis(
    name=_("Vital interests"),
    article=_("UK GDPR Article 6(1)(d)"),
    explanation=_("To protect someone's life or safety when what is written suggests they may be at risk of harm."),
)
RUNNING_THE_SITE = LawfulBasis(
    name=_("Public task"),
    article=_("UK GDPR Article 6(1)(e)"),
    explanation=_(
        "The council needs staff accounts, and a record of what staff do, to run this site and "
        "keep the data it holds secure."
    ),
)
EXPLICIT_CONSENT = LawfulBasis(
    name=_("Explicit consent (special category data)"),
    article=_("UK GDPR Article 9(2)(a)"),
    explanation=_(
        "Access needs can say something about your health. We ask for them only so that the event "
        "works for you, and you choose whether to tell us."
    ),
)
SPECIAL_CATEGORY_SAFEGUARDING = LawfulBasis(
    name=_("Safeguarding (special category data)"),
    article=_("UK GDPR Article 9(2)(g), Data Protection Act 2018 Schedule 1 paragraphs 6 and 18"),
    explanation=_(
        "If you write about your health, religion, ethnicity or sexuality, or someone else's, "
        "we use it only to read what you said and, where someone may be at risk, to safeguard "
        "children and people at risk."
    ),
)

SPECIAL_CATEGORY_EQUALITY = LawfulBasis(
    name=_("Equality of opportunity or treatment (special category data)"),
    article=_("UK GDPR Article 9(2)(g), Data Protection Act 2018 Schedule 1 paragraph 8"),
    explanation=_(
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


# The staff groups the data migrations create, as the notice names them in the visitor's
# language. A group an administrator adds later is named as it was written, marked as English.
STAFF_GROUP_NAMES = {
    "Editors": _("Editors"),
    "Officers": _("Officers"),
    "Forum moderators": _("Forum moderators"),
    "Safeguarding": _("Safeguarding"),
    "Data protection": _("Data protection"),
    "Moderators": _("Moderators"),
}


def staff_group_name(name: str) -> str:
    """A staff group's name in the visitor's language, or, for a group the migrations did not
    make, its name as written, in a `<span>` marked as English (HTML, safe to print)."""
    translated = STAFF_GROUP_NAMES.get(name)
    if translated is not None:
        return format_html("{}", translated)
    return format_html('<span lang="en-GB" dir="ltr">{}</span>', name)


def _group_line(name: str) -> str:
    """ "Council staff in the Safeguarding group", in the active language, as HTML."""
    sentence = conditional_escape(gettext("Council staff in the %(group)s group"))
    return mark_safe(sentence % {"group": staff_group_name(name)})  # noqa: S308 - each part escaped


def purpose_seen_by(purpose: PrivacyPurpose) -> list[str]:
    """Who sees it: the staff groups that hold any of its permissions today, then site
    administrators, then whoever else the purpose names. In the active language; a group's line
    is HTML, safe to print (its name may be marked as English)."""
    query = Q()
    for dotted in purpose.seen_by_permissions:
        app_label, codename = dotted.split(".", 1)
        query |= Q(permissions__content_type__app_label=app_label, permissions__codename=codename)
    groups = []
    if query:
        groups = [
            _group_line(name)
            for name in Group.objects.filter(query).values_list("name", flat=True).distinct().order_by("name")
        ]
        groups.append(gettext("The site's administrators"))
    return [*groups, *(str(who) for who in purpose.seen_by_also)]


# The ground floor's own purpose: staff accounts and the logs of what staff do with people's data.
staff_purpose = PrivacyPurpose(
    key="core.staff",
    order=90,
    title=_("Staff who run the site"),
    collected=(
        _("A staff member's name, email address and password (stored only as a one-way hash)"),
        _(
            "When they signed in, the pages they changed, and every export, erasure and safeguarding "
            "or moderation decision they made"
        ),
    ),
    bases=(RUNNING_THE_SITE,),
    seen_by_also=(_("The site's administrators"), _("The staff member, who can ask for a copy")),
    retention_keys=("export_files", "logs"),
    retention_words=(_("Staff accounts: until an administrator closes the account when the person leaves"),),
    source_keys=("core.staff_accounts",),
)
