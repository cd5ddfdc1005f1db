"""What a resident does on the public pages of the demo site, in Chromium."""

import csv
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import HELP_NUMBERS, THEMES

pytestmark = pytest.mark.browser

THEME_SLUGS = {
    "Education": "education",
    "Young People": "young-people",
    "Communities": "communities",
    "Partnership Working": "partnership-working",
    "Employment and Training": "employment-and-training",
    "Policy and Process": "policy-and-process",
}
# The report's recommendations by theme, in the strategy's order. Policy and Process has none yet.
REPORT_LABELS = {
    "Education": ["1", "2", "3"],
    "Young People": ["4"],
    "Communities": ["9", "14", "a", "b"],
    "Partnership Working": ["18"],
    "Employment and Training": ["23", "24", "25"],
}


def visit(page, path: str, status: int = 200):
    response = page.goto(path)
    assert response is not None, f"no response for {path}"
    assert response.status == status, f"{path} answered {response.status}, expected {status}"
    return response


def test_home_page_shows_the_pledge_and_links_to_the_six_themes(page, axe_check):
    visit(page, "/")

    pledge = page.locator("section.pledge")
    expect(pledge.get_by_role("heading", name="Our pledge")).to_be_visible()
    assert "our pledge is to do more to help prevent and deter" in pledge.inner_text()

    themes = page.locator("section[aria-labelledby=themes-heading]")
    assert themes.get_by_role("heading", level=2).inner_text() == "The six themes"
    theme_links = themes.get_by_role("heading", level=3).get_by_role("link")
    assert theme_links.all_inner_texts() == THEMES
    hrefs = [urlsplit(link.get_attribute("href")).path for link in theme_links.all()]
    assert hrefs == [f"/strategy/{THEME_SLUGS[name]}/" for name in THEMES]
    axe_check(page)


def test_resident_follows_links_from_home_to_a_recommendation_and_its_initiative(page, axe_check):
    visit(page, "/")
    axe_check(page)

    page.get_by_role("link", name="Read the strategy and its progress").click()
    page.wait_for_url("**/strategy/")
    assert page.get_by_role("heading", level=1).inner_text() == "Knife Crime and Serious Violence Strategy"
    table = page.get_by_role("table", name="Recommendations by theme and status")
    rows = table.locator("tbody tr")
    assert rows.locator("th").all_inner_texts() == THEMES
    for index, name in enumerate(THEMES):
        bar = rows.nth(index).locator("svg.progress-bar")
        expect(bar, f"no progress bar for {name}").to_be_visible()
        assert bar.get_attribute("role") == "img"
        assert bar.get_attribute("aria-label").startswith(f"{name}: ")
    axe_check(page)

    table.get_by_role("link", name="Education", exact=True).click()
    page.wait_for_url("**/strategy/education/")
    assert page.get_by_role("heading", level=1).inner_text() == "Education"
    axe_check(page)

    page.get_by_role("link", name="Recommendation 1: Minimise school suspensions").click()
    page.wait_for_url("**/strategy/education/minimise-school-suspensions/")
    main = page.locator("main")
    assert main.get_by_role("heading", level=1).inner_text() == "Minimise school suspensions"
    assert main.locator("dl.facts .status-tag").inner_text() == "In progress"
    update = main.locator("ol.timeline > li").first
    assert update.locator("time").inner_text() == "4 October 2022"
    assert update.locator("time").get_attribute("datetime") == "2022-10-04"
    assert update.locator(".key-figure__value").inner_text() == "58"
    axe_check(page)

    main.get_by_role("link", name="The Reach Project in Early Help").click()
    page.wait_for_url("**/strategy/education/reach-project/")
    assert page.get_by_role("heading", level=1).inner_text() == "The Reach Project in Early Help"
    figures = page.locator("ul.key-figures > li")
    engaged = figures.filter(has=page.locator(".key-figure__value", has_text=re.compile(r"^58$")))
    assert engaged.count() == 1
    assert engaged.locator(".key-figure__detail").inner_text() == "34 male and 24 female, aged 11-15"
    axe_check(page)


