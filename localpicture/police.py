"""Reading data.police.uk street-level crime files: one pass, streamed, counted as it goes.

A file is never held in memory: rows are read one at a time with `csv.reader` and counted in a
dict keyed by (month, crime type, LSOA code), so memory depends on how many months,
crime types and LSOAs there are, not on how many rows. Nothing here touches the database: the
caller saves the counts only if every row of every file was good (localpicture/imports.py).
"""

import csv
import io
import sys
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import BinaryIO

from .constants import (
    COLUMN_CRIME_TYPE,
    COLUMN_LSOA_CODE,
    COLUMN_LSOA_NAME,
    COLUMN_MONTH,
    CRIME_TYPES,
    POLICE_HEADER,
)

# How many problems to list before saying "and N more": enough to fix a file, not a flood.
MAX_ERRORS_LISTED = 50
# Rows between two progress reports.
PROGRESS_EVERY = 65_536
# The largest zip member we read (uncompressed): a month of one force is a few tens of MB.
MAX_MEMBER_BYTES = 2 * 1024**3
COLUMNS = len(POLICE_HEADER)
KNOWN_CRIME_TYPES = frozenset(CRIME_TYPES)
# Crime types that are not the police's are reported by name, this many at most and each cut
# to this length, so a hostile file cannot fill memory or the import's page; the rest are
# counted together under OTHER_UNKNOWN_TYPES.
MAX_UNKNOWN_TYPES_LISTED = 20
UNKNOWN_TYPE_LENGTH = 60
OTHER_UNKNOWN_TYPES = "(other crime types not listed)"

# Other files in the zip data.police.uk gives, and why they are left out.
SKIP_REASONS = (
    ("-outcomes.csv", "an outcomes file: it repeats crimes already counted in the street file"),
    ("-stop-and-search.csv", "a stop and search file: searches are not recorded crimes"),
)


