"""The local picture in Chromium: a resident reads the page on a phone; an officer imports police
files (a broken one, then a good one) and uploads the other data, each admin page checked with
axe-core."""

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from localpicture.constants import POLICE_HEADER
from tests.browser.test_officers import admin_axe, project_axe_version  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

PAGE = "/local-picture/"
IMPORTS = "/admin/local-picture/imports/"
WARDS = "/admin/local-picture/wards/"
FIGURES = "/admin/local-picture/figures/upload/"


def police_file(*rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(POLICE_HEADER)
    for month, lsoa_code, lsoa_name in rows:
        writer.writerow(
            [
                "",
                month,
                "Leicestershire Police",
                "Leicestershire Police",
                "",
                "",
                "On or near X Street",
                lsoa_code,
                lsoa_name,
                "Possession of weapons",
                "",
                "",
            ]  # fmt: skip
        )
    return out.getvalue().encode()


def test_resident_reads_the_local_picture_on_a_phone(new_context, axe_check):
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    page.goto(PAGE)

    expect(page.get_by_role("heading", level=1)).to_have_text("The local picture")
    expect(page.get_by_role("heading", name="These are illustrative figures, not police data")).to_be_visible()
    chart = page.get_by_role("img", name="Crimes recorded by the police in the city each month")
    expect(chart).to_be_visible()
    assert chart.bounding_box()["width"] <= 320
    # The axis labels stay readable when the chart is scaled down to the phone's width.
    label_height = page.locator("svg.chart text").first.bounding_box()["height"]
    assert label_height >= 9, label_height
    expect(page.get_by_role("table", name="Crimes recorded each month (illustrative figures)")).to_be_visible()
    axe_check(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download these figures (CSV)").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["month", "crime_type", "count", "source"] and len(rows) == 49
    assert {row[3] for row in rows[1:]} == {"illustrative"}


def test_officer_imports_police_files_and_uploads_the_other_data(new_context, login, admin_axe):  # noqa: F811
    page = login(new_context().new_page(), "officer")
    page.goto(IMPORTS)
    expect(page.get_by_role("heading", name="Import police files")).to_be_visible()
    admin_axe(page)

    # A broken file: nothing saved, every problem listed with its line.
    broken = police_file(("2024-12", "E01099003", "Leicester 015C"), ("Dec 2024", "E01099003", "Leicester 015C"))
    page.locator("input[name=files]").set_input_files(
        files=[{"name": "broken-street.csv", "mimeType": "text/csv", "buffer": broken}]
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "broken-street.csv, line 3: Month 'Dec 2024' is not like 2024-06."
    )
    admin_axe(page)

    # A good file: the city's rows counted, the other area's ignored.
    good = police_file(("2024-12", "E01099003", "Leicester 015C"), ("2024-12", "E01099101", "Charnwood 003A"))
    page.goto(IMPORTS)
    page.locator("input[name=files]").set_input_files(
        files=[{"name": "2024-12-leicestershire-street.csv", "mimeType": "text/csv", "buffer": good}]
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Import").click()
    expect(page.locator("main")).to_contain_text("1 in this area were counted, 1 from elsewhere were ignored.")
    expect(page.locator("main")).to_contain_text("Months replaced: 2024-12.")
    admin_axe(page)

    # The ward lookup, with a mistake shown next to the form.
    page.goto(WARDS)
    page.locator("input[name=file]").set_input_files(
        files=[{"name": "wards.csv", "mimeType": "text/csv", "buffer": b"lsoa_code,ward_code,ward_name\nE0,E05,X\n"}]
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Upload lookup").click()
    expect(page.get_by_role("alert")).to_contain_text("Line 2: LSOA code 'E0' is not like E01013649")
    admin_axe(page)

    # Figure values from CSV for one of the demo's series.
    page.goto(FIGURES)
    page.get_by_label("Figure series").select_option(label="Knife-enabled serious violence in public places, all ages")
    page.locator("input[name=file]").set_input_files(
        files=[{"name": "rates.csv", "mimeType": "text/csv", "buffer": b"month,value\n2022-05,0.52\n2022-06,0.61\n"}]
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Upload").click()
    expect(page.locator(".messages")).to_contain_text("2 monthly value(s) saved")
    admin_axe(page)


def test_officer_sees_the_months_of_figures_and_a_removal_asks_first(new_context, login, admin_axe):  # noqa: F811
    # Other tests in this folder import real months into the same demo site, so counts vary.
    page = login(new_context().new_page(), "officer")
    page.goto("/admin/local-picture/months/")
    expect(page.get_by_role("heading", name="Months of police data")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Illustrative figures: \d+ months"))).to_be_visible()
    admin_axe(page)

    page.get_by_role("link", name="Remove every illustrative month").click()
    page.wait_for_url("**/admin/local-picture/months/remove/?source=illustrative")
    expect(page.get_by_role("button", name=re.compile(r"^Yes, remove \d+ months$"))).to_be_visible()
    admin_axe(page)
    # Nothing is removed by looking: the confirmation is a separate POST (tested without a browser).
    page.goto("/admin/local-picture/months/")
    expect(page.get_by_role("link", name="Remove every illustrative month")).to_be_visible()
