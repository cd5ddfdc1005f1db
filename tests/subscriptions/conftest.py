import re
from datetime import date

import pytest
from django.core import mail
from django.utils import timezone

from consultation.models import SurveyIndexPage
from core.models import Theme, Ward
from events.models import EventIndexPage
from strategy.models import RecommendationPage
from subscriptions.models import Subscriber
from tests.consultation.factories import SurveyPageFactory
from tests.events.factories import EventPageFactory

LINK = re.compile(r"https?://\S+/subscribe/(confirm|manage|unsubscribe)/([^/\s\"]+)/")


@pytest.fixture(autouse=True)
def _no_pause(settings):
    """Tests send without waiting between emails (the pacing has its own tests)."""
    settings.SUBSCRIPTION_SEND_RATE = 0


def links_in(message, kind: str) -> list[str]:
    """The paths of the signed links of one kind in an email's text part."""
    return [f"/subscribe/{found[0]}/{found[1]}/" for found in LINK.findall(message.body) if found[0] == kind]


@pytest.fixture
def wards(db):
    return list(Ward.objects.order_by("name")[:3])


@pytest.fixture
def themes(db):
    return list(Theme.objects.order_by("name")[:3])


@pytest.fixture
def subscriber(db):
    """Make a confirmed subscriber with the given choices."""

    def make(email: str, *, wards=(), themes=(), **choices) -> Subscriber:
        fields = {"consultations": False, "events": False, "progress": False, **choices}
        person = Subscriber.objects.create(
            email=email, status=Subscriber.Status.CONFIRMED, confirmed_at=timezone.now(), **fields
        )
        person.event_wards.set(wards)
        person.progress_themes.set(themes)
        return person

    return make


@pytest.fixture
def publish_event(db, django_capture_on_commit_callbacks):
    """Publish an event under the demo's index, running what its publication queues."""

    def publish(**fields):
        index = EventIndexPage.objects.get(slug="events")
        with django_capture_on_commit_callbacks(execute=True):
            event = EventPageFactory.build(**fields)
            index.add_child(instance=event)
            event.save_revision().publish()
        return event

    return publish


@pytest.fixture
def publish_survey(db, django_capture_on_commit_callbacks):
    def publish(**fields):
        index = SurveyIndexPage.objects.first()
        with django_capture_on_commit_callbacks(execute=True):
            survey = SurveyPageFactory.build(**fields)
            index.add_child(instance=survey)
            survey.save_revision().publish()
        return survey

    return publish


@pytest.fixture
def add_progress(db, django_capture_on_commit_callbacks):
    """Add a progress update to a live recommendation and publish it, as an editor does."""

    def add(recommendation: RecommendationPage, *, text: str, on: date | None = None):
        recommendation = RecommendationPage.objects.get(pk=recommendation.pk)
        recommendation.updates.add(recommendation.updates.model(date=on or timezone.localdate(), text=text))
        with django_capture_on_commit_callbacks(execute=True):
            recommendation.save_revision().publish()
        return recommendation

    return add


@pytest.fixture
def outbox():
    """The emails sent, by recipient."""

    def by_recipient() -> dict[str, list]:
        found: dict[str, list] = {}
        for message in mail.outbox:
            for address in message.to:
                found.setdefault(address, []).append(message)
        return found

    return by_recipient
