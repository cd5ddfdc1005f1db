""" "You said, we did": the summary an officer writes for each theme, and where it is shown.

- In the admin, a snippet ("You said, we did") that officers edit and publish (registered in
  consultation/wagtail_hooks.py).
- On the theme's page, once published: how many contributions were confirmed under the theme,
  what people said, what was done, and links to the recommendations it informed.
- On each of those recommendation pages, "What people told us": the themes, their counts and a
  link back to the theme page's section.

Counts from 1 to 4 are shown as "fewer than 5" (core/disclosure.py). Each selector runs
one or two queries, however many recommendations or contributions there are.

A saved or deleted summary, or a change to its recommendations, clears the anonymous page
cache (registered in ConsultationConfig.ready), so publishing shows at once. The counts follow
officers' theming and may be up to PAGE_CACHE_SECONDS (10 minutes) behind.
"""

from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext, ngettext

from core.disclosure import SUPPRESS_BELOW, count_text, is_suppressed
from core.translations import page_of_record
from strategy.models import RecommendationPage, ThemePage

from .models import ThemedFeedback, ThemeSummary

SECTION_ID = "you-said-we-did"


# --- Selectors for the public pages -------------------------------------------------------


@dataclass
class PublishedSummary:
    """A published summary as the pages show it."""

    summary: ThemeSummary
    contributions: int
    recommendations: list = field(default_factory=list)
    theme_page: object | None = None  # the theme's live ThemePage, to link to

    @property
    def theme(self):
        return self.summary.theme

    @property
    def contributions_text(self) -> str:
        """The count as it may be shown, in the visitor's language: "1,234" or "fewer than 5"."""
        return gettext("fewer than 5") if is_suppressed(self.contributions) else count_text(self.contributions)

    @property
    def contributions_phrase(self) -> str:
        """ "23 contributions", "fewer than 5 contributions" or "no contributions yet"."""
        if not self.contributions:
            return gettext("no contributions yet")
        return ngettext("%(count)s contribution", "%(count)s contributions", self.contributions_counted) % {
            "count": self.contributions_text
        }

    @property
    def contributions_counted(self) -> int:
        """The number that chooses a sentence's plural form: "fewer than 5" takes that of 5
        (Polish "mniej niż 5 wypowiedzi")."""
        return SUPPRESS_BELOW if is_suppressed(self.contributions) else self.contributions


def _with_contributions(queryset):
    """Annotate each summary with the number of pieces of feedback confirmed under its theme."""
    confirmed = (
        ThemedFeedback.objects.filter(tag=OuterRef("theme"))
        .order_by()
        .values("tag")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.annotate(
        contributions=Coalesce(Subquery(confirmed, output_field=IntegerField()), Value(0), output_field=IntegerField())
    )


def theme_summary_for_theme_page(*, theme_page) -> PublishedSummary | None:
    """The theme's published summary with its contribution count and the live recommendations
    it informed, or None. One query, two when there is a summary."""
    summary = (
        _with_contributions(ThemeSummary.objects.filter(theme_id=theme_page.theme_id, published=True))
        .prefetch_related(
            Prefetch(
                "recommendations",
                queryset=RecommendationPage.objects.live().order_by("path"),
                to_attr="live_recommendations",
            )
        )
        .first()
    )
    if summary is None:
        return None
    return PublishedSummary(
        summary=summary,
        contributions=summary.contributions,
        recommendations=summary.live_recommendations,
        theme_page=theme_page,
    )


def theme_summaries_for_recommendation(*, recommendation) -> list[PublishedSummary]:
    """The published summaries that say they informed this recommendation, in the themes'
    order, each with its contribution count and its theme's live page. One query."""
    summaries = list(
        _with_contributions(page_of_record(recommendation).theme_summaries.filter(published=True))
        .select_related("theme")
        .order_by("theme__sort_order", "theme__name")
    )
    # Each theme's page in the recommendation's language tree.
    theme_pages = {
        page.theme_id: page
        for page in ThemePage.objects.filter(
            theme_id__in=[summary.theme_id for summary in summaries], locale_id=recommendation.locale_id
        )
    }
    published = []
    for summary in summaries:
        theme_page = theme_pages.get(summary.theme_id)
        published.append(
            PublishedSummary(
                summary=summary,
                contributions=summary.contributions,
                theme_page=theme_page if theme_page is not None and theme_page.live else None,
            )
        )
    return published
