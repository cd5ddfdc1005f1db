"""The strategy as Wagtail pages, the six themes, wards and the site settings.

Page tree of the demo site (see DESIGN.md for the URL map):

    HomePage  /
      StrategyPage  /strategy/            (also serves /strategy/progress-report/)
        ThemePage  /strategy/<theme>/
          RecommendationPage  /strategy/<theme>/<recommendation>/
          InitiativePage      /strategy/<theme>/<initiative>/
      StandardPage  /privacy/, /accessibility/ ...
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TagBase, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from config.pagecache import kept_for_generation

from .blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from .routing import CachedViewRestrictionsMixin

# --- Themes and wards (snippets) ----------------------------------------------------------


class Theme(TagBase):
    """One of the strategy's six themes, such as Education or Young People.

    A taggit tag model that editors cannot add to from a tag field (`free_tagging = False`):
    the list is fixed by the strategy, created by a data migration and reordered in the admin.
    Recommendations, initiatives and feedback are all tagged with it, which is where "what
    people said" meets "what we are doing".
    https://docs.wagtail.org/en/stable/reference/pages/model_recipes.html#custom-tag-models
    """

    free_tagging = False

    description = models.TextField(blank=True, help_text="One or two sentences shown with the theme.")
    sort_order = models.PositiveIntegerField(default=0, editable=False)
    # The theme's bit in the theme sets kept on each piece of feedback
    # (consultation/theme_bits.py), given when the theme is first saved. A signed 64-bit
    # integer holds MAX_THEMES of them.
    bit = models.PositiveSmallIntegerField(unique=True, editable=False)

    MAX_THEMES = 63

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "theme"
        verbose_name_plural = "themes"

    @property
    def mask(self) -> int:
        """The theme as a set of one: 1 shifted left by its bit."""
        return 1 << self.bit

    def clean(self):
        super().clean()
        if self.bit is None and self._free_bit() is None:
            raise ValidationError(f"There can be at most {self.MAX_THEMES} themes. Remove one you no longer use first.")

    def save(self, *args, **kwargs):
        if self.bit is None:
            self.bit = self._free_bit()
            if self.bit is None:
                raise ValidationError(f"There can be at most {self.MAX_THEMES} themes.")
        super().save(*args, **kwargs)

    @classmethod
    def _free_bit(cls) -> int | None:
        taken = set(cls.objects.values_list("bit", flat=True))
        return next((bit for bit in range(cls.MAX_THEMES) if bit not in taken), None)


class Ward(models.Model):
    """An electoral ward of the council's area, used to say where feedback comes from."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class ThemedRecommendation(TaggedItemBase):
    """Links a recommendation to its theme(s)."""

    tag = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="tagged_recommendations")
    content_object = ParentalKey("RecommendationPage", on_delete=models.CASCADE, related_name="themed_items")


class ThemedInitiative(TaggedItemBase):
    """Links an initiative to its theme(s)."""

    tag = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="tagged_initiatives")
    content_object = ParentalKey("InitiativePage", on_delete=models.CASCADE, related_name="themed_items")


