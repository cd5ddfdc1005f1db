"""A resident answers the demo survey, and a young person the youth voice page, in Chromium."""

import re
import uuid

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SURVEY_PATH = "/consultations/feeling-safe-where-you-live/"
CLOSED_SURVEY_PATH = "/consultations/public-conversations-on-knife-crime/"
YOUTH_VOICE_PATH = "/have-your-say/"
KIOSK_PATH = YOUTH_VOICE_PATH + "?kiosk=1"
PHONE = {"width": 375, "height": 667}
MIN_TARGET = 24

DAY = "How safe do you feel in your neighbourhood during the day?"
DARK = "How safe do you feel in your neighbourhood after dark?"
WORRY = "How often do you worry about knife crime where you live?"
LEAST_SAFE = "Where do you feel least safe?"
WOULD_HELP = "What would make your neighbourhood feel safer?"
DO_MORE = "Which of these should the council and its partners do more of?"
BLEED_KIT = "Do you know where your nearest emergency bleed-control kit is?"
ONE_THING = "If you could change one thing, what would it be?"
AGE = "How old are you?"
WARD = "Which ward do you live in?"
CONTACT = "Would you like us to contact you about your answers?"
# The About you step's questions (the survey asks the age band itself, so the step does not).
EQUALITY_QUESTIONS = [
    "What is your sex?",
    "Is the gender you identify with the same as your sex registered at birth?",
    "What is your ethnic group?",
    "What is your religion?",
    "Do you have any physical or mental health conditions or illnesses lasting or expected to last 12 months or more?",
    "Do any of your conditions or illnesses reduce your ability to carry out day-to-day activities?",
    "Which of the following best describes your sexual orientation?",
    "Do you look after, or give any help or support to, anyone because they have long-term physical or mental "
    "health conditions or illnesses, or problems related to old age?",
]


def visit(page, path: str, status: int = 200):
    response = page.goto(path)
    assert response is not None, f"no response for {path}"
    assert response.status == status, f"{path} answered {response.status}, expected {status}"
    return response


def group(page, legend: str):
    """The fieldset of a radio or checkbox question, found by its legend."""
    return page.get_by_role("group", name=legend)


def choose(page, legend: str, *options: str) -> None:
    for option in options:
        group(page, legend).get_by_label(option, exact=True).check()


def press(page, button: str) -> None:
    """Submit the form with one of its buttons and wait for the page that comes back."""
    with page.expect_navigation():
        page.get_by_role("button", name=button, exact=True).click()


def heading(page) -> str:
    return page.get_by_role("heading", level=1).inner_text()


def field_id(page, label: str) -> str:
    return page.get_by_label(label).get_attribute("id")


def fill_step_1(page) -> None:
    choose(page, DAY, "4")
    choose(page, DARK, "2")
    choose(page, WORRY, "Often")
    choose(page, LEAST_SAFE, "The city centre", "Other")
    page.get_by_label("Other, please say").fill("The underpass by the ring road")


def fill_step_2(page, would_help: str) -> None:
    page.get_by_label(WOULD_HELP).fill(would_help)
    choose(page, DO_MORE, "Youth clubs and activities", "Mentoring for young people at risk")
    choose(page, BLEED_KIT, "No")
    page.get_by_label(ONE_THING).fill("More police on foot")


def fill_step_3(page) -> None:
    choose(page, AGE, "25 to 34")
    page.get_by_label(WARD).select_option(label="Castle")


def check_answers(page) -> dict[str, str]:
    """The check page's rows, question -> answer as shown."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll(".check-list__row")].map(row => [
            row.querySelector("dt").innerText.trim(),
            row.querySelector("dd").innerText.trim(),
        ]))"""
    )


