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
exactly as typed and stays text when edited. Other text is written as typed, numbers as numbers.
"""

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def cell_safe(value) -> object:
    """Neutralise a CSV cell that a spreadsheet would treat as a formula; other values, and
    plain numbers such as `-5`, pass through."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def xlsx_cell_safe(sheet, value) -> object:
    """A value ready to append to an openpyxl write-only `sheet`: text that openpyxl would write
    as a formula or an error becomes a text cell with a quote prefix; anything else is unchanged."""
    if isinstance(value, str) and (value.startswith("=") or value in ERROR_CODES):
        cell = WriteOnlyCell(sheet, value)
        cell.data_type = "s"
        cell.quotePrefix = True
        return cell
    return value


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
