"""What the home page lists: the strategy and its themes, the youth voice page, open surveys
and the next events. Read once per content generation (core/pagecache.py), because every
visitor's first page is this one."""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from wagtail.models import Page

from consultation.selectors import surveys_live, youth_voice_page_for_site
from core.pagecache import kept_for_generation
from events.selectors import events_live
from strategy.models import StrategyPage, ThemePage
from strategy.selectors import strategy_page_for_site, theme_pages_live

HOME_EVENTS_KEPT = 20


@dataclass
class HomeListing:
    """What the home page lists, read once per content generation. Surveys and events open,
    close and pass with the clock, so they are kept with their dates and chosen at each request
    (`open_surveys`, `next_events`, `seconds_until_change`)."""

    strategy_page: StrategyPage | None
    theme_pages: list[ThemePage]
    youth_voice_page: Page | None
    surveys: list  # live surveys, newest first
    events: list  # live, not cancelled events that had not ended when this was read, soonest first
    events_complete: bool  # False when more events were left out than HOME_EVENTS_KEPT

    def open_surveys(self, *, limit: int = 3) -> list:
        return [survey for survey in self.surveys if survey.is_open][:limit]

    def next_events(self, *, now: datetime, limit: int = 3) -> list | None:
        """The next events, or None when too few of those kept are still to end (read afresh)."""
        upcoming = [event for event in self.events if event.end_at > now]
        if len(upcoming) < limit and not self.events_complete:
            return None
        return upcoming[:limit]

    def seconds_until_change(self, *, now: datetime) -> int | None:
        """Seconds until a survey opens or closes or an event ends, whichever is first."""
        moments = [event.end_at for event in self.events if event.end_at > now]
        for survey in self.surveys:
            if survey.accepting_responses:
                moments += [moment for moment in (survey.opens_at, survey.closes_at) if moment and moment > now]
        return int((min(moments) - now).total_seconds()) + 1 if moments else None


def home_listing(*, home: Page) -> HomeListing:
    """The home page's lists, kept for the content generation (see HomeListing)."""
    return kept_for_generation(f"home:listing:{home.pk}", lambda: _home_listing(home=home))


def _home_listing(*, home: Page) -> HomeListing:
    now = timezone.now()
    strategy = strategy_page_for_site(home=home)
    events = list(
        events_live()
        .filter(end_at__gt=now, cancelled=False)
        .select_related("ward")
        .order_by("start_at", "pk")[: HOME_EVENTS_KEPT + 1]
    )
    return HomeListing(
        strategy_page=strategy,
        theme_pages=list(theme_pages_live(strategy_page=strategy)) if strategy else [],
        youth_voice_page=youth_voice_page_for_site(home=home),
        surveys=list(surveys_live()),
        events=events[:HOME_EVENTS_KEPT],
        events_complete=len(events) <= HOME_EVENTS_KEPT,
    )
