"""The officers' side of the Feedback store in the Wagtail admin.

- A listing with filters and search (consultation/filters.py), an inspect view with the
  context, the suggestions and the words that triggered them, and the history.
- A row of the list opens the inspect view; officers go on from there to the edit view.
- Officers confirm themes (six checkboxes), add free tags and mark feedback reviewed, one at a
  time in the edit view (what people wrote is never editable) or in bulk. Every change is logged
  with who and when, in the item's history.
- Offline input: one item at a time, or a CSV file that is saved all or nothing.
- Exports of the filtered list (consultation/exports.py), logged.

Permissions are checked here: Officers hold view/add/change feedback and export_feedback.
"""

import csv
import io
from datetime import datetime, time

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import classproperty
from taggit.forms import TagField, TagWidget
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic import InspectView
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import EditView, IndexView

from core.admin_snippets import StaffSnippetViewSet
from core.admin_views import export_confirm, require_permission
from core.models import ExportLog, Theme, Ward
from core.spreadsheets import csv_stream_response

from . import exports, services
from .filters import FeedbackFilterSet, feedback_filtered, feedback_search, filter_params
from .models import AgeBand, ExportJob, Feedback
from .tasks import export_run_after_commit

EXPORT_PERMISSION = "consultation.export_feedback"
PERSONAL_DATA_PERMISSION = "consultation.export_personal_data"
UPLOAD_MAX_ROWS = 5000


# --- Listing, inspect and edit -----------------------------------------------------------


class FeedbackIndexView(IndexView):
    """The list, with Export buttons that carry the current filters."""

    @property
    def header_buttons(self):
        # Wagtail's own "Add" button is replaced by the offline form's.
        add_url = reverse("wagtailsnippets_consultation_feedback:add")
        buttons = [button for button in super().header_buttons if getattr(button, "url", None) != add_url]
        user = self.request.user
        if user.has_perm("consultation.add_feedback"):
            buttons.append(
                HeaderButton("Add offline feedback", reverse("consultation_offline:add"), icon_name="plus", priority=20)
            )
        if user.has_perm(EXPORT_PERMISSION):
            query = self.request.GET.urlencode()
            for file_format, label in (("csv", "Export CSV"), ("xlsx", "Export Excel")):
                url = reverse("consultation_exports:export", args=[file_format]) + (f"?{query}" if query else "")
                buttons.append(HeaderButton(label, url, icon_name="download", priority=30))
        return buttons

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("survey", "ward")
            .prefetch_related("themes", "suggestions__theme")
        )

    def search_queryset(self, queryset):
        # The same search as exports use, so an export holds exactly the rows on screen.
        return feedback_search(queryset, self.search_query) if self.is_searching else queryset

    def _get_title_column(self, *args, **kwargs):
        # Wagtail links the title to the edit form for anyone who may change the item. A row here
        # opens the inspect view instead: the text with its context, suggestions and history,
        # and a button to the edit form for those who may change themes.
        column = super()._get_title_column(*args, **kwargs)
        column._get_url_func = lambda instance: self.get_inspect_url(instance) or self.get_edit_url(instance)
        return column


class TagListWidget(TagWidget):
    """A plain text box of tags separated by commas, shown as they would be typed: "bus station,
    lighting" rather than taggit's `"bus station", lighting`, which quotes a name with a space.
    A name with a comma or a quotation mark in it keeps taggit's quoting, so it reads back whole."""

    def format_value(self, value):
        if value is not None and not isinstance(value, str):
            names = sorted(tag.name for tag in value)
            if not any("," in name or '"' in name for name in names):
                return ", ".join(names)
        return super().format_value(value)


