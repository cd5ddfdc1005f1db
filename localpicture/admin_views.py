"""Admin pages of the local picture: police data imports, figure values from CSV and the ward
lookup.

Each area is a ViewSet (at the end) that checks its permission for every one of its views:
`localpicture.import_police_data` to upload police files, see the imports, and remove months of
figures (a month, or every month of one source); `localpicture.change_figureseries` to upload
figure values; `localpicture.upload_ward_lookup` for the lookup. Officers hold all three
(migration 0002). The "Local picture" menu puts them together (wagtail_hooks.py).
"""

from datetime import date

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from wagtail.models import ModelLogEntry

from core.viewsets import PermissionViewSet

from . import imports, selectors, services
from .models import CrimeCount, FigureSeries, PoliceImport, WardLookup

IMPORT_PERMISSION = "localpicture.import_police_data"
FIGURES_PERMISSION = "localpicture.change_figureseries"
WARDS_PERMISSION = "localpicture.upload_ward_lookup"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field. https://docs.djangoproject.com/en/5.2/topics/http/file-uploads/"""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".csv,.zip"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class PoliceUploadForm(forms.Form):
    files = MultipleFileField(
        label="Police files",
        help_text="The street-level crime CSV files from data.police.uk (one or several), or the zip it gives. "
        "Other files in a zip, such as outcomes and stop and search, are skipped.",
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        wrong = [upload.name for upload in files if not upload.name.lower().endswith((".csv", ".zip"))]
        if wrong:
            raise forms.ValidationError(
                "Only .csv files and .zip files can be imported. Not: " + ", ".join(wrong[:5]) + "."
            )
        return files


def police_imports(request):
    """Upload police files, and the imports so far with their progress and results."""
    form = PoliceUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        uploads = form.cleaned_data["files"]
        with transaction.atomic():
            job = services.police_import_create(uploads=uploads, user=request.user)
            if sum(upload.size for upload in uploads) > settings.POLICE_IMPORT_SYNC_BYTES:
                services.police_import_queue(police_import=job)
                run_now = False
            else:
                run_now = True
        if run_now:
            imports.police_import_run(police_import=job)
        return redirect("localpicture_imports:detail", job.pk)
    return TemplateResponse(
        request,
        "localpicture/admin/imports.html",
        {
            "form": form,
            "imports": PoliceImport.objects.select_related("created_by")[:30],
            "page_title": "Police data",
            "header_icon": "upload",
        },
        status=400 if form.errors else 200,
    )


def police_import_detail(request, pk: int):
    """One import: its progress while it runs (the officer follows a link to check again:
    no automatic refresh, which WCAG 2.2.1 would have us let people turn off), then what
    was imported, ignored and skipped, or every problem that stopped it."""
    job = get_object_or_404(PoliceImport.objects.select_related("created_by"), pk=pk)
    return TemplateResponse(
        request,
        "localpicture/admin/import_detail.html",
        {"job": job, "page_title": f"Police data import {job.pk}", "header_icon": "upload"},
    )


# The two sources of monthly figures an officer can remove as a whole.
SOURCES = {"illustrative": (True, "illustrative (made-up demo) figures"), "police": (False, "police figures")}


def police_months(request):
    """Every month of figures the page can show, with its source, and what was removed when."""
    months = selectors.police_months()
    return TemplateResponse(
        request,
        "localpicture/admin/months.html",
        {
            "months": months,
            "illustrative_count": sum(1 for month in months if month["illustrative"]),
            "police_count": sum(1 for month in months if not month["illustrative"]),
            "removals": ModelLogEntry.objects.filter(action=services.MONTHS_REMOVED)
            .select_related("user")
            .order_by("-timestamp")[:20],
            "page_title": "Months of police data",
            "header_icon": "date",
        },
    )


def _removal_target(params) -> tuple[list[date] | None, bool | None, str]:
    """What a removal link or form names: one month (`month=YYYY-MM`) or a whole source
    (`source=illustrative` or `police`). Anything else is not found."""
    if params.get("month"):
        month = services.month_parse(params["month"].strip())
        if month is None:
            raise Http404("No such month")
        return [month], None, f"the figures for {month:%B %Y}"
    source = SOURCES.get(params.get("source", ""))
    if source is None:
        raise Http404("No such source")
    illustrative, words = source
    return None, illustrative, f"every month of {words}"


def police_months_remove(request):
    """Confirm, then remove a month of figures or every month of one source. GET shows what
    would go; only a POST (with the CSRF token) removes it, and logs who did."""
    params = request.POST if request.method == "POST" else request.GET
    months, illustrative, what = _removal_target(params)
    counts = CrimeCount.objects.all()
    if months is not None:
        counts = counts.filter(month__in=months)
    if illustrative is not None:
        counts = counts.filter(illustrative=illustrative)
    affected = sorted(set(counts.values_list("month", flat=True).distinct().order_by()))
    if not affected:
        messages.warning(request, f"There is nothing to remove: {what} had already gone.")
        return redirect("localpicture_months:index")
    if request.method == "POST":
        removed = services.crime_months_remove(user=request.user, months=months, illustrative=illustrative)
        messages.success(
            request,
            f"Removed {len(removed)} month{'s' if len(removed) != 1 else ''} of figures "
            f"({selectors.months_in_words(removed)}). The local picture no longer shows them.",
        )
        return redirect("localpicture_months:index")
    return TemplateResponse(
        request,
        "localpicture/admin/months_remove.html",
        {
            "what": what,
            "months_text": selectors.months_in_words(affected),
            "month_count": len(affected),
            "rows": counts.count(),
            "target": {"month": params.get("month", ""), "source": params.get("source", "")},
            "page_title": "Remove months of police data",
            "header_icon": "bin",
        },
    )


class FigureUploadForm(forms.Form):
    series = forms.ModelChoiceField(queryset=FigureSeries.objects.all(), label="Figure series")
    file = forms.FileField(
        label="CSV file",
        help_text="Two columns, with the names month,value on the first row. Months like 2022-06; "
        "values like 0.52. A month already in the series gets the new value.",
    )


def figure_values_upload(request):
    """Add monthly values to a figure series from a CSV, all or nothing."""
    form = FigureUploadForm(request.POST or None, request.FILES or None, initial={"series": request.GET.get("series")})
    errors = []
    if request.method == "POST" and form.is_valid():
        series = form.cleaned_data["series"]
        saved, errors = services.figure_values_upload(series=series, upload=form.cleaned_data["file"])
        if not errors:
            messages.success(request, f"{saved} monthly value(s) saved to '{series}'.")
            return redirect("wagtailsnippets_localpicture_figureseries:edit", series.pk)
    return TemplateResponse(
        request,
        "localpicture/admin/figure_upload.html",
        {"form": form, "upload_errors": errors, "page_title": "Upload figure values", "header_icon": "table"},
        status=400 if errors or form.errors else 200,
    )


class WardLookupForm(forms.Form):
    file = forms.FileField(
        label="Lookup CSV file",
        help_text="Columns lsoa_code, ward_code and ward_name (or the ONS names, such as LSOA21CD, WD23CD, "
        "WD23NM). It replaces the whole lookup.",
    )


def ward_lookup(request):
    """Upload the LSOA-to-ward lookup that the page's ward breakdown uses."""
    form = WardLookupForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        saved, errors = services.ward_lookup_replace(upload=form.cleaned_data["file"])
        if not errors:
            messages.success(request, f"The ward lookup now has {saved} LSOA(s).")
            return redirect("localpicture_wards:index")
    wards = WardLookup.objects.values("ward_code", "ward_name").distinct().order_by("ward_name")
    return TemplateResponse(
        request,
        "localpicture/admin/ward_lookup.html",
        {
            "form": form,
            "upload_errors": errors,
            "lsoa_count": WardLookup.objects.count(),
            "wards": wards,
            "page_title": "Ward lookup",
            "header_icon": "site",
        },
        status=400 if errors or form.errors else 200,
    )


class PoliceImportsViewSet(PermissionViewSet):
    name = "localpicture_imports"
    url_prefix = "local-picture/imports"
    permission = IMPORT_PERMISSION
    menu_label = "Police data"
    icon = "upload"
    menu_order = 10

    def get_routes(self):
        return [path("", police_imports, name="index"), path("<int:pk>/", police_import_detail, name="detail")]


class PoliceMonthsViewSet(PermissionViewSet):
    name = "localpicture_months"
    url_prefix = "local-picture/months"
    permission = IMPORT_PERMISSION
    menu_label = "Months of police data"
    icon = "date"
    menu_order = 15

    def get_routes(self):
        return [path("", police_months, name="index"), path("remove/", police_months_remove, name="remove")]


class FigureUploadViewSet(PermissionViewSet):
    """Figure values from CSV: no menu item, the figures' listing has the button."""

    name = "localpicture_figures"
    url_prefix = "local-picture/figures"
    permission = FIGURES_PERMISSION

    def get_routes(self):
        return [path("upload/", figure_values_upload, name="upload")]


class WardLookupViewSet(PermissionViewSet):
    name = "localpicture_wards"
    url_prefix = "local-picture/wards"
    permission = WARDS_PERMISSION
    menu_label = "Ward lookup"
    icon = "site"
    menu_order = 30

    def get_routes(self):
        return [path("", ward_lookup, name="index")]
