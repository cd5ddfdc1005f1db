"""What the events app holds about people, for access and erasure requests and the retention
schedule (core/personal_data.py, core/retention.py); registered in EventsConfig.ready().

A booking holds a name, an email address and any access needs. Erasing one, or the schedule
after the event, removes those and keeps the booking, anonymous, for attendance figures. Feedback
after an event is stored without the booking (consultation's Feedback never holds a name), so
all that links a person to it is the date on their booking that says they gave some.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext_lazy as _

from core.personal_data import Person, PersonalDataSource
from core.privacy import EXPLICIT_CONSENT, PUBLIC_TASK, PrivacyPurpose
from core.retention import RetentionStep

from .models import Booking
from .retention import booking_personal_data_purge, bookings_anonymise


def _day(value) -> str:
    return date_format(timezone.localtime(value), "j F Y") if value else ""


def _bookings(person: Person):
    """Bookings still holding personal data that match the person's email or name."""
    query = Q()
    if person.email:
        query |= Q(email__iexact=person.email)
    if person.name:
        query |= Q(name__iexact=person.name)
    if not query:
        return Booking.objects.none()
    return Booking.objects.filter(query, purged_at__isnull=True).select_related("event").order_by("created_at", "pk")


def _booking_export(booking: Booking) -> dict:
    return {
        "event": booking.event.title,
        "event_starts": booking.event.start_at,
        "status": booking.get_status_display(),
        "places": booking.places,
        "name": booking.name,
        "email": booking.email,
        "access_needs": booking.access_needs,
        "booked_at": booking.created_at,
        "consent_given_at": booking.consent_at,
        "moved_from_waiting_list_at": booking.promoted_at,
        "cancelled_at": booking.cancelled_at,
        "feedback_given_at": booking.feedback_given_at,
    }


def _booking_line(booking: Booking) -> str:
    places = "1 place" if booking.places == 1 else f"{booking.places} places"
    return (
        f"{booking.get_status_display()}: \u201c{booking.event.title}\u201d on {_day(booking.event.start_at)}, {places}"
    )


def _anonymise(rows: list[Booking]) -> int:
    return bookings_anonymise(bookings=Booking.objects.filter(pk__in=[row.pk for row in rows]))


def _waiting_erase(rows: list[Booking]) -> int:
    """Off the waiting list as well as anonymous: an entry with no name must never be given
    places. Waiting-list entries hold no places, so nobody else is affected."""
    now = timezone.now()
    Booking.objects.filter(pk__in=[row.pk for row in rows], status=Booking.Status.WAITING).update(
        status=Booking.Status.CANCELLED, cancelled_at=now
    )
    return _anonymise(rows)


def _feedback_export(booking: Booking) -> dict:
    return {
        "event": booking.event.title,
        "event_starts": booking.event.start_at,
        "feedback_given_at": booking.feedback_given_at,
        "what_was_written": "Kept without a name and not linked to the booking, so it cannot be picked out.",
    }


bookings_source = PersonalDataSource(
    key="events.bookings",
    label="Event bookings",
    models=("events.Booking",),
    find=lambda person: _bookings(person).exclude(status=Booking.Status.WAITING),
    describe=_booking_line,
    export=_booking_export,
    erase=_anonymise,
    removed="The name, email address and access needs are removed from each booking.",
    kept="Each booking stays, anonymous, so the event's attendance figures stay right. A booking for an event "
    "still to come keeps its places without a name: if they are not coming, cancel it first, which offers the "
    "places to the waiting list.",
)

waiting_list_source = PersonalDataSource(
    key="events.waiting_list",
    label="Event waiting lists",
    models=("events.Booking",),
    find=lambda person: _bookings(person).filter(status=Booking.Status.WAITING),
    describe=_booking_line,
    export=_booking_export,
    erase=_waiting_erase,
    removed="Each entry leaves the waiting list, and its name, email address and access needs are removed.",
    kept="The entry stays, anonymous and cancelled, so the event's figures stay right.",
)

event_feedback_source = PersonalDataSource(
    key="events.event_feedback",
    label="Feedback after an event",
    models=("events.Booking",),
    find=lambda person: _bookings(person).filter(feedback_given_at__isnull=False),
    describe=lambda booking: f"Gave feedback on \u201c{booking.event.title}\u201d on {_day(booking.feedback_given_at)}",
    export=_feedback_export,
    erase=_anonymise,
    removed="The booking that records they gave feedback loses its name, email address and access needs.",
    kept="What they wrote stays in the feedback store: it never held their name and is not linked to the "
    "booking, so it cannot be picked out.",
)

SOURCES = (bookings_source, waiting_list_source, event_feedback_source)

RETENTION_STEPS = (
    RetentionStep(
        key="events.bookings",
        rule="bookings",
        label="Event bookings: names, emails and access needs removed",
        apply=lambda *, rule, now, limit: booking_personal_data_purge(now=now, days=rule.days, limit=limit),
    ),
)


# --- The privacy notice's purpose (core/privacy.py) -----------------------------------------------

PURPOSES = (
    PrivacyPurpose(
        key="events.bookings",
        order=50,
        title=_("Booking a place at an event, or joining its waiting list"),
        collected=(
            _("Your name and email address, and how many places you need"),
            _("Any access needs you tell us about"),
            _("Whether you gave feedback after the event (what you wrote is kept without your name)"),
        ),
        bases=(PUBLIC_TASK, EXPLICIT_CONSENT),
        seen_by_permissions=("events.view_booking", "events.export_booking"),
        seen_by_also=(_("The event's organisers, on the attendee list, to let you in and meet your access needs"),),
        retention_keys=("bookings",),
        source_keys=(bookings_source.key, waiting_list_source.key, event_feedback_source.key),
        sent=(
            _(
                "Emails to you: the confirmation, any change to your place or the event, a reminder the day "
                "before, and a request for feedback afterwards."
            )
        ),
    ),
)
