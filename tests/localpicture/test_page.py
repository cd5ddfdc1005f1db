"""The local picture page: the chart says what the table says, the CSV says the same, the year
comparison, the ward breakdown, figure series and the illustrative notice."""

import csv
import io
import re
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from localpicture.models import CrimeCount, FigureValue, LocalPicturePage, WardLookup
from localpicture.selectors import change_in_words, monthly_table
from tests.localpicture.factories import FigureSeriesFactory, LocalPicturePageFactory

pytestmark = pytest.mark.django_db


class _Figures(HTMLParser):
    """The chart's points and the monthly table's cells, as {(series, YYYY-MM): number}."""

    def __init__(self, table_id: str):
        super().__init__()
        self.table_id, self.points, self.table = table_id, {}, {}
        self.in_table, self.columns, self.row_month, self.cell, self.text = False, [], None, 0, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "circle" and "data-series" in attrs:
            self.points[(attrs["data-series"], attrs["data-month"])] = Decimal(attrs["data-value"])
        elif tag == "table" and attrs.get("id") == self.table_id:
            self.in_table = True
        elif self.in_table and tag in ("th", "td"):
            self.text = ""
            if tag == "th" and attrs.get("data-month"):
                self.row_month, self.cell = attrs["data-month"], 0

    def handle_data(self, data):
        if self.text is not None:
            self.text += data

    def handle_endtag(self, tag):
        if not self.in_table:
            return
        if tag == "table":
            self.in_table = False
        elif tag == "th" and self.row_month is None:
            self.columns.append(self.text.strip())
        elif tag == "td" and self.row_month:
            self.cell += 1
            if self.text.strip() != "No data":
                self.table[(self.columns[self.cell], self.row_month)] = Decimal(self.text.strip().replace(",", ""))
        elif tag == "tr":
            self.row_month = None
        if tag in ("th", "td"):
            self.text = None


def figures(html: str, table_id: str = "monthly-table") -> _Figures:
    parser = _Figures(table_id)
    parser.feed(html)
    return parser


def test_page_can_be_created_only_under_the_home_page():
    asserts = WagtailPageTestCase()
    asserts.assertAllowedParentPageTypes(LocalPicturePage, {HomePage})
    asserts.assertCanCreateAt(HomePage, LocalPicturePage)


def test_factory_makes_a_page(local_picture_page):
    local_picture_page.delete()
    page = LocalPicturePageFactory(parent=HomePage.objects.get(), slug="local-picture")
    assert page.chosen_crime_types() == ["Possession of weapons", "Violence and sexual offences"]


def test_demo_page_shows_the_illustrative_notice(client, local_picture_page):
    response = client.get(local_picture_page.url)

    assert response.status_code == 200
    assert "These are illustrative figures, not police data" in response.text
    assert "(illustrative figures)" in response.text


def test_chart_numbers_equal_the_table_numbers(client, local_picture_page):
    found = figures(client.get(local_picture_page.url).text)

    assert len(found.points) == 48  # 24 months, two crime types
    assert found.points == found.table


def test_table_numbers_equal_the_stored_counts(client, local_picture_page):
    found = figures(client.get(local_picture_page.url).text)
    stored = {
        ("Possession of weapons", "2024-03"): sum(
            CrimeCount.objects.filter(month=date(2024, 3, 1), crime_type="Possession of weapons").values_list(
                "count", flat=True
            )
        )
    }
    assert found.table[("Possession of weapons", "2024-03")] == stored[("Possession of weapons", "2024-03")]


def test_chart_is_labelled_for_screen_readers(client, local_picture_page):
    html = client.get(local_picture_page.url).text
    svg = re.search(r"<svg class=\"chart\"[^>]*>", html).group(0)

    assert 'role="img"' in svg
    assert 'aria-labelledby="police-monthly-title police-monthly-desc"' in svg
    assert '<desc id="police-monthly-desc">Line chart of crimes recorded each month, 24 months' in html
    assert ">Crimes recorded</text>" in html and ">Month</text>" in html


def test_csv_round_trips_to_the_same_numbers_as_the_table(client, local_picture_page):
    html = client.get(local_picture_page.url).text
    response = client.get(local_picture_page.url + "data-csv/")

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    from_csv = {(row["crime_type"], row["month"]): Decimal(row["count"]) for row in rows}
    assert from_csv == figures(html).table
    assert len(rows) == 48


def test_comparison_says_the_change_in_words(client, local_picture_page):
    table = monthly_table(crime_types=["Possession of weapons"])
    before = sum(values[0] for _, values in table.rows[-24:-12])
    after = sum(values[0] for _, values in table.rows[-12:])
    html = client.get(local_picture_page.url).text

    assert "From January 2024 to December 2024, compared with January 2023 to December 2023" in html
    assert f"<strong>Possession of weapons</strong>: {after} crimes recorded, " in html
    assert change_in_words(before=before, after=after) in html


@pytest.mark.parametrize(
    ("before", "after", "words"),
    [
        (100, 112, "up 12% (from 100 to 112)"),
        (200, 150, "down 25% (from 200 to 150)"),
        (40, 40, "no change (40 in both years)"),
        (0, 3, "up from none to 3"),
        (1000, 1001, "up less than 1% (from 1,000 to 1,001)"),
    ],
)
def test_change_in_words(before, after, words):
    assert change_in_words(before=before, after=after) == words


