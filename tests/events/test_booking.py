"""Booking, the waiting list, cancelling, emails and personal data (events/services.py)."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from events import emails, links, retention, services, tasks
from events.models import Booking, EventPlaces

pytestmark = pytest.mark.django_db


def _book(event, email="a@example.com", places=1, **kwargs):
    return services.booking_create(event=event, name="Alex", email=email, places=places, **kwargs)


def test_booking_takes_places_and_sends_a_confirmation_with_a_cancel_link(event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        booking = _book(event, places=2)
    assert booking.status == Booking.Status.CONFIRMED
    assert EventPlaces.objects.get(event=event).taken == 2
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["a@example.com"]
    assert "You're booked" in message.subject
    assert f"{event.url}cancel/?t=" in message.body
    booking.refresh_from_db()
    assert booking.confirmation_sent_at is not None


def test_a_full_event_puts_people_on_the_waiting_list(event, django_capture_on_commit_callbacks):
    _book(event, places=3)
    with django_capture_on_commit_callbacks(execute=True):
        waiting = _book(event, email="b@example.com")
    assert waiting.status == Booking.Status.WAITING
    assert EventPlaces.objects.get(event=event).taken == 3
    assert "waiting list" in mail.outbox[-1].subject


def test_more_places_than_are_left_is_refused_with_the_number_left(event):
    _book(event, places=2)
    with pytest.raises(services.NotEnoughPlaces) as error:
        _book(event, email="b@example.com", places=2)
    assert error.value.left == 1
    assert "Only 1 place left" in error.value.message
    assert Booking.objects.filter(event=event).count() == 1


def test_a_past_event_cannot_be_booked(make_event):
    event = make_event(start_at=timezone.now() - timedelta(hours=3), end_at=timezone.now() - timedelta(hours=1))
    with pytest.raises(services.BookingClosed, match="already started or finished"):
        _book(event)


def test_booking_closed_by_the_editor_is_refused(make_event):
    event = make_event(booking_closes_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(services.BookingClosed, match="closed"):
        _book(event)


def test_the_same_email_cannot_book_the_same_event_twice(event):
    _book(event, email="Same@Example.com")
    with pytest.raises(services.AlreadyBooked):
        _book(event, email="same@example.com")


def test_cancelling_gives_the_place_to_the_first_on_the_waiting_list_by_email(
    event, django_capture_on_commit_callbacks
):
    first = _book(event, places=3)
    with django_capture_on_commit_callbacks(execute=True):
        waiting_one = _book(event, email="w1@example.com")
        waiting_two = _book(event, email="w2@example.com")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.booking_cancel(booking=first)
    assert [b.pk for b in promoted] == [waiting_one.pk, waiting_two.pk]
    waiting_one.refresh_from_db()
    assert waiting_one.status == Booking.Status.CONFIRMED
    assert EventPlaces.objects.get(event=event).taken == 2
    offers = [m for m in mail.outbox if "A place came up" in m.subject]
    assert sorted(m.to[0] for m in offers) == ["w1@example.com", "w2@example.com"]
    assert [m.to[0] for m in mail.outbox if m not in offers] == ["a@example.com"]  # the canceller's confirmation


def test_cancelling_twice_frees_the_places_once(event):
    booking = _book(event, places=2)
    services.booking_cancel(booking=booking)
    services.booking_cancel(booking=booking)
    assert EventPlaces.objects.get(event=event).taken == 0


def test_the_database_refuses_more_places_taken_than_the_capacity(event):
    _book(event, places=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        EventPlaces.objects.filter(event=event).update(taken=4)


def test_a_failed_email_keeps_the_booking_and_the_periodic_task_sends_it(event, django_capture_on_commit_callbacks):
    with (
        mock.patch("events.emails.send_mail", side_effect=ConnectionError("mail server down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        booking = _book(event)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
    assert booking.confirmation_sent_at is None
    assert tasks.emails_send_pending() == 1
    assert tasks.emails_send_pending() == 0
    assert len(mail.outbox) == 1


def test_personal_data_is_removed_after_the_retention_period(make_event, settings):
    settings.EVENT_BOOKING_RETENTION_DAYS = 90
    event = make_event()
    booking = _book(event, access_needs="Wheelchair space")
    Booking.objects.filter(pk=booking.pk).update()
    type(event).objects.filter(pk=event.pk).update(
        start_at=timezone.now() - timedelta(days=92), end_at=timezone.now() - timedelta(days=91)
    )
    assert retention.booking_personal_data_purge() == 1
    booking.refresh_from_db()
    assert (booking.name, booking.email, booking.access_needs) == ("", "", "")
    assert booking.places == 1 and booking.purged_at is not None


def test_personal_data_is_kept_within_the_retention_period(make_event, settings):
    settings.EVENT_BOOKING_RETENTION_DAYS = 90
    event = make_event()
    _book(event)
    type(event).objects.filter(pk=event.pk).update(
        start_at=timezone.now() - timedelta(days=30), end_at=timezone.now() - timedelta(days=30)
    )
    assert retention.booking_personal_data_purge() == 0


def test_every_events_page_model_has_a_factory():
    from wagtail.models import Page

    from tests.events import factories

    factory_models = {
        value._meta.model for value in vars(factories).values() if isinstance(value, type) and hasattr(value, "_meta")
    }
    page_models = {model for model in Page.__subclasses__() if model._meta.app_label == "events"}
    page_models |= {
        model for base in Page.__subclasses__() for model in base.__subclasses__() if model._meta.app_label == "events"
    }
    assert page_models and page_models <= factory_models


def test_booking_emails_do_not_repeat_the_name_or_access_needs(make_event, django_capture_on_commit_callbacks):
    """Emails go to whatever address was typed: they must not carry text the booker chose."""
    event = make_event(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        first = services.booking_create(
            event=event, name="Sam Quill", email="a@example.com", places=1, access_needs="Rebook at evil.example"
        )
        second = services.booking_create(
            event=event, name="Robin Quill", email="b@example.com", places=1, access_needs="Rebook at evil.example"
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_cancel(booking=first)
    event.cancelled = True
    event.save()
    emails.booking_emails_send(booking=Booking.objects.get(pk=second.pk))
    kinds = {message.subject.split(":")[0] for message in mail.outbox}
    assert {"You're booked", "You're on the waiting list", "A place came up", "Cancelled"} <= kinds
    for message in mail.outbox:
        assert message.body.startswith("Hello,\n")
        assert "Quill" not in message.body
        assert "evil.example" not in message.body


def test_an_event_title_with_line_breaks_makes_a_one_line_subject(event, django_capture_on_commit_callbacks):
    event.title = "Coffee\r\nBcc: everyone@example.com"
    event.save()
    with django_capture_on_commit_callbacks(execute=True):
        _book(event)
    assert [message.subject for message in mail.outbox] == ["You're booked: Coffee Bcc: everyone@example.com"]


def test_cancelling_with_the_signed_link_emails_a_confirmation_once(client, event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        booking = _book(event, email="sam@example.com", places=2)
    token = links.booking_cancel_url(booking=booking).split("?t=")[1]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{event.url}cancel/", {"t": token})
        client.post(f"{event.url}cancel/", {"t": token})  # pressed twice
    tasks.emails_send_pending()  # the periodic task finds nothing owed
    assert [message.subject for message in mail.outbox] == [f"Booking cancelled: {event.title}"]
    message = mail.outbox[0]
    assert message.to == ["sam@example.com"]
    local_start = timezone.localtime(event.start_at)
    assert f"Your booking for {event.title} on {local_start:%A} {local_start.day} {local_start:%B %Y} is cancelled" in (
        message.body
    )
    booking.refresh_from_db()
    assert booking.cancellation_sent_at is not None


def test_a_cancellation_email_that_failed_is_sent_by_the_periodic_task(event, django_capture_on_commit_callbacks):
    booking = _book(event)
    down = mock.patch("events.emails.send_mail", side_effect=ConnectionError("mail server down"))
    with down, django_capture_on_commit_callbacks(execute=True):
        services.booking_cancel(booking=booking)
    booking.refresh_from_db()
    assert booking.cancellation_sent_at is None
    tasks.emails_send_pending()
    assert [m.subject for m in mail.outbox if m.subject.startswith("Booking cancelled")] == [
        f"Booking cancelled: {event.title}"
    ]
