"""Equality monitoring and pinned quotes in Chromium: the survey's "About you" step with
JavaScript on and off, in English and in Urdu, and an officer pinning a quote from the feedback's
inspect view after acknowledging the check's warning."""

import secrets
import string

import pytest
from playwright.sync_api import expect

from tests.browser.test_consultation import (
    CONTACT,
    SURVEY_PATH,
    choose,
    fill_step_1,
    fill_step_2,
    fill_step_3,
    group,
    heading,
    press,
    visit,
)
from tests.browser.test_officers import FEEDBACK_LIST, admin_axe, feedback_id, messages, project_axe_version  # noqa: F401

pytestmark = pytest.mark.browser

ABOUT_YOU = SURVEY_PATH + "answer/4/"
ETHNIC_GROUP = "What is your ethnic group?"
RELIGION = "What is your religion?"


def _to_about_you(page, would_help: str = "Better lighting by the canal") -> None:
    visit(page, SURVEY_PATH + "answer/1/")
    fill_step_1(page)
    press(page, "Continue")
    fill_step_2(page, would_help)
    press(page, "Continue")
    fill_step_3(page)
    press(page, "Continue")
    assert heading(page) == "About you"


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_about_you_is_optional_grouped_and_shown_on_check_your_answers(new_context, axe_check, javascript):
    page = new_context(java_script_enabled=javascript).new_page()
    _to_about_you(page)
    main = page.locator("main")
    assert "These questions are optional" in main.inner_text()
    assert "Why we ask" in main.inner_text() and "How we use your answers" in main.inner_text()
    # The ethnic group: one radio group, its answers under five headings, each its own group.
    ethnic = group(page, ETHNIC_GROUP)
    expect(ethnic.get_by_role("radio")).to_have_count(20)
    asian = ethnic.get_by_role("group", name="Asian, Asian British or Asian Welsh")
    expect(asian.get_by_role("radio")).to_have_count(5)
    expect(ethnic.get_by_role("group", name="White").get_by_role("radio")).to_have_count(5)
    if javascript:
        axe_check(page)
    asian.get_by_label("Indian", exact=True).check()
    choose(page, RELIGION, "Prefer not to say")
    press(page, "Continue")

    assert heading(page) == "Contact details"
    group(page, CONTACT).get_by_label("No, keep my answers anonymous").check()
    press(page, "Continue to check your answers")
    page.wait_for_url("**/check/")
    about_you = page.locator(".check-list").nth(3).inner_text()
    assert "Indian" in about_you and "Prefer not to say" in about_you and "Not answered" in about_you
    press(page, "Send my answers")
    page.wait_for_url("**/thank-you/")


def test_a_step_left_empty_goes_on_and_back_keeps_the_choices(page, axe_check):
    _to_about_you(page)
    choose(page, RELIGION, "Sikh")
    press(page, "Back")
    assert heading(page) == "Your age and area"
    press(page, "Continue")
    assert group(page, RELIGION).get_by_label("Sikh", exact=True).is_checked()
    axe_check(page)


def test_about_you_is_in_urdu_right_to_left(new_context, axe_check):
    page = new_context().new_page()
    _to_about_you(page)
    visit(page, "/ur" + ABOUT_YOU)
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert heading(page) == "آپ کے بارے میں"
    expect(page.get_by_role("group", name="آپ کا مذہب کیا ہے؟ (اختیاری)")).to_be_visible()
    axe_check(page)


def test_officer_pins_a_quote_after_acknowledging_the_warning(new_context, login, admin_axe):  # noqa: F811
    word = "zq" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(10))
    text = f"My name is Tariq and the park needs lights {word}"
    resident = new_context().new_page()
    _to_about_you(resident, would_help=text)
    press(resident, "Continue")
    group(resident, CONTACT).get_by_label("No, keep my answers anonymous").check()
    press(resident, "Continue to check your answers")
    press(resident, "Send my answers")
    resident.wait_for_url("**/thank-you/")

    officer = login(new_context().new_page(), "officer")
    officer.goto(f"{FEEDBACK_LIST}?q={word}")
    pk = feedback_id(officer, word)
    officer.goto(f"{FEEDBACK_LIST}inspect/{pk}/")
    assert "Confirm a theme first" in officer.locator("main").inner_text()
    officer.goto(f"{FEEDBACK_LIST}edit/{pk}/")
    officer.get_by_label("Communities").check()
    with officer.expect_navigation():
        officer.get_by_role("button", name="Save").click()

    officer.goto(f"{FEEDBACK_LIST}inspect/{pk}/")
    admin_axe(officer)
    officer.get_by_role("link", name="Pin a quote for the report").click()
    officer.wait_for_url("**/pin/")
    officer.get_by_role("radio", name="Communities").check()
    with officer.expect_navigation():
        officer.get_by_role("button", name="Check and pin the quote").click()
    warning = officer.locator("#pii-warning")
    expect(warning).to_contain_text("what may be a name: “Tariq”")
    admin_axe(officer)
    with officer.expect_navigation():
        officer.get_by_role("button", name="Pin the quote").click()
    expect(officer.locator("main")).to_contain_text("Tick the box to say you have read the quote")
    officer.get_by_label("I have read the quote").check()
    with officer.expect_navigation():
        officer.get_by_role("button", name="Pin the quote").click()

    assert "The quote is pinned for Communities" in messages(officer)
    quotes = officer.locator("section", has=officer.get_by_role("heading", name="Quotes for the report"))
    expect(quotes).to_contain_text(text)
    admin_axe(officer)
    with officer.expect_navigation():
        quotes.get_by_role("button", name="Unpin the quote for Communities").click()
    assert "The quote is unpinned." in messages(officer)
    expect(quotes).to_contain_text("Nothing from this feedback is pinned.")
