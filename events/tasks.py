"""Background tasks of the events app. Thin: load by id, call the work, safe to run twice
(every email is claimed on its booking row before it is sent).

Services and the admin queue these (core.queue.queue_after_commit); the tasks call
events/emails.py, which queues nothing, so the imports run one way. Attendees' personal data
is removed by the site's retention run (events/retention.py, registered in
events/personal_data.py).
"""

import logging

from celery import shared_task

from . import emails
from .models import Booking, EventPage

logger = logging.getLogger(__name__)


@shared_task(name="events.booking_emails_send", autoretry_for=(Exception,), retry_backoff=30, max_retries=5)
def booking_emails_send(booking_id: int) -> list[str]:
    """Send a booking's confirmation, waiting-list, place-offered or cancelled-event email."""
    booking = Booking.objects.select_related("event").filter(pk=booking_id).first()
    return emails.booking_emails_send(booking=booking) if booking else []


@shared_task(name="events.emails_send_pending")
def emails_send_pending() -> int:
    """Send the booking emails that were never sent (the queue was down, or sending failed).
    Run by beat."""
    sent = 0
    for booking in emails.bookings_owed_email().iterator(chunk_size=200):
        try:
            sent += len(emails.booking_emails_send(booking=booking))
        except Exception:
            logger.exception("Emailing booking %s failed; it will be tried again", booking.pk)
    return sent


@shared_task(name="events.event_cancelled_notify")
def event_cancelled_notify(event_id: int) -> int:
    """Email the attendees of a cancelled event (queued when the cancelled event is published)."""
    event = EventPage.objects.filter(pk=event_id).first()
    return emails.event_cancellation_notices_send(event=event) if event else 0


@shared_task(name="events.reminders_send")
def reminders_send() -> int:
    """Remind attendees the day before. Run by beat every 15 minutes."""
    return emails.booking_reminders_send()


@shared_task(name="events.feedback_requests_send")
def feedback_requests_send() -> int:
    """Ask attendees for feedback after the event. Run by beat every hour."""
    return emails.feedback_requests_send()
