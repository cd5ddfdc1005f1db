"""Staff at work in the Wagtail admin: officers triage, theme, export and add offline feedback;
editors are kept out of it; the safeguarding lead handles alerts. In Chromium, signed in as the
demo staff accounts.

Every kind of admin page these tests open is checked with axe-core at least once in this
module (by `admin_axe`, with the project's axe-core): the feedback list with filters on, the
bulk action confirmation, the inspect view, the offline input page (also with upload errors),
the exports page, the dashboard the editor is sent back to, the safeguarding list and an alert,
the page search and a survey's results. The list with the bulk action bar open is checked in
an expected failure (see its reason).
"""

import csv
import io
import re
import secrets
import string
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    AXE_BLOCKING_IMPACTS,
    AXE_CHECKED_PAGES,
    AXE_RULESETS,
    _format_violations,
    _manage,
    _page_path,
)

pytestmark = pytest.mark.browser

FEEDBACK_LIST = "/admin/snippets/consultation/feedback/"
OFFLINE = "/admin/feedback-offline/"
EXPORTS = "/admin/feedback-exports/"
SAFEGUARDING = "/admin/safeguarding/"
YOUTH_VOICE_PATH = "/have-your-say/"
SURVEY_TITLE = "Feeling safe where you live"
NO_PERMISSION = "Sorry, you do not have permission to access this area."
CSV_COLUMNS = "source,date,ward,age_band,text\n"

# Wagtail core markup, not ours: once a filter is on, the filter drawer's toggle
# (wagtailadmin/shared/headers/_filters.html) shows the number of active filters inside a
# button whose aria-label is "Show filters", so its accessible name does not contain its
# visible text (label-content-name-mismatch, WCAG 2.5.3). Allowed for that button only.
WAGTAIL_FILTER_TOGGLE = {"label-content-name-mismatch": "#filters-drilldown .w-dropdown__toggle--icon"}


def marker() -> str:
    """A word no other test writes, to find this test's feedback (letters only, so that
    PostgreSQL's text search keeps it as one word)."""
    return "zq" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(10))


def yesterday() -> date:
    """A date that is in the past for the server (UK time) whatever the machine's time zone."""
    return date.today() - timedelta(days=1)


