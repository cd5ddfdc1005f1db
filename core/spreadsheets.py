"""Writing CSV and Excel files that are safe to open in a spreadsheet.

CSV: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read by Excel and
LibreOffice as a formula, so text that someone typed into a public form could run as one
("CSV injection"). Such cells are prefixed with an apostrophe, which spreadsheets show as text.
https://owasp.org/www-community/attacks/CSV_Injection
The one exception is a plain negative number such as `-5` or `-12.5`: it cannot call anything,
and an apostrophe would turn a number into text. Only digits, one optional point and a leading
minus count, so `-1+1` or `-2-3` keep the guard. A leading `+` keeps it too: in our files that
is almost always a phone number (`+447700900123`), which a spreadsheet would otherwise turn into
4.477E+11 and lose the plus; with the apostrophe it stays readable.

Excel (.xlsx): each cell carries its own type, so text is never read as a formula except that
openpyxl itself writes text starting with `=` as one. Only that text (and text spelling an Excel
error such as `#N/A`) is guarded, by storing it as text with Excel's own quote prefix: it shows
exactly as typed and stays text when edited. Other text is written as typed, numbers as numbers,
dates and times as real dates in UK local time (Excel has no time zones), so they sort, filter
and calculate as dates. A sheet is written ready to read (xlsx_sheet_write): each column as wide
as its header and a sample of its first values (within limits), the header row frozen, and a
filter over the whole table. All of it works in openpyxl's write-only mode, whose memory stays
flat however many rows.
"""

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from itertools import chain, islice

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")

XLSX_DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
XLSX_DATE_FORMAT = "yyyy-mm-dd"
# Columns are sized from the header and this many rows, read ahead of writing (the widths must
# be written before the first row in write-only mode), so memory stays flat.
XLSX_WIDTH_SAMPLE = 200
# Column widths in characters: a long text column stops at the maximum (the cell keeps all its
# text; the officer widens the column or wraps it to read more).
XLSX_MIN_WIDTH = 6
XLSX_MAX_WIDTH = 60


def cell_safe(value) -> object:
    """Neutralise a CSV cell that a spreadsheet would treat as a formula; other values, and
    plain numbers such as `-5`, pass through. A translatable label (an age band's) is written
    as text, in the language of the export."""
    if value is None:
        return ""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def xlsx_cell_safe(sheet, value) -> object:
    """A value ready to append to an openpyxl write-only `sheet`: text that openpyxl would write
    as a formula or an error becomes a text cell with a quote prefix; a date and time becomes a
    date cell shown as "2026-03-14 18:05", in local (UK) time if it carries a time zone; a date
    one shown as "2026-03-14"; anything else is unchanged."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and (value.startswith("=") or value in ERROR_CODES):
        cell = WriteOnlyCell(sheet, value)
        cell.data_type = "s"
        cell.quotePrefix = True
        return cell
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.make_naive(value)
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = XLSX_DATETIME_FORMAT
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = XLSX_DATE_FORMAT
        return cell
    return value


def _xlsx_shown_width(value) -> int:
    """About how many characters wide a value shows: its longest line, or its date format's."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        return len(XLSX_DATETIME_FORMAT)
    if isinstance(value, date):
        return len(XLSX_DATE_FORMAT)
    return max((len(line) for line in str(value).splitlines()), default=0)


def xlsx_sheet_write(
    sheet,
    header: Sequence[str],
    rows: Iterable[Sequence],
    *,
    progress: Callable[[int], None] | None = None,
    progress_every: int = 2000,
) -> int:
    """Write a table to an empty openpyxl write-only `sheet`, ready to read: a bold header row
    that stays in view (frozen) with a filter over every row, each column sized to its header
    and its first XLSX_WIDTH_SAMPLE values, every cell through xlsx_cell_safe. `progress` is
    called with the count every `progress_every` rows. Returns the number of rows under the
    header."""
    rows = iter(rows)
    sample = list(islice(rows, XLSX_WIDTH_SAMPLE))
    for index, title in enumerate(header):
        widest = max([_xlsx_shown_width(title), *(_xlsx_shown_width(row[index]) for row in sample if len(row) > index)])
        # +2: room for the filter button on the header and a little space between columns.
        width = min(max(widest + 2, XLSX_MIN_WIDTH), XLSX_MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    titles = []
    for title in header:
        cell = xlsx_cell_safe(sheet, title)
        cell = cell if isinstance(cell, Cell) else WriteOnlyCell(sheet, cell)
        cell.font = bold
        titles.append(cell)
    sheet.append(titles)
    count = 0
    for row in chain(sample, rows):
        sheet.append([xlsx_cell_safe(sheet, value) for value in row])
        count += 1
        if progress and count % progress_every == 0:
            progress(count)
    # The filter's range is written after the rows (write-only sheets write it at the end), so
    # it can cover exactly the rows written.
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(len(header), 1))}{count + 1}"
    return count


def csv_response(*, filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    """A UTF-8 CSV download with a byte-order mark, so Excel shows non-English text correctly."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell_safe(value) for value in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class _Echo:
    """A file-like object that hands back what is written, for streaming csv.writer output."""

    def write(self, value):
        return value


def csv_lines(header: Sequence[str], rows: Iterable[Sequence], *, neutralised: bool = False) -> Iterator[str]:
    """CSV text line by line, starting with a byte-order mark so Excel reads UTF-8, every cell
    neutralised. `neutralised=True` says the rows' cells have already been through cell_safe
    (as large exports do, column by column), so they are written as they are."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(header)
    if neutralised:
        yield from map(writer.writerow, rows)
        return
    for row in rows:
        yield writer.writerow([cell_safe(value) for value in row])


def csv_stream_response(
    *, filename: str, header: Sequence[str], rows: Iterable[Sequence], neutralised: bool = False
) -> StreamingHttpResponse:
    """Like csv_response, but streamed row by row, so memory stays flat however many rows."""
    response = StreamingHttpResponse(
        csv_lines(header, rows, neutralised=neutralised), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
