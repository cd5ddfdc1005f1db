"""The local picture page and its figures as CSV. Each is a route of the page
(localpicture/routes.py): Wagtail calls it with the page first, then the request."""

from core.spreadsheets import csv_response

from .models import LocalPicturePage
from .selectors import local_picture_context, monthly_table


def local_picture(page: LocalPicturePage, request):
    """The page: the chart, the table, the year-on-year comparison, the wards and the figures
    the police share."""
    return page.render(request, context_overrides=local_picture_context(page=page))


def data_csv(page: LocalPicturePage, request):
    """The city's monthly counts of the chosen crime types, as CSV, each with its source
    (police, or illustrative figures made up for the demo)."""
    table = monthly_table(crime_types=page.chosen_crime_types())
    rows = [
        [
            month.strftime("%Y-%m"),
            crime_type,
            "" if value is None else value,
            "" if value is None else "illustrative" if month in table.illustrative_months else "police",
        ]
        for month, values in table.rows
        for crime_type, value in zip(table.crime_types, values, strict=True)
    ]
    return csv_response(
        filename=f"{page.slug}-monthly.csv", header=["month", "crime_type", "count", "source"], rows=rows
    )
