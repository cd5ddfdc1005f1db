"""Writes of the events app: booking, cancelling, the waiting list and feedback after an
event.

Places: every booking and cancellation locks the event's `EventPlaces` row
(SELECT ... FOR UPDATE), so two people can never both get the last place; the row's check
constraint (taken <= capacity) makes the database refuse it even if code forgot the lock.

Emails: queued after the commit, never sent inside the booking's transaction; the task sends
them through events/emails.py, once each. Signed links are in events/links.py, and the removal
of attendees' personal data in events/retention.py.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from consultation.models import Feedback
from consultation.services import feedback_create
from core.languages import language_for_record
from core.matching import Suggestion
from core.queue import queue_after_commit

from . import tasks
from .models import Booking, EventPage, EventPlaces

# The score given to a theme suggested because the event carries it.
EVENT_THEME_SCORE = 1.0

CLOSED_MESSAGES = {
    "cancelled": _("This event has been cancelled, so it cannot be booked."),
    "past": _("This event has already started or finished, so it cannot be booked."),
    "not_needed": _("You don't need to book for this event: just come along."),
    "not_open_yet": _("Booking for this event has not opened yet."),
    "closed": _("Booking for this event has closed."),
}


class BookingError(Exception):
    """A booking that cannot be made; `message` is shown to the person, next to `field`."""

    field = ""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class BookingClosed(BookingError):
    pass


class NotEnoughPlaces(BookingError):
    field = "places"

    def __init__(self, message: str, *, left: int):
        super().__init__(message)
        self.left = left


class TooManyPlaces(BookingError):
    """More places than one booking may take (the event's maximum per booking)."""

    field = "places"


class AlreadyBooked(BookingError):
    field = "email"


def places_limit_message(limit: int) -> str:
    """What a person is told when they ask for more places than one booking may take."""
    return ngettext("You can book %(limit)s place at once", "You can book up to %(limit)s places at once", limit) % {
        "limit": limit
    }


class FeedbackAlreadyGiven(Exception):
    pass


# --- Booking and cancelling ---------------------------------------------------------------


def _places_locked(event: EventPage) -> EventPlaces:
    """The event's places row, locked until the transaction ends, with the capacity the
    editor set now (never below the places already taken)."""
    EventPlaces.objects.get_or_create(event_id=event.pk, defaults={"capacity": event.capacity})
    places = EventPlaces.objects.select_for_update().get(event_id=event.pk)
    capacity = max(event.capacity, places.taken)
    if places.capacity != capacity:
        places.capacity = capacity
        places.save(update_fields=["capacity"])
    return places


def _promote_waiting(event: EventPage, places: EventPlaces) -> list[Booking]:
    """Give free places to the waiting list, in the order people joined it: each waiting
    booking that fits is confirmed. Call with the places row locked."""
    if event.booking_state() != "open":
        return []
    promoted = []
    left = places.capacity - places.taken
    if left <= 0:
        return promoted
    now = timezone.now()
    waiting = Booking.objects.select_for_update().filter(event=event, status=Booking.Status.WAITING)
    for booking in waiting.order_by("created_at", "pk"):
        if booking.places > left:
            continue
        booking.status = Booking.Status.CONFIRMED
        booking.promoted_at = now
        # If they were never told they are on the waiting list, the confirmation says booked.
        if booking.confirmation_sent_at is None:
            booking.promotion_sent_at = now
        booking.save(update_fields=["status", "promoted_at", "promotion_sent_at"])
        left -= booking.places
        places.taken += booking.places
        promoted.append(booking)
        if left <= 0:
            break
    if promoted:
        places.save(update_fields=["taken"])
    return promoted


def booking_create(
    *, event: EventPage, name: str, email: str, places: int, access_needs: str = "", language: str = ""
) -> Booking:
    """Book places, or join the waiting list when the event is full.

    Raises BookingClosed (booking is not open), TooManyPlaces (more than the event's maximum
    per booking, on the waiting list too), NotEnoughPlaces (fewer places left than asked for)
    or AlreadyBooked (this email address has a booking for the event already).
    `language` is the site language the person booked in; their emails are written in it.
    """
    state = event.booking_state()
    if state != "open":
        raise BookingClosed(CLOSED_MESSAGES[state])
    if places < 1:
        raise NotEnoughPlaces(gettext("Book at least 1 place."), left=0)
    if places > event.max_places_per_booking:
        raise TooManyPlaces(f"{places_limit_message(event.max_places_per_booking)}.")
    with transaction.atomic():
        counter = _places_locked(event)
        promoted = _promote_waiting(event, counter)
        if Booking.objects.filter(event=event, email__iexact=email).exclude(status=Booking.Status.CANCELLED).exists():
            raise AlreadyBooked(
                gettext(
                    "This email address already has a booking for this event. To change it, cancel it with the "
                    "link in your confirmation email and book again."
                )
            )
        left = counter.capacity - counter.taken
        if left <= 0:
            if places > counter.capacity:
                raise NotEnoughPlaces(
                    gettext("The event has %(capacity)s places in all.") % {"capacity": counter.capacity}, left=0
                )
            status = Booking.Status.WAITING
        elif places > left:
            raise NotEnoughPlaces(
                ngettext(
                    "Only %(left)s place left: book %(left)s or fewer.",
                    "Only %(left)s places left: book %(left)s or fewer.",
                    left,
                )
                % {"left": left},
                left=left,
            )
        else:
            status = Booking.Status.CONFIRMED
            counter.taken += places
            counter.save(update_fields=["taken"])
        booking = Booking.objects.create(
            event=event,
            status=status,
            places=places,
            name=name.strip(),
            email=email.strip(),
            access_needs=access_needs.strip(),
            language=language_for_record(language),
        )
    for row in [booking, *promoted]:
        queue_after_commit(tasks.booking_emails_send, row.pk)
    return booking


def booking_cancel(*, booking: Booking) -> list[Booking]:
    """Cancel a booking (or leave the waiting list), and give the freed places to the waiting
    list. The person is emailed a confirmation. Returns the bookings promoted. Cancelling twice
    does nothing the second time."""
    event = booking.event
    with transaction.atomic():
        counter = _places_locked(event)
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        if booking.status == Booking.Status.CANCELLED:
            return []
        was_confirmed = booking.status == Booking.Status.CONFIRMED
        booking.status = Booking.Status.CANCELLED
        booking.cancelled_at = timezone.now()
        booking.save(update_fields=["status", "cancelled_at"])
        if was_confirmed:
            counter.taken = max(counter.taken - booking.places, 0)
            counter.save(update_fields=["taken"])
        promoted = _promote_waiting(event, counter)
    for row in [booking, *promoted]:
        queue_after_commit(tasks.booking_emails_send, row.pk)
    return promoted


# --- Afterwards ---------------------------------------------------------------------------


def event_feedback_record(*, booking: Booking, text: str, language: str = "") -> Feedback:
    """An attendee's comment after the event becomes Feedback (source "event", no name or
    email) for officers to triage, with the event's themes as suggestions beside the
    suggester's own, and the code of the language of the page it was written on. One comment
    per booking: raises FeedbackAlreadyGiven otherwise."""
    event = booking.event
    now = timezone.now()
    with transaction.atomic():
        claimed = Booking.objects.filter(pk=booking.pk, feedback_given_at__isnull=True).update(feedback_given_at=now)
        if not claimed:
            raise FeedbackAlreadyGiven
        because = (f"event theme: {event.title}",)
        return feedback_create(
            source=Feedback.Source.EVENT,
            text=text,
            created_at=now,
            ward=event.ward,
            question_text=f"Event: {event.title}"[:255],
            language=language,
            suggested_themes=[
                Suggestion(key=theme.pk, score=EVENT_THEME_SCORE, matched=because) for theme in event.themes.all()
            ],
        )
