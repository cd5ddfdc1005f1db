"""Writes of the local picture: police imports, figure series values and the ward lookup.

An upload is kept here and its import queued (`police_import_create`, `police_import_queue`);
the import itself is run by localpicture/imports.py, which the admin calls at once for small
uploads, the Celery task for large ones and `manage.py import_police_data` for files on disk.
"""

import csv
import io
import re
import uuid
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.text import get_valid_filename
from wagtail.log_actions import log
from wagtail.models import Site

from core.pagecache import page_cache_clear_on_commit
from core.queue import queue_after_commit

from . import tasks
from .models import CrimeCount, FigureSeries, FigureValue, LocalPictureSettings, PoliceImport, WardLookup
from .police import MAX_ERRORS_LISTED

UPLOAD_MAX_ROWS = 10_000


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
    queue_after_commit(tasks.police_import_run, police_import.pk)


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