def log_in(page, demo_site) -> None:
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(demo_site.admin_username)
    page.get_by_label("Password").fill(demo_site.admin_password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def fill_youth_voice(page, safer: str) -> None:
    page.get_by_role("group", name=AGE).get_by_label("16 to 18", exact=True).check()
    page.get_by_label("Where do you live?").select_option(label="Castle")
    page.get_by_label("What would make you feel safer where you live?").fill(safer)
    page.get_by_label("Anything else you want us to know?").fill("Buses at night")


def form_values(page) -> dict:
    """Every text value and every checked box or radio in the page's forms."""
    return page.evaluate(
        """() => ({
            texts: [...document.querySelectorAll("form textarea, form input")]
                .filter(field => !["hidden", "radio", "checkbox", "submit"].includes(field.type))
                .map(field => [field.name, field.value])
                .filter(([, value]) => value !== ""),
            checked: [...document.querySelectorAll("form input:checked")].map(field => field.name),
            selected: [...document.querySelectorAll("form select")]
                .map(select => [select.name, select.value])
                .filter(([, value]) => value !== ""),
        })"""
    )


def test_resident_completes_the_survey_and_the_answers_reach_the_results(new_context, demo_site, axe_check):
    page = new_context().new_page()
    phrase = f"Brighter lighting on the towpath {uuid.uuid4().hex[:10]}"
    visit(page, SURVEY_PATH)
    assert heading(page) == "Feeling safe where you live"
    axe_check(page)

    page.get_by_role("link", name="Start now").click()
    page.wait_for_url("**/answer/1/")
    assert heading(page) == "Feeling safe"
    fill_step_1(page)
    axe_check(page)
    press(page, "Continue")

    assert heading(page) == "What would help"
    fill_step_2(page, phrase)
    axe_check(page)
    press(page, "Continue")

    assert heading(page) == "Your age and area"
    fill_step_3(page)
    axe_check(page)
    press(page, "Continue")

    assert heading(page) == "About you"  # the equality monitoring step: all optional
    press(page, "Continue")

    assert heading(page) == "Contact details"
    group(page, CONTACT).get_by_label("No, keep my answers anonymous").check()
    axe_check(page)
    press(page, "Continue to check your answers")

    page.wait_for_url("**/check/")
    assert heading(page) == "Check your answers before sending them"
    assert check_answers(page) == {
        DAY: "4",
        DARK: "2",
        WORRY: "Often",
        LEAST_SAFE: "The city centre; Other: The underpass by the ring road",
        WOULD_HELP: phrase,
        DO_MORE: "Youth clubs and activities; Mentoring for young people at risk",
        BLEED_KIT: "No",
        ONE_THING: "More police on foot",
        AGE: "25 to 34",
        WARD: "Castle",
        # The demo's optional grid, date, ranking and number questions, left empty
        "How safe do you feel in these places?": "Not answered",
        "If something happened recently that made you feel unsafe, when was it?": "Not answered",
        "Which places need action first?": "Not answered",
        "How many years have you lived in Leicester?": "Not answered",
        **dict.fromkeys(EQUALITY_QUESTIONS, "Not answered"),
        "Contact me": "No",
    }
    axe_check(page)
    press(page, "Send my answers")

    page.wait_for_url("**/thank-you/")
    assert heading(page) == "Thank you: we have your answers"
    assert page.locator("section.help-panel").count() == 0
    axe_check(page)

    admin = new_context().new_page()
    log_in(admin, demo_site)
    admin.goto(SURVEY_PATH)
    edit_href = admin.locator("wagtail-userbar a[href$='/edit/']").get_attribute("href")
    survey_id = re.fullmatch(r".*/admin/pages/(\d+)/edit/", edit_href).group(1)
    visit(admin, f"/admin/survey-results/{survey_id}/")
    expect(admin.get_by_role("heading", name=WOULD_HELP)).to_be_visible()
    # The report never shows what people wrote, only the themes officers confirmed for it; the
    # answer is in the responses CSV and in Feedback.
    assert admin.locator("main", has_text=phrase).count() == 0
    axe_check(admin)


def test_errors_are_summarised_linked_to_the_question_and_keep_what_was_typed(page, axe_check):
    visit(page, SURVEY_PATH + "answer/1/")
    choose(page, WORRY, "Sometimes")
    press(page, "Continue")

    assert page.title().startswith("Error:")
    summary = page.locator(".error-summary")
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert summary.evaluate("el => el === document.activeElement"), "focus moves to the error summary"
    first_link = summary.get_by_role("link").first
    assert first_link.inner_text() == f"Choose an answer to “{DAY}”"
    assert group(page, WORRY).get_by_label("Sometimes", exact=True).is_checked()
    axe_check(page)

    first_link.click()
    first_day_radio = group(page, DAY).get_by_role("radio").first
    assert first_day_radio.evaluate("radio => radio === document.activeElement"), "focus did not move to the question"
    assert group(page, WORRY).get_by_label("Sometimes", exact=True).is_checked()

    choose(page, DAY, "3")
    choose(page, DARK, "3")
    press(page, "Continue")
    assert heading(page) == "What would help"
    too_long = "x" * 5001
    page.get_by_label(WOULD_HELP).focus()
    page.keyboard.insert_text(too_long)
    assert page.get_by_label(WOULD_HELP).input_value() == too_long, "the browser cut the pasted text off"
    press(page, "Continue")

    assert page.title().startswith("Error:")
    assert "must be 5,000 characters or fewer" in page.locator(".error-summary").inner_text()
    assert "must be 5,000 characters or fewer" in page.locator(f"#{field_id(page, WOULD_HELP)}-error").inner_text()
    assert page.get_by_label(WOULD_HELP).input_value() == too_long
    axe_check(page)


def test_back_button_keeps_what_was_typed_on_the_step(page, axe_check):
    visit(page, SURVEY_PATH + "answer/1/")
    fill_step_1(page)
    press(page, "Continue")
    assert heading(page) == "What would help"
    page.get_by_label(WOULD_HELP).fill("Half-written thought about the park")
    page.get_by_label(ONE_THING).fill("Street lights")
    axe_check(page)

    press(page, "Back")
    page.wait_for_url("**/answer/1/")
    assert group(page, DAY).get_by_label("4", exact=True).is_checked()
    axe_check(page)
    press(page, "Continue")

    page.wait_for_url("**/answer/2/")
    assert page.get_by_label(WOULD_HELP).input_value() == "Half-written thought about the park"
    assert page.get_by_label(ONE_THING).input_value() == "Street lights"
    axe_check(page)


def test_young_person_on_a_phone_fills_in_the_youth_voice_page(new_context, axe_check):
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2).new_page()
    visit(page, YOUTH_VOICE_PATH)

    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"], f"the page is {scroll_width}px wide on a {PHONE['width']}px screen"
    radios = page.get_by_role("radio").all()
    assert radios
    for radio in radios:
        box = radio.bounding_box()
        assert box is not None
        assert box["width"] >= MIN_TARGET and box["height"] >= MIN_TARGET, f"a radio is {box['width']}x{box['height']}"
    axe_check(page)

    fill_youth_voice(page, "More youth clubs open late")
    press(page, "Send")

    assert heading(page) == "Thank you for telling us"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    axe_check(page)