# --- Site settings ------------------------------------------------------------------------


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Who runs the site, how to reach them, and the help numbers every page shows."""

    # Who we are
    council_name = models.CharField(max_length=120, default="Leicester City Council")
    strategy_name = models.CharField(max_length=160, default="Knife Crime and Serious Violence Strategy")
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    # Help numbers, shown in every page footer
    emergency_number = models.CharField(max_length=20, default="999")
    childline_number = models.CharField(max_length=40, default="0800 1111")
    crimestoppers_number = models.CharField(max_length=40, default="0800 555 111")
    fearless_url = models.URLField(
        default="https://www.fearless.org",
        help_text="Fearless: the Crimestoppers service where young people can pass on information anonymously.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("council_name"),
                FieldPanel("strategy_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                PageChooserPanel("privacy_page"),
                PageChooserPanel("accessibility_page"),
            ],
            heading="Who we are",
        ),
        MultiFieldPanel(
            [
                FieldPanel("emergency_number"),
                FieldPanel("childline_number"),
                FieldPanel("crimestoppers_number"),
                FieldPanel("fearless_url"),
            ],
            heading="Help numbers shown on every page",
        ),
    ]

    # Every page's footer links to these: fetch them with the settings in one query.
    select_related = ["privacy_page", "accessibility_page"]

    @classmethod
    def for_site(cls, site):
        """The settings, kept in the cache for the page cache generation: every page reads them,
        and saving them starts a new generation (strategy/signals.py)."""
        if site is None:
            return super().for_site(site)
        return kept_for_generation(f"site-settings:{site.pk}", lambda: super(SiteSettings, cls).for_site(site))

    class Meta:
        verbose_name = "site settings"


# --- Pages --------------------------------------------------------------------------------


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
        "strategy.StandardPage",
        "consultation.SurveyIndexPage",
        "consultation.YouthVoicePage",
        "events.EventIndexPage",
        "events.BleedKitIndexPage",
        "localpicture.LocalPicturePage",
    ]
    max_count = 1

    def route(self, request, path_components):
        """Find the page for a URL below the home page in two queries (strategy/routing.py)."""
        from .routing import route_from_url_path

        return route_from_url_path(self, request, path_components)

    @cached_property
    def listing(self):
        """What the page lists (strategy/selectors.HomeListing), read once per request."""
        from .selectors import home_listing

        return home_listing(home=self)

    def get_context(self, request, *args, **kwargs):
        from events.selectors import events_upcoming

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

    parent_page_types = ["strategy.HomePage", "strategy.StandardPage"]
    subpage_types = ["strategy.StandardPage"]


class StrategyPage(CachedViewRestrictionsMixin, RoutablePageMixin, Page):
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

    parent_page_types = ["strategy.HomePage"]
    subpage_types = ["strategy.ThemePage"]

    def get_context(self, request, *args, **kwargs):
        from .selectors import progress_summary

        context = super().get_context(request, *args, **kwargs)
        context["summary"] = progress_summary(strategy_page=self)
        return context

    @path("progress-report/")
    def progress_report(self, request):
        """The print-ready report for the partnership board."""
        from .selectors import progress_report_rows, progress_summary

        rows = progress_report_rows(strategy_page=self, request=request)
        return TemplateResponse(
            request,
            "strategy/progress_report.html",
            {
                "page": self,
                "self": self,
                "rows": rows,
                "summary": progress_summary(strategy_page=self),
                "csv_url": self.get_url(request) + self.reverse_subpage("progress_report_csv"),
            },
        )

    @path("progress-report/csv/", name="progress_report_csv")
    def progress_report_csv(self, request) -> HttpResponse:
        """The report's rows as CSV, for the board papers."""
        from .selectors import progress_report_rows
        from .services import progress_report_csv

        rows = progress_report_rows(strategy_page=self, request=request)
        return progress_report_csv(rows=rows)


class ThemePage(CachedViewRestrictionsMixin, Page):
    """One of the six themes: its recommendations and the initiatives that deliver them."""

    theme = models.OneToOneField(Theme, on_delete=models.PROTECT, related_name="page")
    intro = models.TextField(blank=True)
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("theme"), FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["strategy.StrategyPage"]
    subpage_types = ["strategy.RecommendationPage", "strategy.InitiativePage"]

    def get_context(self, request, *args, **kwargs):
        from consultation.summaries import theme_summary_for_theme_page

        from .selectors import theme_page_lists

        context = super().get_context(request, *args, **kwargs)
        context["recommendations"], context["initiatives"] = theme_page_lists(theme_page=self)
        context["theme_summary"] = theme_summary_for_theme_page(theme_page=self)
        return context


class RecommendationStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    COMPLETE = "complete", "Complete"


class RecommendationPage(CachedViewRestrictionsMixin, Page):
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

    def get_context(self, request, *args, **kwargs):
        from consultation.summaries import theme_summaries_for_recommendation

        from .selectors import recommendation_page_lists

        context = super().get_context(request, *args, **kwargs)
        lists = recommendation_page_lists(recommendation=self)
        context["initiatives"] = lists["initiatives"]
        context["theme_page"] = lists["theme_page"]
        context["themes"] = lists["themes"]
        context["updates"] = lists["updates"]
        context["theme_summaries"] = theme_summaries_for_recommendation(recommendation=self)
        return context


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


class InitiativePage(CachedViewRestrictionsMixin, Page):
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
        context["linked_recommendations"] = self.recommendations.live().order_by("path")
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
