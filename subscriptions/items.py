"""Recording what subscribers are told about: a consultation that opened, an event published,
a progress update on a recommendation. Each is an `Item`, unique on what it is about, so
publishing a page again records nothing new.

The content apps are read through their public selectors; nothing here queues a task.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import Truncator

from consultation.selectors import survey_announceable, surveys_opened_since
from events.selectors import event_announceable
from strategy.selectors import progress_updates_announceable

from .models import Item

# A progress update dated this long before its page is published is still news; older ones
# (history an editor fills in) are not announced.
PROGRESS_NEWS_DAYS = 14
# Surveys that open by their date rather than on publication are looked for this far back.
SURVEY_OPENED_DAYS = 7


def _one_line(text: str, length: int) -> str:
    return Truncator(" ".join((text or "").split())).chars(length)


def _record(*, ref: str, themes=(), **fields) -> Item | None:
    """The new Item, or None if one for `ref` already exists."""
    try:
        with transaction.atomic():
            item = Item.objects.create(ref=ref, **fields)
    except IntegrityError:
        return None
    if themes:
        item.themes.set(themes)
    return item


def _event_item(event) -> Item | None:
    where = event.venue_name + (f", {event.ward.name}" if event.ward_id else "")
    when = timezone.localtime(event.start_at).strftime("%-d %B %Y, %-I:%M%p").replace("AM", "am").replace("PM", "pm")
    return _record(
        ref=f"event:{event.pk}",
        kind=Item.Kind.EVENT,
        title=_one_line(event.title, 255),
        summary=_one_line(f"{when} at {where}. {event.summary}", 300),
        link=event.url or "",
        ward=event.ward,
        audience=event.audience,
        themes=event.theme_list,
    )


def _survey_item(survey) -> Item | None:
    return _record(
        ref=f"consultation:{survey.pk}",
        kind=Item.Kind.CONSULTATION,
        title=_one_line(survey.title, 255),
        summary=_one_line(survey.intro, 300),
        link=survey.url or "",
    )


def _progress_item(update) -> Item | None:
    recommendation = update.page
    return _record(
        ref=f"progress:{update.pk}",
        kind=Item.Kind.PROGRESS,
        title=_one_line(recommendation.heading, 255),
        summary=_one_line(update.text, 300),
        link=recommendation.url or "",
        themes=[themed.tag for themed in recommendation.themed_items.all()],
    )


def items_record_for_page(*, page_id: int) -> list[Item]:
    """The new items a page's publication makes: the event, the open survey, or the recent
    progress updates of the recommendation it is (none for any other page, or if already
    recorded)."""
    event = event_announceable(page_id=page_id)
    if event is not None:
        return [item for item in [_event_item(event)] if item]
    survey = survey_announceable(page_id=page_id)
    if survey is not None:
        return [item for item in [_survey_item(survey)] if item]
    since = timezone.localdate() - timedelta(days=PROGRESS_NEWS_DAYS)
    updates = progress_updates_announceable(page_id=page_id, since=since)
    return [item for item in (_progress_item(update) for update in updates) if item]


def items_record_opened_surveys() -> list[Item]:
    """Surveys published before they opened, recorded once they have opened (run by beat)."""
    since = timezone.now() - timedelta(days=SURVEY_OPENED_DAYS)
    return [item for item in (_survey_item(survey) for survey in surveys_opened_since(since=since)) if item]