class FeedbackEditForm(WagtailAdminModelForm):
    """Themes as six checkboxes, and free tags in a plain labelled text box.

    The themes are a fixed list, so a tick box each: nothing typed can be lost, as a theme typed
    into a tag box but not picked from its suggestions was. They are set by FeedbackEditView
    through services.feedback_themes_set, which logs each change (left to the model form, they
    would be set with no record of who did it), so the form itself does not save them."""

    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Themes",
        help_text="Tick each theme this feedback speaks to. Untick one to remove it.",
    )
    tags = TagField(
        required=False,
        widget=TagListWidget,
        label="Tags",
        help_text="Your own words for finding it again, such as lighting or bus station. Separate them with commas.",
    )

    class Meta:
        exclude = ["themes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "themes" not in self.initial:
            self.initial["themes"] = list(self.instance.themes.all())


class FeedbackEditView(EditView):
    """Wagtail's edit view, with the ticked themes set through the service that logs them, and
    the officer taken back to the item's inspect view to see the result."""

    def save_instance(self):
        with transaction.atomic():
            instance = super().save_instance()
            services.feedback_themes_set(
                feedback=instance, themes=self.form.cleaned_data["themes"], user=self.request.user
            )
        return instance

    def get_success_url(self):
        return reverse("wagtailsnippets_consultation_feedback:inspect", args=[self.object.pk])


class FeedbackInspectView(InspectView):
    """The text, where it came from, the suggestions with their words, and the history."""

    template_name = "consultation/admin/feedback_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        feedback = self.object
        context.update(
            {
                "feedback": feedback,
                "suggestions": feedback.suggestions.select_related("theme"),
                "confirmed": list(feedback.themes.all()),
                "tags": list(feedback.tags.all()),
                "history": feedback_history(feedback),
                "can_change": self.request.user.has_perm("consultation.change_feedback"),
                "edit_url": reverse("wagtailsnippets_consultation_feedback:edit", args=[feedback.pk]),
            }
        )
        return context


def feedback_history(feedback: Feedback):
    from wagtail.models import ModelLogEntry

    return ModelLogEntry.objects.for_instance(feedback).select_related("user").order_by("-timestamp")[:50]


def _theme_names(feedback: Feedback) -> str:
    return ", ".join(theme.name for theme in feedback.themes.all()) or "None yet"


def _suggested_names(feedback: Feedback) -> str:
    return ", ".join(s.theme.name for s in feedback.suggestions.all()) or "None"


class SafeguardingFlagColumn(Column):
    """A flagged piece reads as a warning, in words, not as Wagtail's green tick for True."""

    cell_template_name = "consultation/admin/includes/safeguarding_cell.html"


class FeedbackViewSet(StaffSnippetViewSet):
    model = Feedback
    icon = "comment"
    menu_label = "Feedback"
    menu_order = 140
    add_to_admin_menu = True
    index_view_class = FeedbackIndexView
    inspect_view_enabled = True
    inspect_view_class = FeedbackInspectView
    edit_view_class = FeedbackEditView
    edit_template_name = "consultation/admin/feedback_edit.html"
    filterset_class = FeedbackFilterSet
    search_fields = ["text"]
    search_backend_name = None  # searched in the database (consultation/filters.py), so new feedback is found at once
    list_per_page = 50
    list_display = [
        # The first column links each row to the item (a title column).
        "excerpt",
        Column("source", label="Source", accessor="get_source_display"),
        DateColumn("created_at", label="Received"),
        Column("confirmed", label="Confirmed themes", accessor=_theme_names),
        Column("suggested", label="Suggested themes", accessor=_suggested_names),
        BooleanColumn("reviewed", label="Reviewed"),
        SafeguardingFlagColumn("safeguarding_flag", label="Safeguarding"),
    ]
    # What people wrote is never edited: officers confirm themes, tag and review.
    edit_handler = ObjectList(
        [
            HelpPanel(template="consultation/admin/feedback_edit_help.html", heading="What they said"),
            FieldPanel("themes"),
            FieldPanel("tags"),
        ],
        base_form_class=FeedbackEditForm,
    )
    copy_view_enabled = False
    has_chooser = False  # nothing chooses feedback

    @property
    def add_view(self):
        # Feedback is added through the offline form, which checks it like any other
        # submission; Wagtail's generic form would save it without text or source.
        return lambda request: redirect("consultation_offline:add")


def feedback_action(request, pk: int, action: str):
    """The inspect view's buttons: accept the suggestions, or mark reviewed (POST only)."""
    require_permission(request, "consultation.change_feedback")
    feedback = get_object_or_404(Feedback, pk=pk)
    if request.method != "POST":
        raise Http404
    if action == "accept":
        services.feedback_accept_suggestions(feedback=feedback, user=request.user)
        messages.success(request, "Suggested themes confirmed.")
    elif action == "reviewed":
        services.feedback_mark_reviewed(feedback=feedback, user=request.user)
        messages.success(request, "Marked as reviewed.")
    else:
        raise Http404
    return redirect("wagtailsnippets_consultation_feedback:inspect", pk)


# --- Bulk actions ------------------------------------------------------------------------


class ThemeChoiceForm(forms.Form):
    theme = forms.ModelChoiceField(queryset=Theme.objects.all(), label="Theme")


class TagForm(forms.Form):
    tag = forms.CharField(max_length=100, label="Tag")


class FeedbackBulkAction(SnippetBulkAction):
    """Bulk actions on feedback: officers only, each change logged on each item."""

    template_name = "consultation/admin/feedback_bulk_confirm.html"

    @classproperty
    def models(cls):
        return [Feedback]

    @classmethod
    def is_offered_to(cls, user) -> bool:
        # The listing's bar offers the action only to those check_perm would let through.
        return user.has_perm("consultation.change_feedback")

    def check_perm(self, obj):
        return self.is_offered_to(self.request.user)

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"{self.display_name}: done for {num_parent_objects} item(s)."


class AcceptSuggestionsBulkAction(FeedbackBulkAction):
    display_name = "Accept suggested themes"
    action_type = "accept_suggestions"
    aria_label = "Accept suggested themes for the selected feedback"
    action_priority = 10

    @classmethod
    def execute_action(cls, objects, **kwargs):
        user = kwargs["self"].request.user
        for feedback in objects:
            services.feedback_accept_suggestions(feedback=feedback, user=user)
        return len(objects), 0


class AddThemeBulkAction(FeedbackBulkAction):
    display_name = "Add a theme"
    action_type = "add_theme"
    aria_label = "Add a theme to the selected feedback"
    form_class = ThemeChoiceForm
    action_priority = 20

    @classmethod
    def execute_action(cls, objects, **kwargs):
        user = kwargs["self"].request.user
        theme = kwargs["self"].cleaned_form.cleaned_data["theme"]
        for feedback in objects:
            services.feedback_theme(feedback=feedback, add=[theme], user=user)
        return len(objects), 0


class RemoveThemeBulkAction(FeedbackBulkAction):
    display_name = "Remove a theme"
    action_type = "remove_theme"
    aria_label = "Remove a theme from the selected feedback"
    form_class = ThemeChoiceForm
    action_priority = 30

    @classmethod
    def execute_action(cls, objects, **kwargs):
        user = kwargs["self"].request.user
        theme = kwargs["self"].cleaned_form.cleaned_data["theme"]
        for feedback in objects:
            services.feedback_theme(feedback=feedback, remove=[theme], user=user)
        return len(objects), 0


class AddTagBulkAction(FeedbackBulkAction):
    display_name = "Add a tag"
    action_type = "add_tag"
    aria_label = "Add a tag to the selected feedback"
    form_class = TagForm
    action_priority = 40

    @classmethod
    def execute_action(cls, objects, **kwargs):
        user = kwargs["self"].request.user
        tag = kwargs["self"].cleaned_form.cleaned_data["tag"]
        for feedback in objects:
            services.feedback_tag(feedback=feedback, tag=tag, user=user)
        return len(objects), 0


class MarkReviewedBulkAction(FeedbackBulkAction):
    display_name = "Mark reviewed"
    action_type = "mark_reviewed"
    aria_label = "Mark reviewed: the selected feedback"
    action_priority = 50

    @classmethod
    def execute_action(cls, objects, **kwargs):
        user = kwargs["self"].request.user
        for feedback in objects:
            services.feedback_mark_reviewed(feedback=feedback, user=user)
        return len(objects), 0


BULK_ACTIONS = [
    AcceptSuggestionsBulkAction,
    AddThemeBulkAction,
    RemoveThemeBulkAction,
    AddTagBulkAction,
    MarkReviewedBulkAction,
]


# --- Offline input -----------------------------------------------------------------------


OFFLINE_SOURCES = [
    (Feedback.Source.EVENT.value, "An event"),
    (Feedback.Source.YOUTH_VOICE.value, "A young person (youth work, on paper)"),
    (Feedback.Source.SURVEY.value, "A paper survey"),
    (Feedback.Source.OTHER.value, "Other (letter, phone call, meeting)"),
]


class OfflineFeedbackForm(forms.Form):
    source = forms.ChoiceField(choices=OFFLINE_SOURCES)
    date = forms.DateField(help_text="When it was said or written, for example 14/03/2026.")
    ward = forms.ModelChoiceField(queryset=Ward.objects.all(), required=False)
    age_band = forms.ChoiceField(choices=[("", "Not known"), *AgeBand.choices], required=False)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), max_length=5000)

    def clean_date(self):
        value = self.cleaned_data["date"]
        if value > timezone.localdate():
            raise forms.ValidationError("The date cannot be in the future.")
        return value


class UploadForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="Columns: source, date (YYYY-MM-DD), ward, age_band, text. The first row holds the column names.",
    )


def _aware(date):
    return timezone.make_aware(datetime.combine(date, time(12, 0)))


def offline_add(request):
    """Add one piece of feedback gathered on paper or at an event."""
    require_permission(request, "consultation.add_feedback")
    form = OfflineFeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        feedback = services.feedback_create(
            source=data["source"],
            text=data["text"],
            created_at=_aware(data["date"]),
            ward=data["ward"],
            age_band=data["age_band"],
            user=request.user,
        )
        messages.success(request, f"Feedback {feedback.pk} added.")
        return redirect("consultation_offline:add")
    return TemplateResponse(
        request,
        "consultation/admin/offline_add.html",
        {"form": form, "upload_form": UploadForm(), "page_title": "Add offline feedback", "header_icon": "plus"},
    )


def _parse_upload(upload) -> tuple[list[dict], list[str]]:
    """Check every line of an uploaded CSV. Returns (rows, errors); errors name the line."""
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], ["The file is not UTF-8 text. Save it from your spreadsheet as 'CSV UTF-8'."]
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return [], [
            f"Line {line}: the file has a null character in it, which text never contains: this usually means it "
            "was saved in a spreadsheet's own format. Save it from your spreadsheet as 'CSV UTF-8'."
        ]
    reader = csv.DictReader(io.StringIO(text))
    try:
        return _check_upload_rows(reader)
    except csv.Error as error:
        # The csv module refuses a value over its field size limit (131,072 characters). That
        # limit stays: text may be at most 5,000 characters, so such a value is always wrong,
        # most often a quotation mark that is never closed and swallows the rest of the file.
        if "field limit" in str(error):
            problem = (
                "a value is far longer than the 5,000 characters text may have. Check for a quotation mark "
                "that is not closed"
            )
        else:
            problem = f"the line cannot be read as CSV ({error})"
        # line_num counts the lines read whole: the one that failed is the next.
        return [], [f"Line {reader.line_num + 1}: {problem}. Nothing has been added."]


