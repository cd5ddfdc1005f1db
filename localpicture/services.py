"""Writes of the local picture: police imports, figure series values and the ward lookup.

One import service serves the admin upload, the Celery task and `manage.py import_police_data`:
`police_import_run` reads every file in one streamed pass (localpicture/police.py), and only
if every row of every file is good replaces the months found, in one transaction, so running
it twice with the same files changes nothing.
"""

import csv
import io
import logging
import re
import uuid
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.text import get_valid_filename
from wagtail.log_actions import log
from wagtail.models import Site

from core.pagecache import page_cache_clear_on_commit

from .models import CrimeCount, FigureSeries, FigureValue, LocalPictureSettings, PoliceImport, WardLookup
from .police import MAX_ERRORS_LISTED, tally_files

logger = logging.getLogger(__name__)

BULK_BATCH = 5000
# Progress is written to the import's row at most this often (seconds).
PROGRESS_INTERVAL = 1.0
UPLOAD_MAX_ROWS = 10_000


def lsoa_prefix() -> str:
    """The LSOA name prefix of the city's rows, from the default site's settings."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return LocalPictureSettings._meta.get_field("lsoa_prefix").default
    return LocalPictureSettings.for_site(site).lsoa_prefix


def _default_site_settings() -> LocalPictureSettings:
    return LocalPictureSettings.for_site(Site.objects.filter(is_default_site=True).first() or Site.objects.first())


def upload_dir() -> Path:
    path = Path(settings.POLICE_UPLOAD_ROOT)
    path.mkdir(parents=True, exist_ok=True)
    return path


def police_import_create(*, uploads, user=None, illustrative: bool = False) -> PoliceImport:
    """Keep uploaded police files in the private upload folder (never served) and record an
    import waiting to run. `uploads` are Django UploadedFile objects."""
    stored, names = [], []
    folder = upload_dir()
    for upload in uploads:
        name = Path(upload.name).name
        target = folder / f"{uuid.uuid4().hex}-{get_valid_filename(name)[-100:]}"
        with target.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        stored.append(str(target))
        names.append(name)
    return PoliceImport.objects.create(
        created_by=user, file_names=names, stored_paths=stored, illustrative=illustrative, bytes_total=0
    )


def police_import_queue(*, police_import: PoliceImport) -> None:
    """Run the import in the background once the transaction commits (in-process when Celery is
    eager). If the queue is down the import stays waiting and the periodic task runs it."""
    from core.queue import queue_after_commit

    from . import tasks  # noqa: F401 - registers the task when Celery runs it in process

    queue_after_commit("localpicture.police_import_run", police_import.pk)


def police_import_run(*, police_import: PoliceImport, files: list[tuple[Path, str]] | None = None) -> PoliceImport:
    """Import the files of a police import; safe to run twice.

    Files are the stored uploads unless given (the management command passes paths on disk,
    which are left alone; stored uploads are deleted afterwards, whatever happened).
    Rows whose LSOA name does not start with the site's prefix belong to another area and are
    only counted as ignored. Rows whose crime type is not one data.police.uk publishes
    (constants.CRIME_TYPES) are left out too, and listed by type with their counts. A file with
    any broken row, or a wrong header, rejects the whole import with the problems and their line
    numbers, and nothing is saved. Otherwise every month that has city rows is replaced in one
    transaction.
    """
    job = police_import
    claimed = PoliceImport.objects.filter(pk=job.pk, status=PoliceImport.Status.PENDING).update(
        status=PoliceImport.Status.RUNNING
    )
    if not claimed:
        job.refresh_from_db()
        return job  # already run, or running elsewhere
    job.status = PoliceImport.Status.RUNNING
    own_files = files is None
    if own_files:
        files = [(Path(path), name) for path, name in zip(job.stored_paths, job.file_names, strict=True)]
    clock = {"last": 0.0}

    def progress(rows: int, bytes_done: int, bytes_total: int) -> None:
        now = timezone.now().timestamp()
        if now - clock["last"] >= PROGRESS_INTERVAL:
            clock["last"] = now
            PoliceImport.objects.filter(pk=job.pk).update(
                rows_read=rows, bytes_done=bytes_done, bytes_total=bytes_total
            )

    try:
        missing = [name for path, name in files if not path.exists()]
        if missing:
            job.errors = [f"{name}: the uploaded file is no longer there; upload it again." for name in missing]
            job.status = PoliceImport.Status.FAILED
        else:
            tally = tally_files(files, prefix=lsoa_prefix(), progress=progress)
            job.rows_read, job.rows_ignored, job.skipped = tally.rows_read, tally.rows_ignored, tally.skipped
            job.ignored_crime_types = tally.unknown_crime_type_list()
            job.bytes_total = job.bytes_done = tally.bytes_total
            if tally.error_count:
                job.errors = tally.error_list()
                job.status = PoliceImport.Status.FAILED
            else:
                job.rows_kept = tally.rows_kept
                job.months = _counts_save(tally, police_import=job)
                job.errors = [
                    f"{month}: no rows for this area in the file, so this month was left as it was."
                    for month in sorted(tally.months_seen - set(job.months))
                ][:MAX_ERRORS_LISTED]
                job.status = PoliceImport.Status.DONE
    except IntegrityError:
        logger.exception("Police import %s clashed with another import", job.pk)
        job.errors = ["Another import of the same months ran at the same time. Nothing was saved: run this one again."]
        job.status = PoliceImport.Status.FAILED
    except Exception as error:
        logger.exception("Police import %s failed", job.pk)
        job.errors = [f"The import stopped with an unexpected error ({type(error).__name__}). Nothing was saved."]
        job.status = PoliceImport.Status.FAILED
    finally:
        if own_files:
            for path, _ in files:
                path.unlink(missing_ok=True)
            job.stored_paths = []
        job.finished_at = timezone.now()
        job.save()
    return job


def _counts_save(tally, *, police_import: PoliceImport) -> list[str]:
    """Replace every month in the tally with its counts, in one transaction. Returns the months
    replaced as YYYY-MM."""
    months = sorted({month for month, _, _ in tally.counts})
    first_days = {month: date(int(month[:4]), int(month[5:]), 1) for month in months}
    names, illustrative, source = tally.names, police_import.illustrative, police_import.pk
    rows = (
        (first_days[month], crime_type, code, names[code], count, illustrative, source)
        for (month, crime_type, code), count in tally.counts.items()
    )
    with transaction.atomic():
        _crime_counts_replace(first_days.values(), rows)
        page_cache_clear_on_commit()
    return months


_COUNT_FIELDS = ("month", "crime_type", "lsoa_code", "lsoa_name", "count", "illustrative", "police_import")


def _crime_counts_replace(months, rows) -> None:
    """Delete the months, then insert (month, crime type, LSOA code, LSOA name, count,
    illustrative, police import id) rows. On PostgreSQL with plain DELETE and COPY: the ORM's delete would load
    every row to send signals, and COPY takes a fraction of the time of INSERTs. Elsewhere
    (SQLite in development) through the ORM, in batches."""
    if connection.vendor == "postgresql":
        meta = CrimeCount._meta
        quote = connection.ops.quote_name
        table = quote(meta.db_table)
        columns = ", ".join(quote(meta.get_field(name).column) for name in _COUNT_FIELDS)
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {table} WHERE {quote('month')} = ANY(%s)", [list(months)])  # noqa: S608
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        return
    CrimeCount.objects.filter(month__in=list(months)).delete()
    batch = []
    for month, crime_type, code, name, count, illustrative, source in rows:
        batch.append(
            CrimeCount(
                month=month,
                crime_type=crime_type,
                lsoa_code=code,
                lsoa_name=name,
                count=count,
                illustrative=illustrative,
                police_import_id=source,
            )
        )
        if len(batch) >= BULK_BATCH:
            CrimeCount.objects.bulk_create(batch)
            batch = []
    CrimeCount.objects.bulk_create(batch)


MONTHS_REMOVED = "localpicture.months_removed"


def crime_months_remove(*, user, months: list[date] | None = None, illustrative: bool | None = None) -> list[date]:
    """Take months of police figures off the page: the months given, or every month of one
    source (illustrative demo figures, or the police's), or both filters together. Writes a log
    entry for each import the months came from, with who removed them, and clears the page
    cache once committed. Returns the months removed (none if nothing matched)."""
    counts = CrimeCount.objects.all()
    if months is not None:
        counts = counts.filter(month__in=months)
    if illustrative is not None:
        counts = counts.filter(illustrative=illustrative)
    with transaction.atomic():
        by_import: dict[int | None, dict] = {}
        for row in counts.values("police_import", "month", "illustrative").distinct().order_by("month"):
            entry = by_import.setdefault(row["police_import"], {"months": set(), "illustrative": set()})
            entry["months"].add(row["month"])
            entry["illustrative"].add(row["illustrative"])
        if not by_import:
            return []
        counts.delete()
        jobs = PoliceImport.objects.in_bulk([pk for pk in by_import if pk is not None])
        for pk, entry in by_import.items():
            # Months whose import is gone are logged against the local picture settings.
            instance = jobs.get(pk) or _default_site_settings()
            kinds = entry["illustrative"]
            log(
                instance=instance,
                action=MONTHS_REMOVED,
                user=user,
                data={
                    "months": [f"{month:%Y-%m}" for month in sorted(entry["months"])],
                    "source": "illustrative" if kinds == {True} else "police" if kinds == {False} else "both",
                    "police_import": pk,
                },
            )
        page_cache_clear_on_commit()
    return sorted(set().union(*(entry["months"] for entry in by_import.values())))


def police_imports_resume(*, older_than_seconds: int = 120, stuck_after_seconds: int = 60 * 60) -> int:
    """Run imports still waiting after `older_than_seconds` (the queue was down when they were
    uploaded), and close imports that have been running for `stuck_after_seconds` (the worker
    stopped half-way: nothing of theirs was saved). Returns how many were run."""
    now = timezone.now()
    stuck = PoliceImport.objects.filter(
        status=PoliceImport.Status.RUNNING, created_at__lt=now - timedelta(seconds=stuck_after_seconds)
    )
    for job in stuck:
        for path in job.stored_paths:
            Path(path).unlink(missing_ok=True)
        job.status = PoliceImport.Status.FAILED
        job.errors = ["The import stopped before it finished. Nothing was saved: upload the files again."]
        job.stored_paths = []
        job.finished_at = now
        job.save()
    waiting = PoliceImport.objects.filter(
        status=PoliceImport.Status.PENDING, created_at__lt=now - timedelta(seconds=older_than_seconds)
    )
    done = 0
    for job in waiting:
        police_import_run(police_import=job)
        done += 1
    return done


# --- Small CSV uploads: figure values and the ward lookup ----------------------------------


def _csv_text(upload) -> tuple[str | None, list[str]]:
    try:
        return upload.read().decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return None, ["The file is not UTF-8 text. Save it from your spreadsheet as 'CSV UTF-8'."]


_MONTH = re.compile(r"^(\d{4})-(\d{2})(?:-\d{2})?$")


def month_parse(text: str) -> date | None:
    match = _MONTH.match(text)
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not (1 <= month <= 12 and year >= 1990):
        return None
    return date(year, month, 1)


def figure_values_upload(*, series: FigureSeries, upload) -> tuple[int, list[str]]:
    """Add or replace monthly values of a series from a CSV with the columns month,value.
    Every line is checked first; if any is wrong nothing is saved and every problem is listed
    with its line number. Returns (values saved, problems)."""
    text, errors = _csv_text(upload)
    if errors:
        return 0, errors
    reader = csv.reader(io.StringIO(text))
    header = [name.strip().lower() for name in next(reader, [])]
    if header != ["month", "value"]:
        return 0, ["Line 1: the first row must be the column names month,value."]
    values: dict[date, Decimal] = {}
    for row in reader:
        number = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(values) >= UPLOAD_MAX_ROWS:
            errors.append(f"The file has more than {UPLOAD_MAX_ROWS:,} rows.")
            break
        if len(row) != 2:
            errors.append(f"Line {number}: expected 2 values (month,value), found {len(row)}.")
            continue
        month = month_parse(row[0].strip())
        problems = []
        if month is None:
            problems.append(f"month '{row[0].strip()[:20]}' is not like 2022-06")
        elif month in values:
            problems.append(f"{month:%Y-%m} appears twice")
        try:
            value = Decimal(row[1].strip().replace(",", ""))
            if not value.is_finite() or abs(value) >= Decimal("1e9"):
                raise InvalidOperation
        except InvalidOperation:
            problems.append(f"value '{row[1].strip()[:20]}' is not a number")
            value = None
        if problems:
            errors.append(f"Line {number}: " + "; ".join(problems) + ".")
        elif month is not None:
            values[month] = value.quantize(Decimal("0.001"))
    if not values and not errors:
        errors.append("The file has no rows under the column names.")
    if errors:
        return 0, errors
    with transaction.atomic():
        existing = {value.month: value for value in series.values.all()}
        for month, value in values.items():
            if month in existing:
                existing[month].value = value
                existing[month].save(update_fields=["value"])
            else:
                FigureValue.objects.create(series=series, month=month, value=value)
        page_cache_clear_on_commit()
    return len(values), []


# Either our own column names or those of the ONS lookup files (LSOA21CD, WD23CD, WD23NM ...).
_WARD_COLUMNS = {
    "lsoa_code": re.compile(r"^(lsoa[ _]?code|lsoa\d\dcd)$", re.IGNORECASE),
    "ward_code": re.compile(r"^(ward[ _]?code|wd\d\dcd)$", re.IGNORECASE),
    "ward_name": re.compile(r"^(ward[ _]?name|wd\d\dnm)$", re.IGNORECASE),
}
_CODE = re.compile(r"^[A-Z]\d{8}$")


def ward_lookup_replace(*, upload) -> tuple[int, list[str]]:
    """Replace the LSOA-to-ward lookup with a CSV (columns LSOA code, ward code, ward name, or
    the ONS names such as LSOA21CD, WD23CD, WD23NM). All or nothing, problems by line."""
    text, errors = _csv_text(upload)
    if errors:
        return 0, errors
    reader = csv.reader(io.StringIO(text))
    header = [name.strip() for name in next(reader, [])]
    indexes = {}
    for key, pattern in _WARD_COLUMNS.items():
        found = [i for i, name in enumerate(header) if pattern.match(name)]
        if len(found) != 1:
            label = key.replace("_", " ")
            return 0, [f"Line 1: the file needs one column for the {label} (such as {key} or the ONS name)."]
        indexes[key] = found[0]
    width = max(indexes.values()) + 1
    rows: dict[str, tuple[str, str]] = {}
    for row in reader:
        number = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < width:
            errors.append(f"Line {number}: too few columns.")
            continue
        lsoa, ward_code, ward_name = (row[indexes[key]].strip() for key in ("lsoa_code", "ward_code", "ward_name"))
        problems = []
        if not _CODE.match(lsoa):
            problems.append(f"LSOA code '{lsoa[:20]}' is not like E01013649")
        elif lsoa in rows and rows[lsoa][0] != ward_code:
            problems.append(f"LSOA {lsoa} is given two different wards")
        if not _CODE.match(ward_code):
            problems.append(f"ward code '{ward_code[:20]}' is not like E05010457")
        if not ward_name or len(ward_name) > 100:
            problems.append("the ward name is empty or too long")
        if problems:
            errors.append(f"Line {number}: " + "; ".join(problems) + ".")
        else:
            rows[lsoa] = (ward_code, ward_name)
        if len(errors) >= MAX_ERRORS_LISTED:
            errors.append("... and maybe more: fix these first.")
            break
    if not rows and not errors:
        errors.append("The file has no rows under the column names.")
    if errors:
        return 0, errors
    with transaction.atomic():
        WardLookup.objects.all().delete()
        WardLookup.objects.bulk_create(
            WardLookup(lsoa_code=lsoa, ward_code=code, ward_name=name) for lsoa, (code, name) in rows.items()
        )
        page_cache_clear_on_commit()
    return len(rows), []