def test_progress_bars_text_alternatives_say_the_counts_in_words(page):
    visit(page, "/strategy/")

    labels = page.locator("table.progress-table svg.progress-bar").evaluate_all(
        "bars => bars.map(bar => bar.getAttribute('aria-label'))"
    )
    assert labels == [
        "Education: 3 in progress",
        "Young People: 1 in progress",
        "Communities: 4 in progress",
        "Partnership Working: 1 in progress",
        "Employment and Training: 3 in progress",
        "Policy and Process: no recommendations",
    ]


def _report_tables(page) -> list[dict]:
    """Every row of the report's per-theme tables, read from the DOM."""
    return page.evaluate(
        """() => [...document.querySelectorAll("section.report-theme")].flatMap(section => {
            const theme = section.querySelector("h2").innerText.trim();
            return [...section.querySelectorAll("tbody tr")].map(tr => {
                const cells = [...tr.querySelectorAll("td")].map(td => td.innerText.trim());
                const link = tr.querySelector("th a");
                const time = tr.querySelector("time");
                const figure = tr.querySelector(".report-figure");
                return {
                    theme,
                    heading: link.innerText.trim(),
                    path: new URL(link.href).pathname,
                    status: cells[0],
                    lead: cells[1],
                    update: figure ? cells[2].replace(figure.innerText, "").trim() : cells[2],
                    figure: figure ? figure.innerText.trim() : "",
                    date: time ? time.getAttribute("datetime") : "",
                };
            });
        })"""
    )


def test_progress_report_lists_every_recommendation_grouped_by_theme(page, axe_check):
    visit(page, "/strategy/progress-report/")

    by_theme: dict[str, list[str]] = {}
    for row in _report_tables(page):
        by_theme.setdefault(row["theme"], []).append(row["heading"].split(". ", 1)[0])
    assert by_theme == REPORT_LABELS
    assert list(by_theme) == [theme for theme in THEMES if theme in REPORT_LABELS]
    axe_check(page)


