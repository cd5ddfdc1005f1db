"""Exports of feedback as CSV or Excel.

- Only rows the officer filtered, with the same filters as the admin list.
- Contact details only with `consultation.export_personal_data`.
- Every cell that a spreadsheet would run as a formula is neutralised (config/spreadsheets.py).
- CSV is streamed row by row with a byte-order mark; memory stays flat however many rows.
- Over EXPORT_SYNC_LIMIT rows, the export runs as a Celery job; the file is kept outside the
  public media folder for EXPORT_KEEP_DAYS and the officer is emailed a link.
- Every export is logged (who, when, filters, rows, whether personal data was included).
"""

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from config.spreadsheets import cell_safe, csv_lines

from .filters import feedback_filtered
from .models import ContactRequest, ExportJob, ExportLog, ThemeSuggestion

HEADER = [
    "ID",
    "Date",
    "Source",
    "Survey",
    "Question",
    "Text",
    "Confirmed themes",
    "Suggested themes",
    "Tags",
    "Ward",
    "Age band",
    "Reviewed",
]
PERSONAL_HEADER = ["Contact name", "Contact email", "Contact phone"]
CHUNK = 2000


def export_header(*, include_personal_data: bool) -> list[str]:
    return HEADER + (PERSONAL_HEADER if include_personal_data else [])


def export_queryset(params: dict, *, include_personal_data: bool):
    queryset = (
        feedback_filtered(params)
        .select_related("survey", "ward")
        .prefetch_related(
            "themes",
            "tags",
            Prefetch("suggestions", queryset=ThemeSuggestion.objects.select_related("theme")),
        )
        .order_by("created_at", "pk")
    )
    if include_personal_data:
        queryset = queryset.prefetch_related(
            Prefetch("contacts", queryset=ContactRequest.objects.filter(consent=True)),
            Prefetch("response__contacts", queryset=ContactRequest.objects.filter(consent=True)),
        )
    return queryset


def export_rows(params: dict, *, include_personal_data: bool) -> Iterator[list]:
    """Rows of the export, in chunks, each cell ready for a spreadsheet."""
    queryset = export_queryset(params, include_personal_data=include_personal_data)
    for feedback in queryset.iterator(chunk_size=CHUNK):
        row = [
            feedback.pk,
            timezone.localtime(feedback.created_at).strftime("%Y-%m-%d %H:%M"),
            feedback.get_source_display(),
            feedback.survey.title if feedback.survey else "",
            feedback.question_text,
            feedback.text,
            "; ".join(theme.name for theme in feedback.themes.all()),
            "; ".join(s.theme.name for s in feedback.suggestions.all()),
            "; ".join(tag.name for tag in feedback.tags.all()),
            feedback.ward.name if feedback.ward else "",
            feedback.get_age_band_display() if feedback.age_band else "",
            "Yes" if feedback.reviewed else "No",
        ]
        if include_personal_data:
            contacts = list(feedback.contacts.all())
            if feedback.response_id:
                contacts += list(feedback.response.contacts.all())
            contact = contacts[0] if contacts else None
            row += [contact.name, contact.email, contact.phone] if contact else ["", "", ""]
        yield [cell_safe(value) for value in row]


def export_log(*, user, params: dict, row_count: int, include_personal_data: bool, file_format: str) -> ExportLog:
    return ExportLog.objects.create(
        user=user,
        kind=f"feedback ({file_format})",
        filters=params,
        row_count=row_count,
        included_personal_data=include_personal_data,
    )


def xlsx_write(path: Path, header: list[str], rows, *, progress=None) -> int:
    """Write an Excel file in openpyxl's write-only mode (constant memory). Returns the row count."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Feedback")
    sheet.append(header)
    count = 0
    for row in rows:
        sheet.append(row)
        count += 1
        if progress and count % CHUNK == 0:
            progress(count)
    workbook.save(path)
    return count


# --- Background jobs ---------------------------------------------------------------------


def export_dir() -> Path:
    path = Path(settings.EXPORT_ROOT)
    path.mkdir(parents=True, exist_ok=True)
    return path


def export_job_create(
    *, user, params: dict, file_format: str, include_personal_data: bool, rows_total: int
) -> ExportJob:
    return ExportJob.objects.create(
        user=user,
        filters=params,
        format=file_format,
        include_personal_data=include_personal_data,
        rows_total=rows_total,
    )


def export_job_run(*, job: ExportJob) -> None:
    """Make the job's file, log the export and email the officer a link. Safe to run twice:
    a finished job is left alone."""
    claimed = ExportJob.objects.filter(pk=job.pk, status=ExportJob.Status.PENDING).update(
        status=ExportJob.Status.RUNNING
    )
    if not claimed:
        return
    job.refresh_from_db()
    file_name = f"feedback-export-{job.pk}.{job.format}"
    path = export_dir() / file_name
    header = export_header(include_personal_data=job.include_personal_data)
    rows = export_rows(job.filters, include_personal_data=job.include_personal_data)

    def progress(done):
        ExportJob.objects.filter(pk=job.pk).update(rows_done=done)

    try:
        if job.format == "xlsx":
            count = xlsx_write(path, header, rows, progress=progress)
        else:
            count = 0
            with path.open("w", encoding="utf-8", newline="") as handle:
                for line in csv_lines(header, rows):
                    handle.write(line)
                    count += 1
                    if count % CHUNK == 0:
                        progress(count)
            count -= 1  # the header line
    except Exception as error:
        ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.FAILED, error=str(error)[:2000])
        path.unlink(missing_ok=True)
        raise
    now = timezone.now()
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.DONE,
        rows_done=count,
        rows_total=count,
        file_name=file_name,
        finished_at=now,
        expires_at=now + timedelta(days=settings.EXPORT_KEEP_DAYS),
    )
    export_log(
        user=job.user,
        params=job.filters,
        row_count=count,
        include_personal_data=job.include_personal_data,
        file_format=job.format,
    )
    if job.user.email:
        link = settings.SITE_URL + reverse("consultation_exports:index")
        send_mail(
            subject="Your feedback export is ready",
            message=(
                f"The export you asked for ({count:,} rows) is ready to download for "
                f"{settings.EXPORT_KEEP_DAYS} days: {link}\n\nSign in to download it."
            ),
            from_email=None,
            recipient_list=[job.user.email],
        )


def export_files_expire() -> int:
    """Delete export files past their expiry date. Returns how many were removed."""
    removed = 0
    for job in ExportJob.objects.filter(status=ExportJob.Status.DONE, expires_at__lte=timezone.now()):
        (export_dir() / job.file_name).unlink(missing_ok=True)
        job.file_name = ""
        job.status = ExportJob.Status.EXPIRED
        job.save(update_fields=["file_name", "status"])
        removed += 1
    return removed


def feedback_count(params: dict) -> int:
    return feedback_filtered(params).count()
