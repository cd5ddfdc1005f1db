"""Every booking email, rendered for a venue whose address runs over several lines, reads as
plain text: the address on one line and no template code left in it."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.test.utils import override_settings
from django.utils import timezone

from events import services, tasks
from events.models import Booking

pytestmark = pytest.mark.django_db

TEMPLATE_DIR = Path(settings.BASE_DIR) / "templates" / "events" / "email"
LEFTOVER_TEMPLATE_CODE = ("{{", "}}", "{%", "%}", "{#", "#}")


def _every_booking_email(make_event, capture) -> list[mail.EmailMessage]:
    event = make_event(
        capacity=1,
        venue_name="Highfields Community Centre",
        address="96 Melbourne Road\nHighfields\n",
        postcode="LE2 0DS",
        start_at=timezone.now() + timedelta(hours=20),
        end_at=timezone.now() + timedelta(hours=22),
    )
    with capture(execute=True):
        first = services.booking_create(event=event, name="Sam", email="sam@example.com", places=1)  # confirmation
        services.booking_create(event=event, name="Ali", email="ali@example.com", places=1)  # waiting list
    with capture(execute=True):
        services.booking_cancel(booking=first)  # a place came up for Ali
    # Bookings made a while ago: a booking made on the day gets no separate reminder.
    Booking.objects.filter(event=event).update(created_at=timezone.now() - timedelta(days=3))
    tasks.reminders_send()
    type(event).objects.filter(pk=event.pk).update(
        start_at=timezone.now() - timedelta(hours=3), end_at=timezone.now() - timedelta(hours=1)
    )
    tasks.feedback_requests_send()
    event.refresh_from_db()
    event.cancelled = True
    event.save_revision().publish()
    with capture(execute=True):
        tasks.event_cancelled_notify(event.pk)
    return list(mail.outbox)


def test_booking_emails_give_the_address_on_one_line(make_event, django_capture_on_commit_callbacks):
    emails = _every_booking_email(make_event, django_capture_on_commit_callbacks)
    confirmation = next(m for m in emails if m.subject.startswith("You're booked"))
    assert "Where: Highfields Community Centre, 96 Melbourne Road, Highfields, LE2 0DS\n" in confirmation.body


def test_every_booking_email_template_renders_without_leftover_template_code(
    make_event, django_capture_on_commit_callbacks
):
    rendered = []
    from django.test.signals import template_rendered

    def remember(sender, template, context, **kwargs):
        rendered.append(Path(template.origin.name).name)

    template_rendered.connect(remember)
    try:
        with override_settings(DEBUG=False):
            emails = _every_booking_email(make_event, django_capture_on_commit_callbacks)
    finally:
        template_rendered.disconnect(remember)
    for message in emails:
        for code in LEFTOVER_TEMPLATE_CODE:
            assert code not in message.body, f"{message.subject!r} shows template code {code!r}:\n{message.body}"
    # Every template in the folder was rendered, so a new one cannot be left out of this test.
    assert {path.name for path in TEMPLATE_DIR.glob("*.txt")} <= set(rendered)


def test_booking_emails_have_no_run_of_blank_lines(make_event, django_capture_on_commit_callbacks):
    for message in _every_booking_email(make_event, django_capture_on_commit_callbacks):
        assert "\n\n\n" not in message.body, f"{message.subject!r}:\n{message.body}"


def test_a_sample_events_emails_say_it_will_not_take_place(make_event, django_capture_on_commit_callbacks):
    event = make_event(capacity=5, is_sample=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_create(event=event, name="Sam", email="sam@example.com", places=1)
    assert "This is a sample event: it is not real and will not take place." in mail.outbox[-1].body
