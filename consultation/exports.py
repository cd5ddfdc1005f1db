"""Exports of feedback as CSV or Excel.

- Only rows the officer filtered, with the same filters as the admin list.
- Contact details only with `consultation.export_personal_data`.
- Every cell that a spreadsheet would run as a formula is neutralised (core/spreadsheets.py).
- CSV is streamed row by row with a byte-order mark; memory stays flat however many rows.
- Over EXPORT_SYNC_LIMIT rows, the export runs as a Celery job; the file is kept outside the
  public media folder for the export files' period (Settings > Data retention) and the officer
  is emailed a link.
- Every export is logged (who, when, filters, rows, whether personal data was included).
"""

import logging
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.mail import send_mail
from django.db import NotSupportedError, connection, transaction
from django.db.models import CharField, Func, Q, Value
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from core.exports import export_log_record
from core.links import site_url
from core.models import ExportLog, site_language_name
from core.outbox import send_once
from core.retention import retention_rule
from core.spreadsheets import cell_safe, csv_lines, xlsx_sheet_write

from .filters import feedback_filtered
from .models import AgeBand, ContactRequest, ExportJob, Feedback, TaggedFeedback, ThemedFeedback, ThemeSuggestion

logger = logging.getLogger(__name__)

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
    "Language",
    "Reviewed",
]
PERSONAL_HEADER = ["Contact name", "Contact email", "Contact phone"]
CHUNK = 2000


def export_header(*, include_personal_data: bool) -> list[str]:
    return HEADER + (PERSONAL_HEADER if include_personal_data else [])


def export_queryset(params: dict):
    """The filtered feedback in the export's order: the order it reached us (by ID)."""
    return feedback_filtered(params).order_by("pk")


class LocalMinuteText(Func):
    """A date and time as "YYYY-MM-DD HH:MM" in a time zone, formatted by PostgreSQL, which is
    several times quicker than reading each value into Python and formatting it there."""

    output_field = CharField()

    def __init__(self, expression, tzname: str):
        super().__init__(expression, Value(tzname))

    def as_sql(self, compiler, connection, **extra):
        raise NotSupportedError("LocalMinuteText is for PostgreSQL only")

    def as_postgresql(self, compiler, connection, **extra):
        return super().as_sql(
            compiler,
            connection,
            template="to_char(%(expressions)s, 'YYYY-MM-DD HH24:MI')",
            arg_joiner=" AT TIME ZONE ",
            **extra,
        )


COLUMNS = (
    "pk",
    "created_at",
    "source",
    "survey__title",
    "question_text",
    "text",
    "ward__name",
    "age_band",
    "language",
    "reviewed",
    "response_id",
)


class _Names:
    """The names related to each feedback (themes, suggested themes or tags), read in one query
    in the export's own order and handed out as the export reaches each row.

    `pairs` yields (feedback id, name) sorted like the export: by feedback id, then the names'
    own order. Merging two sorted streams keeps the queries to one per relation and the memory
    to one row's names, however many rows there are. Names of feedback that is not in the
    export (it changed between the two queries) are skipped, never given to another row."""

    def __init__(self, pairs):
        self._pairs = iter(pairs)
        self._next = next(self._pairs, None)

    def take(self, feedback_id: int) -> str:
        if self._next is None or self._next[0] > feedback_id:
            return ""  # most rows: nothing of this kind
        names = []
        while self._next is not None and self._next[0] <= feedback_id:
            if self._next[0] == feedback_id:
                names.append(self._next[1])
            self._next = next(self._pairs, None)
        return "; ".join(names)


def _related_names(model, feedback_field: str, name_field: str, order: tuple, feedback_ids) -> _Names:
    rows = (
        model.objects.filter(**{f"{feedback_field}__in": feedback_ids})
        .order_by(feedback_field, *order)
        .values_list(feedback_field, name_field)
    )
    return _Names(rows.iterator(chunk_size=CHUNK))


