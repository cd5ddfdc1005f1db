"""Writes and file outputs of the strategy app."""

from django.http import HttpResponse

from core.spreadsheets import csv_response

from .selectors import ReportRow

REPORT_CSV_HEADER = [
    "Theme",
    "Recommendation",
    "Title",
    "Status",
    "Lead",
    "Latest update",
    "Latest update's figure",
    "Latest update date",
    "Page",
]


def progress_report_csv(*, rows: list[ReportRow]) -> HttpResponse:
    """The board's progress report as a CSV download, one row per recommendation."""
    return csv_response(
        filename="progress-report.csv",
        header=REPORT_CSV_HEADER,
        rows=(
            [
                row.theme,
                row.label,
                row.title,
                row.status_label,
                row.lead,
                row.latest_update,
                row.latest_update_figure,
                row.latest_update_date.isoformat() if row.latest_update_date else "",
                row.url,
            ]
            for row in rows
        ),
    )
