"""Writes of the events app: booking, cancelling, the waiting list, the emails that follow,
feedback after an event and the removal of attendees' personal data.

Places: every booking and cancellation locks the event's `EventPlaces` row
(SELECT ... FOR UPDATE), so two people can never both get the last place; the row's check
constraint (taken <= capacity) makes the database refuse it even if code forgot the lock.

Emails: sent after the commit, never inside the booking's transaction. Each email has a
timestamp on the booking row, claimed with a conditional UPDATE before sending and released
if sending fails, so a periodic task sends what was missed and nothing is ever sent twice.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone

from consultation.models import Feedback, ThemeSuggestion
from consultation.services import feedback_create, feedback_suggest_themes
from core.links import site_url
from core.queue import queue_after_commit
from core.textguard import email_subject

from .models import Booking, EventPage, EventPlaces

logger = logging.getLogger(__name__)

CANCEL_SALT = "events.booking.cancel"
FEEDBACK_SALT = "events.booking.feedback"
BOOKED_SALT = "events.booking.booked"
# Feedback links work for this long after they are sent.
FEEDBACK_LINK_DAYS = 30
# Feedback is asked for within this long after an event ends (not for old events).
FEEDBACK_REQUEST_WINDOW = timedelta(days=7)
# Reminders go out in the 24 hours before an event starts.
REMINDER_BEFORE = timedelta(hours=24)
# The score given to a theme suggested because the event carries it.
EVENT_THEME_SCORE = 1.0

CLOSED_MESSAGES = {
    "cancelled": "This event has been cancelled, so it cannot be booked.",
    "past": "This event has already started or finished, so it cannot be booked.",
    "not_needed": "You don't need to book for this event: just come along.",
    "not_open_yet": "Booking for this event has not opened yet.",
    "closed": "Booking for this event has closed.",
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
    if limit == 1:
        return "You can book 1 place at once"
    return f"You can book up to {limit} places at once"


class FeedbackAlreadyGiven(Exception):
    pass


# --- Signed links -------------------------------------------------------------------------


def booking_token(*, booking: Booking, salt: str) -> str:
    return signing.dumps(booking.pk, salt=salt, compress=True)


def booking_from_token(*, token: str, salt: str, max_age: float | None = None) -> Booking | None:
    """The booking a signed link points at; None if the link was changed, expired or its
    booking is gone."""
    try:
        pk = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return Booking.objects.select_related("event").filter(pk=pk).first()


def booking_cancel_url(*, booking: Booking) -> str:
    event = booking.event
    return (
        site_url(event.url + event.reverse_subpage("cancel_view"))
        + "?t="
        + booking_token(booking=booking, salt=CANCEL_SALT)
    )


def booking_feedback_url(*, booking: Booking) -> str:
    event = booking.event
    return (
        site_url(event.url + event.reverse_subpage("feedback_view"))
        + "?t="
        + booking_token(booking=booking, salt=FEEDBACK_SALT)
    )


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


def booking_create(*, event: EventPage, name: str, email: str, places: int, access_needs: str = "") -> Booking:
    """Book places, or join the waiting list when the event is full.

    Raises BookingClosed (booking is not open), TooManyPlaces (more than the event's maximum
    per booking, on the waiting list too), NotEnoughPlaces (fewer places left than asked for)
    or AlreadyBooked (this email address has a booking for the event already).
    """
    state = event.booking_state()
    if state != "open":
        raise BookingClosed(CLOSED_MESSAGES[state])
    if places < 1:
        raise NotEnoughPlaces("Book at least 1 place.", left=0)
    if places > event.max_places_per_booking:
        raise TooManyPlaces(f"{places_limit_message(event.max_places_per_booking)}.")
    with transaction.atomic():
        counter = _places_locked(event)
        promoted = _promote_waiting(event, counter)
        if Booking.objects.filter(event=event, email__iexact=email).exclude(status=Booking.Status.CANCELLED).exists():
            raise AlreadyBooked(
                "This email address already has a booking for this event. To change it, cancel it with the "
                "link in your confirmation email and book again."
            )
        left = counter.capacity - counter.taken
        if left <= 0:
            if places > counter.capacity:
                raise NotEnoughPlaces(f"The event has {counter.capacity} places in all.", left=0)
            status = Booking.Status.WAITING
        elif places > left:
            raise NotEnoughPlaces(f"Only {left} place{'s' if left != 1 else ''} left: book {left} or fewer.", left=left)
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
        )
    for row in [booking, *promoted]:
        queue_after_commit("events.booking_emails_send", row.pk)
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
        queue_after_commit("events.booking_emails_send", row.pk)
    return promoted


# --- Emails -------------------------------------------------------------------------------


def _claim(booking: Booking, field: str, **conditions) -> bool:
    return bool(
        Booking.objects.filter(pk=booking.pk, purged_at__isnull=True, **{f"{field}__isnull": True}, **conditions)
        .exclude(email="")
        .update(**{field: timezone.now()})
    )


def _send(booking: Booking, field: str, template: str, subject: str, **conditions) -> bool:
    """Claim the email's timestamp, send, and release the claim if sending failed."""
    if not _claim(booking, field, **conditions):
        return False
    event = booking.event
    context = {
        "booking": booking,
        "event": event,
        "event_url": site_url(event.url),
        "cancel_url": booking_cancel_url(booking=booking),
        "feedback_url": booking_feedback_url(booking=booking),
        "site_name": settings.SITE_NAME,
    }
    try:
        send_mail(
            subject=email_subject(subject),
            message=render_to_string(f"events/emails/{template}.txt", context),
            from_email=None,
            recipient_list=[booking.email],
        )
    except Exception:
        Booking.objects.filter(pk=booking.pk).update(**{field: None})
        raise
    return True


