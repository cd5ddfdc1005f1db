"""Spreadsheet files: formulas are neutralised, numbers stay numbers (config/spreadsheets.py)."""

import io
import zipfile

import pytest
from openpyxl import load_workbook

from config.spreadsheets import cell_safe
from consultation.exports import xlsx_write

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