def _contacts_by_feedback(ids: list[int], response_ids: list[int]) -> tuple[dict, dict]:
    """The first consenting contact of each feedback and of each response, as (name, email, phone)."""
    consenting = ContactRequest.objects.filter(consent=True).order_by("pk")
    by_feedback: dict[int, tuple] = {}
    for feedback_id, *contact in consenting.filter(feedback_id__in=ids).values_list(
        "feedback_id", "name", "email", "phone"
    ):
        by_feedback.setdefault(feedback_id, tuple(contact))
    by_response: dict[int, tuple] = {}
    if response_ids:
        for response_id, *contact in consenting.filter(response_id__in=response_ids).values_list(
            "response_id", "name", "email", "phone"
        ):
            by_response.setdefault(response_id, tuple(contact))
    return by_feedback, by_response


def _chunks(queryset, *, date_as_text: bool) -> Iterator[list[tuple]]:
    """The export's columns, CHUNK rows at a time, read with a server-side cursor where the
    database has one. With `date_as_text` (CSV), the date comes as text on PostgreSQL; it comes
    as a datetime elsewhere, and always for Excel, which writes it as a date."""
    if date_as_text and connection.vendor == "postgresql":
        local = LocalMinuteText("created_at", timezone.get_current_timezone_name())
        queryset = queryset.annotate(local_created_at=local)
        columns = tuple("local_created_at" if column == "created_at" else column for column in COLUMNS)
    else:
        columns = COLUMNS
    chunk: list[tuple] = []
    for row in queryset.values_list(*columns).iterator(chunk_size=CHUNK):
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _as_typed(value):
    return value


def export_rows(params: dict, *, include_personal_data: bool, file_format: str = "csv") -> Iterator[list]:
    """Rows of the export, each cell ready for a spreadsheet: neutralised for CSV here, as typed
    for Excel, where xlsx_write guards the few cells that need it. The date is text in UK time
    ("2026-03-14 18:05") for CSV, a date and time in UK time without a time zone for Excel.

    Four queries, each streamed with a server-side cursor where the database has them: the
    feedback's own columns, and its confirmed themes, suggested themes and tags, each sorted like
    the feedback and merged in as the rows go by. With personal data, two more per CHUNK rows
    look up consenting contacts (few rows have any)."""
    sources = dict(Feedback.Source.choices)
    age_bands = dict(AgeBand.choices)
    language_names = {code: site_language_name(code) for code, _name in settings.LANGUAGES}
    tz = timezone.get_current_timezone()
    queryset = export_queryset(params)
    feedback_ids = queryset.values("pk")
    confirmed = _related_names(
        ThemedFeedback, "content_object", "tag__name", ("tag__sort_order", "tag__name"), feedback_ids
    )
    suggested = _related_names(ThemeSuggestion, "feedback", "theme__name", ("-score", "pk"), feedback_ids)
    tags = _related_names(TaggedFeedback, "content_object", "tag__name", ("tag__name",), feedback_ids)
    as_csv = file_format == "csv"
    safe = cell_safe if as_csv else _as_typed
    for chunk in _chunks(queryset, date_as_text=as_csv):
        if include_personal_data:
            ids = [row[0] for row in chunk]
            response_ids = sorted({row[10] for row in chunk if row[10]})
            by_feedback, by_response = _contacts_by_feedback(ids, response_ids)
        for pk, created_at, source, survey, question, text, ward, age_band, language, reviewed, response_id in chunk:
            if isinstance(created_at, str):
                received = created_at
            elif as_csv:
                received = created_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
            else:
                received = created_at.astimezone(tz).replace(tzinfo=None, microsecond=0)
            row = [
                pk,
                received,
                sources.get(source, source),
                safe(survey),
                safe(question),
                safe(text),
                safe(confirmed.take(pk)),
                safe(suggested.take(pk)),
                safe(tags.take(pk)),
                safe(ward),
                age_bands.get(age_band, age_band),
                language_names.get(language, language),
                "Yes" if reviewed else "No",
            ]
            if include_personal_data:
                contact = by_feedback.get(pk) or by_response.get(response_id) or ("", "", "")
                row += [safe(value) for value in contact]
            yield row


