"""Running a police import: read every file in one streamed pass (localpicture/police.py) and,
only if every row of every file is good, replace the months found in one transaction, so running
it twice with the same files changes nothing.

One runner serves the admin (small uploads at once), the Celery task (large ones) and
`manage.py import_police_data`. Services queue the task; the task calls this module, which
queues nothing, so the imports run one way.
"""

import logging
from datetime import date, timedelta
from pathlib import Path

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from wagtail.models import Site

from core.pagecache import page_cache_clear_on_commit

from .models import CrimeCount, LocalPictureSettings, PoliceImport
from .police import MAX_ERRORS_LISTED, tally_files

logger = logging.getLogger(__name__)

BULK_BATCH = 5000
# Progress is written to the import's row at most this often (seconds).
PROGRESS_INTERVAL = 1.0


def lsoa_prefix() -> str:
    """The LSOA name prefix of the city's rows, from the default site's settings."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return LocalPictureSettings._meta.get_field("lsoa_prefix").default
    return LocalPictureSettings.for_site(site).lsoa_prefix


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