def test_kiosk_leaves_nothing_of_the_last_person_behind(page, axe_check):
    visit(page, KIOSK_PATH)
    axe_check(page)
    typed = f"Private words {uuid.uuid4().hex[:8]}"
    fill_youth_voice(page, typed)
    page.get_by_text("Do you want someone to talk to you about this?").click()
    page.get_by_label("Your first name").fill("Sam")
    press(page, "Send")

    assert heading(page) == "Thank you for telling us"
    expect(page.get_by_role("button", name="Next person")).to_be_visible()
    assert page.locator("meta[http-equiv=refresh]").count() == 0
    expect(page.get_by_role("button", name="Stay on this page")).to_be_visible()

    page.go_back()
    page.wait_for_load_state()
    assert heading(page) == "Have your say"
    assert typed not in page.content()
    assert form_values(page) == {"texts": [], "checked": [], "selected": []}

    page.go_forward()
    page.wait_for_load_state()
    press(page, "Next person")
    page.wait_for_url("**" + KIOSK_PATH)
    assert heading(page) == "Have your say"
    assert form_values(page) == {"texts": [], "checked": [], "selected": []}
    axe_check(page)


def test_after_next_person_back_cannot_show_that_the_last_person_asked_for_help(page, axe_check):
    visit(page, KIOSK_PATH)
    fill_youth_voice(page, "Someone said they will stab me after school")
    press(page, "Send")
    expect(page.get_by_role("heading", name="Get help now")).to_be_visible()
    axe_check(page)
    thanks_url = page.url

    press(page, "Next person")
    assert heading(page) == "Have your say"
    for _ in range(3):  # back through the history, as far as it goes
        page.go_back()
        page.wait_for_load_state()
        assert "Get help now" not in page.content()
    page.goto(thanks_url)
    assert heading(page) == "Have your say"
    assert "Get help now" not in page.content()


def test_kiosk_thank_you_page_has_no_serious_accessibility_violations(page, axe_check):
    visit(page, KIOSK_PATH)
    fill_youth_voice(page, "Lighting in the park")
    press(page, "Send")
    assert heading(page) == "Thank you for telling us"
    axe_check(page)


