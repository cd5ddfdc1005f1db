"""The results report as files: a Word document for the committee papers (python-docx), and
each of its tables as CSV. Both are made from the same sections as the page
(consultation/report.py), so they hold exactly what the page shows: aggregates, suppressed.
"""

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm, Pt

from core.chart_images import Bar, bar_chart_png
from core.disclosure import Cell

from .report import Report, Table

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def table_csv_rows(table: Table) -> tuple[list[str], list[list]]:
    """(header, rows) for a table's CSV: counts as numbers, a hidden count as "fewer than 5"."""
    rows = [
        [(value.text if value.suppressed else value.count) if isinstance(value, Cell) else value for value in row]
        for row in table.rows
    ]
    return table.header, rows


def _chart_bars(table: Table) -> list[Bar]:
    return [
        Bar(label=row.label, count=row.count, text=row.text, suppressed=row.suppressed) for row in table.chart_rows()
    ]


def report_docx(report: Report) -> bytes:
    """The report as a Word document: a heading per section, its paragraphs, then each table,
    after its chart as an image where the page draws one."""
    document = Document()
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(f"Results: {report.survey.title}", level=0)
    for section in report.sections:
        document.add_heading(section.title, level=1)
        for paragraph in section.paragraphs:
            document.add_paragraph(paragraph)
        for table in section.tables:
            if table.title != section.title:
                document.add_heading(table.title, level=2)
            if table.chart:
                document.add_picture(io.BytesIO(bar_chart_png(_chart_bars(table))), width=Cm(16))
            grid = document.add_table(rows=1, cols=len(table.header))
            grid.style = "Table Grid"
            grid.alignment = WD_TABLE_ALIGNMENT.CENTER
            for cell, title in zip(grid.rows[0].cells, table.header, strict=True):
                cell.text = title
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            for row in table.text_rows():
                for cell, text in zip(grid.add_row().cells, row, strict=True):
                    cell.text = text
            if table.note:
                document.add_paragraph(table.note)
    if report.draft:
        document.add_heading("Draft: We asked, you said", level=1)
        for heading, key in (("We asked", "we_asked"), ("You said", "you_said")):
            document.add_heading(heading, level=2)
            for paragraph in report.draft[key]:
                document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
