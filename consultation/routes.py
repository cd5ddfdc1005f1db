"""The routes of the survey and youth voice pages, each a view of consultation/views.py. The
pages do not import their views, which submit through the services that write the pages' own
tables: the app registers these in its AppConfig.ready() (core.routing.RegisteredRoutesMixin)."""

from django.urls import path

from . import views
from .models import SurveyPage, YouthVoicePage

PAGE_ROUTES = {
    SurveyPage: [
        path("", views.survey_start, name="start_route"),
        path("answer/<int:step>/", views.survey_step, name="step_route"),
        path("check/", views.survey_check, name="check_route"),
        path("thank-you/", views.survey_thank_you, name="thank_you_route"),
        path("results/", views.survey_results_summary, name="results_route"),
    ],
    YouthVoicePage: [path("", views.youth_voice_serve, name="index_route")],
}
