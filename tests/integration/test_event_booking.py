"""Two people can never get the last place: concurrent bookings on PostgreSQL, each in its own
thread with its own database connection, committed for real."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from events import services
from events.models import Booking, EventIndexPage, EventPage, EventPlaces
from tests.conftest import service_unavailable

pytestmark = pytest.mark.integration


@pytest.fixture
def committed(django_db_setup, django_db_blocker):
    """Database access outside the per-test transaction, so other connections see the rows.
    Not `transaction=True`, which would empty the tables the rest of the suite's demo content
    lives in: the test deletes what it made instead."""
    with django_db_blocker.unblock():
        yield


def test_concurrent_bookings_never_oversell_the_last_places(committed):
    if connection.vendor != "postgresql":
        service_unavailable("DATABASE_URL does not point at PostgreSQL")
    index = EventIndexPage.objects.get(slug="events")
    start = timezone.now() + timedelta(days=3)
    event = EventPage(
        title="Last places",
        slug="last-places",
        summary="s",
        organiser="o",
        venue_name="v",
        capacity=3,
        start_at=start,
        end_at=start + timedelta(hours=1),
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    try:
        _race(event)
    finally:
        EventPage.objects.get(pk=event.pk).delete()


def _race(event: EventPage) -> None:

    people = 12
    barrier = threading.Barrier(people)
    outcomes: list[str] = []
    lock = threading.Lock()

    def book(number: int):
        try:
            live = EventPage.objects.get(pk=event.pk)
            barrier.wait(timeout=30)
            booking = services.booking_create(event=live, name=f"P{number}", email=f"p{number}@example.com", places=1)
            result = booking.status
        except Exception as error:  # noqa: BLE001 - recorded and asserted on below
            result = f"error: {error!r}"
        finally:
            connections.close_all()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=book, args=(n,)) for n in range(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes) == sorted(["confirmed"] * 3 + ["waiting"] * (people - 3)), outcomes
    assert EventPlaces.objects.get(event=event).taken == 3
    assert Booking.objects.filter(event=event, status="confirmed").count() == 3
