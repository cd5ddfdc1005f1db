"""Filters for the feedback list, shared by the admin listing and its exports, so an export
holds exactly the rows the officer is looking at."""

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Exists, OuterRef
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from core.models import Theme, Ward, site_language_choices
from core.translations import pages_of_record

from .models import AgeBand, Feedback, SurveyPage, SurveyQuestion, ThemedFeedback

YES_NO = [("true", "Yes"), ("false", "No")]


class FeedbackFilterSet(WagtailFilterSet):
    confirmed_theme = django_filters.ModelChoiceFilter(
        label="Confirmed theme", queryset=Theme.objects.all(), method="filter_confirmed_theme"
    )
    suggested_theme = django_filters.ModelChoiceFilter(
        label="Suggested theme", queryset=Theme.objects.all(), method="filter_suggested_theme"
    )
    no_theme = django_filters.BooleanFilter(
        label="No confirmed theme yet",
        method="filter_no_theme",
        widget=forms.RadioSelect(choices=[("", "Any"), *YES_NO]),
    )
    source = django_filters.ChoiceFilter(label="Source", choices=Feedback.Source.choices)
    # The English surveys: answers given in every language are recorded against them.
    survey = django_filters.ModelChoiceFilter(
        label="Survey", queryset=lambda request: pages_of_record(SurveyPage.objects.all())
    )
    question = django_filters.ModelChoiceFilter(
        label="Question",
        queryset=lambda request: (
            SurveyQuestion.objects.filter(page__in=pages_of_record(SurveyPage.objects.all()))
            .exclude(kind=SurveyQuestion.Kind.SECTION)
            .select_related("page")
        ),
    )
    ward = django_filters.ModelChoiceFilter(label="Ward", queryset=Ward.objects.all())
    age_band = django_filters.ChoiceFilter(label="Age band", choices=AgeBand.choices)
    language = django_filters.ChoiceFilter(label="Language", choices=site_language_choices)
    created_at = django_filters.DateFromToRangeFilter(label="Date received", widget=DateRangePickerWidget)
    safeguarding_flag = django_filters.BooleanFilter(
        label="Safeguarding flag", widget=forms.RadioSelect(choices=[("", "Any"), *YES_NO])
    )
    reviewed = django_filters.BooleanFilter(label="Reviewed", widget=forms.RadioSelect(choices=[("", "Any"), *YES_NO]))

    class Meta:
        model = Feedback
        fields = []

    def filter_confirmed_theme(self, queryset, name, value):
        return queryset.filter(Exists(ThemedFeedback.objects.filter(content_object=OuterRef("pk"), tag=value)))

    def filter_suggested_theme(self, queryset, name, value):
        return queryset.filter(suggestions__theme=value).distinct()

    def filter_no_theme(self, queryset, name, value):
        confirmed = Exists(ThemedFeedback.objects.filter(content_object=OuterRef("pk")))
        return queryset.exclude(confirmed) if value else queryset.filter(confirmed)


def filter_params(query_dict) -> dict:
    """The filter values of a request, to record in the export log and to rebuild an export."""
    names = set(FeedbackFilterSet.base_filters) | {"created_at_from", "created_at_to", "q"}
    return {key: value for key, value in query_dict.items() if key in names and value not in ("", None)}


def feedback_filtered(params: dict):
    """The feedback matching saved filter values (and the search words in `q`)."""
    filterset = FeedbackFilterSet(params, queryset=Feedback.objects.all())
    queryset = filterset.qs if filterset.is_valid() else Feedback.objects.none()
    words = (params.get("q") or "").strip()
    if words:
        queryset = feedback_search(queryset, words)
    return queryset


def feedback_search(queryset, words: str):
    """Full-text search of what people wrote: PostgreSQL's English text search (so "schools"
    finds "school"), or a plain substring match on other databases."""
    if connection.vendor == "postgresql":
        return queryset.annotate(search=SearchVector("text", config="english")).filter(
            search=SearchQuery(words, config="english", search_type="websearch")
        )
    return queryset.filter(text__icontains=words)