def test_progress_report_csv_download_matches_the_table(page, demo_site):
    visit(page, "/strategy/progress-report/")
    table_rows = _report_tables(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download these rows as CSV").click()
    download = download_info.value
    assert download.suggested_filename == "progress-report.csv"
    with open(download.path(), encoding="utf-8-sig", newline="") as file:
        header, *csv_rows = list(csv.reader(file))

    assert header == [
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
    from_csv = [
        {
            "theme": theme,
            "heading": f"{label}. {title}",
            "path": urlsplit(url).path,
            "status": status,
            "lead": lead,
            "update": update or "No update yet",
            "figure": figure,
            "date": date,
        }
        for theme, label, title, status, lead, update, figure, date, url in csv_rows
    ]
    assert from_csv == table_rows
    assert any(row["figure"].startswith("58 young people") for row in table_rows)
    assert len(csv_rows) == sum(len(labels) for labels in REPORT_LABELS.values())
    assert all(row[-1].startswith(demo_site.url + "/strategy/") for row in csv_rows)


def test_progress_report_prints_without_the_site_header_and_footer(page):
    visit(page, "/strategy/progress-report/")
    expect(page.locator("header.site-header")).to_be_visible()
    expect(page.locator("footer.site-footer")).to_be_visible()

    page.emulate_media(media="print")

    assert page.locator("header.site-header").is_hidden()
    assert page.locator("footer.site-footer").is_hidden()
    assert page.get_by_role("link", name="Download these rows as CSV").is_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("table.report-table").first).to_be_visible()


def test_site_search_for_mentoring_finds_the_mentoring_work(page, axe_check):
    visit(page, "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
    page.get_by_label("Search this site").fill("mentoring")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url("**/search/?q=mentoring")

    results = page.locator("ol.search-results h3 a").all_inner_texts()
    assert {"Chance 2 Change", "Community mentoring for young people at risk"} & set(results), results
    assert "result" in page.get_by_role("heading", level=2).first.inner_text()
    axe_check(page)


def test_missing_page_is_a_404_with_a_single_heading(page, axe_check):
    visit(page, "/strategy/no-such-page/", status=404)

    headings = page.get_by_role("heading", level=1)
    assert headings.count() == 1
    assert headings.inner_text() == "Page not found"
    axe_check(page)


FOOTER_PAGES = [
    ("/", 200),
    ("/strategy/", 200),
    ("/strategy/education/", 200),
    ("/strategy/education/minimise-school-suspensions/", 200),
    ("/strategy/education/reach-project/", 200),
    ("/strategy/progress-report/", 200),
    ("/search/?q=mentoring", 200),
    ("/privacy/", 200),
    ("/cookies/", 200),
    ("/accessibility/", 200),
    ("/no-such-page/", 404),
]


def test_help_numbers_are_in_the_footer_of_every_page(page):
    missing = []
    for path, status in FOOTER_PAGES:
        visit(page, path, status=status)
        footer = page.locator("footer.site-footer")
        for number in HELP_NUMBERS:
            link = footer.get_by_role("link", name=number, exact=True)
            if link.count() != 1 or not link.is_visible():
                missing.append(f"{path}: no link for {number}")
            elif link.get_attribute("href") != "tel:" + number.replace(" ", ""):
                missing.append(f"{path}: {number} links to {link.get_attribute('href')}")
    assert not missing, "\n".join(missing)


PHONE = {"width": 375, "height": 667}


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_on_a_phone_the_header_links_fold_behind_a_menu_button(new_context, axe_check, javascript):
    page = new_context(viewport=PHONE, java_script_enabled=javascript).new_page()
    visit(page, "/")
    nav = page.get_by_role("navigation", name="Main")
    events = nav.get_by_role("link", name="Events")
    expect(events).not_to_be_visible()
    # The heading is near the top of the screen, not below five rows of links; the language bar
    # above it is one slim row or two.
    header = page.locator("header.site-header").bounding_box()
    assert header["height"] <= 140, header
    assert page.locator("nav.language-switcher").bounding_box()["height"] <= 100

    # Keyboard: the skip link comes first, then the seven languages, then the site's name, then
    # the menu button.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Skip to main content"
    for _ in range(7):
        page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "العربية"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Menu"
    page.keyboard.press("Enter")
    expect(events).to_be_visible()
    expect(nav.get_by_role("link", name="Search")).to_be_visible()
    if javascript:
        axe_check(page)
    events.click()
    page.wait_for_url("**/events/")


def test_on_a_wide_screen_every_header_link_shows_without_a_menu_button(page):
    visit(page, "/")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Events")).to_be_visible()
    expect(nav.get_by_role("link", name="Search")).to_be_visible()
    expect(nav.get_by_text("Menu", exact=True)).not_to_be_visible()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_the_open_data_page_is_reached_from_the_footer_and_describes_the_files(new_context, axe_check, javascript):
    page = new_context(java_script_enabled=javascript).new_page()
    visit(page, "/")
    page.get_by_role("contentinfo").get_by_role("link", name="Open data").click()
    page.wait_for_url("**/open-data/")
    assert page.get_by_role("heading", level=1).inner_text() == "Open data"
    expect(page.get_by_role("link", name="Open Government Licence v3.0").first).to_be_visible()
    summary = page.get_by_role("region", name="Feedback by month, theme and source")
    by_language = page.get_by_role("region", name="Feedback by month and language")
    json_link = summary.get_by_role("link", name="Download as JSON")
    assert json_link.get_attribute("href") == "/open-data/feedback-summary.json"
    assert (
        by_language.get_by_role("link", name="Download as JSON").get_attribute("href")
        == "/open-data/feedback-by-language.json"
    )
    if javascript:
        axe_check(page)
    with page.expect_download() as download:
        summary.get_by_role("link", name="Download as CSV").click()
    assert download.value.suggested_filename == "feedback-summary.csv"
    with page.expect_download() as download:
        by_language.get_by_role("link", name="Download as CSV").click()
    assert download.value.suggested_filename == "feedback-by-language.csv"