def booking_emails_send(*, booking: Booking) -> list[str]:
    """Send whatever this booking is owed: its confirmation (or waiting-list notice), the news
    that a place came up, that the event was cancelled, or that their own cancellation went
    through. Returns what was sent."""
    sent = []
    event = booking.event
    if booking.status == Booking.Status.CANCELLED:
        # Only a person cancels a booking (with the link in their email), so this confirms it.
        if _send(
            booking,
            "cancellation_sent_at",
            "booking_cancelled",
            f"Booking cancelled: {event.title}",
            status="cancelled",
        ):
            sent.append("booking_cancelled")
        return sent
    if event.cancelled:
        if booking.status != Booking.Status.CANCELLED and _send(
            booking,
            "event_cancelled_sent_at",
            "event_cancelled",
            f"Cancelled: {event.title}",
            status__in=[Booking.Status.CONFIRMED, Booking.Status.WAITING],
        ):
            sent.append("event_cancelled")
        return sent
    if event.start_at <= timezone.now() or booking.status == Booking.Status.CANCELLED:
        return sent
    if booking.status == Booking.Status.CONFIRMED:
        if _send(booking, "confirmation_sent_at", "confirmation", f"You're booked: {event.title}", status="confirmed"):
            sent.append("confirmation")
        if booking.promoted_at and _send(
            booking, "promotion_sent_at", "promotion", f"A place came up: {event.title}", status="confirmed"
        ):
            sent.append("promotion")
    elif booking.status == Booking.Status.WAITING and _send(
        booking, "confirmation_sent_at", "waiting", f"You're on the waiting list: {event.title}", status="waiting"
    ):
        sent.append("waiting")
    return sent


def bookings_owed_email():
    """Bookings with an email that was never sent (the queue was down, or sending failed)."""
    now = timezone.now()
    upcoming = Q(event__start_at__gt=now, event__cancelled=False) & (
        Q(status__in=["confirmed", "waiting"], confirmation_sent_at__isnull=True)
        | Q(status="confirmed", promoted_at__isnull=False, promotion_sent_at__isnull=True)
    )
    cancelled = Q(
        event__cancelled=True,
        event__live=True,
        event__start_at__gt=now - timedelta(days=1),
        status__in=["confirmed", "waiting"],
        event_cancelled_sent_at__isnull=True,
    )
    # A cancellation confirmed late is still worth sending; one from long ago is not.
    own_cancellation = Q(
        status="cancelled", cancellation_sent_at__isnull=True, cancelled_at__gt=now - timedelta(days=1)
    )
    return Booking.objects.filter(upcoming | cancelled | own_cancellation, purged_at__isnull=True).select_related(
        "event"
    )


