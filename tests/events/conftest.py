import pytest

from events.models import EventIndexPage

from .factories import EventPageFactory


@pytest.fixture
def event_index(db):
    return EventIndexPage.objects.get(slug="events")


@pytest.fixture
def make_event(event_index):
    """A published event under the demo's event index."""

    def make(**fields):
        event = EventPageFactory.build(**fields)
        event_index.add_child(instance=event)
        event.save_revision().publish()
        event.refresh_from_db()
        return event

    return make


@pytest.fixture
def event(make_event):
    return make_event(capacity=3)