def _check_upload_rows(reader: csv.DictReader) -> tuple[list[dict], list[str]]:
    """Every line's values, checked; any problem is listed with its line number."""
    expected = {"source", "date", "ward", "age_band", "text"}
    columns = {name.strip().lower() for name in (reader.fieldnames or [])}
    if not expected <= columns:
        missing = ", ".join(sorted(expected - columns))
        return [], [f"Line 1: the file needs the columns source, date, ward, age_band and text (missing: {missing})."]
    wards = {name.lower(): ward for name, ward in ((w.name, w) for w in Ward.objects.all())}
    sources = {value for value, _ in OFFLINE_SOURCES}
    bands = set(AgeBand.values)
    rows, errors = [], []
    for number, raw in enumerate(reader, start=2):
        if number - 1 > UPLOAD_MAX_ROWS:
            errors.append(f"The file has more than {UPLOAD_MAX_ROWS:,} rows: split it into smaller files.")
            break
        line = {(key or "").strip().lower(): (value or "").strip() for key, value in raw.items()}
        problems = []
        if line["source"] not in sources:
            problems.append(f"source must be one of {', '.join(sorted(sources))}")
        try:
            date = datetime.strptime(line["date"], "%Y-%m-%d").date()
            if date > timezone.localdate():
                problems.append("the date is in the future")
        except ValueError:
            date = None
            problems.append("date must look like 2026-03-14")
        ward = None
        if line["ward"]:
            ward = wards.get(line["ward"].lower())
            if ward is None:
                problems.append(f"'{line['ward']}' is not a ward")
        if line["age_band"] and line["age_band"] not in bands:
            problems.append(f"age_band must be one of {', '.join(AgeBand.values)}")
        if not line["text"]:
            problems.append("text is empty")
        elif len(line["text"]) > 5000:
            problems.append("text is longer than 5,000 characters")
        if problems:
            errors.append(f"Line {number}: " + "; ".join(problems) + ".")
        else:
            rows.append(
                {
                    "source": line["source"],
                    "date": date,
                    "ward": ward,
                    "age_band": line["age_band"],
                    "text": line["text"],
                }
            )
    if not rows and not errors:
        errors.append("The file has no rows under the column names.")
    return rows, errors


def offline_upload(request):
    """Upload feedback from a CSV file: every line is checked first, and if any line is wrong
    nothing is saved and every problem is listed with its line number."""
    require_permission(request, "consultation.add_feedback")
    form = UploadForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        rows, errors = _parse_upload(form.cleaned_data["file"])
        if not errors:
            with transaction.atomic():
                created = [
                    services.feedback_create(
                        source=row["source"],
                        text=row["text"],
                        created_at=_aware(row["date"]),
                        ward=row["ward"],
                        age_band=row["age_band"],
                        user=request.user,
                    )
                    for row in rows
                ]
            messages.success(request, f"{len(created)} piece(s) of feedback added from the file.")
            return redirect("wagtailsnippets_consultation_feedback:list")
    return TemplateResponse(
        request,
        "consultation/admin/offline_add.html",
        {
            "form": OfflineFeedbackForm(),
            "upload_form": form,
            "upload_errors": errors,
            "page_title": "Add offline feedback",
            "header_icon": "plus",
        },
        status=400 if errors else 200,
    )