def event_cancellation_notices_send(*, event: EventPage) -> int:
    """Email everyone booked on (or waiting for) a cancelled event, once each."""
    if not event.cancelled or not event.live:
        return 0
    count = 0
    for booking in event.bookings.filter(
        status__in=[Booking.Status.CONFIRMED, Booking.Status.WAITING], event_cancelled_sent_at__isnull=True
    ).select_related("event"):
        try:
            count += len(booking_emails_send(booking=booking))
        except Exception:
            logger.exception("Could not email booking %s about the cancelled event; will retry", booking.pk)
    return count


def booking_reminders_send(*, now=None) -> int:
    """Remind everyone booked on an event that starts in the next 24 hours, once. People who
    booked within those 24 hours already have their confirmation and get no reminder."""
    now = now or timezone.now()
    due = Booking.objects.filter(
        status=Booking.Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        purged_at__isnull=True,
        event__live=True,
        event__cancelled=False,
        event__start_at__gt=now,
        event__start_at__lte=now + REMINDER_BEFORE,
        created_at__lte=F("event__start_at") - REMINDER_BEFORE,
    ).select_related("event")
    count = 0
    for booking in due:
        try:
            if _send(booking, "reminder_sent_at", "reminder", f"Tomorrow: {booking.event.title}", status="confirmed"):
                count += 1
        except Exception:
            logger.exception("Could not send the reminder for booking %s; will retry", booking.pk)
    return count


def feedback_requests_send(*, now=None) -> int:
    """After an event, ask each attendee what they thought, once, with a signed link."""
    now = now or timezone.now()
    due = Booking.objects.filter(
        status=Booking.Status.CONFIRMED,
        feedback_request_sent_at__isnull=True,
        purged_at__isnull=True,
        event__live=True,
        event__cancelled=False,
        event__end_at__lte=now,
        event__end_at__gt=now - FEEDBACK_REQUEST_WINDOW,
    ).select_related("event")
    count = 0
    for booking in due:
        try:
            if _send(booking, "feedback_request_sent_at", "feedback_request", f"How was it? {booking.event.title}"):
                count += 1
        except Exception:
            logger.exception("Could not send the feedback request for booking %s; will retry", booking.pk)
    return count


# --- Afterwards ---------------------------------------------------------------------------


def event_feedback_record(*, booking: Booking, text: str) -> Feedback:
    """An attendee's comment after the event becomes Feedback (source "event", no name or
    email) for officers to triage, with the event's themes as suggestions beside the
    suggester's own. One comment per booking: raises FeedbackAlreadyGiven otherwise."""
    event = booking.event
    now = timezone.now()
    with transaction.atomic():
        claimed = Booking.objects.filter(pk=booking.pk, feedback_given_at__isnull=True).update(feedback_given_at=now)
        if not claimed:
            raise FeedbackAlreadyGiven
        feedback = feedback_create(source=Feedback.Source.EVENT, text=text, created_at=now, ward=event.ward)
        Feedback.objects.filter(pk=feedback.pk).update(question_text=f"Event: {event.title}"[:255])
        # The suggester runs now rather than after the commit, so its results do not replace
        # the event's themes added below (the queued processing sees it has run).
        feedback_suggest_themes(feedback=feedback)
        for theme in event.themes.all():
            suggestion, created = ThemeSuggestion.objects.get_or_create(
                feedback=feedback,
                theme=theme,
                defaults={"score": EVENT_THEME_SCORE, "matched": [f"event theme: {event.title}"]},
            )
            if not created:
                suggestion.matched = [*suggestion.matched, f"event theme: {event.title}"]
                suggestion.score = max(suggestion.score, EVENT_THEME_SCORE)
                suggestion.save(update_fields=["matched", "score"])
    return feedback


# --- Personal data ------------------------------------------------------------------------


def booking_personal_data_purge(*, now=None) -> int:
    """Remove names, emails and access needs from bookings of events that ended more than
    EVENT_BOOKING_RETENTION_DAYS ago. The bookings stay, anonymous, for attendance figures."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.EVENT_BOOKING_RETENTION_DAYS)
    return Booking.objects.filter(event__end_at__lt=cutoff, purged_at__isnull=True).update(
        name="", email="", access_needs="", purged_at=now
    )