def export_csv_lines(params: dict, *, include_personal_data: bool) -> Iterator[str]:
    """The export as CSV text, line by line (what the admin streams and the background job writes)."""
    header = export_header(include_personal_data=include_personal_data)
    rows = export_rows(params, include_personal_data=include_personal_data)
    return csv_lines(header, rows, neutralised=True)


def export_log(*, user, params: dict, row_count: int, include_personal_data: bool, file_format: str) -> ExportLog:
    """Log an export of feedback, made at once or by a background job."""
    return export_log_record(
        user=user,
        kind=f"feedback ({file_format})",
        filters=params,
        row_count=row_count,
        included_personal_data=include_personal_data,
    )


def xlsx_write(path: Path, header: list[str], rows, *, progress=None) -> int:
    """Write an Excel file in openpyxl's write-only mode (constant memory): dates as dates,
    columns sized, the header frozen and filtered, every cell through xlsx_cell_safe
    (core.spreadsheets.xlsx_sheet_write). `rows` are as typed (export_rows with
    file_format="xlsx"). Returns the row count."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Feedback")
    count = xlsx_sheet_write(sheet, header, rows, progress=progress, progress_every=CHUNK)
    workbook.save(path)
    return count


# --- Background jobs ---------------------------------------------------------------------
#
# A job is made under a lease. The worker claims it with a conditional UPDATE that counts the
# attempt (status pending or retrying -> running, attempts + 1, lease_expires_at), renews the
# lease as it writes rows, and every later write is conditional on still holding that attempt.
# A worker that dies mid-export (killed, out of memory, machine gone) stops renewing: the beat
# task export_jobs_requeue finds the expired lease, discards the half-written file and queues
# the job again, from the beginning into a fresh file, up to EXPORT_MAX_ATTEMPTS attempts; then
# the job is marked failed. A worker that comes back after losing its lease can no longer
# finish the job, so it is finished, logged and emailed about once.


class LeaseLost(Exception):
    """This worker's claim on a job ran out and the job was given to another attempt."""


def export_dir() -> Path:
    path = Path(settings.EXPORT_ROOT)
    path.mkdir(parents=True, exist_ok=True)
    return path


def _lease_until(now=None):
    return (now or timezone.now()) + timedelta(seconds=settings.EXPORT_LEASE_SECONDS)


def _file_name(job: ExportJob, attempt: int) -> str:
    """Each attempt writes its own file, so an attempt that lost its lease can never overwrite or
    delete the file of the attempt that finished."""
    return f"feedback-export-{job.pk}-{attempt}.{job.format}"


def _discard_attempt_files(job: ExportJob, attempt: int) -> None:
    if attempt:
        name = _file_name(job, attempt)
        (export_dir() / f"{name}.part").unlink(missing_ok=True)
        (export_dir() / name).unlink(missing_ok=True)


def export_job_create(
    *, user, params: dict, file_format: str, include_personal_data: bool, rows_total: int
) -> ExportJob:
    """A job waiting for a worker. Its lease starts now: if no worker has claimed it when the
    lease runs out (the queue was down), export_jobs_requeue queues it again."""
    return ExportJob.objects.create(
        user=user,
        filters=params,
        format=file_format,
        include_personal_data=include_personal_data,
        rows_total=rows_total,
        lease_expires_at=_lease_until(),
    )


def _claim(job: ExportJob) -> int | None:
    """Claim the job for one attempt; returns the attempt's number, or None if the job is not
    waiting (another worker has it, or it is finished)."""
    seen = ExportJob.objects.filter(pk=job.pk).values_list("status", "attempts").first()
    if seen is None:
        return None
    status, attempts = seen
    waiting = (ExportJob.Status.PENDING, ExportJob.Status.RETRYING)
    if status not in waiting or attempts >= settings.EXPORT_MAX_ATTEMPTS:
        return None
    now = timezone.now()
    claimed = ExportJob.objects.filter(pk=job.pk, status=status, attempts=attempts).update(
        status=ExportJob.Status.RUNNING,
        attempts=attempts + 1,
        rows_done=0,
        heartbeat_at=now,
        lease_expires_at=_lease_until(now),
    )
    return attempts + 1 if claimed else None