def test_missing_months_show_as_no_data_and_stop_the_comparison(client, local_picture_page):
    CrimeCount.objects.filter(month=date(2024, 2, 1)).delete()
    html = client.get(local_picture_page.url).text

    assert '<td class="numeric">No data</td>' in html
    assert "some months are missing" in html
    assert ("Possession of weapons", "2024-02") not in figures(html).points


def test_ward_breakdown_adds_up_to_the_last_twelve_months(client, local_picture_page):
    html = client.get(local_picture_page.url).text
    table = monthly_table(crime_types=local_picture_page.chosen_crime_types())
    total_weapons = sum(values[0] for _, values in table.rows[-12:])
    wards = re.search(r'<caption id="wards-caption">.*?</tbody>', html, re.S).group(0)
    cells = re.findall(r'<tr><th scope="row">([^<]+)</th><td class="numeric">(\d+)</td>', wards)

    assert {name for name, _ in cells} == {"Abbey", "Beaumont Leys", "Castle", "Spinney Hills", "Westcotes"}
    assert sum(int(number) for _, number in cells) == total_weapons


def test_ward_breakdown_needs_a_lookup(client, local_picture_page):
    WardLookup.objects.all().delete()
    assert "By ward" not in client.get(local_picture_page.url).text


def test_figure_series_chart_equals_its_table(client, local_picture_page):
    series = FigureSeriesFactory(title="Rate per 1,000, under 25s")
    for month, value in ((date(2022, 4, 1), "0.52"), (date(2022, 5, 1), "0.61"), (date(2022, 6, 1), "10")):
        FigureValue.objects.create(series=series, month=month, value=Decimal(value))
    local_picture_page.figure_series.add(series)
    local_picture_page.save_revision().publish()

    html = client.get(local_picture_page.url).text
    section = html[html.index("Rate per 1,000, under 25s") :]
    points = {month: value for (_, month), value in figures(section).points.items()}
    cells = re.findall(r'<th scope="row">(\w+ \d{4})</th><td class="numeric">([\d.]+)</td>', section)

    assert points == {"2022-04": Decimal("0.52"), "2022-05": Decimal("0.61"), "2022-06": Decimal("10")}
    assert [Decimal(value) for _, value in cells] == list(points.values())
    assert [month for month, _ in cells] == ["April 2022", "May 2022", "June 2022"]


def test_real_data_replaces_the_illustrative_notice(client, local_picture_page):
    CrimeCount.objects.update(illustrative=False)
    assert "illustrative" not in client.get(local_picture_page.url).text.lower()


def test_page_without_data_says_so(client, local_picture_page, no_police_data):
    html = client.get(local_picture_page.url).text
    assert "No police figures have been published here yet." in html
    assert '<svg class="chart"' not in html


def test_page_queries_stay_few(client, settings, local_picture_page, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(local_picture_page.url)  # fills the per-generation caches (menu, settings, restrictions)
    with django_assert_max_num_queries(20):
        client.get(local_picture_page.url)


def test_editor_chooses_crime_types_in_the_admin(client, local_picture_page):
    from django.contrib.auth import get_user_model
    from wagtail.test.utils.form_data import nested_form_data, rich_text

    client.force_login(get_user_model().objects.get(username="editor"))
    edit_url = f"/admin/pages/{local_picture_page.pk}/edit/"
    form = client.get(edit_url).text
    assert 'value="Robbery"' in form and 'type="checkbox"' in form

    data = nested_form_data(
        {
            "title": local_picture_page.title,
            "slug": local_picture_page.slug,
            "intro": "New intro.",
            "notes": rich_text("<p>Notes.</p>"),
            "show_ward_breakdown": "on",
            "action-publish": "publish",
        }
    )
    data["crime_types"] = ["Robbery", "Possession of weapons"]
    response = client.post(edit_url, data)

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    local_picture_page.refresh_from_db()
    assert local_picture_page.crime_types == ["Robbery", "Possession of weapons"]
    assert '<th scope="col" class="numeric">Robbery</th>' in client.get(local_picture_page.url).text


def test_figure_value_month_is_stored_as_the_first_of_the_month():
    series = FigureSeriesFactory()
    value = FigureValue(series=series, month=date(2022, 6, 17), value=Decimal("1"))
    value.full_clean()
    assert value.month == date(2022, 6, 1)


def test_changed_source_shows_at_once_despite_the_page_cache(client, local_picture_page):
    from wagtail.models import Site

    from localpicture.models import LocalPictureSettings

    client.get(local_picture_page.url)
    assert client.get(local_picture_page.url)["X-Page-Cache"] == "hit"
    settings = LocalPictureSettings.for_site(Site.objects.get(is_default_site=True))
    settings.source_name = "Leicestershire Police open data, checked by the council"
    settings.save()

    assert "checked by the council" in client.get(local_picture_page.url).text


def test_an_import_shows_at_once_despite_the_page_cache(
    client, local_picture_page, write_file, django_capture_on_commit_callbacks
):
    from localpicture.imports import police_import_run
    from localpicture.models import PoliceImport
    from tests.localpicture.factories import police_csv, police_row

    client.get(local_picture_page.url)
    path = write_file("street.csv", police_csv([police_row(month="2024-12", lsoa_code="E01099003")] * 777))
    with django_capture_on_commit_callbacks(execute=True):
        police_import_run(police_import=PoliceImport.objects.create(), files=[(path, "street.csv")])

    found = figures(client.get(local_picture_page.url).text)
    assert found.table[("Possession of weapons", "2024-12")] == 777
    assert found.table[("Violence and sexual offences", "2024-12")] == 0