@dataclass
class Tally:
    """What reading the files found. `counts` maps (month, crime type, LSOA code) to a number
    of crimes, for the city's rows only; `names` maps LSOA codes to names."""

    counts: dict = field(default_factory=dict)
    names: dict = field(default_factory=dict)
    rows_read: int = 0
    rows_ignored: int = 0
    # Rows whose crime type is not one data.police.uk publishes, by that type: never stored.
    unknown_crime_types: dict = field(default_factory=dict)
    months_seen: set = field(default_factory=set)
    skipped: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    error_count: int = 0
    bytes_total: int = 0

    @property
    def rows_kept(self) -> int:
        return sum(self.counts.values())

    def error(self, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS_LISTED:
            self.errors.append(message)

    def unknown_crime_type(self, crime_type: str) -> None:
        unknown = self.unknown_crime_types
        name = crime_type[:UNKNOWN_TYPE_LENGTH]
        if name not in unknown and len(unknown) >= MAX_UNKNOWN_TYPES_LISTED:
            name = OTHER_UNKNOWN_TYPES
        unknown[name] = unknown.get(name, 0) + 1

    def unknown_crime_type_list(self) -> list[list]:
        """[[crime type, rows], ...], most rows first."""
        return [[name, count] for name, count in sorted(self.unknown_crime_types.items(), key=lambda i: (-i[1], i[0]))]

    def error_list(self) -> list[str]:
        extra = self.error_count - len(self.errors)
        return self.errors + ([f"... and {extra:,} more problem(s)."] if extra > 0 else [])


def header_problems(header: list[str]) -> list[str]:
    """What is wrong with a header row, in words; empty if it is the police header exactly."""
    if list(header) == list(POLICE_HEADER):
        return []
    stripped = [name.strip() for name in header]
    missing = [name for name in POLICE_HEADER if name not in stripped]
    unexpected = [name for name in stripped if name not in POLICE_HEADER]
    problems = []
    if missing:
        problems.append("missing column(s): " + ", ".join(missing))
    if unexpected:
        problems.append("unexpected column(s): " + ", ".join(name or "(blank)" for name in unexpected))
    if not problems:
        problems.append("the columns are not in the police order (" + ",".join(POLICE_HEADER) + ")")
    return problems


def _month_problem(month: str) -> bool:
    """True unless the month looks like 2024-06."""
    return not (
        len(month) == 7
        and month[4] == "-"
        and month[:4].isdigit()
        and month[5:].isdigit()
        and "01" <= month[5:] <= "12"
        and month[:4] >= "2000"
    )


def tally_stream(stream: BinaryIO, *, label: str, prefix: str, tally: Tally, progress: Callable | None = None) -> None:
    """Count one street-level CSV into the tally. Problems are added to `tally.errors` with the
    file's label and line number; the caller decides what to do with them."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    reader = csv.reader(text)
    try:
        header = next(reader, None)
        if header is None:
            tally.error(f"{label}: the file is empty.")
            return
        problems = header_problems(header)
        if problems:
            tally.error(f"{label}: this is not a data.police.uk street-level crime file: " + "; ".join(problems) + ".")
            return

        counts, names = tally.counts, tally.names
        get = counts.get
        intern = sys.intern
        good_months = set()
        ignored = 0
        start_line = reader.line_num
        while True:
            before = reader.line_num
            # The hot loop: plain local names, one dict update per kept row.
            for row in islice(reader, PROGRESS_EVERY):
                if len(row) != COLUMNS:
                    tally.error(f"{label}, line {reader.line_num}: {len(row)} columns instead of {COLUMNS}.")
                    continue
                month = row[COLUMN_MONTH]
                if month not in good_months:
                    if _month_problem(month):
                        tally.error(f"{label}, line {reader.line_num}: Month '{month[:20]}' is not like 2024-06.")
                        continue
                    good_months.add(month)
                crime_type = row[COLUMN_CRIME_TYPE]
                if not crime_type:
                    tally.error(f"{label}, line {reader.line_num}: Crime type is empty.")
                    continue
                if crime_type not in KNOWN_CRIME_TYPES:
                    # Only the police's own categories are stored: anything else (a typo, a
                    # formula, markup) is left out and reported with its count.
                    tally.unknown_crime_type(crime_type)
                    continue
                name = row[COLUMN_LSOA_NAME]
                if name.startswith(prefix):
                    code = row[COLUMN_LSOA_CODE]
                    if not code:
                        tally.error(f"{label}, line {reader.line_num}: LSOA code is empty for LSOA '{name[:40]}'.")
                        continue
                    key = (month, crime_type, code)
                    seen = get(key)
                    if seen is None:
                        # A new key keeps shared copies of its few distinct strings, so memory
                        # grows with the number of keys, never with the number of rows.
                        code = intern(code)
                        counts[(intern(month), intern(crime_type), code)] = 1
                        names[code] = intern(name)
                    else:
                        counts[key] = seen + 1
                else:
                    ignored += 1
            if reader.line_num == before:
                break
            if progress is not None:
                progress(reader.line_num - start_line, stream.tell())
        tally.rows_read += reader.line_num - start_line
        tally.rows_ignored += ignored
        tally.months_seen |= good_months
    except UnicodeDecodeError:
        tally.error(f"{label}, near line {reader.line_num + 1}: the file is not UTF-8 text.")
    except csv.Error as error:
        tally.error(f"{label}, line {reader.line_num}: {error}.")
    finally:
        text.detach()


@contextmanager
def _zip_members(path: Path, label: str, tally: Tally) -> Iterator[list]:
    """The street-level files of a data.police.uk zip; the others go in `tally.skipped`."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        tally.error(f"{label}: this is not a zip file that can be opened.")
        yield []
        return
    with archive:
        members = []
        for info in archive.infolist():
            if info.is_dir():
                continue
            member = f"{label}: {info.filename}"
            lower = info.filename.lower()
            if lower.endswith("-street.csv"):
                if info.file_size > MAX_MEMBER_BYTES:
                    tally.error(f"{member}: larger than {MAX_MEMBER_BYTES // 1024**3} GB uncompressed.")
                    continue
                members.append((member, info, archive))
                tally.bytes_total += info.file_size
                continue
            reason = next((why for end, why in SKIP_REASONS if lower.endswith(end)), None)
            if reason is None:
                reason = "not a street-level crime file (its name does not end in -street.csv)"
            tally.skipped.append(f"{member}: skipped, {reason}.")
        if not members and not tally.errors:
            tally.error(f"{label}: the zip holds no street-level crime files (names ending in -street.csv).")
        yield members


def tally_files(files: list[tuple[Path, str]], *, prefix: str, progress: Callable | None = None) -> Tally:
    """Read every file (CSV or zip, by name) into one tally. Zips are read member by member.

    `progress(rows_read, bytes_done, bytes_total)` is called every PROGRESS_EVERY rows."""
    tally = Tally()
    done = {"bytes": 0, "rows": 0}

    def report(rows: int, position: int) -> None:
        if progress is not None:
            progress(done["rows"] + rows, done["bytes"] + position, tally.bytes_total)

    def read(stream, label: str, size: int) -> None:
        tally_stream(stream, label=label, prefix=prefix, tally=tally, progress=report)
        done["bytes"] += size
        done["rows"] = tally.rows_read
        report(0, 0)

    csv_files = []
    zip_files = []
    for path, name in files:
        lower = name.lower()
        if lower.endswith(".zip"):
            zip_files.append((path, name))
        elif lower.endswith(".csv"):
            size = path.stat().st_size
            tally.bytes_total += size
            csv_files.append((path, name, size))
        else:
            tally.error(f"{name}: only .csv files and the .zip files data.police.uk gives can be imported.")
    for path, name, size in csv_files:
        with path.open("rb") as stream:
            read(stream, name, size)
    for path, name in zip_files:
        with _zip_members(path, name, tally) as members:
            for member, info, archive in members:
                with archive.open(info) as stream:
                    read(stream, member, info.file_size)
    return tally
