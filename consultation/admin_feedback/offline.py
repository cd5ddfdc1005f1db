"""Feedback gathered on paper or at events, typed in by officers: one piece at a time, or a CSV
file in which every line is checked first and which is saved all or nothing."""

import csv
import io
from datetime import datetime, time

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone

from core.models import Ward, site_language_choices, site_language_default, site_language_name
from core.viewsets import PermissionViewSet

from .. import services
from ..models import AgeBand, Feedback

UPLOAD_MAX_ROWS = 5000


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
    language = forms.ChoiceField(
        choices=site_language_choices,
        initial=site_language_default,
        required=False,
        help_text="The language it was written in (English if none is chosen).",
    )
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), max_length=5000)

    def clean_date(self):
        value = self.cleaned_data["date"]
        if value > timezone.localdate():
            raise forms.ValidationError("The date cannot be in the future.")
        return value


class UploadForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text=(
            "Columns: source, date (YYYY-MM-DD), ward, age_band, text, and if you like language (a code such as "
            "en-gb, ur or pl; English if left out). The first row holds the column names."
        ),
    )


def _feedback_create(values: dict, *, user):
    """Save one piece of offline feedback, from the form or a line of the file, as received at
    noon on the day it was given (only the day is asked for)."""
    return services.feedback_create(
        source=values["source"],
        text=values["text"],
        created_at=timezone.make_aware(datetime.combine(values["date"], time(12, 0))),
        ward=values["ward"],
        age_band=values["age_band"],
        language=values.get("language") or "",
        user=user,
    )


def offline_add(request):
    """Add one piece of feedback gathered on paper or at an event."""
    form = OfflineFeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        feedback = _feedback_create(form.cleaned_data, user=request.user)
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
    languages = {code: code for code, _name in site_language_choices()}
    languages.update({name.lower(): code for code, name in settings.LANGUAGES})
    languages.update({site_language_name(code).lower(): code for code in list(languages.values())})
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
        language = languages.get(line.get("language", "").lower()) if line.get("language") else ""
        if language is None:
            problems.append(f"language must be one of {', '.join(code for code, _name in settings.LANGUAGES)}")
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
                    "language": language,
                    "text": line["text"],
                }
            )
    if not rows and not errors:
        errors.append("The file has no rows under the column names.")
    return rows, errors


def offline_upload(request):
    """Upload feedback from a CSV file: every line is checked first, and if any line is wrong
    nothing is saved and every problem is listed with its line number."""
    form = UploadForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        rows, errors = _parse_upload(form.cleaned_data["file"])
        if not errors:
            with transaction.atomic():
                created = [_feedback_create(row, user=request.user) for row in rows]
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


class OfflineFeedbackViewSet(PermissionViewSet):
    """Offline input, for those who may add feedback. It has no menu item: the feedback
    listing's "Add offline feedback" button leads here."""

    name = "consultation_offline"
    url_prefix = "feedback-offline"
    permission = "consultation.add_feedback"

    def get_routes(self):
        return [path("", offline_add, name="add"), path("upload/", offline_upload, name="upload")]
