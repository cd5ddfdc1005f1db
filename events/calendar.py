"""iCalendar files for one event and for the feed of all events, made with the icalendar
library (RFC 5545).

- UIDs are made from the page id and the site's host, so they never change when an event is
  edited, moved or renamed, and calendar apps update the entry instead of adding another.
- Times are written in Europe/London with a VTIMEZONE, so "7pm" stays 7pm on either side of
  the clock change; SEQUENCE follows the edits, so calendar apps take the newest version.
- A cancelled event is kept in the files with STATUS:CANCELLED, so calendars remove it.
- A sample event (the demo's) says so in its summary and description, so nobody goes to the
  venue because a calendar app showed it without the page's notice.
"""

from datetime import date
from functools import lru_cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, Timezone

from core.links import site_url

from .models import EventPage

LONDON = ZoneInfo("Europe/London")
PRODID = "-//Safer Leicester//Community events//EN"
SAMPLE_PREFIX = "Sample: "
SAMPLE_NOTE = "Sample event: made up for the demonstration site. It is not a real event and will not take place."


@lru_cache(maxsize=16)
def _london_vtimezone(first_year: int, last_year: int) -> Timezone:
    # Building a VTIMEZONE walks the time zone's transitions: done once per range of years.
    return Timezone.from_tzid("Europe/London", first_date=date(first_year, 1, 1), last_date=date(last_year + 1, 12, 31))


def event_uid(event: EventPage) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"event-{event.pk}@{host}"


def event_component(event: EventPage, *, request=None) -> Event:
    component = Event()
    component.add("uid", event_uid(event))
    component.add("dtstamp", event.last_published_at or timezone.now())
    component.add("dtstart", timezone.localtime(event.start_at, LONDON))
    component.add("dtend", timezone.localtime(event.end_at, LONDON))
    if event.is_sample:
        # Calendar apps show only the summary in most views: say it there, not only inside.
        component.add("summary", f"{SAMPLE_PREFIX}{event.title}")
        component.add("description", f"{SAMPLE_NOTE}\n\n{event.summary}")
    else:
        component.add("summary", event.title)
        component.add("description", event.summary)
    component.add("location", event.where_one_line)
    component.add("url", site_url(event.get_url(request)))
    component.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    # Each published revision is a new version of the event for calendar apps.
    component.add("sequence", event.live_revision_id or 0)
    if event.last_published_at:
        component.add("last-modified", event.last_published_at)
    return component


def calendar_build(events, *, name: str, request=None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    events = list(events)
    years = [event.start_at.year for event in events] or [timezone.now().year]
    calendar.add_component(_london_vtimezone(min(years), max(years)))
    for event in events:
        calendar.add_component(event_component(event, request=request))
    return calendar


def calendar_response(calendar: Calendar, *, filename: str) -> HttpResponse:
    return calendar_bytes_response(calendar.to_ical(), filename=filename)


def calendar_bytes_response(body: bytes, *, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