def _held(job: ExportJob, attempt: int):
    """The job's row, if this attempt still holds it."""
    return ExportJob.objects.filter(pk=job.pk, status=ExportJob.Status.RUNNING, attempts=attempt)


def _renew(job: ExportJob, attempt: int, rows_done: int) -> None:
    now = timezone.now()
    if not _held(job, attempt).update(rows_done=rows_done, heartbeat_at=now, lease_expires_at=_lease_until(now)):
        raise LeaseLost


def _write(job: ExportJob, path: Path, progress) -> int:
    """Write the job's whole file at `path`; returns the number of rows."""
    header = export_header(include_personal_data=job.include_personal_data)
    if job.format == "xlsx":
        rows = export_rows(job.filters, include_personal_data=job.include_personal_data, file_format="xlsx")
        return xlsx_write(path, header, rows, progress=progress)
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        for line in export_csv_lines(job.filters, include_personal_data=job.include_personal_data):
            handle.write(line)
            count += 1
            if count % CHUNK == 0:
                progress(count - 1)
    return count - 1  # the header line


def export_job_run(*, job: ExportJob) -> None:
    """Make the job's file, log the export and email the officer a link. Safe to run twice and
    from two workers at once: only the worker that claims an attempt makes it, and only the
    attempt that still holds its lease at the end finishes the job."""
    attempt = _claim(job)
    if attempt is None:
        return
    job.refresh_from_db()
    name = _file_name(job, attempt)
    part = export_dir() / f"{name}.part"
    try:
        count = _write(job, part, progress=lambda done: _renew(job, attempt, done))
        _renew(job, attempt, count)
        part.replace(export_dir() / name)
    except LeaseLost:
        part.unlink(missing_ok=True)
        logger.warning("Export %s: attempt %s lost its lease; another attempt makes the file", job.pk, attempt)
        return
    except Exception as error:
        part.unlink(missing_ok=True)
        logger.exception("Export %s: attempt %s failed", job.pk, attempt)
        _attempt_failed(job, attempt, error)
        return
    if not _finish(job, attempt, name, count):
        (export_dir() / name).unlink(missing_ok=True)
        return
    export_job_email(job=job)


def _finish(job: ExportJob, attempt: int, file_name: str, count: int) -> bool:
    """Mark the job done and log the export, if this attempt still holds it."""
    now = timezone.now()
    with transaction.atomic():
        finished = _held(job, attempt).update(
            status=ExportJob.Status.DONE,
            rows_done=count,
            rows_total=count,
            file_name=file_name,
            finished_at=now,
            expires_at=now + timedelta(days=export_keep_days()),
            lease_expires_at=None,
            error="",
        )
        if finished:
            export_log(
                user=job.user,
                params=job.filters,
                row_count=count,
                include_personal_data=job.include_personal_data,
                file_format=job.format,
            )
    return bool(finished)


def _attempt_failed(job: ExportJob, attempt: int, error: Exception) -> None:
    """An attempt raised: let the beat task try again, or after the last attempt fail the job
    and tell the officer."""
    now = timezone.now()
    if attempt < settings.EXPORT_MAX_ATTEMPTS:
        _held(job, attempt).update(status=ExportJob.Status.RETRYING, lease_expires_at=now, error=str(error)[:2000])
    elif _held(job, attempt).update(
        status=ExportJob.Status.FAILED, finished_at=now, lease_expires_at=None, error=str(error)[:2000]
    ):
        export_job_email(job=job)


