"""The top floor's pages: the home page, which lists what every app offers, plain content
pages under it, and the notices a council must publish (privacy notice, cookies, accessibility
statement), generated from what the site does.

Both moved here from `strategy` when the top floor was built; each keeps its table
(`Meta.db_table`), so existing pages did not change.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from core.cookies import site_cookies
from core.routing import CachedViewRestrictionsMixin, LanguageTreeUrlMixin, route_from_url_path
from events.selectors import events_upcoming

from .notices import accessibility_checks, privacy_notice
from .selectors import home_listing


class HomePage(LanguageTreeUrlMixin, CachedViewRestrictionsMixin, Page):
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
        "home.PrivacyNoticePage",
        "home.CookiesPage",
        "home.AccessibilityStatementPage",
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


class StandardPage(LanguageTreeUrlMixin, CachedViewRestrictionsMixin, Page):
    """A plain content page."""

    intro = models.TextField(blank=True)
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        db_table = "strategy_standardpage"  # moved from strategy; the table kept its name


# --- The notices a council must publish, generated from what the site does ---------------------


class PrivacyNoticePage(LanguageTreeUrlMixin, CachedViewRestrictionsMixin, Page):
    """The privacy notice. What the site collects, why, on what lawful basis, who sees it and
    how long it is kept are generated from the purposes each app registers (core/privacy.py) and
    the retention settings (core/retention.py); who the council is and how to reach its data
    protection officer come from the site settings. Editors write the introduction and anything
    the code cannot know (who hosts the site, for example) in the body."""

    intro = models.TextField(blank=True)
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        help_text="Shown after the generated sections: for example, who hosts the site and where.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    template = "home/privacy_notice_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["notice"] = privacy_notice(site=self.get_site())
        return context


class CookiesPage(LanguageTreeUrlMixin, CachedViewRestrictionsMixin, Page):
    """The cookies page: every cookie the site sets, listed from the settings that name them
    (core/cookies.py), and why no consent banner is needed."""

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    template = "home/cookies_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["cookies"] = site_cookies()
        return context


class KnownIssueBlock(blocks.StructBlock):
    """One thing on the site that is not accessible, in the model statement's terms."""

    problem = blocks.TextBlock(help_text="What is not accessible, and who it affects, in plain words.")
    criterion = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text="The WCAG success criterion it fails, for example \u201c1.1.1 Non-text content\u201d.",
    )
    plan = blocks.TextBlock(required=False, help_text="What we will do about it, and by when.")

    class Meta:
        icon = "warning"
        label = "Known issue"


class AccessibilityStatementPage(LanguageTreeUrlMixin, CachedViewRestrictionsMixin, Page):
    """The accessibility statement, in the sections of GOV.UK's model statement for the Public
    Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.

    Editors set the compliance status, list the known issues and give the dates. "How we
    tested" is written from the record of the automated checks that last passed at release
    (home/notices.py), and how to report a problem from the site settings' contact details."""

    class Compliance(models.TextChoices):
        FULL = "full", "Fully compliant"
        PARTIAL = "partial", "Partially compliant"
        NOT = "not", "Not compliant"

    intro = models.TextField(blank=True)
    compliance = models.CharField(
        "Compliance status",
        max_length=8,
        choices=Compliance.choices,
        default=Compliance.PARTIAL,
        help_text="Fully compliant only if there are no known issues below.",
    )
    known_issues = StreamField(
        [("issue", KnownIssueBlock())],
        blank=True,
        help_text="Content that is not accessible, and why. Each issue is listed under the regulations' headings.",
    )
    disproportionate_burden = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    outside_scope = RichTextField(
        "Content outside the regulations",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="For example, PDFs published before 23 September 2018 that are not needed for a service.",
    )
    reply_within_days = models.PositiveSmallIntegerField(
        default=10, help_text="How many working days we take to reply to a request for another format."
    )
    prepared_on = models.DateField(help_text="When this statement was first prepared.")
    reviewed_on = models.DateField(null=True, blank=True, help_text="When it was last reviewed.")

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("compliance"),
        FieldPanel("known_issues"),
        FieldPanel("disproportionate_burden"),
        FieldPanel("outside_scope"),
        FieldPanel("reply_within_days"),
        FieldPanel("prepared_on"),
        FieldPanel("reviewed_on"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    template = "home/accessibility_statement_page.html"

    def clean(self):
        super().clean()
        if self.compliance == self.Compliance.FULL and len(self.known_issues):
            raise ValidationError(
                {
                    "compliance": (
                        "A site with known issues is not fully compliant: choose \u201cPartially compliant\u201d."
                    )
                }
            )
        if self.prepared_on and self.reviewed_on and self.reviewed_on < self.prepared_on:
            raise ValidationError({"reviewed_on": "The review cannot be before the statement was prepared."})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["checks"] = accessibility_checks()
        return context
