"""Writing CSV that is safe to open in a spreadsheet.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read by Excel and
LibreOffice as a formula, so text that someone typed into a public form could run as one
("CSV injection"). Such cells are prefixed with an apostrophe, which spreadsheets show as text.
https://owasp.org/www-community/attacks/CSV_Injection
"""

import csv
import io
from collections.abc import Iterable, Iterator, Sequence

from django.http import HttpResponse, StreamingHttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell_safe(value) -> object:
    """Neutralise a cell that a spreadsheet would treat as a formula; other values pass through."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
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
