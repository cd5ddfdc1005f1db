"""The strategy's pages as their visitors see them, and the board's progress report. Each is a
route of its page (strategy/routes.py): Wagtail calls it with the page, then the request."""

from django.http import HttpResponse
from wagtail import hooks

from . import services
from .hooks import RECOMMENDATION_PAGE_CONTEXT, THEME_PAGE_CONTEXT
from .models import RecommendationPage, StrategyPage, ThemePage
from .selectors import progress_report_rows, progress_summary, recommendation_page_lists, theme_page_lists


def strategy_page(page: StrategyPage, request):
    """The strategy, with the progress of each theme's recommendations."""
    return page.render(request, context_overrides={"summary": progress_summary(strategy_page=page)})


def progress_report(page: StrategyPage, request):
    """The print-ready report for the partnership board."""
    return page.render(
        request,
        template="strategy/progress_report.html",
        context_overrides={
            "rows": progress_report_rows(strategy_page=page, request=request),
            "summary": progress_summary(strategy_page=page),
            "csv_url": page.get_url(request) + page.reverse_subpage("progress_report_csv"),
        },
    )


def progress_report_csv(page: StrategyPage, request) -> HttpResponse:
    """The report's rows as CSV, for the board papers."""
    return services.progress_report_csv(rows=progress_report_rows(strategy_page=page, request=request))


def theme_page(page: ThemePage, request):
    """A theme's recommendations and initiatives, and what other apps show on it."""
    context = {}
    context["recommendations"], context["initiatives"] = theme_page_lists(theme_page=page)
    # What other apps show on a theme's page ("You said, we did"), without this app knowing
    # them: each registers a function for the hook (strategy/hooks.py).
    for add_context in hooks.get_hooks(THEME_PAGE_CONTEXT):
        context.update(add_context(theme_page=page))
    return page.render(request, context_overrides=context)


def recommendation_page(page: RecommendationPage, request):
    """A recommendation with its theme, its updates and the initiatives that deliver it."""
    context = dict(recommendation_page_lists(recommendation=page))
    for add_context in hooks.get_hooks(RECOMMENDATION_PAGE_CONTEXT):
        context.update(add_context(recommendation=page))
    return page.render(request, context_overrides=context)