# --- Exports -----------------------------------------------------------------------------


def export_view(request, file_format: str):
    """Export the filtered feedback list (the filters ride in the query string). A GET shows what
    would be exported and a button; the POST exports. Small exports download at once; large ones
    run in the background and the officer is emailed when the file is ready."""
    require_permission(request, EXPORT_PERMISSION)
    if file_format not in ("csv", "xlsx"):
        raise Http404
    params = filter_params(request.GET)
    may_include_personal = request.user.has_perm(PERSONAL_DATA_PERMISSION)
    count = feedback_filtered(params).count()
    if request.method != "POST":
        label = "CSV" if file_format == "csv" else "Excel"
        background = count > settings.EXPORT_SYNC_LIMIT
        return export_confirm(
            request,
            title=f"Export feedback as {label}",
            summary=(
                f"{count:,} row{'s' if count != 1 else ''} of feedback, with the filters of the list you came from"
                if params
                else f"{count:,} row{'s' if count != 1 else ''} of feedback, unfiltered"
            )
            + (": it will be made in the background and we will email you a link." if background else "."),
            button="Start the export" if background else f"Download {label}",
            back_url=reverse("wagtailsnippets_consultation_feedback:list")
            + (f"?{request.GET.urlencode()}" if params else ""),
            offer_personal=may_include_personal,
        )
    include_personal = may_include_personal and request.POST.get("personal") == "1"
    if count > settings.EXPORT_SYNC_LIMIT:
        job = exports.export_job_create(
            user=request.user,
            params=params,
            file_format=file_format,
            include_personal_data=include_personal,
            rows_total=count,
        )
        export_run_after_commit(job.pk)
        messages.success(request, f"{count:,} rows: the export is being made. We will email you when it is ready.")
        return redirect("consultation_exports:index")

    exports.export_log(
        user=request.user,
        params=params,
        row_count=count,
        include_personal_data=include_personal,
        file_format=file_format,
    )
    header = exports.export_header(include_personal_data=include_personal)
    rows = exports.export_rows(params, include_personal_data=include_personal, file_format=file_format)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if file_format == "csv":
        return csv_stream_response(filename=f"feedback-{stamp}.csv", header=header, rows=rows, neutralised=True)
    buffer = io.BytesIO()
    exports.xlsx_write(buffer, header, rows)
    buffer.seek(0)
    return FileResponse(buffer, as_attachment=True, filename=f"feedback-{stamp}.xlsx")


def export_jobs(request):
    """The officer's background exports, with progress and download links."""
    require_permission(request, EXPORT_PERMISSION)
    jobs = ExportJob.objects.filter(user=request.user)[:50]
    return TemplateResponse(
        request,
        "consultation/admin/export_jobs.html",
        {"jobs": jobs, "page_title": "Your exports", "header_icon": "download", "keep_days": settings.EXPORT_KEEP_DAYS},
    )


def export_download(request, pk: int):
    """Download a finished background export: only the officer who made it."""
    require_permission(request, EXPORT_PERMISSION)
    job = get_object_or_404(ExportJob, pk=pk, user=request.user, status=ExportJob.Status.DONE)
    path = exports.export_dir() / job.file_name
    if not job.file_name or not path.exists():
        raise Http404
    return FileResponse(path.open("rb"), as_attachment=True, filename=f"feedback-export-{job.pk}.{job.format}")


def export_log_view(request):
    """Every export, for administrators."""
    if not request.user.is_superuser:
        raise PermissionDenied
    entries = ExportLog.objects.select_related("user")[:500]
    return TemplateResponse(
        request,
        "consultation/admin/export_log.html",
        {"entries": entries, "page_title": "Export log", "header_icon": "history"},
    )


action_urls = ([path("<int:pk>/<str:action>/", feedback_action, name="action")], "consultation_feedback_actions")
offline_urls = (
    [path("", offline_add, name="add"), path("upload/", offline_upload, name="upload")],
    "consultation_offline",
)
export_urls = (
    [
        path("", export_jobs, name="index"),
        path("<str:file_format>/", export_view, name="export"),
        path("download/<int:pk>/", export_download, name="download"),
        path("log/all/", export_log_view, name="log"),
    ],
    "consultation_exports",
)
