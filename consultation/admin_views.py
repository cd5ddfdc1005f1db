"""Admin pages of the consultation app: safeguarding alerts, the list of surveys and each
survey's results.

Each is an admin area (core.viewsets.PermissionViewSet, registered in wagtail_hooks.py) that
checks its permission for every view: the Safeguarding group (`consultation.view_safeguarding`)
sees flagged feedback with any contact details; officers and editors
(`consultation.view_response`) see survey results.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from core.admin_views import export_confirm
from core.exports import export_log_record
from core.spreadsheets import csv_stream_response
from core.viewsets import PermissionViewSet

from .models import Feedback, Response, SurveyPage
from .selectors import safeguarding_flagged, survey_response_rows, survey_results, surveys_with_response_counts
from .services import safeguarding_alert_handle

SAFEGUARDING_PERMISSION = "consultation.view_safeguarding"
RESULTS_PERMISSION = "consultation.view_response"
# Equality monitoring answers are special category data: in a per-response export only with this,
# which no staff group holds (administrators do), and every such export is logged as personal data.
EQUALITY_EXPORT_PERMISSION = "consultation.export_equality_data"


def safeguarding_index(request):
    """Flagged feedback, unhandled first."""
    paginator = Paginator(safeguarding_flagged(), 50)
    page = paginator.get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "consultation/admin/safeguarding_index.html",
        {"page_obj": page, "items": page.object_list, "page_title": "Safeguarding alerts", "header_icon": "warning"},
    )


def safeguarding_detail(request, pk: int):
    """One flagged item: what was written, where, the matched words, any contact details, and
    a form to record what was done."""
    feedback = get_object_or_404(Feedback.objects.select_related("survey", "ward"), pk=pk, safeguarding_flag=True)
    if request.method == "POST":
        safeguarding_alert_handle(feedback=feedback, user=request.user, note=request.POST.get("note", ""))
        messages.success(request, "Recorded as handled.")
        return redirect("consultation_safeguarding:index")
    contacts = list(feedback.contacts.all())
    if feedback.response_id:
        contacts += list(feedback.response.contacts.all())
    return TemplateResponse(
        request,
        "consultation/admin/safeguarding_detail.html",
        {
            "feedback": feedback,
            "contacts": contacts,
            "page_title": f"Safeguarding alert {feedback.pk}",
            "header_icon": "warning",
        },
    )


def survey_list(request):
    """Every survey with its status and number of responses, each linking to its results: the way
    in for officers, who may read results but not the page tree the surveys sit in."""
    return TemplateResponse(
        request,
        "consultation/admin/survey_list.html",
        {"surveys": surveys_with_response_counts(), "page_title": "Survey results", "header_icon": "list-ul"},
    )


def survey_results_view(request, pk: int):
    """Per survey: responses, counts per choice, and the free-text answers."""
    survey = get_object_or_404(SurveyPage, pk=pk)
    response_count, results = survey_results(survey=survey)
    return TemplateResponse(
        request,
        "consultation/admin/survey_results.html",
        {
            "survey": survey,
            "response_count": response_count,
            "results": results,
            "page_title": f"Results: {survey.title}",
            "header_icon": "list-ul",
            "csv_url": reverse("consultation_results:csv", args=[survey.pk]),
        },
    )


def survey_results_csv(request, pk: int):
    """The survey's responses as CSV, one row per response. No contact details. Logged.
    A POST makes it; a GET only offers the button (export_confirm).

    The equality monitoring answers are added, as columns at the end, only when the survey asks
    them, the user holds `export_equality_data` and ticked the box; the export log then records
    that personal data was included. Without the permission the box is not offered and a
    forged "personal" field is ignored."""
    survey = get_object_or_404(SurveyPage, pk=pk)
    may_include_equality = survey.equality_monitoring and request.user.has_perm(EQUALITY_EXPORT_PERMISSION)
    if request.method != "POST":
        count = Response.objects.filter(survey=survey).count()
        return export_confirm(
            request,
            title=f"Download responses: {survey.title}",
            summary=f"{count:,} response{'s' if count != 1 else ''} as CSV, without contact details.",
            button="Download responses (CSV)",
            back_url=reverse("consultation_results:index", args=[survey.pk]),
            offer_personal=may_include_equality,
            personal_label="Include the answers to the equality monitoring questions (special category data: "
            "keep the file secure and delete it when done)",
        )
    include_equality = may_include_equality and request.POST.get("personal") == "1"
    header, rows = survey_response_rows(survey=survey, include_equality=include_equality)
    export_log_record(
        user=request.user,
        kind="survey responses with equality monitoring answers" if include_equality else "survey responses",
        filters={"survey": survey.pk, "survey_title": survey.title},
        row_count=Response.objects.filter(survey=survey).count(),
        included_personal_data=include_equality,
    )
    return csv_stream_response(filename=f"responses-{survey.slug}.csv", header=header, rows=rows)


class SafeguardingViewSet(PermissionViewSet):
    """Safeguarding alerts, for the Safeguarding group."""

    name = "consultation_safeguarding"
    url_prefix = "safeguarding"
    permission = SAFEGUARDING_PERMISSION
    add_to_admin_menu = True
    menu_label = "Safeguarding alerts"
    icon = "warning"
    menu_order = 150

    def get_routes(self):
        return [
            path("", safeguarding_index, name="index"),
            path("<int:pk>/", safeguarding_detail, name="inspect"),
        ]


class SurveyResultsViewSet(PermissionViewSet):
    """Every survey's results, for officers and editors."""

    name = "consultation_results"
    url_prefix = "survey-results"
    permission = RESULTS_PERMISSION
    add_to_admin_menu = True
    menu_label = "Survey results"
    icon = "list-ul"
    menu_order = 142

    def get_routes(self):
        return [
            path("", survey_list, name="surveys"),
            path("<int:pk>/", survey_results_view, name="index"),
            path("<int:pk>/responses.csv", survey_results_csv, name="csv"),
        ]
