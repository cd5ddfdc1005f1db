"""The emails a booking is owed: its confirmation (or waiting-list notice), the news that a
place came up, that the event was cancelled, that their own cancellation went through, the
reminder the day before and the request for feedback afterwards.

Sent by tasks, after the booking's transaction has committed, never inside it. Each email has a
timestamp on the booking row and goes through the outbox (core/outbox.py): claimed with a
conditional UPDATE before sending and released if sending fails, so a periodic task sends what
was missed and nothing is ever sent twice. Nothing here queues a task, so the imports run one
way: events.services -> events.tasks -> events.emails.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.languages import in_language
from core.links import site_url
from core.outbox import send_once
from core.textguard import email_subject

from .links import booking_cancel_url, booking_feedback_url
from .models import Booking, EventPage

logger = logging.getLogger(__name__)

# Feedback is asked for within this long after an event ends (not for old events).
FEEDBACK_REQUEST_WINDOW = timedelta(days=7)
# Reminders go out in the 24 hours before an event starts.
REMINDER_BEFORE = timedelta(hours=24)


def _send(booking: Booking, field: str, template: str, subject, **conditions) -> bool:
    """Send one email of a booking once, claimed on its `field` timestamp. `conditions` are
    what the booking must still be when the email is claimed (for example still confirmed);
    nothing goes to a booking whose personal data was removed or that has no address.
    `subject` is a translatable message with the event's title as %(title)s: the email, its
    subject and its links are in the language the person booked in."""
    event = booking.event

    def send(claimed) -> None:
        with in_language(booking.language):
            context = {
                "booking": booking,
                "event": event,
                "event_url": site_url(event.url),
                "cancel_url": booking_cancel_url(booking=booking),
                "feedback_url": booking_feedback_url(booking=booking),
                "site_name": settings.SITE_NAME,
            }
            subject_line = email_subject(str(subject) % {"title": event.title})
            message = render_to_string(f"events/emails/{template}.txt", context)
        send_mail(subject=subject_line, message=message, from_email=None, recipient_list=[booking.email])

    return send_once(
        rows=Booking.objects.filter(pk=booking.pk),
        stamp_field=field,
        when=Q(purged_at__isnull=True, **conditions) & ~Q(email=""),
        send=send,
    )


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
            _("Booking cancelled: %(title)s"),
            status="cancelled",
        ):
            sent.append("booking_cancelled")
        return sent
    if event.cancelled:
        if booking.status != Booking.Status.CANCELLED and _send(
            booking,
            "event_cancelled_sent_at",
            "event_cancelled",
            _("Cancelled: %(title)s"),
            status__in=[Booking.Status.CONFIRMED, Booking.Status.WAITING],
        ):
            sent.append("event_cancelled")
        return sent
    if event.start_at <= timezone.now() or booking.status == Booking.Status.CANCELLED:
        return sent
    if booking.status == Booking.Status.CONFIRMED:
        if _send(booking, "confirmation_sent_at", "confirmation", _("You're booked: %(title)s"), status="confirmed"):
            sent.append("confirmation")
        if booking.promoted_at and _send(
            booking, "promotion_sent_at", "promotion", _("A place came up: %(title)s"), status="confirmed"
        ):
            sent.append("promotion")
    elif booking.status == Booking.Status.WAITING and _send(
        booking, "confirmation_sent_at", "waiting", _("You're on the waiting list: %(title)s"), status="waiting"
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


def _each_send(*, due: dict, field: str, template: str, subject, what: str, **conditions) -> int:
    """Send one kind of email, once each, to every confirmed booking of a live event that is
    not cancelled, has not had it, and matches `due`; a failure is logged and left for the next
    run. `subject` has the event's title as %(title)s."""
    bookings = Booking.objects.filter(
        status=Booking.Status.CONFIRMED,
        purged_at__isnull=True,
        event__live=True,
        event__cancelled=False,
        **{f"{field}__isnull": True},
        **due,
    )
    count = 0
    for booking in bookings.select_related("event"):
        try:
            if _send(booking, field, template, subject, **conditions):
                count += 1
        except Exception:
            logger.exception("Could not send the %s for booking %s; will retry", what, booking.pk)
    return count


def booking_reminders_send(*, now=None) -> int:
    """Remind everyone booked on an event that starts in the next 24 hours, once. People who
    booked within those 24 hours already have their confirmation and get no reminder."""
    now = now or timezone.now()
    due = {
        "event__start_at__gt": now,
        "event__start_at__lte": now + REMINDER_BEFORE,
        "created_at__lte": F("event__start_at") - REMINDER_BEFORE,
    }
    return _each_send(
        due=due,
        field="reminder_sent_at",
        template="reminder",
        subject=_("Tomorrow: %(title)s"),
        what="reminder",
        status="confirmed",
    )


def feedback_requests_send(*, now=None) -> int:
    """After an event, ask each attendee what they thought, once, with a signed link."""
    now = now or timezone.now()
    due = {"event__end_at__lte": now, "event__end_at__gt": now - FEEDBACK_REQUEST_WINDOW}
    return _each_send(
        due=due,
        field="feedback_request_sent_at",
        template="feedback_request",
        subject=_("How was it? %(title)s"),
        what="feedback request",
    )