def urlpath(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def settle(page) -> None:
    """Wait for Wagtail's messages to fade in and for other short transitions to end: axe reads
    the colours of text that is still fading as too faint. (Long animations, such as the 25
    seconds of pings on the sidebar's "what's new" badge, are not waited for.)"""
    page.wait_for_function(
        """() => {
            const list = document.querySelector(".messages > ul");
            return !list || list.children.length === 0 || getComputedStyle(list).opacity === "1";
        }"""
    )
    page.evaluate(
        """() => Promise.all(document.getAnimations()
            .filter(animation => (animation.effect?.getComputedTiming().endTime ?? Infinity) <= 2000)
            .map(animation => animation.finished.catch(() => null)))"""
    )


@pytest.fixture(scope="module")
def project_axe_version(axe_source_path) -> str:
    with axe_source_path.open() as source:
        return re.search(r"axe v(\S+)", source.read(200)).group(1)


@pytest.fixture
def admin_axe(axe_source_path, project_axe_version):
    """axe_check for Wagtail admin pages: the same rule sets, the same serious and critical
    impacts and the same report, with two differences.

    - Wagtail's admin JavaScript brings its own, older axe-core as `window.axe`, which
      axe_check would run instead of the project's (and in that version some WCAG rules, such
      as label-content-name-mismatch, are experimental and skipped): the project's is loaded
      over it.
    - `allowed` maps a rule id to a CSS selector of elements that rule may fail on, for
      violations in Wagtail's own markup.

    Only the violations come back from the page: the whole result of an admin page is large
    enough to add half a second to every check.
    """

    def check(page, allowed: dict[str, str] | None = None) -> None:
        settle(page)
        if page.evaluate("() => window.axe && window.axe.version") != project_axe_version:
            page.add_script_tag(path=str(axe_source_path))
        violations = page.evaluate(
            """async ([rulesets, allowed]) => {
                const result = await axe.run(document, {runOnly: rulesets, resultTypes: ["violations"]});
                const isAllowed = (rule, node) => {
                    const selector = allowed[rule];
                    if (!selector || typeof node.target[0] !== "string") return false;
                    const element = document.querySelector(node.target[0]);
                    return element !== null && element.matches(selector);
                };
                return result.violations
                    .map(v => ({...v, nodes: v.nodes.filter(node => !isAllowed(v.id, node))}))
                    .filter(v => v.nodes.length > 0);
            }""",
            [AXE_RULESETS, allowed or {}],
        )
        blocking = [v for v in violations if v.get("impact") in AXE_BLOCKING_IMPACTS]
        assert not blocking, _format_violations(page.url, blocking)
        AXE_CHECKED_PAGES.add(_page_path(page.url))

    return check


@pytest.fixture
def officer(new_context, login):
    return login(new_context().new_page(), "officer")


def messages(page) -> str:
    return page.locator(".messages").inner_text()


def upload(page, csv_text: str):
    """Upload a CSV file with the offline input form; returns the response."""
    page.goto(OFFLINE)
    page.get_by_label("CSV file").set_input_files(
        files=[{"name": "feedback.csv", "mimeType": "text/csv", "buffer": csv_text.encode()}]
    )
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Upload").click()
    return navigation.value


def add_feedback(page, *items: tuple[str, str]) -> None:
    """Add (source, text) items through the offline input's CSV upload; leaves the page on the
    feedback list."""
    day = yesterday().isoformat()
    lines = io.StringIO()
    csv.writer(lines, lineterminator="\n").writerows([source, day, "", "", text] for source, text in items)
    upload(page, CSV_COLUMNS + lines.getvalue())
    assert f"{len(items)} piece(s) of feedback added from the file." in messages(page), messages(page)


def rows(page, text: str):
    """The rows of the feedback list that contain the text."""
    return page.locator("#listing-results tbody tr", has_text=text)


def feedback_id(page, text: str) -> int:
    row = rows(page, text)
    expect(row).to_have_count(1)
    return int(row.get_by_role("checkbox").get_attribute("data-object-id"))


def confirmed_themes(page, text: str) -> str:
    return rows(page, text).locator("td").nth(5).inner_text().strip()  # after the language


def filter_youth_voice_without_theme(page, hidden_text: str) -> None:
    """Filter the feedback list with Wagtail's filter drawer: source "Youth voice" and "No
    confirmed theme yet"; rows with `hidden_text` must leave the list."""
    page.get_by_role("button", name="Show filters").click()
    drawer = page.locator("#filters-drilldown")
    drawer.get_by_role("button", name="Source", exact=True).click()
    drawer.get_by_label("Source").select_option(label="Youth voice")
    page.wait_for_url("**source=youth_voice**")
    drawer.get_by_role("button", name="Back").click()
    drawer.get_by_role("button", name="No confirmed theme yet").click()
    page.locator("#drilldown-id_no_theme").get_by_role("radio", name="Yes").check()
    page.wait_for_url("**no_theme=true**")
    page.keyboard.press("Escape")
    expect(drawer.locator("[data-tippy-root]")).to_be_hidden()
    expect(rows(page, hidden_text)).to_have_count(0)
    listed = page.locator("#listing-results tbody tr")
    assert listed.count() > 0
    for row in listed.all():
        cells = row.locator("td").all_inner_texts()
        assert cells[2].strip() == "Youth voice" and cells[5].strip() == "None yet", cells


def select_and_run(page, texts: list[str], action_label: str) -> None:
    """Tick the rows with the texts and open the confirmation page of the bulk action with that
    visible label."""
    for text in texts:
        row = rows(page, text)
        expect(row).to_have_count(1)
        row.get_by_role("checkbox").check()
    selected = re.compile(rf"\b{len(texts)} snippets\b.*selected")
    expect(page.locator("[data-bulk-action-num-objects]")).to_have_text(selected)
    footer = page.locator("[data-bulk-action-footer]")
    footer.get_by_role("link").filter(has_text=re.compile(rf"^\s*{re.escape(action_label)}\s*$")).click()
    page.wait_for_url("**/admin/bulk/consultation/feedback/**")


def history(page) -> list[list[str]]:
    """The inspect view's history, as [who, what] rows."""
    table = page.locator("section", has=page.get_by_role("heading", name="History")).locator("tbody tr")
    return [[cell.strip() for cell in row.locator("td").all_inner_texts()[1:]] for row in table.all()]


# --- Themes in bulk ----------------------------------------------------------------------


def test_officer_accepts_suggested_themes_in_bulk_and_the_history_names_the_officer(officer, admin_axe):
    word = marker()
    texts = [f"More teachers in the classroom {word} one", f"Better teachers in every classroom {word} two"]
    add_feedback(officer, *[("youth_voice", text) for text in texts], ("event", f"Teachers at the fair {word} three"))

    filter_youth_voice_without_theme(officer, f"{word} three")
    admin_axe(officer, WAGTAIL_FILTER_TOGGLE)
    first_id = feedback_id(officer, texts[0])

    select_and_run(officer, texts, "Accept suggested themes")
    assert officer.get_by_role("heading", level=1).inner_text().strip().startswith("Accept suggested themes")
    confirm = officer.locator("main .nice-padding").inner_text()
    assert all(text in confirm for text in texts), confirm
    admin_axe(officer)
    with officer.expect_navigation():
        officer.get_by_role("button", name="Yes, do it").click()

    assert "Accept suggested themes: done for 2 item(s)." in messages(officer)
    assert "no_theme=true" in officer.url, "the list lost its filters after the bulk action"
    expect(rows(officer, word)).to_have_count(0)
    officer.goto(f"{FEEDBACK_LIST}?q={word}")
    assert [confirmed_themes(officer, text) for text in texts] == ["Education", "Education"]

    officer.goto(f"{FEEDBACK_LIST}inspect/{first_id}/")
    assert "Confirmed: Education" in officer.locator("main").inner_text()
    entries = history(officer)
    assert ["officer", "Theme confirmed: Education"] in entries, entries
    assert ["officer", "Added from offline input"] in entries, entries
    admin_axe(officer)


def test_officer_filters_selects_and_adds_a_theme_in_bulk(officer, admin_axe):
    word = marker()
    texts = [f"Nowhere to go after the club shuts {word} one", f"Buses stop too early {word} two"]
    add_feedback(officer, *[("youth_voice", text) for text in texts], ("event", f"Stalls at the fair {word} three"))

    filter_youth_voice_without_theme(officer, f"{word} three")
    second_id = feedback_id(officer, texts[1])
    select_and_run(officer, texts, "Add a theme")
    theme = officer.get_by_label("Theme")
    assert theme.count() == 1, "the confirmation page has no Theme field"
    admin_axe(officer)
    theme.select_option(label="Communities")
    with officer.expect_navigation():
        officer.get_by_role("button", name="Yes, do it").click()

    assert "Add a theme: done for 2 item(s)." in messages(officer)
    officer.goto(f"{FEEDBACK_LIST}?q={word}")
    assert [confirmed_themes(officer, text) for text in texts] == ["Communities", "Communities"]

    officer.goto(f"{FEEDBACK_LIST}inspect/{second_id}/")
    assert ["officer", "Theme confirmed: Communities"] in history(officer)


def test_bulk_action_bar_has_no_serious_accessibility_violations(officer, admin_axe):
    word = marker()
    add_feedback(officer, ("youth_voice", f"A bench by the bus stop {word}"))
    officer.goto(f"{FEEDBACK_LIST}?q={word}")
    rows(officer, word).get_by_role("checkbox").check()
    expect(officer.locator("[data-bulk-action-footer]")).to_be_visible()
    admin_axe(officer)


def test_officer_opens_an_item_from_the_list(officer):
    word = marker()
    text = f"Lights in the park at night {word}"
    add_feedback(officer, ("youth_voice", text))
    officer.goto(f"{FEEDBACK_LIST}?q={word}")
    item = feedback_id(officer, text)
    described_by = rows(officer, word).get_by_role("checkbox").get_attribute("aria-describedby")
    assert officer.locator(f"#{described_by}").count() == 1, f"#{described_by} is not on the page"
    link = rows(officer, word).get_by_role("link", name=text)
    assert link.count() == 1, "the row has no link to the item"
    link.click()
    # The row opens the item's inspect view (what was said, where from, suggestions, history);
    # its button leads on to the edit form.
    officer.wait_for_url(f"**{FEEDBACK_LIST}inspect/{item}/")


def tab_to(page, locator, *, limit: int = 200) -> None:
    """Press Tab until `locator` has the focus, as someone with only a keyboard would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{limit} presses of Tab never reached {locator}")


def test_officer_themes_an_item_with_checkboxes_from_its_inspect_view(officer, admin_axe):
    word = marker()
    text = f"Nothing for us to do in the evenings round here {word}"
    add_feedback(officer, ("youth_voice", text))
    admin_axe(officer)
    officer.goto(f"{FEEDBACK_LIST}?q={word}")
    item = feedback_id(officer, text)
    rows(officer, word).get_by_role("link", name=text).click()
    officer.wait_for_url(f"**{FEEDBACK_LIST}inspect/{item}/")
    assert "Confirmed: none yet" in officer.locator("main").inner_text()
    admin_axe(officer)

    officer.get_by_role("link", name="Change themes and tags").click()
    officer.wait_for_url(f"**{FEEDBACK_LIST}edit/{item}/")
    assert (
        officer.get_by_role("heading", level=1).inner_text().strip() == f"Themes and tags: Youth voice feedback {item}"
    )
    boxes = officer.get_by_role("checkbox", name=re.compile(".+"))
    names = [box.evaluate("element => element.labels[0].innerText.trim()") for box in boxes.all()]
    assert names == [
        "Education",
        "Young People",
        "Communities",
        "Partnership Working",
        "Employment and Training",
        "Policy and Process",
    ], names
    expect(officer.get_by_role("textbox", name="Tags", exact=True)).to_be_visible()
    admin_axe(officer)

    # Keyboard only: Tab reaches a theme's checkbox and Space ticks it.
    communities = officer.get_by_label("Communities", exact=True)
    tab_to(officer, communities)
    officer.keyboard.press("Space")
    expect(communities).to_be_checked()
    officer.get_by_label("Young People", exact=True).check()
    with officer.expect_navigation():
        officer.get_by_role("button", name="Save").click()

    officer.wait_for_url(f"**{FEEDBACK_LIST}inspect/{item}/")
    assert "Confirmed: Young People, Communities" in officer.locator("main").inner_text()
    entries = history(officer)
    assert ["officer", "Theme confirmed: Young People"] in entries, entries
    assert ["officer", "Theme confirmed: Communities"] in entries, entries
    officer.goto(f"{FEEDBACK_LIST}?q={word}")
    assert confirmed_themes(officer, text) == "Young People, Communities"


# --- Exports -----------------------------------------------------------------------------


def test_officer_exports_the_filtered_list_as_safe_utf8_csv(officer, admin_axe):
    word = marker()
    formula = f"=SUM(1,2) {word} says the sum"
    accented = f"Café opening hours {word} are too short"
    add_feedback(officer, ("youth_voice", formula), ("youth_voice", accented), ("event", f"An event comment {word}"))

    officer.goto(f"{FEEDBACK_LIST}?q={word}&source=youth_voice")
    expect(rows(officer, word)).to_have_count(2)
    wanted = {feedback_id(officer, formula), feedback_id(officer, accented)}
    officer.get_by_role("link", name="Export CSV").click()
    expect(officer.get_by_text("2 rows of feedback")).to_be_visible()
    admin_axe(officer)
    with officer.expect_download() as download_info:
        officer.get_by_role("button", name="Download CSV").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    raw = download.path().read_bytes()

    assert raw.startswith(b"\xef\xbb\xbf"), "the CSV does not start with a UTF-8 byte-order mark"
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {int(row["ID"]) for row in table} == wanted
    assert {row["Source"] for row in table} == {"Youth voice"}
    texts = {row["Text"] for row in table}
    assert "'" + formula in texts, texts
    assert accented in texts, texts

    officer.goto(EXPORTS)
    assert officer.get_by_role("heading", level=1).inner_text().strip() == "Your exports"
    admin_axe(officer)


# --- Offline input -----------------------------------------------------------------------


def test_officer_adds_offline_feedback_with_the_form(officer, admin_axe):
    officer.goto(OFFLINE)
    admin_axe(officer)
    officer.get_by_label("Source").select_option(label="An event")
    officer.get_by_label("Date").fill(yesterday().strftime("%d/%m/%Y"))
    officer.get_by_label("Ward").select_option(label="Castle")
    officer.get_by_label("Age band").select_option(label="16 to 18")
    officer.get_by_label("Text").fill(f"Said at the Castle ward youth event {marker()}")
    with officer.expect_navigation():
        officer.get_by_role("button", name="Add feedback").click()

    assert re.search(r"Feedback \d+ added\.", messages(officer)), messages(officer)
    assert officer.get_by_label("Text").input_value() == "", "the form kept the last item's text"


def test_bad_csv_upload_adds_nothing_and_names_the_lines(officer, admin_axe):
    word = marker()
    response = upload(
        officer,
        CSV_COLUMNS
        + f"youth_voice,{yesterday().isoformat()},Castle,16-18,A good line {word}\n"
        + f"bus,2025-01-11,,,A line with a wrong source {word}\n"
        + f"event,11/01/2025,Atlantis,,A line with a wrong date and ward {word}\n",
    )

    assert response.status == 400
    alert = officer.get_by_role("alert").filter(has_text="Nothing was added")
    expect(alert).to_be_visible()
    problems = alert.get_by_role("listitem").all_inner_texts()
    assert [problem.split(":")[0] for problem in problems] == ["Line 3", "Line 4"], problems
    assert "source must be one of" in problems[0]
    assert "date must look like" in problems[1] and "'Atlantis' is not a ward" in problems[1]
    admin_axe(officer)

    officer.goto(f"{FEEDBACK_LIST}?q={word}")
    expect(rows(officer, word)).to_have_count(0)
    assert word not in officer.locator("main").inner_text()


def test_feedback_is_only_added_through_the_offline_form(officer):
    officer.goto(FEEDBACK_LIST)
    header = officer.get_by_role("navigation", name="Actions").get_by_role("link")
    assert header.all_inner_texts() == ["Add offline feedback", "Export CSV", "Export Excel"]
    officer.goto(f"{FEEDBACK_LIST}add/")
    assert urlpath(officer.url) == OFFLINE


# --- Permissions -------------------------------------------------------------------------


def test_editor_cannot_reach_the_feedback_list_or_its_exports(new_context, login, admin_axe):
    editor = login(new_context().new_page(), "editor")
    for path in (FEEDBACK_LIST, EXPORTS + "csv/"):
        editor.goto(path)
        assert urlpath(editor.url) == "/admin/", f"{path} let the editor in: {editor.url}"
        assert NO_PERMISSION in messages(editor)
    admin_axe(editor)


# --- Safeguarding ------------------------------------------------------------------------


def alert_ids(page) -> set[int]:
    links = page.get_by_role("link", name=re.compile(r"^Open alert \d+$")).all()
    return {int(re.search(r"\d+", link.text_content()).group()) for link in links}


def alert_row(page, alert_id: int):
    link = page.get_by_role("link", name=f"Open alert {alert_id}", exact=True)
    return page.locator("main tbody tr", has=link)


def test_safeguarding_lead_records_an_alert_as_handled(new_context, login, admin_axe):
    lead = login(new_context().new_page(), "safeguarding")
    lead.goto(SAFEGUARDING)
    before = alert_ids(lead)

    word = marker()
    young_person = new_context().new_page()
    young_person.goto(YOUTH_VOICE_PATH)
    young_person.get_by_role("group", name="How old are you?").get_by_label("11 to 15", exact=True).check()
    young_person.get_by_label("What would make you feel safer where you live?").fill(f"my dad hits me {word}")
    with young_person.expect_navigation():
        young_person.get_by_role("button", name="Send", exact=True).click()
    assert young_person.get_by_role("heading", level=1).inner_text() == "Thank you for telling us"
    young_person.context.close()

    lead.reload()
    new = alert_ids(lead) - before
    assert len(new) == 1, f"{len(new)} new alert(s)"
    alert_id = new.pop()
    row = alert_row(lead, alert_id).inner_text()
    assert "Not handled yet" in row and "hits me" in row, row
    admin_axe(lead)

    alert_row(lead, alert_id).get_by_role("link").click()
    lead.wait_for_url(f"**{SAFEGUARDING}{alert_id}/")
    assert f"my dad hits me {word}" in lead.locator("main blockquote").inner_text()
    admin_axe(lead)
    note = f"Called the school's safeguarding lead; referral made ({word})."
    lead.get_by_label("Note").fill(note)
    with lead.expect_navigation():
        lead.get_by_role("button", name="Record as handled").click()

    assert urlpath(lead.url) == SAFEGUARDING
    assert "Recorded as handled." in messages(lead)
    row = alert_row(lead, alert_id).inner_text()
    assert "Handled" in row and "Not handled yet" not in row, row

    lead.goto(f"{SAFEGUARDING}{alert_id}/")
    assert "Recorded as handled by safeguarding on" in lead.locator("main").inner_text()
    assert lead.get_by_label("Note").input_value() == note


# --- Survey results ----------------------------------------------------------------------


def test_survey_results_page_found_from_the_page_explorer(new_context, login, admin_axe):
    editor = login(new_context().new_page(), "editor")
    editor.goto("/admin/pages/search/?q=" + SURVEY_TITLE.replace(" ", "+"))
    admin_axe(editor)
    # The English survey, not its copies in the other languages' trees.
    english = editor.get_by_role("row").filter(has_text="English")
    english.get_by_role("button", name=f"More options for '{SURVEY_TITLE}'").click()
    editor.get_by_role("link", name="Results", exact=True).click()
    editor.wait_for_url(re.compile(r".*/admin/survey-results/\d+/$"))

    assert editor.get_by_role("heading", level=1).inner_text().strip() == f"Results: {SURVEY_TITLE}"
    assert re.search(r"[\d,]+ (people|person) responded\.", editor.locator("main").inner_text())
    admin_axe(editor)


# --- The survey results report and the public results summary -----------------------------

CLOSED_TITLE = "Results summary test survey"
# A closed survey with published results and made-up responses, made in the demo site's
# database for the public summary (the demo's own surveys stay as they are for other tests).
MAKE_CLOSED_SURVEY = f"""
from consultation.models import SurveyIndexPage, SurveyPage, SurveyQuestion
from consultation.seeding import responses_generate
if not SurveyPage.objects.filter(title={CLOSED_TITLE!r}).exists():
    source = SurveyPage.objects.get(slug="feeling-safe-where-you-live", locale__language_code="en-gb")
    survey = SurveyPage(title={CLOSED_TITLE!r}, slug="results-summary-test", intro="A test.",
                        privacy_notice="<p>Test.</p>", accepting_responses=False, results_published=True)
    survey.questions = [SurveyQuestion(kind=q.kind, label=q.label, choices=q.choices, allow_other=q.allow_other,
                                       scale=q.scale, statements=q.statements, min_value=q.min_value,
                                       max_value=q.max_value)
                        for q in source.questions.all()]
    SurveyIndexPage.objects.get(locale__language_code="en-gb").add_child(instance=survey)
    survey.save_revision().publish()
    responses_generate(survey=survey, count=80, seed=7, submission_prefix="browser-summary-", is_demo=False)
"""


def _report_url(page) -> str:
    page.goto("/admin/survey-results/")
    page.get_by_role("link", name=SURVEY_TITLE).first.click()
    page.wait_for_url(re.compile(r".*/admin/survey-results/\d+/$"))
    return page.url


def test_the_report_shows_the_headline_questions_and_charts_and_prints_without_the_admin(new_context, login, admin_axe):
    page = login(new_context().new_page(), "officer")
    _report_url(page)
    main = page.locator("main")
    assert re.search(r"[\d,]+ people responded\.", main.inner_text())
    assert "demo data" in main.inner_text()
    expect(page.get_by_role("heading", name="Headline")).to_be_visible()
    expect(page.get_by_role("heading", name="How often do you worry about knife crime where you live?")).to_be_visible()
    assert page.locator("svg.dash-chart").count() >= 8
    expect(page.get_by_role("link", name="Download the report (Word)")).to_be_visible()
    admin_axe(page)

    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Show the breakdown")).not_to_be_visible()
    expect(page.get_by_role("link", name="Download the report (Word)")).not_to_be_visible()
    expect(page.locator(".report-print-title")).to_be_visible()
    expect(page.get_by_role("heading", name="Headline")).to_be_visible()
    admin_axe(page)

    page.emulate_media(media="screen")
    page.get_by_role("button", name="Show the breakdown").click()
    expect(page.locator(".report-breakdown-form")).to_contain_text("Choose a question.")
    admin_axe(page)
    page.get_by_label("Question", exact=True).select_option(label="How old are you?")
    page.get_by_label("Break down by").select_option(label="Ward")
    page.get_by_role("button", name="Show the breakdown").click()
    expect(page.get_by_role("heading", name="How old are you?, by ward")).to_be_visible()
    admin_axe(page)


def test_the_breakdown_form_works_without_javascript(new_context, login):
    """axe-core cannot run with JavaScript off; the same page is checked in the test above."""
    page = login(new_context(java_script_enabled=False).new_page(), "officer")
    _report_url(page)
    page.get_by_role("button", name="Show the breakdown").click()
    expect(page.locator(".report-breakdown-form")).to_contain_text("Choose a question.")

    page.get_by_label("Question", exact=True).select_option(
        label="Do you know where your nearest emergency bleed-control kit is?"
    )
    page.get_by_label("Break down by").select_option(label="Age band")
    page.get_by_role("button", name="Show the breakdown").click()
    heading = "Do you know where your nearest emergency bleed-control kit is?, by age band"
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    assert (
        "fewer than 5" in page.locator("main").inner_text()
        or "People who answered" in page.locator("main").inner_text()
    )
    assert page.get_by_label("Break down by").input_value() == "age_band"


def test_the_public_results_summary_is_linked_and_shows_counts_only(new_context, demo_site, axe_check):
    _manage(["shell", "-c", MAKE_CLOSED_SURVEY], demo_site.env)
    page = new_context().new_page()
    page.goto("/consultations/results-summary-test/")
    page.get_by_role("link", name="See the results: how many people chose each answer").click()
    page.wait_for_url("**/results-summary-test/results/")
    assert page.get_by_role("heading", level=1).inner_text() == f"Results: {CLOSED_TITLE}"
    assert "Responses: 80" in page.locator("main").inner_text()
    expect(page.get_by_role("heading", name="How often do you worry about knife crime where you live?")).to_be_visible()
    assert not page.get_by_role("heading", name="What would make your neighbourhood feel safer?").count()
    # Numbers, rankings and grids too: a median, mean ranks, a table per statement.
    expect(page.get_by_role("heading", name="Which places need action first?")).to_be_visible()
    expect(page.get_by_role("columnheader", name="Mean rank")).to_be_visible()
    assert page.get_by_role(
        "table", name="How safe do you feel in these places?: In the city centre after dark"
    ).count()
    expect(page.get_by_role("rowheader", name="Median")).to_be_visible()
    assert not page.get_by_role("rowheader", name="Largest").count()
    axe_check(page)
    page.emulate_media(media="print")
    axe_check(page)
