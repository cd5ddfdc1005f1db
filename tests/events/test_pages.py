"""The public pages: event list with filters, event page and booking form, signed links,
bleed-control kits, and what the page cache may keep."""

from datetime import timedelta

import pytest
from django.core import mail, signing
from django.utils import timezone

from consultation.models import Feedback
from consultation.theme_bits import bits_of
from core.models import Theme, Ward
from events import links, services
from events.models import Audience, BleedKit, Booking, EventIndexPage
from tests.events.factories import BleedKitFactory

pytestmark = pytest.mark.django_db

VALID = {"name": "Sam Jones", "email": "sam@example.com", "places": "2", "access_needs": "", "consent": "on"}


def test_demo_seed_adds_upcoming_and_past_events_and_sample_kits():
    index = EventIndexPage.objects.get(slug="events")
    events = index.get_children().live().specific()
    now = timezone.now()
    assert sum(1 for e in events if e.start_at > now) >= 3
    assert sum(1 for e in events if e.end_at < now) >= 1
    assert BleedKit.objects.count() == 8
    assert all(kit.is_sample for kit in BleedKit.objects.all())


def test_the_event_list_filters_by_theme_ward_and_audience(client, make_event):
    education = Theme.objects.get(slug="education")
    ward = Ward.objects.get(slug="castle")
    matching = make_event(title="Matching event", ward=ward, audience=Audience.PARENTS)
    matching.themes.add(education)
    matching.save_revision().publish()
    make_event(title="Other event", audience=Audience.YOUNG_PEOPLE)
    response = client.get("/events/", {"theme": "education", "ward": "castle", "audience": "parents"})
    content = response.content.decode()
    assert "Matching event" in content
    assert "Other event" not in content


def test_the_event_list_keeps_working_with_unknown_filter_values(client):
    response = client.get("/events/", {"theme": "no-such-theme", "when": "whenever"})
    assert response.status_code == 200
    assert "Public conversation: knife crime in our city" in response.content.decode()


def test_past_events_are_listed_apart(client):
    upcoming = client.get("/events/").content.decode()
    past = client.get("/events/", {"when": "past"}).content.decode()
    assert "young people&#x27;s safety" not in upcoming
    assert "young people&#x27;s safety" in past


def test_the_event_list_is_paginated_keeping_the_filters(client, make_event):
    for number in range(11):
        make_event(title=f"Paged event {number}", audience=Audience.PARENTS)
    response = client.get("/events/", {"audience": "parents"})
    content = response.content.decode()
    assert "Page 1 of 2" in content
    assert "audience=parents&amp;page=2" in content


def test_the_event_list_makes_the_same_number_of_queries_for_many_events(client, make_event, settings):
    settings.PAGE_CACHE_SECONDS = 0
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/events/", {"audience": "parents"}).status_code == 200
        return len(queries)

    def add_event():
        event = make_event(audience=Audience.PARENTS, ward=Ward.objects.order_by("?").first())
        event.themes.add(*Theme.objects.order_by("?")[:2])
        event.save_revision().publish()

    add_event()
    count()  # the first request after a publish fills Wagtail's caches (site root paths, menus)
    few = count()
    for _ in range(9):
        add_event()
    count()
    assert count() == few


def test_the_event_list_shows_no_places_left_and_may_be_cached(client):
    response = client.get("/events/")
    assert "places left" not in response.content.decode()
    assert response.get("X-Page-Cache") == "miss"


def test_the_event_page_shows_places_left_and_is_never_cached(client, event):
    response = client.get(event.url)
    assert "3 places left" in response.content.decode()
    assert "no-cache" in response["Cache-Control"]
    assert response.get("X-Page-Cache") is None


