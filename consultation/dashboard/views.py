"""The feedback dashboard in the admin (/admin/feedback-dashboard/), for officers: the page.

It shows the figures (counting.py), each as a chart (charts.py) with the same numbers in a table
beside it. The result is kept in the cache until the data changes (`dashboard_cached`), so
officers coming back to the page do not count it all again: at 100,000 pieces of feedback on
PostgreSQL, counting takes about 130 ms (bench/export.py), and checking that nothing has
changed about 70.

Seen by users with `consultation.view_feedback` (the Officers group): DashboardViewSet, the
page's URL and menu item, is registered in consultation/wagtail_hooks.py.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib import messages
from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from core.models import Theme
from core.viewsets import PermissionViewSet

from .. import services
from ..models import Feedback, ThemedFeedback, ThemeSuggestion
from ..suggester import theme_model_status
from .charts import Chart, bar_chart, month_chart, theme_source_chart
from .counting import (
    LONDON,
    Agreement,
    Backlog,
    CountRow,
    MonthCount,
    ThemeSourceTable,
    feedback_by_age_band,
    feedback_by_language,
    feedback_by_month,
    feedback_by_theme_and_source,
    feedback_by_ward,
    feedback_counts,
    theme_agreement,
    untriaged_backlog,
)

PERMISSION = "consultation.view_feedback"
# Who may ask the suggester to learn now: those who edit the word list, its other lever.
RETRAIN_PERMISSION = "consultation.change_themekeyword"


@dataclass
class Dashboard:
    """Everything the page shows: the figures, when they were counted, and their charts."""

    counted_at: datetime
    theme_source: ThemeSourceTable
    months: list[MonthCount]
    wards: list[CountRow]
    age_bands: list[CountRow]
    languages: list[CountRow]
    backlog: Backlog
    agreement: Agreement
    charts: dict[str, Chart] = field(default_factory=dict)


def dashboard_data(*, now: datetime | None = None) -> Dashboard:
    """Everything the dashboard shows. Six queries on PostgreSQL, seven elsewhere, however many
    rows."""
    now = now or timezone.now()
    themes = list(Theme.objects.order_by("sort_order", "name"))
    counts = feedback_counts()
    data = Dashboard(
        counted_at=now,
        theme_source=feedback_by_theme_and_source(themes=themes, by_source=counts.by_source, sets=counts.themes),
        months=feedback_by_month(now=now),
        wards=feedback_by_ward(by_ward=counts.by_ward),
        age_bands=feedback_by_age_band(by_age_band=counts.by_age_band),
        languages=feedback_by_language(
            by_language=counts.by_language, list_url=reverse("wagtailsnippets_consultation_feedback:list")
        ),
        backlog=untriaged_backlog(now=now),
        agreement=theme_agreement(themes=themes, sets=counts.themes),
    )
    data.charts = {
        "theme_source": theme_source_chart(data.theme_source),
        "months": month_chart(data.months),
        "wards": bar_chart("wards", "Feedback by ward", data.wards),
        "age_bands": bar_chart("age-bands", "Feedback by age band", data.age_bands),
        "languages": bar_chart("languages", "Feedback by the language it was given in", data.languages),
    }
    return data


# The counted figures are kept in the cache with a fingerprint of the data: a few numbers, read
# in three cheap queries, that change whenever feedback arrives or is deleted, is reviewed, or
# has its suggested or confirmed themes changed, and with today's date. While the fingerprint
# holds, the page is served from the cache; anything it cannot see (an edited ward or age band,
# a renamed theme) shows within CACHE_SECONDS.
# Bump the version when the dataclasses of the figures or the charts change shape or move to
# another module, so nothing pickled by an older release is read back.
CACHE_KEY = "consultation:feedback-dashboard:3"
CACHE_SECONDS = 300


def data_fingerprint(*, now: datetime) -> tuple:
    """Three queries."""
    feedback = Feedback.objects.aggregate(
        count=Count("pk"), last=Max("pk"), reviewed=Count("pk", filter=Q(reviewed=True)), seen=Max("reviewed_at")
    )
    themed = ThemedFeedback.objects.aggregate(count=Count("pk"), last=Max("pk"))
    # Suggestions are replaced, never edited: new ones have a higher id, and fewer change the count.
    suggested = ThemeSuggestion.objects.aggregate(count=Count("pk"), last=Max("pk"))
    return (
        timezone.localtime(now, LONDON).date(),
        tuple(feedback.values()),
        tuple(themed.values()),
        tuple(suggested.values()),
    )


def dashboard_cached(*, now: datetime | None = None) -> Dashboard:
    """The dashboard from the cache while the data's fingerprint is unchanged, else counted afresh."""
    now = now or timezone.now()
    fingerprint = data_fingerprint(now=now)
    cached = cache.get(CACHE_KEY)
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    data = dashboard_data(now=now)
    cache.set(CACHE_KEY, (fingerprint, data), CACHE_SECONDS)
    return data


def dashboard_view(request):
    data = dashboard_cached()
    return TemplateResponse(
        request,
        "consultation/admin/dashboard.html",
        {
            "data": data,
            "charts": data.charts,
            # Not cached with the figures: a few small queries, and a new version shows at once.
            "model": theme_model_status(),
            "can_retrain": request.user.has_perm(RETRAIN_PERMISSION),
            "page_title": "Feedback dashboard",
            "header_icon": "table",
        },
    )


class DashboardViewSet(PermissionViewSet):
    name = "consultation_dashboard"
    url_prefix = "feedback-dashboard"
    permission = PERMISSION
    add_to_admin_menu = True
    menu_label = "Feedback dashboard"
    icon = "table"
    menu_order = 160

    def get_routes(self):
        return [path("", dashboard_view, name="index")]


def theme_model_retrain_view(request):
    """The dashboard's "Learn from the latest confirmations" button (POST only)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    status = theme_model_status(history=0)
    if not status.can_retrain:
        messages.error(
            request,
            f"Not started: the suggester learns again once {status.needed} reviewed pieces of feedback have "
            f"confirmed themes since it last trained, and {status.new_confirmations} have so far.",
        )
    else:
        services.theme_model_retrain_request(user=request.user)
        messages.success(
            request,
            "Training started. The new version is listed under the suggester's model when it is done, and is used "
            "only if it scores no lower than the one in use.",
        )
    return redirect(reverse("consultation_dashboard:index") + "#dash-model")


class ThemeModelViewSet(PermissionViewSet):
    """The dashboard's button to retrain the theme suggester, for those who edit the word list.
    No menu item: the button is on the dashboard."""

    name = "consultation_theme_model"
    url_prefix = "theme-suggester"
    permission = RETRAIN_PERMISSION

    def get_routes(self):
        return [path("retrain/", theme_model_retrain_view, name="retrain")]