def export_jobs_requeue(*, now=None) -> list[int]:
    """Jobs whose lease ran out: a worker died while making the file, or the job was never
    picked up from the queue. Each is given back (status retrying, its half-written file
    discarded, a fresh lease) and its id returned for the caller to queue; a job that has had
    EXPORT_MAX_ATTEMPTS attempts is marked failed and the officer told. Conditional updates
    make two runs at once harmless."""
    now = now or timezone.now()
    expired = Q(lease_expires_at__isnull=True) | Q(lease_expires_at__lte=now)
    active = (ExportJob.Status.PENDING, ExportJob.Status.RUNNING, ExportJob.Status.RETRYING)
    queue = []
    for job in ExportJob.objects.filter(expired, status__in=active).order_by("pk"):
        unchanged = ExportJob.objects.filter(expired, pk=job.pk, status=job.status, attempts=job.attempts)
        if job.attempts >= settings.EXPORT_MAX_ATTEMPTS:
            stopped = unchanged.update(
                status=ExportJob.Status.FAILED,
                finished_at=now,
                lease_expires_at=None,
                error=f"The export stopped {job.attempts} times before it finished.",
            )
            if stopped:
                _discard_attempt_files(job, job.attempts)
                export_job_email(job=job)
            continue
        status = ExportJob.Status.PENDING if job.status == ExportJob.Status.PENDING else ExportJob.Status.RETRYING
        if unchanged.update(status=status, lease_expires_at=_lease_until(now)):
            _discard_attempt_files(job, job.attempts)
            queue.append(job.pk)
    return queue


def export_job_email(*, job: ExportJob) -> bool:
    """Tell the officer their job is ready, or that it failed: once. The email is claimed on the
    row (email_sent_at) through the outbox (core/outbox.py), so two workers racing send one
    email; if sending fails the claim is released and export_job_emails_send_pending tries again."""
    job = ExportJob.objects.select_related("user").get(pk=job.pk)
    if job.status not in (ExportJob.Status.DONE, ExportJob.Status.FAILED) or not job.user.email:
        return False
    if job.status == ExportJob.Status.DONE:
        subject, template = "Your feedback export is ready", "export_ready"
    else:
        subject, template = "Your feedback export could not be made", "export_failed"

    def send(claimed) -> None:
        link = site_url(reverse("consultation_exports:index"))
        context = {"job": job, "keep_days": export_keep_days(), "link": link}
        message = render_to_string(f"consultation/emails/{template}.txt", context)
        send_mail(subject=subject, message=message, from_email=None, recipient_list=[job.user.email])

    try:
        return send_once(
            rows=ExportJob.objects.filter(pk=job.pk), stamp_field="email_sent_at", when=Q(status=job.status), send=send
        )
    except Exception:
        logger.exception("Could not email the officer about export %s; it will be tried again", job.pk)
        return False


def export_job_emails_send_pending() -> int:
    """Send the emails of finished jobs that have none yet (sending failed, or the worker
    stopped between finishing the job and sending). Returns how many were sent."""
    owed = (
        ExportJob.objects.filter(
            status__in=[ExportJob.Status.DONE, ExportJob.Status.FAILED],
            email_sent_at__isnull=True,
            finished_at__gte=timezone.now() - timedelta(days=export_keep_days()),
        )
        .exclude(user__email="")
        .order_by("pk")
    )
    return sum(export_job_email(job=job) for job in owed)


def export_keep_days() -> int:
    """Days an export's file is kept: the export files' period in Settings > Data retention."""
    return retention_rule("export_files").days


def export_files_expire(*, now=None, limit: int | None = None) -> int:
    """Delete export files past their expiry date, or older than the export files' period now
    (so a shorter period applies to files already made). At most `limit`, for the retention
    schedule's batches. Returns how many were removed."""
    now = now or timezone.now()
    due = ExportJob.objects.filter(status=ExportJob.Status.DONE).filter(
        Q(expires_at__lte=now) | Q(finished_at__lte=now - timedelta(days=export_keep_days()))
    )
    removed = 0
    for job in due.order_by("pk")[:limit] if limit is not None else due:
        name, job.file_name, job.status = job.file_name, "", ExportJob.Status.EXPIRED
        # The row first: stopped between the two, the job already says the file is gone, and
        # nobody is offered a download that fails.
        job.save(update_fields=["file_name", "status"])
        if name:
            (export_dir() / name).unlink(missing_ok=True)
        removed += 1
    return removed


def feedback_count(params: dict) -> int:
    return feedback_filtered(params).count()
