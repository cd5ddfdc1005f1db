"""How answers come in besides a resident's own device, in Chromium: a survey at a kiosk at an
event (one person after another, with JavaScript on and off), and paper forms typed in by an
officer in the admin."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.test_consultation import (
    BLEED_KIT,
    CONTACT,
    SURVEY_PATH,
    WORRY,
    WOULD_HELP,
    choose,
    fill_step_1,
    fill_step_2,
    fill_step_3,
    form_values,
    group,
    heading,
    press,
    visit,
)
from tests.browser.test_officers import admin_axe, messages, project_axe_version  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

KIOSK_SURVEY = SURVEY_PATH + "?kiosk=1"


def _kiosk_journey(page, words: str) -> None:
    visit(page, KIOSK_SURVEY)
    page.get_by_role("link", name="Start now").click()
    page.wait_for_url("**/answer/1/?kiosk=1")
    fill_step_1(page)
    press(page, "Continue")
    fill_step_2(page, words)
    press(page, "Continue")
    fill_step_3(page)
    press(page, "Continue")
    press(page, "Continue")  # About you: all optional
    group(page, CONTACT).get_by_label("No, keep my answers anonymous").check()
    press(page, "Continue to check your answers")
    press(page, "Send my answers")
    page.wait_for_url("**/thank-you/")


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_a_survey_at_a_kiosk_leaves_nothing_of_the_last_person(new_context, axe_check, javascript):
    page = new_context(java_script_enabled=javascript).new_page()
    words = f"Lighting by the canal {uuid.uuid4().hex[:8]}"
    _kiosk_journey(page, words)
    assert heading(page) == "Thank you: we have your answers"
    expect(page.get_by_role("button", name="Next person")).to_be_visible()
    assert page.get_by_role("link", name="See other consultations").count() == 0
    if javascript:
        # kiosk.js presses Next person after a quiet minute; the person can keep the page.
        expect(page.get_by_role("button", name="Stay on this page")).to_be_visible()
        axe_check(page)

    press(page, "Next person")
    page.wait_for_url("**" + KIOSK_SURVEY)
    assert heading(page) == "Feeling safe where you live"
    for _ in range(4):  # back through the history: no step shows the last person's answers
        page.go_back()
        page.wait_for_load_state()
        assert words not in page.content()
        if "/answer/" in page.url:
            assert form_values(page) == {"texts": [], "checked": [], "selected": []}, page.url
    if javascript:
        axe_check(page)


@pytest.fixture
def officer(new_context, login):
    return login(new_context().new_page(), "officer")


def _paper_form(page) -> None:
    page.goto("/admin/survey-results/")
    page.get_by_role("link", name="Feeling safe where you live").first.click()
    page.wait_for_url(re.compile(r".*/admin/survey-results/\d+/$"))
    page.get_by_role("link", name="Enter a paper response").click()
    page.wait_for_url("**/paper/")


def test_an_officer_types_in_a_paper_form_with_the_keyboard(officer, admin_axe):  # noqa: F811
    _paper_form(officer)
    assert officer.get_by_role("heading", level=1).inner_text().startswith("Enter a paper response")
    admin_axe(officer)
    words = f"Paper form about the park {uuid.uuid4().hex[:8]}"
    officer.get_by_label("Language the form was filled in").select_option(label="Polish (Polski)")
    choose(officer, WORRY, "Often")
    officer.get_by_label(WOULD_HELP).fill(words)
    choose(officer, BLEED_KIT, "Yes")
    officer.get_by_label("How many years have you lived in Leicester?").fill("1000")
    press(officer, "Save this paper response")

    summary = officer.locator(".help-critical[role=alert]")
    expect(summary).to_contain_text("Nothing was saved")
    expect(summary).to_contain_text("must be between 0 and 100")
    assert officer.get_by_label(WOULD_HELP).input_value() == words
    admin_axe(officer)
    summary.get_by_role("link").first.click()
    assert officer.evaluate("() => document.activeElement.name").endswith(
        officer.get_by_label("How many years have you lived in Leicester?").get_attribute("name")
    )

    field = officer.get_by_label("How many years have you lived in Leicester?")
    field.fill("12")
    field.press("Enter")  # the keyboard alone submits the form
    officer.wait_for_load_state()
    assert re.search(r"Paper response \d+ saved with 4 answers\.", messages(officer)), messages(officer)
    assert officer.get_by_label(WOULD_HELP).input_value() == ""  # a fresh form for the next one
    admin_axe(officer)


def test_the_paper_form_works_without_javascript(new_context, login):
    """axe-core cannot run with JavaScript off; the same page is checked in the test above."""
    page = login(new_context(java_script_enabled=False).new_page(), "officer")
    _paper_form(page)
    choose(page, WORRY, "Never")
    press(page, "Save this paper response")
    assert re.search(r"Paper response \d+ saved with 1 answer\.", messages(page)), messages(page)
