"""The site in each of its languages, in Chromium with axe-core: the right `lang` and `dir`, a
layout that mirrors for Urdu and Arabic, help numbers that read left to right, and a language
switcher that keeps the person where they were, answers included."""

import pytest
from playwright.sync_api import expect

from consultation import demo_translations
from tests.browser.test_consultation import DARK, DAY, LEAST_SAFE, SURVEY_PATH, WORRY, choose, heading, press
from tests.browser.test_officers import (
    admin_axe,  # noqa: F401 (a fixture)
    project_axe_version,  # noqa: F401 (a fixture admin_axe uses)
)

pytestmark = pytest.mark.browser

LANGUAGES = {"en-GB": "", "gu": "/gu", "pa": "/pa", "ur": "/ur", "pl": "/pl", "so": "/so", "ar": "/ar"}
RIGHT_TO_LEFT = {"ur", "ar"}
PAGES = [
    "/",
    "/strategy/education/minimise-school-suspensions/",
    SURVEY_PATH + "answer/1/",
    "/have-your-say/",
    "/events/public-conversation-knife-crime/",
    "/bleed-kits/",
]


@pytest.mark.parametrize("tag", LANGUAGES)
def test_every_public_journeys_first_page_in_each_language(new_context, axe_check, tag):
    page = new_context().new_page()
    for path in PAGES:
        response = page.goto(LANGUAGES[tag] + path)
        assert response is not None and response.status == 200, path
        html = page.locator("html")
        assert html.get_attribute("lang") == tag
        direction = "rtl" if tag in RIGHT_TO_LEFT else "ltr"
        assert html.get_attribute("dir") == direction
        assert page.evaluate("() => getComputedStyle(document.body).direction") == direction
        # The help numbers read left to right whatever the language.
        emergency = page.locator("footer a[href='tel:999']")
        assert emergency.evaluate("element => getComputedStyle(element).direction") == "ltr"
        axe_check(page)


def test_urdu_mirrors_the_layout_and_uses_a_nastaliq_font(new_context):
    page = new_context(viewport={"width": 1200, "height": 800}).new_page()
    page.goto("/ur/")
    header = page.locator(".site-header__name").bounding_box()
    nav = page.locator("nav.main-nav").bounding_box()
    assert header["x"] > nav["x"], "the site's name should sit on the right in a right-to-left page"
    family = page.evaluate("() => getComputedStyle(document.querySelector('.help-numbers h2')).fontFamily")
    assert family.startswith('"Noto Nastaliq Urdu"'), family
    # The font is the site's own: nothing is loaded from another host.
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => document.fonts.check('16px \"Noto Nastaliq Urdu\"', 'مدد')")


def test_every_language_name_in_the_bar_is_set_in_the_sites_own_font_for_its_script(new_context):
    """Each name in the language bar carries its own lang; the font for its script comes first,
    or a system font that claims the script without its letters shows empty boxes."""
    page = new_context().new_page()
    page.goto("/gu/")
    expected = {
        "gu": "Noto Sans Gujarati",
        "pa": "Noto Sans Gurmukhi",
        "ar": "Noto Sans Arabic",
        "ur": "Noto Nastaliq Urdu",
    }
    for code, font in expected.items():
        family = page.locator(f".language-switcher a[lang={code}]").evaluate("e => getComputedStyle(e).fontFamily")
        assert family.startswith(f'"{font}"'), (code, family)


def test_switching_language_on_a_survey_step_keeps_the_answers_given(new_context):
    page = new_context().new_page()
    page.goto(SURVEY_PATH + "answer/1/")
    choose(page, DAY, "4")
    choose(page, DARK, "2")
    choose(page, WORRY, "Often")
    choose(page, LEAST_SAFE, "The city centre")
    press(page, "Continue")
    assert heading(page) == "What would help"

    with page.expect_navigation():
        page.locator(".language-switcher").get_by_role("link", name="Polski").click()
    assert page.url.endswith("/pl" + SURVEY_PATH + "answer/2/")
    assert page.locator("html").get_attribute("lang") == "pl"
    with page.expect_navigation():
        page.get_by_role("link", name="Wstecz").click()  # "Back", the step being in Polish now
    assert "/pl/" in page.url
    # The survey has a drafted Polish translation: the same answers, under the Polish questions.
    polish = demo_translations.SURVEY["pl"]
    assert page.get_by_role("group", name=polish[DAY]).get_by_label("4", exact=True).is_checked()
    position = demo_translations.Q_WORRY_CHOICES.split("<br/>").index("Often")
    often = polish[demo_translations.Q_WORRY_CHOICES].split("<br/>")[position]
    assert page.get_by_role("group", name=polish[WORRY]).get_by_label(often, exact=True).is_checked()


def test_an_editor_marks_urdu_reviewed_and_its_pages_stop_saying_it_is_being_checked(
    new_context,
    login,
    admin_axe,  # noqa: F811
):
    visitor = new_context().new_page()
    visitor.goto("/ur/?before")
    checking = "اس ترجمے کی جانچ کونسل کے مترجمین کر رہے ہیں۔"
    assert checking in visitor.locator("main").inner_text()

    editor = login(new_context().new_page(), "editor")
    editor.goto("/admin/settings/core/languagesettings/")
    admin_axe(editor)
    editor.get_by_role("checkbox", name="اردو").check()
    editor.get_by_role("button", name="Save").click()
    expect(editor.locator(".messages")).to_contain_text("updated")

    visitor.goto("/ur/?after")
    assert checking not in visitor.locator("main").inner_text()

    # Put it back: the demo site is shared by the whole session.
    editor.get_by_role("checkbox", name="اردو").uncheck()
    editor.get_by_role("button", name="Save").click()
    expect(editor.locator(".messages")).to_contain_text("updated")
