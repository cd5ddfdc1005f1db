"""What the subscriptions app holds about people, for access and erasure requests and the
retention schedule (core/personal_data.py, core/retention.py); registered in
SubscriptionsConfig.ready().

A subscriber is an email address with its choices, language and dates. Erasing one is what
unsubscribing does: the row (and what it was owed) goes, and the address's SHA-256 stays in the
suppression list so nothing can add it back. Sign-ups never confirmed go after
UNCONFIRMED_SUBSCRIPTION_DAYS, when their confirmation link expires.
"""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from core.personal_data import Person, PersonalDataSource
from core.privacy import CONSENT, PrivacyPurpose
from core.retention import RetentionStep

from .models import Subscriber, Suppression, email_hash, email_normalise


def _subscribers(person: Person):
    if not person.email:
        return Subscriber.objects.none()
    return Subscriber.objects.filter(email=email_normalise(person.email)).prefetch_related(
        "event_wards", "progress_themes"
    )


def _subscriber_export(subscriber: Subscriber) -> dict:
    return {
        "email": subscriber.email,
        "status": subscriber.get_status_display(),
        "new_consultations": subscriber.consultations,
        "events": subscriber.events,
        "events_only_in_wards": [ward.name for ward in subscriber.event_wards.all()],
        "events_for": subscriber.get_event_audience_display(),
        "progress_on_the_strategy": subscriber.progress,
        "progress_only_on_themes": [theme.name for theme in subscriber.progress_themes.all()],
        "how_often": subscriber.get_frequency_display(),
        "language": subscriber.language,
        "signed_up_at": subscriber.created_at,
        "confirmed_at": subscriber.confirmed_at,
        "emails_sent": subscriber.deliveries.filter(sent_at__isnull=False).count(),
    }


def _subscriber_line(subscriber: Subscriber) -> str:
    chosen = [
        name
        for name, wanted in (
            ("new consultations", subscriber.consultations),
            ("events", subscriber.events),
            ("progress", subscriber.progress),
        )
        if wanted
    ]
    return f"Email updates ({subscriber.get_status_display().lower()}): {', '.join(chosen) or 'nothing'}"


def _subscribers_erase(rows: list[Subscriber]) -> int:
    for row in rows:
        Suppression.objects.get_or_create(email_sha256=email_hash(row.email))
    Subscriber.objects.filter(pk__in=[row.pk for row in rows]).delete()
    return len(rows)


def _suppressions(person: Person):
    if not person.email:
        return Suppression.objects.none()
    return Suppression.objects.filter(email_sha256=email_hash(person.email))


subscribers_source = PersonalDataSource(
    key="subscriptions.subscribers",
    label="Email updates (subscriptions)",
    models=("subscriptions.Subscriber",),
    find=_subscribers,
    describe=_subscriber_line,
    export=_subscriber_export,
    erase=_subscribers_erase,
    removed="The subscription is deleted: the email address, its choices and any emails still owed to it.",
    kept="A one-way hash (SHA-256) of the address stays in the list of addresses that unsubscribed, so a "
    "list imported later cannot add it back. It cannot be turned back into the address.",
)

suppressions_source = PersonalDataSource(
    key="subscriptions.suppressions",
    label="Addresses that unsubscribed from email updates",
    models=("subscriptions.Suppression",),
    find=_suppressions,
    describe=lambda row: f"Unsubscribed from email updates (kept as a hash since {row.created_at:%d %B %Y})",
    export=lambda row: {"unsubscribed_at": row.created_at, "kept": "a SHA-256 hash of the address, not the address"},
    erase=None,
    removed="Nothing: the entry is what keeps the address from being emailed again.",
    kept="The hash of the address, so that it is never added back by an import. It is not the address.",
)

SOURCES = (subscribers_source, suppressions_source)


def unconfirmed_remove(*, rule, now, limit: int) -> int:
    """Sign-ups never confirmed within the rule's days (the confirmation link's life) are deleted."""
    due = Subscriber.objects.filter(
        status=Subscriber.Status.PENDING, created_at__lt=now - timedelta(days=rule.days)
    ).order_by("pk")
    ids = list(due.values_list("pk", flat=True)[:limit])
    Subscriber.objects.filter(pk__in=ids).delete()
    return len(ids)


RETENTION_STEPS = (
    RetentionStep(
        key="subscriptions.unconfirmed",
        rule="unconfirmed_subscriptions",
        label="Sign-ups to email updates never confirmed: deleted",
        apply=unconfirmed_remove,
    ),
)


# --- The privacy notice's purpose (core/privacy.py) -----------------------------------------------

PURPOSES = (
    PrivacyPurpose(
        key="subscriptions.subscribers",
        order=55,
        title=_("Email updates"),
        collected=(
            _(
                "Your email address, what you want to hear about (new consultations, events, progress on the "
                "strategy, with any wards, audiences or themes you chose), how often, and the language you used"
            ),
            _("When you signed up and confirmed"),
        ),
        bases=(CONSENT,),
        seen_by_permissions=("subscriptions.export_subscriber",),
        seen_by_also=(_("Editors see only how many people get each kind of update, never the addresses"),),
        retention_keys=("unconfirmed_subscriptions",),
        retention_words=(
            _(
                "Until you unsubscribe, from the link in every email: your address goes at once. We keep only a "
                "one-way fingerprint of it (a hash), so that it cannot be added back without you"
            ),
        ),
        source_keys=tuple(source.key for source in SOURCES),
        sent=(
            _(
                "Only what you chose: a title, one line and a link for each new consultation, event or progress "
                "update, as it happens or once a week, and any message the council sends to everyone on a topic."
            )
        ),
    ),
)
