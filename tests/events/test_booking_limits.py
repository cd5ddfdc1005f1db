"""The most places one booking may take: one person cannot book every place of an event."""

import re

import pytest
from django.contrib.auth import get_user_model

from events import services
from events.models import Booking, EventPage

pytestmark = pytest.mark.django_db

FORM = {"name": "Sam Jones", "email": "sam@example.com", "access_needs": "Step-free", "consent": "on"}


def test_events_allow_four_places_a_booking_unless_the_editor_says_otherwise(make_event):
    assert EventPage._meta.get_field("max_places_per_booking").default == 4
    assert make_event(capacity=25).max_places_per_booking == 4


def test_booking_more_than_the_maximum_is_refused_next_to_the_field_keeping_the_form(client, make_event):
    event = make_event(capacity=25)
    response = client.post(event.url, {**FORM, "places": "5"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content
    error = content.split('id="id_places-error"', 1)[1].split("</p>", 1)[0]
    assert "You can book up to 4 places at once" in error
    assert 'href="#id_places"' in content
    assert 'value="Sam Jones"' in content and 'value="sam@example.com"' in content and "Step-free" in content
    assert not Booking.objects.filter(event=event).exists()


def test_the_places_input_offers_at_most_the_maximum_or_the_places_left(client, make_event):
    roomy = make_event(capacity=25)
    content = client.get(roomy.url).content.decode()
    assert 'max="4"' in re.search(r'<input[^>]*id="id_places"[^>]*>', content).group(0)
    assert "Up to 4." in content

    tight = make_event(capacity=5)
    services.booking_create(event=tight, name="A", email="a@example.com", places=3)
    content = client.get(tight.url).content.decode()
    assert "Up to 2." in content
    assert "Only 2 places left: book 2 or fewer" in client.post(tight.url, {**FORM, "places": "3"}).content.decode()


def test_the_service_refuses_more_than_the_maximum_too(make_event):
    event = make_event(capacity=25)
    with pytest.raises(services.TooManyPlaces) as error:
        services.booking_create(event=event, name="A", email="a@example.com", places=5)
    assert error.value.field == "places"
    assert "You can book up to 4 places at once" in error.value.message
    assert not Booking.objects.filter(event=event).exists()
    assert services.booking_create(event=event, name="A", email="a@example.com", places=4).places == 4


def test_waiting_list_requests_keep_to_the_maximum(client, make_event):
    event = make_event(capacity=20, max_places_per_booking=6)
    for number in range(4):
        services.booking_create(event=event, name="A", email=f"a{number}@example.com", places=5)
    assert "Join the waiting list" in client.get(event.url).content.decode()

    with pytest.raises(services.TooManyPlaces):
        services.booking_create(event=event, name="B", email="b@example.com", places=7)
    response = client.post(event.url, {**FORM, "places": "7"})
    assert "You can book up to 6 places at once" in response.content.decode()
    assert not Booking.objects.filter(event=event, status=Booking.Status.WAITING).exists()

    waiting = services.booking_create(event=event, name="B", email="b@example.com", places=6)
    assert waiting.status == Booking.Status.WAITING


def test_an_editor_sets_the_maximum_in_the_page_editor(client, make_event):
    event = make_event(capacity=25)
    client.force_login(get_user_model().objects.get(username="editor"))
    form = client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert 'name="max_places_per_booking"' in form
    assert "Most places in one booking" in form