def test_booking_through_the_form_redirects_to_the_confirmation(client, event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(event.url, VALID)
    assert response.status_code == 302, response.content.decode()
    page = client.get(response["Location"]).content.decode()
    assert "You're booked" in page
    assert Booking.objects.get(event=event).places == 2
    assert len(mail.outbox) == 1


def test_the_confirmation_page_repeats_when_and_where(client, make_event, django_capture_on_commit_callbacks):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    london = ZoneInfo("Europe/London")
    event = make_event(
        capacity=10,
        venue_name="New Parks Library",
        address="Aikman Avenue",
        postcode="LE3 9PL",
        start_at=datetime(2030, 3, 6, 18, 0, tzinfo=london),
        end_at=datetime(2030, 3, 6, 19, 30, tzinfo=london),
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(event.url, VALID)
    page = client.get(response["Location"]).content.decode()
    assert "Wednesday 6 March 2030, 6pm</time> to 7:30pm (UK time)" in page
    assert "New Parks Library<br>Aikman Avenue<br>LE3 9PL" in page


def test_too_many_bookings_from_one_address_get_a_page_about_booking(client, event, settings):
    settings.SUBMISSION_RATE_LIMIT = "1/m"
    client.post(event.url, {**VALID, "places": "1"})
    response = client.post(event.url, {**VALID, "places": "1", "email": "other@example.com"})
    assert response.status_code == 429
    content = response.content.decode()
    assert "a lot of bookings from your connection" in content
    assert "Your place is not booked yet" in content
    assert "answers" not in content
    assert Booking.objects.filter(event=event).count() == 1


def test_an_invalid_email_is_explained_and_what_was_typed_is_kept(client, event):
    response = client.post(event.url, {**VALID, "email": "not-an-email", "access_needs": "Step-free"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content
    assert "Enter an email address in the right format" in content
    assert 'value="Sam Jones"' in content
    assert "Step-free" in content
    assert not Booking.objects.filter(event=event).exists()


def test_a_name_with_line_breaks_and_a_link_is_refused_and_what_was_typed_is_kept(client, event):
    name = "Sam\n\nYour booking is CANCELLED. Rebook at http://evil.example/pay"
    response = client.post(event.url, {**VALID, "name": name})
    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content
    assert "Keep this to one line" in content
    assert f'value="{name}"' in content
    assert not Booking.objects.filter(event=event).exists()


@pytest.mark.parametrize("name", ["Sam evil.example", "Sam www.example.org", "Sam https://x", "Sam bit.ly/pay"])
def test_a_name_with_a_link_is_refused(client, event, name):
    response = client.post(event.url, {**VALID, "name": name})
    assert "Enter a name only, without a web address" in response.content.decode()
    assert not Booking.objects.filter(event=event).exists()


def test_too_many_places_is_explained(client, event):
    response = client.post(event.url, {**VALID, "places": "4"})
    assert "Only 3 places left: book 3 or fewer" in response.content.decode()
    assert not Booking.objects.filter(event=event).exists()


def test_booking_a_past_event_is_refused_with_a_message(client, make_event):
    event = make_event(start_at=timezone.now() - timedelta(hours=3), end_at=timezone.now() - timedelta(hours=1))
    response = client.post(event.url, VALID)
    assert response.status_code == 409
    content = response.content.decode()
    assert "already started or finished" in content
    assert 'value="Sam Jones"' in content
    assert not Booking.objects.filter(event=event).exists()


def test_a_full_event_offers_the_waiting_list(client, event):
    services.booking_create(event=event, name="A", email="a@example.com", places=3)
    content = client.get(event.url).content.decode()
    assert "Join the waiting list" in content


def test_the_cancel_link_cancels_after_confirmation(client, event):
    booking = services.booking_create(event=event, name="A", email="a@example.com", places=1)
    link = links.booking_cancel_url(booking=booking).removeprefix("http://127.0.0.1:8000")
    assert "Cancel your booking" in client.get(link).content.decode()
    token = link.split("?t=")[1]
    response = client.post(f"{event.url}cancel/", {"t": token})
    assert "Your booking is cancelled" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED


def test_a_tampered_cancel_link_is_refused(client, event):
    booking = services.booking_create(event=event, name="A", email="a@example.com", places=1)
    other = services.booking_create(event=event, name="B", email="b@example.com", places=1)
    token = links.booking_token(booking=booking, salt=links.CANCEL_SALT)
    value, signature = token.rsplit(":", 1)
    forged = signing.dumps(other.pk, salt="another-salt")
    for bad in (f"{value}:{signature[:-2]}xx", forged, "garbage"):
        response = client.post(f"{event.url}cancel/", {"t": bad})
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    booking.refresh_from_db()
    other.refresh_from_db()
    assert booking.status == other.status == Booking.Status.CONFIRMED


def test_feedback_after_the_event_becomes_event_feedback_with_its_themes_suggested(client, make_event):
    event = make_event(ward=Ward.objects.get(slug="belgrave"))
    event.themes.add(Theme.objects.get(slug="young-people"), Theme.objects.get(slug="communities"))
    event.save_revision().publish()
    booking = services.booking_create(event=event, name="A", email="a@example.com", places=1)
    token = links.booking_token(booking=booking, salt=links.FEEDBACK_SALT)
    response = client.post(f"{event.url}feedback/", {"t": token, "comment": "More sessions like this please"})
    assert "Your comment has been sent" in response.content.decode()
    feedback = Feedback.objects.get(text="More sessions like this please")
    assert feedback.source == Feedback.Source.EVENT
    assert feedback.ward.slug == "belgrave"
    assert {s.theme.slug for s in feedback.suggestions.all()} >= {"young-people", "communities"}
    assert feedback.suggested_theme_bits == bits_of(s.theme for s in feedback.suggestions.all())
    assert "a@example.com" not in str(Feedback.objects.filter(pk=feedback.pk).values().get())
    again = client.post(f"{event.url}feedback/", {"t": token, "comment": "Second go"})
    assert "already told us" in again.content.decode()
    assert not Feedback.objects.filter(text="Second go").exists()


def test_the_bleed_kit_page_lists_kits_by_ward_with_a_map_link_and_sample_labels(client):
    BleedKitFactory(name="Real kit", ward=Ward.objects.get(slug="abbey"), latitude="52.65", longitude="-1.14")
    content = client.get("/bleed-kits/").content.decode()
    assert "Call 999 first" in content
    assert content.count("Sample location") >= 8
    assert "https://www.openstreetmap.org/?mlat=52.65000&amp;mlon=-1.14000" in content
    assert "<iframe" not in content
    assert content.index("Abbey") < content.index("Belgrave")


def test_the_home_page_lists_the_next_events(client):
    content = client.get("/").content.decode()
    assert "Next events" in content
    assert "Public conversation: knife crime in our city" in content
