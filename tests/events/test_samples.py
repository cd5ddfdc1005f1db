"""The demo's events are made up at real venues: each is marked as a sample wherever it shows
(its page, the event list, the home page, the calendar files), and none puts words in anyone's
mouth. The demo's closed consultation records the public conversations the briefing describes,
not an online survey."""

import re

import pytest
from django.utils.html import strip_tags
from icalendar import Calendar

from consultation.models import SurveyPage
from events.models import EventPage
from events.seeding import EVENTS

pytestmark = pytest.mark.django_db

DEMO_SLUGS = [slug for slug, *_ in EVENTS]


def _demo_events() -> list[EventPage]:
    events = list(EventPage.objects.filter(slug__in=DEMO_SLUGS))
    assert len(events) == len(DEMO_SLUGS)
    return events


def _listing_item(html: str, title: str) -> str:
    """The list item (or card) of the event with this title."""
    start = html.index(title)
    return html[html.rindex("<li", 0, start) : html.index("</li>", start)]


def test_every_demo_event_is_a_sample_and_its_page_says_so_first(client):
    for event in _demo_events():
        assert event.is_sample, event.slug
        html = client.get(event.url).content.decode()
        notice = html.index("This is a sample event, not a real one")
        assert notice < html.index('class="lead"'), "the notice comes before the event's details"
        assert "It will not take place" in html


def test_the_event_lists_and_the_home_page_mark_sample_events(client):
    upcoming = client.get("/events/").content.decode()
    past = client.get("/events/", {"when": "past"}).content.decode()
    home = client.get("/").content.decode()
    for event in _demo_events():
        listing = past if event.is_past else upcoming
        title = event.title.replace("'", "&#x27;")
        assert "Sample event" in _listing_item(listing, title), event.slug
        if not event.is_past:
            assert "Sample event" in _listing_item(home, title), event.slug


def test_a_real_event_is_not_marked_as_a_sample(client, make_event):
    event = make_event(title="A real meeting")
    assert not event.is_sample
    html = client.get(event.url).content.decode()
    assert "sample event" not in html.lower()
    assert "Sample event" not in _listing_item(client.get("/events/").content.decode(), "A real meeting")


def test_calendar_files_say_a_sample_event_is_a_sample(client, make_event):
    real = make_event(title="A real meeting")
    feed = Calendar.from_ical(client.get("/events/feed.ics").content)
    summaries = {str(c["summary"]): str(c["description"]) for c in feed.walk("VEVENT")}
    for event in _demo_events():
        assert f"Sample: {event.title}" in summaries
        assert summaries[f"Sample: {event.title}"].startswith("Sample event: made up for the demonstration site")
    assert "A real meeting" in summaries

    single = Calendar.from_ical(client.get(f"/events/{_demo_events()[0].slug}/event.ics").content)
    assert str(next(iter(single.walk("VEVENT")))["summary"]).startswith("Sample: ")
    one_real = Calendar.from_ical(client.get(f"/events/{real.slug}/event.ics").content)
    assert str(next(iter(one_real.walk("VEVENT")))["summary"]) == "A real meeting"


# Quotation marks, and words that report what people said at an event.
QUOTES = re.compile(r"[\"“”‘’]|(?<!\w)'|'(?!\w)")
REPORTED_SPEECH = re.compile(r"\b(said|says|told|talked|discussed|heard|agreed|asked for|called for)\b", re.IGNORECASE)


def test_demo_events_carry_no_quotes_and_no_account_of_what_was_said():
    for event in _demo_events():
        body = strip_tags(str(event.body)) if event.body else ""
        text = " ".join([event.title, event.summary, event.accessibility, event.organiser, body])
        assert not QUOTES.search(text), (event.slug, QUOTES.search(text).group(0))
        assert not REPORTED_SPEECH.search(text), (event.slug, REPORTED_SPEECH.search(text).group(0))


def test_the_closed_consultation_records_the_conversations_not_an_online_survey(client):
    conversations = SurveyPage.objects.get(slug="public-conversations-on-knife-crime")
    assert "public conversations" in conversations.intro
    assert not conversations.questions.exists(), "nobody was asked questions online"
    page = client.get(conversations.url).content.decode()
    main = strip_tags(page[page.index("<main") : page.index("</main>")])
    for survey_words in ("survey", "your answers", "IP address", "online", "questionnaire", "filled in"):
        assert survey_words.lower() not in main.lower(), survey_words
    assert "We asked, you said, we did" in main
    assert "six key themes" in main
