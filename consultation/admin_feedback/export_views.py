"""Exports of the filtered feedback list (consultation/exports.py), every one logged: small ones
download at once, large ones are made in the background and the officer is emailed a link."""

import io

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from core.admin_views import export_confirm
from core.models import ExportLog
from core.queue import queue_after_commit
from core.spreadsheets import csv_stream_response
from core.viewsets import PermissionViewSet

from .. import exports
from ..filters import feedback_filtered, filter_params
from ..models import ExportJob
from ..tasks import export_run

EXPORT_PERMISSION = "consultation.export_feedback"
PERSONAL_DATA_PERMISSION = "consultation.export_personal_data"


def export_view(request, file_format: str):
    """Export the filtered feedback list (the filters ride in the query string). A GET shows what
    would be exported and a button; the POST exports. Small exports download at once; large ones
    run in the background and the officer is emailed when the file is ready."""
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
        queue_after_commit(export_run, job.pk)
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
    jobs = ExportJob.objects.filter(user=request.user)[:50]
    return TemplateResponse(
        request,
        "consultation/admin/export_jobs.html",
        {
            "jobs": jobs,
            "page_title": "Your exports",
            "header_icon": "download",
            "keep_days": exports.export_keep_days(),
        },
    )


def export_download(request, pk: int):
    """Download a finished background export: only the officer who made it."""
    job = get_object_or_404(ExportJob, pk=pk, user=request.user, status=ExportJob.Status.DONE)
    path = exports.export_dir() / job.file_name
    if not job.file_name or not path.exists():
        raise Http404
    return FileResponse(path.open("rb"), as_attachment=True, filename=f"feedback-export-{job.pk}.{job.format}")


def export_log_view(request):
    """Every export, for administrators."""
    entries = ExportLog.objects.select_related("user")[:500]
    return TemplateResponse(
        request,
        "consultation/admin/export_log.html",
        {"entries": entries, "page_title": "Export log", "header_icon": "history"},
    )


class ExportsViewSet(PermissionViewSet):
    """Exporting feedback, and "Your exports": the officer's background exports."""

    name = "consultation_exports"
    url_prefix = "feedback-exports"
    permission = EXPORT_PERMISSION
    add_to_admin_menu = True
    menu_label = "Your exports"
    icon = "download"
    menu_order = 145

    def get_routes(self):
        return [
            path("", export_jobs, name="index"),
            path("<str:file_format>/", export_view, name="export"),
            path("download/<int:pk>/", export_download, name="download"),
        ]


class ExportLogViewSet(PermissionViewSet):
    """The log of every export, for administrators: an area of its own, since it has its own
    permission and menu item. Its page keeps the address it had among the exports."""

    name = "consultation_export_log"
    url_prefix = "feedback-exports/log"
    permission = "is_superuser"
    add_to_admin_menu = True
    menu_label = "Export log"
    icon = "history"
    menu_order = 905

    def get_routes(self):
        return [path("all/", export_log_view, name="index")]
