"""Reads of the subscriptions app: counts for staff (never addresses), the export for the Data
protection group, and the feeds' entries."""

from django.db.models import Count, Q

from core.models import Theme, Ward

from .models import Frequency, Item, Subscriber, Topic


def _confirmed():
    return Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED)


def subscriber_count_for_topic(*, topic: str) -> int:
    """Confirmed subscribers to one topic: how many a message to it reaches."""
    return _confirmed().filter(**{Topic(topic).value: True}).count()


def subscriber_counts() -> dict:
    """How many people subscribe to what, for editors: per topic, per frequency, events per ward
    (those who chose no ward hear about every ward) and progress per theme. No addresses."""
    confirmed = _confirmed()
    totals = confirmed.aggregate(
        total=Count("pk", distinct=True),
        weekly=Count("pk", distinct=True, filter=Q(frequency=Frequency.WEEKLY)),
        **{f"{topic}_count": Count("pk", distinct=True, filter=Q(**{topic: True})) for topic in Topic.values},
        events_any_ward=Count("pk", distinct=True, filter=Q(events=True, event_wards__isnull=True)),
        progress_any_theme=Count("pk", distinct=True, filter=Q(progress=True, progress_themes__isnull=True)),
    )
    wards = Ward.objects.annotate(
        subscribers=Count(
            "event_subscribers",
            filter=Q(event_subscribers__status=Subscriber.Status.CONFIRMED, event_subscribers__events=True),
        )
    ).order_by("name")
    themes = Theme.objects.annotate(
        subscribers=Count(
            "progress_subscribers",
            filter=Q(progress_subscribers__status=Subscriber.Status.CONFIRMED, progress_subscribers__progress=True),
        )
    ).order_by("name")
    return {
        "totals": totals,
        "topics": [(label, totals[f"{topic}_count"]) for topic, label in Topic.choices],
        "pending": Subscriber.objects.filter(status=Subscriber.Status.PENDING).count(),
        "wards": [(ward.name, ward.subscribers) for ward in wards],
        "themes": [(theme.name, theme.subscribers) for theme in themes],
    }


def announcements_recent(*, limit: int = 20):
    """Messages staff sent, newest first, with who sent them and to how many (the log)."""
    return Item.objects.filter(kind=Item.Kind.ANNOUNCEMENT).select_related("created_by")[:limit]


def subscribers_for_export():
    """Every confirmed subscriber with their choices, for the Data protection group's export."""
    return _confirmed().prefetch_related("event_wards", "progress_themes").order_by("pk")
