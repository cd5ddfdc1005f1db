"""The translated journeys in Chromium with axe-core, in Urdu (right to left) and Polish: youth
voice, booking an event, the bleed-kit page, the forum's landing page, a page that is not there
and signing in. Each page is in the visitor's language, not wrapped as English, and passes axe."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_events import _cancel_link

pytestmark = pytest.mark.browser

WORDS = {
    "ur": {
        "title": "اپنی بات کہیں",
        "dir": "rtl",
        "untranslated": "یہ صفحہ ابھی اردو میں دستیاب نہیں ہے",
        "how_old": "آپ کی عمر کتنی ہے؟",
        "safer": "جہاں آپ رہتے ہیں وہاں آپ کو کیا چیز زیادہ محفوظ محسوس کرائے گی؟",
        "send": "بھیجیں",
        "problem": "ایک مسئلہ ہے",
        "safer_missing": "ہمیں بتائیں کہ آپ کو کیا چیز زیادہ محفوظ محسوس کرائے گی",
        "thanks": "ہمیں بتانے کا شکریہ",
        "name": "آپ کا نام",
        "email": "ای میل پتہ",
        "places": "جگہوں کی تعداد",
        "agree": "^میں متفق ہوں",
        "book": "بک کریں",
        "booked": "آپ کی بکنگ ہو گئی",
        "emergency": "ہنگامی صورت میں",
        "forum": "کمیونٹی پیرنٹ فورم",
        "not_found": "صفحہ نہیں ملا",
        "sign_in_heading": "والدین کے فورم میں سائن ان کریں",
        "sign_in": "سائن ان کریں",
        "enter_email": "اپنا ای میل پتہ درج کریں",
    },
    "pl": {
        "title": "Powiedz, co myślisz",
        "dir": "ltr",
        "untranslated": "Ta strona nie jest jeszcze dostępna",
        "how_old": "Ile masz lat?",
        "safer": "Co sprawiłoby, że czułbyś się bezpieczniej tam, gdzie mieszkasz?",
        "send": "Wyślij",
        "problem": "Wystąpił problem",
        "safer_missing": "Powiedz nam, co sprawiłoby, że czułbyś się bezpieczniej",
        "thanks": "Dziękujemy, że nam o tym powiedziałeś",
        "name": "Imię i nazwisko",
        "email": "Adres e-mail",
        "places": "Liczba miejsc",
        "agree": "^Zgadzam się",
        "book": "Zarezerwuj",
        "booked": "Masz rezerwację",
        "emergency": "W nagłym wypadku",
        "forum": "Społecznościowe Forum Rodziców",
        "not_found": "Nie znaleziono strony",
        "sign_in_heading": "Zaloguj się na forum rodziców",
        "sign_in": "Zaloguj się",
        "enter_email": "Wpisz swój adres e-mail",
    },
}
EVENT_PATH = "/events/public-conversation-knife-crime/"


def _open(page, path: str, code: str, status: int = 200) -> None:
    response = page.goto(f"/{code}{path}")
    assert response is not None and response.status == status, path
    html = page.locator("html")
    assert html.get_attribute("lang") == code
    assert html.get_attribute("dir") == WORDS[code]["dir"]
    # A translated page is not inside the English wrapper, and does not say it is in English.
    assert WORDS[code]["untranslated"] not in page.locator("main").inner_text()
    # Its fixed words (its first button or heading not written by editors) are in its language.
    fixed = page.locator("main :is(button, h1:not([lang]), h2:not([lang]))").first
    assert fixed.evaluate("element => element.closest('[lang]').getAttribute('lang')") == code


def _heading(page) -> str:
    return page.get_by_role("heading", level=1).inner_text().strip()


@pytest.mark.parametrize("code", ["ur", "pl"])
def test_youth_voice_in_the_visitors_language(new_context, axe_check, code):
    words = WORDS[code]
    page = new_context().new_page()
    _open(page, "/have-your-say/", code)
    expect(page.get_by_role("group", name=words["how_old"])).to_be_visible()
    # What the council wrote is translated too (the demo's drafted translation), so it is not
    # marked as English and there is no notice saying it is in English.
    assert page.locator("h1").get_attribute("lang") is None
    assert page.locator("h1").inner_text().strip() == words["title"]
    axe_check(page)

    page.get_by_role("button", name=words["send"]).click()
    expect(page.get_by_role("alert").get_by_text(words["problem"])).to_be_visible()
    expect(page.get_by_role("alert").get_by_text(words["safer_missing"])).to_be_visible()
    axe_check(page)

    page.get_by_role("group", name=words["how_old"]).locator("input").first.check()
    page.get_by_label(words["safer"]).fill("More youth clubs open late")
    page.get_by_role("button", name=words["send"]).click()
    assert _heading(page) == words["thanks"]
    axe_check(page)


@pytest.mark.parametrize("code", ["ur", "pl"])
def test_booking_an_event_in_the_visitors_language(new_context, axe_check, mail_dir, code):
    words = WORDS[code]
    page = new_context().new_page()
    _open(page, EVENT_PATH, code)
    axe_check(page)
    address = f"booker-{code}@example.com"
    page.get_by_label(words["name"], exact=True).fill("Sam Patel")
    page.get_by_label(words["email"], exact=True).fill(address)
    page.get_by_label(words["places"]).fill("1")
    page.get_by_role("button", name=words["book"], exact=True).click()
    # The consent box was not ticked: the message is in the visitor's language, the typing kept.
    expect(page.get_by_role("alert").get_by_text(words["problem"])).to_be_visible()
    assert page.get_by_label(words["name"], exact=True).input_value() == "Sam Patel"
    axe_check(page)

    page.get_by_label(re.compile(words["agree"])).check()
    page.get_by_role("button", name=words["book"], exact=True).click()
    assert _heading(page) == words["booked"]
    axe_check(page)
    # The confirmation went in the same language: its cancel link opens the page in it.
    assert f"/{code}/events/" in _cancel_link(mail_dir, address)


@pytest.mark.parametrize("code", ["ur", "pl"])
def test_the_bleed_kit_page_in_the_visitors_language(new_context, axe_check, code):
    page = new_context().new_page()
    _open(page, "/bleed-kits/", code)
    expect(page.get_by_role("heading", name=WORDS[code]["emergency"])).to_be_visible()
    axe_check(page)


@pytest.mark.parametrize("code", ["ur", "pl"])
def test_the_forum_landing_page_in_the_visitors_language(new_context, axe_check, code):
    page = new_context().new_page()
    _open(page, "/forum/", code)
    assert _heading(page) == WORDS[code]["forum"]
    # No notice that the page is in English: it has nothing editors wrote.
    assert page.locator("main .notice--language").count() == 1  # only "being checked"
    axe_check(page)


@pytest.mark.parametrize("code", ["ur", "pl"])
def test_a_missing_page_in_the_visitors_language(new_context, axe_check, code):
    page = new_context().new_page()
    _open(page, "/no-such-page/", code, status=404)
    assert _heading(page) == WORDS[code]["not_found"]
    axe_check(page)


@pytest.mark.parametrize("code", ["ur", "pl"])
def test_signing_in_in_the_visitors_language(new_context, axe_check, code):
    words = WORDS[code]
    page = new_context().new_page()
    _open(page, "/accounts/login/", code)
    assert _heading(page) == words["sign_in_heading"]
    axe_check(page)
    page.get_by_role("button", name=words["sign_in"], exact=True).click()
    expect(page.get_by_role("alert").get_by_text(words["enter_email"])).to_be_visible()
    axe_check(page)
