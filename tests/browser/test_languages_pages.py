"""The pages whose fixed words were translated last, in Chromium with axe-core, in Urdu (right to
left) and Polish: the home page, the strategy's pages, the local picture, search, the
consultations, a survey from its first question to its confirmation, and signing up for email
updates with the confirmation email. Each page is in the visitor's language, not wrapped as
English, with what editors wrote marked as English, and passes axe."""

import re

import pytest
from playwright.sync_api import expect

from consultation import demo_translations
from tests.browser.test_consultation import (
    AGE,
    BLEED_KIT,
    DARK,
    DAY,
    DO_MORE,
    LEAST_SAFE,
    ONE_THING,
    SURVEY_PATH,
    WARD,
    WORRY,
    WOULD_HELP,
    choose,
    heading,
    press,
)
from tests.browser.test_languages_journeys import WORDS, _open
from tests.browser.test_subscriptions import _emails_to, _text

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/strategy/",
    "/strategy/education/",
    "/strategy/education/minimise-school-suspensions/",
    "/strategy/education/reach-project/",
    "/strategy/progress-report/",
    "/local-picture/",
    "/search/?q=mentoring",
    "/consultations/",
    SURVEY_PATH,
    "/subscribe/",
]
# Pages whose content the demo publishes drafted translations of (consultation/demo_translations.py).
DRAFTED_CONTENT = {SURVEY_PATH}
SURVEY = {
    "ur": {
        "start": "ابھی شروع کریں",
        "continue": "جاری رکھیں",
        "to_check": "اپنے جوابات جانچنے کے لیے آگے بڑھیں",
        "choose_answer": "کا جواب",
        "about_you": "آپ کے بارے میں",
        "contact_details": "رابطے کی تفصیلات",
        "contact": "کیا آپ چاہتے ہیں کہ ہم آپ کے جوابات کے بارے میں آپ سے رابطہ کریں؟",
        "anonymous": "نہیں، میرے جوابات گمنام رکھیں",
        "check": "بھیجنے سے پہلے اپنے جوابات چیک کریں",
        "contact_me": "مجھ سے رابطہ کریں",
        "no": "نہیں",
        "age": "25 سے 34",
        "not_answered": "جواب نہیں دیا",
        "send": "میرے جوابات بھیجیں",
        "thanks": "شکریہ: ہمیں آپ کے جوابات مل گئے ہیں",
    },
    "pl": {
        "start": "Zacznij",
        "continue": "Dalej",
        "to_check": "Przejdź do sprawdzenia odpowiedzi",
        "choose_answer": "Wybierz odpowiedź",
        "about_you": "O Tobie",
        "contact_details": "Dane kontaktowe",
        "contact": "Czy chcesz, żebyśmy skontaktowali się z Tobą w sprawie Twoich odpowiedzi?",
        "anonymous": "Nie, moje odpowiedzi mają pozostać anonimowe",
        "check": "Sprawdź odpowiedzi, zanim je wyślesz",
        "contact_me": "Kontakt ze mną",
        "no": "Nie",
        "age": "25 do 34",
        "not_answered": "Brak odpowiedzi",
        "send": "Wyślij moje odpowiedzi",
        "thanks": "Dziękujemy: mamy Twoje odpowiedzi",
    },
}
SUBSCRIBE = {
    "ur": {
        "heading": "مجھے باخبر رکھیں",
        "email": "ای میل پتہ",
        "consultations": "نئی مشاورتیں، جب کوئی سروے کھلے",
        "sign_up": "سائن اپ کریں",
        "no_topic": "کم از کم ایک چیز چنیں جس کے بارے میں آپ سننا چاہتے ہیں",
        "check_email": "اپنی ای میل دیکھیں",
        "subject": "ای میل اپ ڈیٹس کی تصدیق کریں",
        "body": "کسی نے، امید ہے آپ نے",
        "confirm": "تصدیق کریں",
        "signed_up": "آپ سائن اپ ہو گئے ہیں",
    },
    "pl": {
        "heading": "Informuj mnie",
        "email": "Adres e-mail",
        "consultations": "Nowe konsultacje, gdy rusza ankieta",
        "sign_up": "Zapisz się",
        "no_topic": "Wybierz co najmniej jeden temat",
        "check_email": "Sprawdź skrzynkę e-mail",
        "subject": "Potwierdź powiadomienia e-mail",
        "body": "Ktoś, mamy nadzieję, że Ty",
        "confirm": "Potwierdź",
        "signed_up": "Zapisano Cię",
    },
}


@pytest.mark.parametrize("code", ["ur", "pl"])
def test_the_pages_translated_last_are_in_the_visitors_language(new_context, axe_check, code):
    page = new_context().new_page()
    for path in PAGES:
        _open(page, path, code)
        marked_english = page.locator("main [lang='en-GB']").count()
        if path in DRAFTED_CONTENT:
            # What the council wrote has a drafted translation: nothing is marked as English.
            assert marked_english == 0, path
        else:
            # What the council wrote is there (on the sign-up form, the themes' and wards'
            # names), marked as English for screen readers.
            assert marked_english > 0, path
        axe_check(page)


