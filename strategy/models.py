"""The strategy as Wagtail pages, and the links from its recommendations and initiatives to
the themes (core.Theme).

The strategy, theme and recommendation pages are shown by views (strategy/views.py), which
strategy/routes.py lists as their routes: the pages read through the app's selectors, which
import these models.

Page tree of the demo site (see DESIGN.md for the URL map):

    HomePage  /                           (home app)
      StrategyPage  /strategy/            (also serves /strategy/progress-report/)
        ThemePage  /strategy/<theme>/
          RecommendationPage  /strategy/<theme>/<recommendation>/
          InitiativePage      /strategy/<theme>/<initiative>/
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from core.models import Theme
from core.routing import CachedViewRestrictionsMixin, LanguageTreeUrlMixin, RegisteredRoutesMixin

# --- Links to the themes ----------------------------------------------------------------------


class ThemedRecommendation(TaggedItemBase):
    """Links a recommendation to its theme(s)."""

    tag = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="tagged_recommendations")
    content_object = ParentalKey("RecommendationPage", on_delete=models.CASCADE, related_name="themed_items")


class ThemedInitiative(TaggedItemBase):
    """Links an initiative to its theme(s)."""

    tag = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="tagged_initiatives")
    content_object = ParentalKey("InitiativePage", on_delete=models.CASCADE, related_name="themed_items")


# --- Pages --------------------------------------------------------------------------------


class StrategyPage(LanguageTreeUrlMixin, CachedViewRestrictionsMixin, RegisteredRoutesMixin, Page):
    """The strategy: the pledge, how it was developed, next steps and progress by theme.

    Also serves the board's progress report at `progress-report/` and its CSV.
    """

    # Content
    intro = models.TextField()
    pledge = RichTextField(features=RICH_TEXT_FEATURES)
    development = RichTextField(features=RICH_TEXT_FEATURES, blank=True, verbose_name="how the strategy was developed")
    next_steps = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True)
    short_title = models.CharField(
        max_length=40, default="The strategy", help_text="The page's name in the site's main menu."
    )
    # The progress report
    report_title = models.CharField(
        max_length=200, default="Progress report to the Safer Leicester Partnership Executive Board"
    )
    report_scope = models.TextField(
        blank=True,
        verbose_name="what the report covers",
        help_text="Which recommendations the report covers and where their progress comes from.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("pledge"),
        FieldPanel("development"),
        FieldPanel("next_steps"),
        FieldPanel("body"),
        FieldPanel("short_title"),
        FieldPanel("report_title"),
        FieldPanel("report_scope"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("pledge"),
        index.SearchField("development"),
        index.SearchField("next_steps"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["strategy.ThemePage"]


class ThemePage(LanguageTreeUrlMixin, CachedViewRestrictionsMixin, RegisteredRoutesMixin, Page):
    """One of the six themes: its recommendations and the initiatives that deliver them."""

    # One page per theme in each language's tree (its English page, and that page's
    # translation or alias in each other language): checked in clean(), since the language is
    # the page's, in another table.
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="pages")
    intro = models.TextField(blank=True)
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("theme"), FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["strategy.StrategyPage"]
    subpage_types = ["strategy.RecommendationPage", "strategy.InitiativePage"]

    def clean(self):
        super().clean()
        if self.theme_id is None:
            return
        others = ThemePage.objects.filter(theme_id=self.theme_id, locale_id=self.locale_id)
        if self.translation_key:
            others = others.exclude(translation_key=self.translation_key)
        if others.exclude(pk=self.pk).exists():
            raise ValidationError({"theme": "This theme already has a page."})


class RecommendationStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    COMPLETE = "complete", _("Complete")


class RecommendationPage(LanguageTreeUrlMixin, CachedViewRestrictionsMixin, RegisteredRoutesMixin, Page):
    """One of the strategy's recommendations, its status and its dated progress updates."""

    # The recommendation
    label = models.CharField(max_length=10, help_text='As numbered in the strategy, such as "1", "23" or "a".')
    full_text = models.TextField(verbose_name="full text", help_text="The recommendation as the strategy words it.")
    themes = ClusterTaggableManager(
        through=ThemedRecommendation,
        blank=False,
        verbose_name="themes",
        help_text="The strategy theme(s) this recommendation serves: usually the theme it sits under.",
    )
    lead = models.CharField(max_length=200, blank=True, help_text="Who leads the work.")
    # Progress
    status = models.CharField(
        max_length=20, choices=RecommendationStatus.choices, default=RecommendationStatus.NOT_STARTED
    )

    content_panels = Page.content_panels + [
        FieldPanel("label"),
        FieldPanel("full_text"),
        FieldPanel("themes"),
        FieldPanel("lead"),
        FieldPanel("status"),
        InlinePanel("updates", label="Progress updates", heading="Progress updates"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("full_text"),
        index.SearchField("lead"),
        index.FilterField("status"),
    ]

    parent_page_types = ["strategy.ThemePage"]
    subpage_types: list[str] = []

    @property
    def heading(self) -> str:
        return f"Recommendation {self.label}: {self.title}"


class ProgressUpdate(Orderable):
    """A dated update on a recommendation, optionally with a figure (such as "8 kits installed")."""

    page = ParentalKey(RecommendationPage, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField()
    text = models.TextField()
    figure = models.CharField(max_length=20, blank=True, help_text='For example "58" or "£7,500".')
    figure_label = models.CharField(max_length=160, blank=True, help_text="What the figure counts.")

    panels = [FieldPanel("date"), FieldPanel("text"), FieldPanel("figure"), FieldPanel("figure_label")]

    def __str__(self):
        return f"{self.date:%d %B %Y}: {self.text[:60]}"


class InitiativePage(LanguageTreeUrlMixin, CachedViewRestrictionsMixin, Page):
    """A project that delivers one or more recommendations, such as Foxes Friday."""

    # What it is
    summary = models.TextField(help_text="One or two sentences: what it does and for whom.")
    who_it_serves = models.CharField(max_length=250, blank=True)
    partners = models.TextField(blank=True, help_text="One partner per line.")
    body = StreamField(BaseStreamBlock(), blank=True)
    # How it fits the strategy
    recommendations = ParentalManyToManyField(RecommendationPage, related_name="initiatives", blank=True)
    themes = ClusterTaggableManager(
        through=ThemedInitiative,
        blank=True,
        verbose_name="themes",
        help_text="The strategy theme(s) this initiative serves.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("who_it_serves"),
        FieldPanel("partners"),
        InlinePanel("figures", label="Key figures", heading="Key figures"),
        FieldPanel("body"),
        FieldPanel("recommendations"),
        FieldPanel("themes"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("partners"),
        index.SearchField("body"),
    ]

    parent_page_types = ["strategy.ThemePage"]
    subpage_types: list[str] = []

    @property
    def partner_list(self) -> list[str]:
        return [line.strip() for line in self.partners.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The recommendations it names are English pages: each is shown in this page's
        # language tree (its translation, or its alias), where it has a copy.
        context["linked_recommendations"] = [
            recommendation.get_translation_or_none(self.locale) or recommendation
            for recommendation in self.recommendations.live().order_by("path")
        ]
        return context


class InitiativeFigure(Orderable):
    """A key figure of an initiative, such as "58 young people engaged"."""

    page = ParentalKey(InitiativePage, on_delete=models.CASCADE, related_name="figures")
    value = models.CharField(max_length=20, help_text='For example "58" or "£7,500".')
    label = models.CharField(max_length=160)
    detail = models.CharField(max_length=250, blank=True, help_text='For example "34 male and 24 female, aged 11-15".')

    panels = [FieldPanel("value"), FieldPanel("label"), FieldPanel("detail")]

    def __str__(self):
        return f"{self.value} {self.label}"
