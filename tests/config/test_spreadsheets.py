"""Spreadsheet files: formulas are neutralised, numbers stay numbers (core/spreadsheets.py)."""

import io
import zipfile
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook

from consultation.exports import xlsx_write
from core.spreadsheets import XLSX_MAX_WIDTH, XLSX_MIN_WIDTH, XLSX_WIDTH_SAMPLE, cell_safe

# What someone typed -> what the CSV cell holds.
CSV_CELLS = {
    "-5": "-5",  # a plain number: a spreadsheet reads it as -5, nothing runs
    "-12.5": "-12.5",
    "12": "12",
    "+44": "'+44",  # a leading plus is kept guarded: phone numbers keep their plus (see the module)
    "+447700900123": "'+447700900123",
    "-1+1": "'-1+1",  # a sum, not a number
    "-2-3": "'-2-3",
    "-5\n": "'-5\n",
    "-5\n=1+1": "'-5\n=1+1",
    "-": "'-",
    "-.5": "'-.5",
    "-٥": "'-٥",  # an Arabic-Indic digit is not one of the plain digits
    "=1+1": "'=1+1",
    "@SUM(A1)": "'@SUM(A1)",
    "\tx": "'\tx",
    "\rx": "'\rx",
    "plain": "plain",
    "a=b": "a=b",
    "": "",
}


@pytest.mark.parametrize(("typed", "written"), CSV_CELLS.items())
def test_csv_cells_guard_formulas_but_not_plain_numbers(typed, written):
    assert cell_safe(typed) == written


@pytest.mark.parametrize("value", [5, -5, -12.5, 0])
def test_csv_numbers_pass_through(value):
    assert cell_safe(value) == value


XLSX_TYPED = ["-5", "-12.5", "+44", "-1+1", "=1+1", "@SUM(A1)", "#N/A", "a=b"]


def _xlsx(rows):
    buffer = io.BytesIO()
    xlsx_write(buffer, ["a"] * len(rows[0]), rows)
    return buffer.getvalue()


def test_xlsx_keeps_text_as_typed_and_numbers_as_numbers():
    data = _xlsx([[*XLSX_TYPED, -5, -12.5, 7]])
    row = next(load_workbook(io.BytesIO(data)).active.iter_rows(min_row=2))
    assert [cell.value for cell in row] == [*XLSX_TYPED, -5, -12.5, 7]
    assert [cell.data_type for cell in row] == ["s"] * len(XLSX_TYPED) + ["n"] * 3


def test_xlsx_has_no_formula_and_marks_formula_like_text_with_a_quote_prefix():
    data = _xlsx([["=1+1", '=HYPERLINK("http://evil.example")', "-1+1", "@SUM(A1)"]])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    row = next(load_workbook(io.BytesIO(data)).active.iter_rows(min_row=2))
    assert [cell.quotePrefix for cell in row] == [True, True, False, False]


def test_xlsx_writes_dates_as_dates_in_uk_local_time():
    summer = datetime(2025, 7, 1, 17, 5, 30, tzinfo=UTC)  # 18:05:30 in London (BST)
    winter = datetime(2025, 1, 15, 9, 0, tzinfo=UTC)  # 09:00 in London (GMT)
    naive = datetime(2025, 3, 2, 8, 30)  # already local
    sheet = load_workbook(io.BytesIO(_xlsx([[summer, winter, naive, date(2025, 3, 2)]]))).active
    cells = next(sheet.iter_rows(min_row=2))
    assert [cell.value for cell in cells] == [
        datetime(2025, 7, 1, 18, 5, 30),
        datetime(2025, 1, 15, 9, 0),
        datetime(2025, 3, 2, 8, 30),
        datetime(2025, 3, 2, 0, 0),  # Excel keeps a date as a date and time at midnight
    ]
    assert all(cell.is_date for cell in cells)
    assert [cell.number_format for cell in cells] == ["yyyy-mm-dd hh:mm"] * 3 + ["yyyy-mm-dd"]


def test_xlsx_header_is_bold_frozen_and_filtered_over_every_row():
    buffer = io.BytesIO()
    count = xlsx_write(buffer, ["ID", "Text"], ([number, f"row {number}"] for number in range(1, 451)))
    sheet = load_workbook(io.BytesIO(buffer.getvalue())).active
    assert count == 450
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:B451"
    assert [cell.font.bold for cell in sheet[1]] == [True, True]
    assert sheet.max_row == 451 and sheet["B451"].value == "row 450"


def test_xlsx_column_widths_follow_the_header_and_values_within_limits():
    rows = [[1, "x" * 500, "a\nmuch longer second line", datetime(2025, 7, 1, 18, 5)]] * 3
    buffer = io.BytesIO()
    xlsx_write(buffer, ["ID", "Text", "Two lines", "Received at the council"], rows)
    widths = {letter: dimension.width for letter, dimension in load_workbook(buffer).active.column_dimensions.items()}
    assert widths["A"] == XLSX_MIN_WIDTH  # "ID" and 1 are narrower than the minimum
    assert widths["B"] == XLSX_MAX_WIDTH  # 500 characters, capped
    assert widths["C"] == len("much longer second line") + 2  # the longest line, not the whole text
    assert widths["D"] == len("Received at the council") + 2  # the header is wider than the date


def test_xlsx_columns_are_sized_from_a_sample_so_memory_stays_flat():
    """Only the first XLSX_WIDTH_SAMPLE rows are read ahead: a wide value after them does not
    widen its column (and the rows are not all held to measure them)."""
    rows = [["short"]] * XLSX_WIDTH_SAMPLE + [["a far longer value than any in the sample"]]
    buffer = io.BytesIO()
    xlsx_write(buffer, ["Name"], iter(rows))
    sheet = load_workbook(buffer).active
    assert sheet.column_dimensions["A"].width == len("short") + 2
    assert sheet.max_row == XLSX_WIDTH_SAMPLE + 2
