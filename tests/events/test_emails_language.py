"""Booking emails go out in the language the person booked in: the subject, the body and the
links in them, which keep the language's prefix."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation

from events import services as event_services
from events import tasks as event_tasks
from events.models import Booking

pytestmark = pytest.mark.django_db


def _path(event) -> str:
    """The event's address without a language prefix (the test client leaves the last request's
    language active)."""
    with translation.override("en-gb"):
        return event.url


def _book(client, event, code: str, capture) -> Booking:
    with capture(execute=True):
        response = client.post(
            f"/{code}{_path(event)}",
            {"name": "Sam Patel", "email": "sam@example.com", "places": "2", "consent": "on"},
        )
    assert response.status_code == 302
    return Booking.objects.get(event=event, email="sam@example.com")


def test_a_booking_made_in_urdu_is_confirmed_in_urdu(client, event, django_capture_on_commit_callbacks):
    booking = _book(client, event, "ur", django_capture_on_commit_callbacks)
    assert booking.language == "ur"
    (email,) = mail.outbox
    assert email.subject == f"آپ کی بکنگ ہو گئی: {event.title}"
    assert "آپ کی بکنگ ہو گئی: 2 جگہیں۔" in email.body
    assert "کب:" in email.body and "کہاں:" in email.body
    # The links keep the language: the cancel link opens the page in Urdu.
    assert f"/ur{_path(event)}cancel/?t=" in email.body
    assert "You're booked" not in email.body


def test_the_reminder_goes_in_the_language_of_the_booking(client, make_event, django_capture_on_commit_callbacks):
    event = make_event(
        capacity=5, start_at=timezone.now() + timedelta(hours=20), end_at=timezone.now() + timedelta(hours=22)
    )
    booking = _book(client, event, "pl", django_capture_on_commit_callbacks)
    Booking.objects.filter(pk=booking.pk).update(created_at=timezone.now() - timedelta(days=3))
    mail.outbox.clear()
    event_tasks.reminders_send()
    (email,) = mail.outbox
    assert email.subject == f"Jutro: {event.title}"
    assert "Przypominamy, że jutro masz rezerwację na to wydarzenie." in email.body
    assert f"/pl{_path(event)}cancel/?t=" in email.body


def test_a_booking_made_in_english_stays_in_english(event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        booking = event_services.booking_create(event=event, name="Sam", email="sam@example.com", places=1)
    assert booking.language == "en-gb"
    (email,) = mail.outbox
    assert email.subject == f"You're booked: {event.title}"
    assert "/ur/" not in email.body and "/pl/" not in email.body


def test_an_unknown_language_is_kept_as_english(event):
    booking = event_services.booking_create(
        event=event, name="Sam", email="sam@example.com", places=1, language="xx\x00"
    )
    assert booking.language == "en-gb"
