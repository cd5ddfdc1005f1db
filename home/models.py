"""The top floor's pages: the home page, which lists what every app offers, and the plain
content pages under it (privacy notice, accessibility statement).

Both moved here from `strategy` when the top floor was built; each keeps its table
(`Meta.db_table`), so existing pages did not change.
"""

from django.db import models
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from core.routing import CachedViewRestrictionsMixin, route_from_url_path
from events.selectors import events_upcoming

from .selectors import home_listing


class HomePage(CachedViewRestrictionsMixin, Page):
    """The front page: the pledge, the six themes and where to go next."""

    # Content
    intro = models.TextField(help_text="One or two sentences under the page title.")
    pledge = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("pledge"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("pledge")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "strategy.StrategyPage",
        "home.StandardPage",
        "consultation.SurveyIndexPage",
        "consultation.YouthVoicePage",
        "events.EventIndexPage",
        "events.BleedKitIndexPage",
        "localpicture.LocalPicturePage",
    ]
    max_count = 1

    class Meta:
        db_table = "strategy_homepage"  # moved from strategy; the table kept its name

    def route(self, request, path_components):
        """Find the page for a URL below the home page in two queries (core/routing.py)."""
        return route_from_url_path(self, request, path_components)

    @cached_property
    def listing(self):
        """What the page lists (home/selectors.HomeListing), read once per request."""
        return home_listing(home=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        next_events = self.listing.next_events(now=timezone.now())
        context["strategy_page"] = self.listing.strategy_page
        context["theme_pages"] = self.listing.theme_pages
        context["open_surveys"] = self.listing.open_surveys(limit=3)
        context["youth_voice_page"] = self.listing.youth_voice_page
        context["next_events"] = next_events if next_events is not None else events_upcoming(limit=3)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # The open consultations and the next events change with the clock: cache no longer
        # than that.
        seconds = self.listing.seconds_until_change(now=timezone.now())
        if seconds is not None:
            patch_cache_control(response, max_age=max(seconds, 0))
        return response


class StandardPage(CachedViewRestrictionsMixin, Page):
    """A plain content page, such as the privacy notice or the accessibility statement."""

    intro = models.TextField(blank=True)
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        db_table = "strategy_standardpage"  # moved from strategy; the table kept its name