@pytest.mark.parametrize("code", ["ur", "pl"])
def test_a_survey_from_its_questions_to_its_confirmation_in_the_visitors_language(new_context, axe_check, code):
    """The demo survey has drafted translations (consultation/demo_translations.py): its
    questions are in the visitor's language too, and what is stored is the English choice."""
    words = SURVEY[code]
    said = demo_translations.SURVEY[code]

    def choice(question_choices: str, english: str) -> str:
        """The translated label of an English choice: the line at the same position."""
        lines = getattr(demo_translations, question_choices).split("<br/>")
        return said[getattr(demo_translations, question_choices)].split("<br/>")[lines.index(english)]

    page = new_context().new_page()
    _open(page, SURVEY_PATH, code)
    assert heading(page) == said[demo_translations.SURVEY_TITLE]
    page.get_by_role("link", name=words["start"]).click()
    page.wait_for_url(f"**/{code}{SURVEY_PATH}answer/1/")
    assert page.locator("html").get_attribute("dir") == WORDS[code]["dir"]
    # The step's title and questions are the survey's translation: in the page's language.
    assert heading(page) == said[demo_translations.SECTION_SAFE]
    assert page.locator("h1").get_attribute("lang") is None
    assert page.locator("main [lang='en-GB']").count() == 0
    press(page, words["continue"])
    alert = page.get_by_role("alert")
    expect(alert.get_by_text(WORDS[code]["problem"])).to_be_visible()
    assert words["choose_answer"] in alert.inner_text()
    axe_check(page)

    choose(page, said[DAY], "4")
    choose(page, said[DARK], "2")
    choose(page, said[WORRY], choice("Q_WORRY_CHOICES", "Often"))
    choose(page, said[LEAST_SAFE], choice("Q_LEAST_SAFE_CHOICES", "The city centre"))
    press(page, words["continue"])
    assert heading(page) == said[demo_translations.SECTION_HELP]
    page.get_by_label(said[WOULD_HELP]).fill("Brighter lighting")
    choose(page, said[DO_MORE], choice("Q_DO_MORE_CHOICES", "Youth clubs and activities"))
    choose(page, said[BLEED_KIT], words["no"])  # Yes and No are the site's words
    page.get_by_label(said[ONE_THING]).fill("More police on foot")
    press(page, words["continue"])
    assert heading(page) == said[demo_translations.SECTION_YOU]
    choose(page, said[AGE], words["age"])  # the age bands are the site's words
    page.get_by_label(said[WARD]).select_option(label="Castle")  # ward names stay as they are
    press(page, words["continue"])
    assert heading(page) == words["about_you"]
    press(page, words["continue"])
    assert heading(page) == words["contact_details"]
    page.get_by_role("group", name=words["contact"]).get_by_label(words["anonymous"]).check()
    axe_check(page)
    press(page, words["to_check"])

    page.wait_for_url(f"**/{code}{SURVEY_PATH}check/")
    assert heading(page) == words["check"]
    rows = page.locator(".check-list__row")
    # The survey's questions are in the visitor's language; so are the site's own rows.
    assert page.locator(f"dt:not([lang]):text-is('{said[DAY]}')").count() == 1
    assert page.locator("main [lang='en-GB']").count() == 0
    contact_row = rows.filter(has=page.locator(f"dt:text-is('{words['contact_me']}')"))
    assert contact_row.locator("dd").first.inner_text().strip() == words["no"]
    assert words["not_answered"] in page.locator("main").inner_text()  # an optional question left out
    axe_check(page)
    press(page, words["send"])

    page.wait_for_url(f"**/{code}{SURVEY_PATH}thank-you/")
    assert heading(page) == words["thanks"]
    assert page.locator("html").get_attribute("lang") == code
    axe_check(page)


@pytest.mark.parametrize("code", ["ur", "pl"])
def test_signing_up_for_email_updates_in_the_visitors_language(new_context, axe_check, mail_dir, code):
    words = SUBSCRIBE[code]
    address = f"updates-{code}@example.com"
    page = new_context().new_page()
    _open(page, "/subscribe/", code)
    assert heading(page) == words["heading"]
    page.get_by_label(words["email"], exact=True).fill(address)
    press(page, words["sign_up"])
    # Nothing chosen: the message is in the visitor's language, the address kept.
    expect(page.get_by_role("alert").get_by_text(words["no_topic"]).first).to_be_visible()
    assert page.get_by_label(words["email"], exact=True).input_value() == address
    axe_check(page)

    page.get_by_label(words["consultations"]).check()
    press(page, words["sign_up"])
    assert heading(page) == words["check_email"]
    axe_check(page)

    # The confirmation email is in the language the person signed up in, and so is its link.
    confirmation = _emails_to(mail_dir, address)[-1]
    assert words["subject"] in confirmation["Subject"]
    body = _text(confirmation)
    assert words["body"] in body
    link = re.search(rf"https?://\S+/{code}/subscribe/confirm/\S+/", body)
    assert link, body
    page.goto(link.group(0))
    _open(page, re.sub(r"^https?://[^/]+/" + code, "", link.group(0)), code)
    axe_check(page)
    press(page, words["confirm"])
    assert heading(page) == words["signed_up"]
    assert page.locator("html").get_attribute("lang") == code
    axe_check(page)
