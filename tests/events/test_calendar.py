"""The .ics files, read back with the icalendar library."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def _events(response):
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return calendar, {str(c["uid"]): c for c in calendar.walk("VEVENT")}


def test_event_times_are_right_on_both_sides_of_the_clock_change(client, make_event):
    # UK clocks go back on 26 October 2031: 7pm is 18:00 UTC the day before, 19:00 UTC after.
    cases = [
        (datetime(2031, 10, 25, 19, tzinfo=LONDON), datetime(2031, 10, 25, 18, tzinfo=UTC)),
        (datetime(2031, 10, 27, 19, tzinfo=LONDON), datetime(2031, 10, 27, 19, tzinfo=UTC)),
    ]
    for start, expected_utc in cases:
        event = make_event(start_at=start, end_at=start + timedelta(hours=2))
        calendar, events = _events(client.get(f"/events/{event.slug}/event.ics"))
        assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
        component = events[f"event-{event.pk}@127.0.0.1"]
        assert component["dtstart"].params["TZID"] == "Europe/London"
        assert component.decoded("dtstart").astimezone(UTC) == expected_utc
        assert component.decoded("dtend").astimezone(UTC) == expected_utc + timedelta(hours=2)


def test_uids_stay_the_same_when_an_event_is_edited(client, event):
    _, first = _events(client.get(f"/events/{event.slug}/event.ics"))
    event.title = "A new title"
    event.save_revision().publish()
    _, second = _events(client.get(f"/events/{event.slug}/event.ics"))
    assert list(first) == list(second) == [f"event-{event.pk}@127.0.0.1"]
    assert int(next(iter(second.values()))["sequence"]) > int(next(iter(first.values()))["sequence"])


def test_the_feed_marks_cancelled_events_cancelled(client, event):
    event.cancelled = True
    event.save_revision().publish()
    _, events = _events(client.get("/events/feed.ics"))
    assert str(events[f"event-{event.pk}@127.0.0.1"]["status"]) == "CANCELLED"
    seeded = [c for uid, c in events.items() if uid != f"event-{event.pk}@127.0.0.1"]
    assert seeded and all(str(c["status"]) == "CONFIRMED" for c in seeded)


def test_calendar_files_may_be_page_cached(client, event):
    response = client.get("/events/feed.ics")
    assert response.get("X-Page-Cache") == "miss"
    assert client.get("/events/feed.ics").get("X-Page-Cache") == "hit"


def test_signed_in_visitors_get_a_feed_that_follows_each_publication(client, settings, event):
    settings.PAGE_CACHE_SECONDS = 0
    _, before = _events(client.get("/events/feed.ics"))
    assert str(before[f"event-{event.pk}@127.0.0.1"]["status"]) == "CONFIRMED"
    event.cancelled = True
    event.save_revision().publish()
    _, after = _events(client.get("/events/feed.ics"))
    assert str(after[f"event-{event.pk}@127.0.0.1"]["status"]) == "CANCELLED"


def test_uids_come_from_the_sites_address_not_the_requests_host(client, settings, event):
    settings.SITE_URL = "https://consult.example.gov.uk"
    _, events = _events(client.get(f"/events/{event.slug}/event.ics", HTTP_HOST="10.1.2.3:8101"))
    assert list(events) == [f"event-{event.pk}@consult.example.gov.uk"]
