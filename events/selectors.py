"""Reads of the events app: the filtered list of events, the calendar's events, places left,
attendee lists and the bleed-control kits by ward."""

from dataclasses import dataclass
from datetime import timedelta

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Theme, Ward
from core.theme_names import theme_name
from core.translations import pages_for_visitors, pages_of_record, records_of_record, words_for_visitors

from .models import Audience, BleedKit, Booking, EventIndexPage, EventPage, EventPlaces

EVENTS_PER_PAGE = 10
# The calendar feed carries upcoming events and those of the last few weeks.
FEED_PAST_DAYS = 60


class EventFilterForm(forms.Form):
    """The filters of the event list: a GET form that works without JavaScript. Unknown
    values are ignored rather than shown as errors (links get shared and go stale)."""

    when = forms.ChoiceField(
        choices=[("upcoming", _("Upcoming events")), ("past", _("Past events"))], required=False, label=_("When")
    )
    theme = forms.ChoiceField(required=False, label=_("Theme"))
    ward = forms.ChoiceField(required=False, label=_("Ward"))
    audience = forms.ChoiceField(
        choices=[("", _("Everyone and all groups"))] + list(Audience.choices), required=False, label=_("Who it is for")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("All themes"))] + [
            (theme.slug, theme_name(theme)) for theme in Theme.objects.only("pk", "slug", "name")
        ]
        self.fields["ward"].choices = [("", _("All wards"))] + list(Ward.objects.values_list("slug", "name"))

    def filters(self) -> dict:
        """The valid filter values, with the invalid ones dropped."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            name: data.get(name) or self.data.get(name, "")
            for name in ("when", "theme", "ward", "audience")
            if name not in self.errors and (data.get(name) or "")
        }


def events_live(*, index: EventIndexPage | None = None):
    """Live public events: those under `index`, or every one in the visitor's language tree
    (each event once: core/translations.py)."""
    queryset = EventPage.objects.live().public()
    if index is not None:
        return queryset.child_of(index)
    return pages_for_visitors(queryset)


def events_filtered(
    *, index: EventIndexPage, when: str = "upcoming", theme: str = "", ward: str = "", audience: str = ""
):
    """Live events of the index, upcoming (soonest first) or past (most recent first)."""
    now = timezone.now()
    queryset = events_live(index=index).select_related("ward").prefetch_related("themed_items__tag")
    if when == "past":
        queryset = queryset.filter(end_at__lte=now).order_by("-start_at", "pk")
    else:
        queryset = queryset.filter(end_at__gt=now).order_by("start_at", "pk")
    if theme:
        queryset = queryset.filter(themed_items__tag__slug=theme)
    if ward:
        queryset = queryset.filter(ward__slug=ward)
    if audience:
        # "Everyone" events are for young people and parents too.
        queryset = queryset.filter(audience__in=[audience, Audience.EVERYONE])
    return queryset


def event_list_page(*, index: EventIndexPage, params) -> dict:
    """What the event list shows: the filter form, one page of events and the links to the
    other pages with the same filters. A fixed number of queries, whatever the number of events."""
    form = EventFilterForm(params)
    filters = form.filters()
    when = filters.get("when", "upcoming")
    queryset = events_filtered(
        index=index,
        when=when,
        theme=filters.get("theme", ""),
        ward=filters.get("ward", ""),
        audience=filters.get("audience", ""),
    )
    paginator = Paginator(queryset, EVENTS_PER_PAGE)
    page_obj = paginator.get_page(params.get("page"))
    query = "&".join(f"{name}={value}" for name, value in filters.items() if name != "page")
    return {
        "filter_form": form,
        "filters": filters,
        "when": when,
        "page_obj": page_obj,
        "events": page_obj.object_list,
        "filter_query": query,
        "filtered": any(name in filters for name in ("theme", "ward", "audience")),
    }


def events_upcoming(*, limit: int = 3) -> list[EventPage]:
    """The next events on the site, soonest first (for the home page)."""
    return list(
        events_live()
        .filter(end_at__gt=timezone.now(), cancelled=False)
        .select_related("ward")
        .order_by("start_at", "pk")[:limit]
    )


def seconds_until_events_change() -> int | None:
    """Seconds until the next live event ends, when lists of upcoming events change; None if
    no event is to end."""
    now = timezone.now()
    next_end = events_live().filter(end_at__gt=now).order_by("end_at").values_list("end_at", flat=True).first()
    if next_end is None:
        return None
    return int((next_end - now).total_seconds()) + 1


def events_for_feed():
    """Live events for the calendar feed: upcoming ones and those of the last FEED_PAST_DAYS."""
    since = timezone.now() - timedelta(days=FEED_PAST_DAYS)
    return events_live().filter(end_at__gte=since).select_related("ward").order_by("start_at", "pk")


# --- Places -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Availability:
    capacity: int
    taken: int
    waiting: int

    @property
    def left(self) -> int:
        return max(self.capacity - self.taken, 0)

    @property
    def full(self) -> bool:
        return self.left == 0


def event_availability(*, event: EventPage) -> Availability:
    """Places left now (for the event page, which is never cached)."""
    taken = EventPlaces.objects.filter(event=event).values_list("taken", flat=True).first() or 0
    waiting = Booking.objects.filter(event=event, status=Booking.Status.WAITING).count()
    return Availability(capacity=event.capacity, taken=taken, waiting=waiting)


def events_with_places_taken(queryset):
    """Annotate events with `places_taken` and `waiting_count`, for the admin listing."""
    taken = EventPlaces.objects.filter(event=OuterRef("pk")).values("taken")[:1]
    return queryset.annotate(
        places_taken=Coalesce(Subquery(taken, output_field=IntegerField()), Value(0)),
        waiting_count=Count("bookings", filter=Q(bookings__status=Booking.Status.WAITING)),
    )


def events_for_staff(*, when: str = "upcoming"):
    """Every event, published or not, for the admin's attendee lists: those not over yet soonest
    first, or ("past") those over, most recent first; with places taken and the waiting list.
    Drafts are included so that an event taken offline does not hide the people booked on it."""
    now = timezone.now()
    queryset = events_with_places_taken(pages_of_record(EventPage.objects.all()))
    if when == "past":
        return queryset.filter(end_at__lte=now).order_by("-start_at", "pk")
    return queryset.filter(end_at__gt=now).order_by("start_at", "pk")


def event_attendees(*, event: EventPage, include_cancelled: bool = False):
    """Bookings of an event: confirmed first, then the waiting list in order, in booking order."""
    queryset = Booking.objects.filter(event=event)
    if not include_cancelled:
        queryset = queryset.exclude(status=Booking.Status.CANCELLED)
    # "confirmed" sorts before "waiting": the booked first, then the waiting list in order.
    return queryset.order_by("status", "created_at", "pk")


def event_attendee_summary(*, event: EventPage) -> dict:
    totals = Booking.objects.filter(event=event).aggregate(
        confirmed_places=Coalesce(Sum("places", filter=Q(status=Booking.Status.CONFIRMED)), 0),
        confirmed_bookings=Count("pk", filter=Q(status=Booking.Status.CONFIRMED)),
        waiting_bookings=Count("pk", filter=Q(status=Booking.Status.WAITING)),
        waiting_places=Coalesce(Sum("places", filter=Q(status=Booking.Status.WAITING)), 0),
    )
    return totals


# --- Bleed-control kits -------------------------------------------------------------------


@dataclass(frozen=True)
class KitShown:
    """A kit as the public page shows it: the English kit (where it is, its dates, each kit
    once), and for its name and opening hours the kit whose words are shown, its translation
    in the visitor's language where one says them in that language, else the English kit."""

    kit: BleedKit
    name_from: BleedKit
    hours_from: BleedKit


