"""Admin pages of the consultation app: safeguarding alerts, the list of surveys and each
survey's results.

Each is an admin area (core.viewsets.PermissionViewSet, registered in wagtail_hooks.py) that
checks its permission for every view: the Safeguarding group (`consultation.view_safeguarding`)
sees flagged feedback with any contact details; officers and editors
(`consultation.view_response`) see survey results: the report, its Word and CSV downloads,
and the raw responses CSV. Copying the report's draft "We asked, you said" to the survey page
needs the right to edit that page too (editors).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import escape
from django.views.decorators.http import require_POST

from core.admin_views import export_confirm
from core.exports import export_log_record
from core.spreadsheets import csv_response, csv_stream_response
from core.viewsets import PermissionViewSet

from .admin_paper import PAPER_PERMISSION, paper_response_add
from .dashboard.charts import bar_chart
from .models import Feedback, Response, SurveyPage
from .report import Report, breakdown_questions, dimensions_for, report_build
from .report_files import DOCX_CONTENT_TYPE, report_docx, table_csv_rows
from .selectors import safeguarding_flagged, survey_response_rows, surveys_with_response_counts
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


class BreakdownForm(forms.Form):
    """Which closed question to break down, and by what (a plain GET form, no JavaScript)."""

    question = forms.TypedChoiceField(coerce=int, label="Question", error_messages={"required": "Choose a question."})
    by = forms.ChoiceField(
        label="Break down by",
        choices=[],  # the survey's: consultation.report.dimensions_for
        error_messages={"required": "Choose what to break it down by."},
    )

    def __init__(self, *args, questions, dimensions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = {question.pk: question for question in questions}
        self.dimensions = dimensions
        self.fields["by"].choices = [(key, dimension.label) for key, dimension in dimensions.items()]
        self.fields["question"].choices = [("", "Choose a question")] + [
            (question.pk, question.label) for question in questions
        ]
        self.fields["question"].error_messages["invalid_choice"] = "Choose one of the questions in the list."
        self.fields["by"].error_messages["invalid_choice"] = "Choose one of the ways to break it down."


def _breakdown(request, survey: SurveyPage):
    """The breakdown form, bound when the officer asked for one, and the (question, dimension)
    it asks for when valid."""
    questions = breakdown_questions(survey)
    asked = "question" in request.GET or "by" in request.GET
    form = BreakdownForm(request.GET if asked else None, questions=questions, dimensions=dimensions_for(survey))
    if asked and form.is_valid():
        return form, (form.questions[form.cleaned_data["question"]], form.dimensions[form.cleaned_data["by"]])
    return form, None


def _report(request, pk: int) -> tuple[SurveyPage, BreakdownForm, Report]:
    survey = get_object_or_404(SurveyPage, pk=pk)
    form, breakdown = _breakdown(request, survey)
    return survey, form, report_build(survey=survey, breakdown=breakdown)


def _query(request) -> str:
    """The breakdown asked for, to carry over to the downloads."""
    query = request.GET.copy()
    return f"?{query.urlencode()}" if query else ""


def survey_results_view(request, pk: int):
    """The survey's results report: headline, every question with its chart and table, the
    themes of the written answers, a breakdown the officer picks, and a draft "We asked, you
    said". Aggregates only, small counts suppressed; it prints cleanly and downloads as Word."""
    survey, form, report = _report(request, pk)
    query = _query(request)
    sections = []
    for section in report.sections:
        tables = []
        for table in section.tables:
            chart = bar_chart(f"chart-{table.slug}", table.title, table.chart_rows()) if table.chart else None
            csv_url = reverse("consultation_results:table_csv", args=[survey.pk, table.slug]) + query
            tables.append({"table": table, "chart": chart, "csv_url": csv_url})
        sections.append({"section": section, "tables": tables})
    can_edit_page = survey.permissions_for_user(request.user).can_edit()
    return TemplateResponse(
        request,
        "consultation/admin/survey_results.html",
        {
            "survey": survey,
            "report": report,
            "sections": sections,
            "form": form,
            "page_title": f"Results: {survey.title}",
            "header_icon": "list-ul",
            "csv_url": reverse("consultation_results:csv", args=[survey.pk]),
            "docx_url": reverse("consultation_results:docx", args=[survey.pk]) + query,
            "draft_url": reverse("consultation_results:outcome_draft", args=[survey.pk]),
            "can_edit_page": can_edit_page,
            "paper_url": (
                reverse("consultation_results:paper", args=[survey.pk])
                if request.user.has_perm(PAPER_PERMISSION)
                else ""
            ),
        },
    )


def survey_report_docx(request, pk: int):
    """The report as a Word document. Aggregates only, suppressed, like the page, so it is not
    an export of personal data and is not logged."""
    survey, _, report = _report(request, pk)
    response = HttpResponse(report_docx(report), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="results-{survey.slug}.docx"'
    return response


def survey_report_table_csv(request, pk: int, slug: str):
    """One table of the report as CSV, cells neutralised (core/spreadsheets.py). Aggregates
    only, suppressed, so not logged."""
    survey, _, report = _report(request, pk)
    table = report.table(slug)
    if table is None:
        raise Http404("No such table in this report.")
    header, rows = table_csv_rows(table)
    return csv_response(filename=f"results-{survey.slug}-{slug}.csv", header=header, rows=rows)


@require_POST
def survey_outcome_draft(request, pk: int):
    """Copy the report's draft "We asked" and "You said" into a new draft revision of the
    survey page, for an editor to finish ("We did") and publish. Nothing is published."""
    survey = get_object_or_404(SurveyPage, pk=pk)
    if not survey.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    report = report_build(survey=survey)
    page = survey.get_latest_revision_as_object()
    page.we_asked = "".join(f"<p>{escape(text)}</p>" for text in report.draft["we_asked"])
    page.you_said = "".join(f"<p>{escape(text)}</p>" for text in report.draft["you_said"])
    page.save_revision(user=request.user, log_action=True)
    messages.success(
        request,
        "The draft is in the survey page's latest draft, not published. Add what you did under “We did”, "
        "then publish the page.",
    )
    return redirect("wagtailadmin_pages:edit", survey.pk)


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
            path("<int:pk>/report.docx", survey_report_docx, name="docx"),
            path("<int:pk>/tables/<slug:slug>.csv", survey_report_table_csv, name="table_csv"),
            path("<int:pk>/outcome-draft/", survey_outcome_draft, name="outcome_draft"),
            path("<int:pk>/paper/", paper_response_add, name="paper"),
        ]
