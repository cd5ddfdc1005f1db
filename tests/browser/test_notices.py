"""The notices in Chromium: the privacy notice, the cookies page and the accessibility statement,
with axe-core, with and without JavaScript, and reached by a young person on a phone with the
keyboard alone."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_officers import (
    admin_axe,  # noqa: F401 (a fixture)
    project_axe_version,  # noqa: F401 (a fixture admin_axe uses)
)

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}
NOTICES = [
    ("/privacy/", "Privacy notice"),
    ("/cookies/", "Cookies"),
    ("/accessibility/", "Accessibility statement"),
]


def tab_to(page, locator, *, limit: int = 150) -> None:
    """Press Tab until `locator` has the focus, as someone with only a keyboard would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{limit} presses of Tab never reached {locator}")


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
@pytest.mark.parametrize(("path", "title"), NOTICES)
def test_each_notice_reads_well_and_passes_axe(new_context, axe_check, path, title, javascript):
    page = new_context(java_script_enabled=javascript).new_page()
    response = page.goto(path)
    assert response is not None and response.status == 200
    assert page.get_by_role("heading", level=1).inner_text() == title
    assert page.locator("footer").get_by_role("link", name=title).count() == 1
    if javascript:  # axe is a script: it runs on the same page served with scripts on
        axe_check(page)


def test_the_privacy_notice_says_how_long_each_thing_is_kept_and_how_to_complain(page):
    page.goto("/privacy/")
    main = page.locator("main").inner_text()
    assert "Contact details left with a survey or youth voice answer: 1 year after the consultation closes" in main
    assert "Safeguarding alert records: 6 years after the alert is handled" in main
    assert "Names, emails and access needs given when booking an event" in main
    assert "Information Commissioner's Office" in main
    # Its contents list leads to each section.
    page.get_by_role("navigation", name="Contents").get_by_role("link", name="The Community Parent Forum").click()
    assert page.evaluate("() => location.hash") == "#forum-members"


def test_the_cookies_page_lists_every_cookie_a_visit_to_the_site_leaves(new_context, demo_site):
    context = new_context()
    page = context.new_page()
    page.goto("/have-your-say/")
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(demo_site.admin_username)
    page.get_by_label("Password").fill(demo_site.admin_password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    # Staff fold the admin's menu away: Wagtail's script remembers it in a cookie.
    page.get_by_role("button", name="Toggle sidebar").click()
    page.wait_for_function("() => document.cookie.includes('wagtail_sidebar_collapsed')")
    held = {cookie["name"] for cookie in context.cookies()}
    page.goto("/cookies/")
    listed = set(page.locator("table tbody th code").all_inner_texts())
    assert {"sessionid", "csrftoken", "wagtail_sidebar_collapsed"} <= held
    assert held <= listed, held - listed


@pytest.mark.keyboard_only
def test_young_person_on_a_phone_answers_youth_voice_and_finds_the_privacy_notice_with_the_keyboard_alone(
    new_context, axe_check
):
    page = new_context(viewport=PHONE, is_mobile=True).new_page()
    page.goto("/have-your-say/")
    # Tab reaches the first age band; an arrow key moves the choice along, as in any radio group.
    tab_to(page, page.get_by_label("11 to 15", exact=True))
    page.keyboard.press("ArrowDown")
    assert page.get_by_label("16 to 18", exact=True).is_checked()
    answer = page.get_by_label("What would make you feel safer where you live?")
    tab_to(page, answer)
    page.keyboard.type("Lights in the park and somewhere to go after school")
    tab_to(page, page.get_by_role("button", name="Send", exact=True))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", level=1).inner_text() == "Thank you for telling us"

    tab_to(page, page.locator("footer").get_by_role("link", name="Privacy notice"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", level=1).inner_text() == "Privacy notice"
    assert "Telling us what would make you feel safer (youth voice)" in page.locator("main").inner_text()
    axe_check(page)

    tab_to(page, page.locator("footer").get_by_role("link", name="Cookies"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", level=1).inner_text() == "Cookies"
    axe_check(page)


def test_editor_lists_a_known_issue_on_the_accessibility_statement_in_the_admin(
    new_context,
    login,
    admin_axe,  # noqa: F811
):
    editor = login(new_context().new_page(), "editor")
    editor.goto("/admin/pages/search/?q=Accessibility+statement")
    # The English page, not its copies in the other languages' trees.
    english = editor.get_by_role("row").filter(has_text="English")
    english.get_by_role("link", name="Accessibility statement", exact=True).first.click()
    editor.wait_for_url("**/admin/pages/*/edit/")
    admin_axe(editor)
    expect(editor.get_by_text("Known issues", exact=True).first).to_be_visible()

    editor.get_by_role("combobox", name="Compliance status").select_option("partial")
    issues = editor.locator("#known_issues-root")
    issues.get_by_role("button", name="Insert a block").first.click()
    issue = "The progress chart's colours are hard to tell apart in high contrast mode."
    issues.get_by_role("textbox", name="Problem").fill(issue)
    issues.get_by_role("textbox", name="Criterion").fill("1.4.11 Non-text contrast")
    issues.get_by_role("textbox", name="Plan").fill("We will add patterns to the bars by June 2027.")
    # Wagtail's own "Insert a block" buttons between blocks sit close together (target-size), in
    # its StreamField markup, not ours.
    admin_axe(editor, allowed={"target-size": ".c-sf-add-button"})
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Publish").click()
    editor.wait_for_url("**/admin/pages/*/")

    visitor = new_context().new_page()
    visitor.goto("/accessibility/")
    main = visitor.locator("main").inner_text()
    assert "This website is partially compliant" in main
    assert issue in main
    assert "success criterion 1.4.11 Non-text contrast" in main


def test_administrator_sets_the_data_protection_officer_and_a_retention_period_and_the_notice_follows(
    new_context,
    login,
    admin_axe,  # noqa: F811
):
    admin = login(new_context().new_page(), "admin")
    admin.goto("/admin/settings/core/sitesettings/")
    admin_axe(admin)
    admin.get_by_role("textbox", name="Data protection officer's email").fill("dpo@example.gov.uk")
    admin.get_by_role("textbox", name="ICO registration number").fill("12345")
    admin.get_by_role("button", name="Save").click()
    expect(admin.get_by_text("An ICO registration number is one or two capital letters").first).to_be_visible()
    expect(admin.get_by_role("textbox", name="Data protection officer's email")).to_have_value("dpo@example.gov.uk")
    admin_axe(admin)
    admin.get_by_role("textbox", name="ICO registration number").fill("Z7654321")
    admin.get_by_role("button", name="Save").click()
    expect(admin.locator(".messages")).to_contain_text("updated")

    admin.goto("/admin/settings/core/dataretentionsettings/")
    admin_axe(admin)
    days = admin.get_by_role("spinbutton", name=re.compile("^Contact details"))
    days.fill("180")
    admin.get_by_role("button", name="Save").click()
    expect(admin.locator(".messages")).to_contain_text("updated")

    visitor = new_context().new_page()
    visitor.goto("/privacy/")
    main = visitor.locator("main").inner_text()
    assert "registration number Z7654321" in main
    assert "dpo@example.gov.uk" in main
    assert "Contact details left with a survey or youth voice answer: 180 days after" in main

    # Put the period back: the demo site is shared by the whole session.
    admin.goto("/admin/settings/core/dataretentionsettings/")
    days.fill("365")
    admin.get_by_role("button", name="Save").click()
    expect(admin.locator(".messages")).to_contain_text("updated")