def bleed_kits() -> list[BleedKit]:
    """Every kit once: the English kits (a kit's translations are the same kit)."""
    return list(records_of_record(BleedKit.objects.select_related("ward")).order_by("ward__name", "name"))


def bleed_kits_by_ward() -> list[tuple[Ward, list[KitShown]]]:
    """Kits grouped by ward, wards in alphabetical order, with their words in the visitor's
    language where they are translated."""
    kits = bleed_kits()
    groups: dict[int, tuple[Ward, list[KitShown]]] = {}
    for kit, words in zip(kits, words_for_visitors(kits, ("name", "access_hours")), strict=True):
        shown = KitShown(kit=kit, name_from=words["name"], hours_from=words["access_hours"])
        groups.setdefault(kit.ward_id, (kit.ward, []))[1].append(shown)
    return list(groups.values())


# --- What the subscriptions app tells people about -------------------------------------------


def event_announceable(*, page_id: int) -> EventPage | None:
    """The event with this page id if subscribers may be told about it now: live, public, not
    cancelled and not over. None otherwise (any other page, a draft, a past event)."""
    # English only: a translation or alias being published is the same event, told about once.
    return (
        pages_of_record(EventPage.objects.live().public())
        .filter(pk=page_id, cancelled=False, end_at__gt=timezone.now())
        .select_related("ward")
        .prefetch_related("themed_items__tag")
        .first()
    )


def events_newest(*, limit: int = 50) -> list[EventPage]:
    """The most recently published live events, newest first (the Atom feed of new events)."""
    return list(events_live().select_related("ward").order_by("-first_published_at", "-pk")[:limit])
