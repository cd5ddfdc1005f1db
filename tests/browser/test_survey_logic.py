"""The demo survey's question kinds (grid, date, ranking, number, a labelled rating) and its
"Show if" rule in Chromium, with JavaScript on and off, with axe-core on every state; and the
rule's field in the survey's page editor."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_consultation import (
    AGE,
    BLEED_KIT,
    CONTACT,
    LEAST_SAFE,
    ONE_THING,
    SURVEY_PATH,
    WARD,
    choose,
    fill_step_1,
    fill_step_2,
    group,
    heading,
    press,
    visit,
)
from tests.browser.test_officers import (
    admin_axe,  # noqa: F401 (a fixture)
    project_axe_version,  # noqa: F401 (a fixture admin_axe uses)
)

pytestmark = pytest.mark.browser

GRID = "How safe do you feel in these places?"
DATE = "If something happened recently that made you feel unsafe, when was it?"
RANKING = "Which places need action first?"
SCHOOL = "What would make the journey to and from school or college feel safer?"
YEARS = "How many years have you lived in Leicester?"
RANKED = ["Parks and open spaces", "Bus stops and stations", "The city centre", "Routes to schools and colleges"]


def _no_axe(page) -> None:
    """Without JavaScript axe-core cannot run in the page; the same states are checked with it on."""


def error_summary(page) -> str:
    return page.locator(".error-summary").inner_text()


def fill_date(page, day: str, month: str, year: str) -> None:
    dates = group(page, DATE)
    dates.get_by_label("Day").fill(day)
    dates.get_by_label("Month").fill(month)
    dates.get_by_label("Year").fill(year)


def rank(page, ranks: list[str]) -> None:
    ranking = group(page, RANKING)
    for item, value in zip(RANKED, ranks, strict=True):
        ranking.get_by_label(item, exact=True).select_option(value)


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_resident_answers_every_kind_and_the_rule_follows_their_answers(new_context, axe_check, javascript):
    page = new_context(java_script_enabled=javascript).new_page()
    if not javascript:
        axe_check = _no_axe  # axe-core runs in the page: the run with JavaScript checks the same pages
    visit(page, SURVEY_PATH + "answer/1/")
    fill_step_1(page)
    choose(page, LEAST_SAFE, "Near schools and colleges")
    choose(group(page, GRID), "In the city centre during the day", "Very safe")
    choose(group(page, GRID), "In the city centre after dark", "Fairly unsafe")
    fill_date(page, "31", "2", "2026")
    press(page, "Continue")
    assert "must be a real date" in error_summary(page)
    assert group(page, DATE).get_by_label("Day").get_attribute("aria-invalid") == "true"
    axe_check(page)
    fill_date(page, "14", "2", "2026")
    press(page, "Continue")

    # Near schools and colleges brings in the question about the journey to school.
    expect(page.get_by_label(SCHOOL)).to_be_visible()
    fill_step_2(page, "Lighting on the way home.")
    page.get_by_label(SCHOOL).fill("A walking bus with older pupils.")
    rank(page, ["1", "1", "2", "3"])
    press(page, "Continue")
    assert "1 is used more than once" in error_summary(page)
    axe_check(page)
    rank(page, ["2", "1", "4", "3"])
    press(page, "Continue")

    choose(page, AGE, "25 to 34")
    page.get_by_label(WARD).select_option(label="Castle")
    page.get_by_label(YEARS).fill("1e309")
    press(page, "Continue")
    assert "must be a whole number" in error_summary(page)
    axe_check(page)
    page.get_by_label(YEARS).fill("12")
    press(page, "Continue")
    assert page.get_by_role("heading", level=1).inner_text() == "About you"  # all optional
    press(page, "Continue")
    choose(page, CONTACT, "No, keep my answers anonymous")
    press(page, "Continue to check your answers")

    check = page.locator("main").inner_text()
    assert "14 February 2026" in check
    assert "In the city centre during the day: Very safe; In the city centre after dark: Fairly unsafe" in check
    assert "1. Bus stops and stations; 2. Parks and open spaces; 3. Routes to schools and colleges" in check
    assert "A walking bus with older pupils." in check and "12" in check
    axe_check(page)

    # They change where they feel least safe: the school question goes, and its answer with it.
    page.get_by_role("link", name=f"Change your answer to: {LEAST_SAFE}").click()
    page.wait_for_load_state()
    group(page, LEAST_SAFE).get_by_label("Near schools and colleges", exact=True).uncheck()
    press(page, "Save and go back to check your answers")
    assert heading(page) == "Check your answers before sending them"
    check = page.locator("main").inner_text()
    assert SCHOOL not in check and "A walking bus" not in check
    press(page, "Send my answers")
    assert "Thank you" in heading(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_the_rules_question_is_not_asked_without_its_answer(new_context, axe_check, javascript):
    page = new_context(java_script_enabled=javascript).new_page()
    if not javascript:
        axe_check = _no_axe
    visit(page, SURVEY_PATH + "answer/1/")
    fill_step_1(page)
    press(page, "Continue")
    expect(page.get_by_label(ONE_THING)).to_be_visible()
    assert page.get_by_text(SCHOOL).count() == 0
    assert group(page, RANKING).is_visible() and group(page, BLEED_KIT).is_visible()
    axe_check(page)


@pytest.mark.keyboard_only
def test_a_ranking_is_made_with_the_keyboard_alone(new_context):
    page = new_context().new_page()
    visit(page, SURVEY_PATH + "answer/1/")
    fill_step_1(page)
    press(page, "Continue")
    ranking = group(page, RANKING)
    for item, typed in zip(RANKED, "4321", strict=True):
        select = ranking.get_by_label(item, exact=True)
        select.focus()
        page.keyboard.type(typed)
        assert select.input_value() == typed


def test_editor_sets_a_rule_from_earlier_answers_and_a_wrong_one_is_refused(new_context, login, admin_axe):  # noqa: F811
    editor = login(new_context().new_page(), "editor")
    editor.goto("/admin/pages/search/?q=Feeling+safe+where+you+live")
    # The English survey, not its copies in the other languages' trees.
    english = editor.get_by_role("row").filter(has_text="English")
    english.get_by_role("link", name="Feeling safe where you live", exact=True).first.click()
    editor.wait_for_url("**/admin/pages/*/edit/")
    school = editor.locator("[id^=inline_child_questions-]").filter(has=editor.locator(f'input[value="{SCHOOL}"]'))
    rule = school.get_by_role("group", name="Show only if", exact=True)
    assert rule.get_by_role("group", name=LEAST_SAFE).get_by_label("Near schools and colleges").is_checked()
    assert not rule.get_by_role("group", name=LEAST_SAFE).get_by_label("The city centre").is_checked()
    admin_axe(editor)

    # A rule on a question answered on the same step is refused, next to the field.
    one_thing = editor.locator("[id^=inline_child_questions-]").filter(
        has=editor.locator(f'input[value="{ONE_THING}"]')
    )
    one_thing.get_by_role("group", name="Show only if").get_by_role("group", name=BLEED_KIT).get_by_label("Yes").check()
    editor.get_by_role("button", name="Save draft").click()
    editor.wait_for_load_state()
    assert "Choose a question from an earlier section" in editor.locator("main").inner_text()
    admin_axe(editor)


def test_officer_reads_each_kinds_results_and_what_was_not_asked(new_context, login, admin_axe):  # noqa: F811
    officer = login(new_context().new_page(), "officer")
    officer.goto("/admin/survey-results/")
    officer.get_by_role("link", name="Feeling safe where you live").first.click()
    officer.wait_for_url("**/admin/survey-results/*/")
    main = officer.locator("main")
    # The school-journey question is shown only after "Near schools and colleges": the report
    # says how many the rule skipped.
    assert "people were not asked it" in main.inner_text()
    grid = main.locator("section").filter(has=officer.get_by_role("heading", name=GRID, exact=True))
    assert f"{GRID}: In the city centre after dark" in grid.inner_text()
    expect(grid.get_by_role("columnheader", name="Count").first).to_be_visible()
    assert "Very unsafe" in grid.inner_text()
    ranking = main.locator("section").filter(has=officer.get_by_role("heading", name=RANKING, exact=True))
    assert "answered" in ranking.inner_text() and "Mean rank" in ranking.inner_text()
    admin_axe(officer)
