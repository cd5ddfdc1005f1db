"""The feedback dashboard in the admin and the open data, in Chromium."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

DASHBOARD_PATH = "/admin/feedback-dashboard/"
OPEN_DATA_PATH = "/open-data/feedback-summary.json"


def _log_in(page, demo_site) -> None:
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(demo_site.admin_username)
    page.get_by_label("Password").fill(demo_site.admin_password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def _send_a_youth_voice(new_context) -> None:
    """Two pieces of feedback from Castle, aged 16 to 18, so the charts have something to draw."""
    page = new_context().new_page()
    page.goto("/have-your-say/")
    page.get_by_role("group", name="How old are you?").get_by_label("16 to 18", exact=True).check()
    page.get_by_label("Where do you live?").select_option(label="Castle")
    page.get_by_label("What would make you feel safer where you live?").fill("Street lights by the canal path")
    page.get_by_label("Anything else you want us to know?").fill("A late bus home")
    page.get_by_role("button", name="Send", exact=True).click()
    page.get_by_role("heading", level=1, name="Thank you for telling us").wait_for()
    page.context.close()


def test_admin_opens_the_dashboard_and_it_has_no_serious_accessibility_violations(new_context, demo_site, axe_check):
    _send_a_youth_voice(new_context)
    page = new_context().new_page()
    _log_in(page, demo_site)

    response = page.goto(DASHBOARD_PATH)
    assert response is not None and response.status == 200
    assert page.get_by_role("heading", level=1).inner_text() == "Feedback dashboard"
    for name in (
        "Confirmed themes by source",
        "Feedback received by month",
        "Where it came from and who said it",
        "Waiting for review",
        "Suggested and confirmed themes",
    ):
        expect(page.get_by_role("heading", level=2, name=name)).to_be_visible()

    charts = page.locator("svg.dash-chart")
    assert charts.count() == 5  # themes by source, months, wards, age bands, languages
    for chart in charts.all():
        assert chart.get_attribute("role") == "img"
        assert chart.get_attribute("aria-label")
        box = chart.bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 50, "a chart is not drawn at a usable size"
    # The stylesheet loaded and coloured the bars: a bar is not the default black.
    fill = page.locator("svg.dash-chart rect.dash-chart__bar").first.evaluate("rect => getComputedStyle(rect).fill")
    assert fill not in ("", "rgb(0, 0, 0)")

    castle = page.get_by_role("table", name="Feedback by ward").get_by_role("row", name="Castle")
    count = castle.get_by_role("cell").inner_text()
    assert count == "fewer than 5" or (count.replace(",", "").isdigit() and int(count.replace(",", "")) >= 5)
    expect(page.get_by_role("table", name="Feedback not reviewed yet, by how long it has waited")).to_be_visible()
    axe_check(page)


def test_a_visitor_downloads_the_open_data_as_json(new_context):
    page = new_context().new_page()
    response = page.goto(OPEN_DATA_PATH)
    assert response is not None and response.status == 200
    assert response.headers["content-type"] == "application/json"
    assert "max-age=600" in response.headers["cache-control"]
    data = response.json()
    assert data["title"] == "Feedback by month, theme and source"
    for row in data["rows"]:
        assert set(row) == {"month", "theme", "source", "count", "suppressed"}
        assert (row["count"] is None) == row["suppressed"]
        assert row["suppressed"] or row["count"] >= 5
