"""Reminders, cancelled-event emails and feedback requests: each sent once however often the
periodic tasks run."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from events import services, tasks
from events.models import Booking

pytestmark = pytest.mark.django_db


def _booked(event, count=2):
    bookings = [
        services.booking_create(event=event, name=f"P{n}", email=f"p{n}@example.com", places=1) for n in range(count)
    ]
    Booking.objects.filter(event=event).update(created_at=timezone.now() - timedelta(days=3))
    return bookings


def test_reminders_are_sent_once_the_day_before(make_event):
    event = make_event(start_at=timezone.now() + timedelta(hours=20))
    _booked(event)
    assert tasks.reminders_send() == 2
    assert tasks.reminders_send() == 0
    assert sorted(m.to[0] for m in mail.outbox) == ["p0@example.com", "p1@example.com"]
    assert all(m.subject.startswith("Tomorrow:") for m in mail.outbox)


def test_no_reminder_more_than_a_day_ahead_or_for_cancelled_bookings(make_event):
    later = make_event(start_at=timezone.now() + timedelta(days=3))
    _booked(later)
    soon = make_event(start_at=timezone.now() + timedelta(hours=5))
    cancelled = _booked(soon, count=1)[0]
    services.booking_cancel(booking=cancelled)
    assert tasks.reminders_send() == 0


def test_a_cancelled_event_emails_its_attendees_once(event):
    _booked(event, count=3)
    services.booking_create(event=event, name="W", email="w@example.com", places=1)  # waiting list
    mail.outbox.clear()
    event.cancelled = True
    event.cancellation_note = "The hall flooded."
    event.save_revision().publish()
    assert tasks.event_cancelled_notify(event.pk) == 4
    assert tasks.event_cancelled_notify(event.pk) == 0
    assert tasks.emails_send_pending() == 0
    assert len(mail.outbox) == 4
    assert all("Cancelled:" in m.subject and "The hall flooded." in m.body for m in mail.outbox)


def test_attendees_are_asked_for_feedback_once_after_the_event(make_event):
    event = make_event()
    _booked(event)
    type(event).objects.filter(pk=event.pk).update(
        start_at=timezone.now() - timedelta(hours=3), end_at=timezone.now() - timedelta(hours=1)
    )
    mail.outbox.clear()
    assert tasks.feedback_requests_send() == 2
    assert tasks.feedback_requests_send() == 0
    assert f"{event.url}feedback/?t=" in mail.outbox[0].body


def test_beat_runs_every_events_task():
    from django.conf import settings

    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {
        "events.emails_send_pending",
        "events.reminders_send",
        "events.feedback_requests_send",
        # Bookings' personal data goes in the retention schedule's daily run.
        "core.retention_apply",
    } <= scheduled
