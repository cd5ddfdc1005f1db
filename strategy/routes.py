"""The routes of the strategy's pages, each a view of strategy/views.py. The pages do not
import their views, which read through the selectors that import the pages: the app registers
these in its AppConfig.ready() (core.routing.RegisteredRoutesMixin)."""

from django.urls import path

from . import views
from .models import RecommendationPage, StrategyPage, ThemePage

PAGE_ROUTES = {
    StrategyPage: [
        path("", views.strategy_page, name="index_route"),
        path("progress-report/", views.progress_report, name="progress_report"),
        path("progress-report/csv/", views.progress_report_csv, name="progress_report_csv"),
    ],
    ThemePage: [path("", views.theme_page, name="index_route")],
    RecommendationPage: [path("", views.recommendation_page, name="index_route")],
}