def test_safeguarding_words_show_help_and_email_a_link_without_the_text(page, mail_dir, axe_check):
    before = set(mail_dir.iterdir())
    typed = "my uncle hits me when he is drunk"
    visit(page, YOUTH_VOICE_PATH)
    fill_youth_voice(page, typed)
    press(page, "Send")

    panel = page.locator("section.help-panel")
    expect(panel.get_by_role("heading", name="Get help now")).to_be_visible()
    text = panel.inner_text()
    assert "999" in text and "Childline" in text
    assert text.index("999") < text.index("Childline")
    assert panel.get_by_role("link", name="999", exact=True).get_attribute("href") == "tel:999"
    assert heading(page) == "Thank you for telling us"
    axe_check(page)

    new = set(mail_dir.iterdir()) - before
    assert len(new) == 1, f"{len(new)} new email file(s)"
    email = new.pop().read_text()
    assert re.search(r"^To: safeguarding@example\.com$", email, re.MULTILINE), email
    assert typed not in email and "uncle" not in email and "hits me" not in email
    assert re.search(r"https?://\S+/admin/safeguarding/\d+/", email), email


def test_closed_survey_shows_what_happened_and_no_start_button(page, axe_check):
    visit(page, CLOSED_SURVEY_PATH)

    assert "This consultation has closed" in page.locator(".notice").inner_text()
    outcome = page.locator("section.outcome")
    assert outcome.get_by_role("heading", level=2).inner_text() == "We asked, you said, we did"
    assert outcome.get_by_role("heading", level=3).all_inner_texts() == ["We asked", "You said", "We did"]
    assert page.get_by_role("link", name="Start now").count() == 0
    assert page.get_by_role("button", name="Start now").count() == 0
    axe_check(page)


def test_youth_voice_page_works_without_javascript(new_context):
    """axe-core cannot run with JavaScript off; the same pages are checked in the tests above."""
    page = new_context(java_script_enabled=False).new_page()
    visit(page, YOUTH_VOICE_PATH)
    fill_youth_voice(page, "A youth club near the park")
    press(page, "Send")
    assert heading(page) == "Thank you for telling us"


def test_survey_works_without_javascript(new_context):
    """Every step, the check page and Send, with JavaScript off (axe-core needs it: see above)."""
    page = new_context(java_script_enabled=False).new_page()
    visit(page, SURVEY_PATH)
    page.get_by_role("link", name="Start now").click()
    page.wait_for_url("**/answer/1/")

    press(page, "Continue")
    assert page.title().startswith("Error:")
    fill_step_1(page)
    press(page, "Continue")
    page.wait_for_url("**/answer/2/")
    fill_step_2(page, "Youth workers on the streets at night")
    press(page, "Continue")
    fill_step_3(page)
    press(page, "Continue")
    assert heading(page) == "About you"
    press(page, "Continue")
    group(page, CONTACT).get_by_label("No, keep my answers anonymous").check()
    press(page, "Continue to check your answers")
    page.wait_for_url("**/check/")
    assert "Youth workers on the streets at night" in page.locator("main").inner_text()
    press(page, "Send my answers")
    page.wait_for_url("**/thank-you/")
    assert heading(page) == "Thank you: we have your answers"


def test_kiosk_returns_to_an_empty_form_after_a_quiet_minute(page):
    page.clock.install()
    visit(page, KIOSK_PATH)
    fill_youth_voice(page, "Benches by the bus stop")
    press(page, "Send")
    assert heading(page) == "Thank you for telling us"
    page.clock.run_for("00:45")
    assert "Going back to an empty form in" in page.locator("[data-kiosk-status]").inner_text()
    page.clock.run_for("00:20")
    page.wait_for_url(f"**{KIOSK_PATH}")
    assert heading(page) == "Have your say"
    assert form_values(page) == {"texts": [], "checked": [], "selected": []}


def test_kiosk_stay_button_stops_the_return(page):
    page.clock.install()
    visit(page, KIOSK_PATH)
    fill_youth_voice(page, "Better lighting")
    press(page, "Send")
    page.get_by_role("button", name="Stay on this page").click()
    page.clock.run_for("05:00")
    assert heading(page) == "Thank you for telling us"
    assert "will stay" in page.locator("[data-kiosk-status]").inner_text()
    expect(page.locator("[data-kiosk-stay]"), "the button has done its job and goes").not_to_be_visible()


def test_kiosk_without_javascript_offers_next_person_and_no_stay_button(new_context):
    page = new_context(java_script_enabled=False).new_page()
    visit(page, KIOSK_PATH)
    fill_youth_voice(page, "A safer walk home")
    press(page, "Send")
    assert heading(page) == "Thank you for telling us"
    expect(page.get_by_role("button", name="Next person")).to_be_visible()
    # Nothing would run it: a button that does nothing is not shown.
    expect(page.locator("[data-kiosk-stay]")).not_to_be_visible()
