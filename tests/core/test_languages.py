"""The site in several languages: English at /, the others under their code, the page's
language and direction, the language switcher, the interface's translations, and help in the
visitor's language (core/languages.py, config/urls.py, locale/)."""

import re
from html import unescape
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.template import engines
from django.test import Client
from django.utils import translation

from consultation.models import YouthVoicePage
from core.languages import languages, page_in_languages, path_without_language

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
OTHER_LANGUAGES = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
RIGHT_TO_LEFT = {"ur", "ar"}
# The interface people see: every message, from any source but the staff's, must be translated
# in every language: templates, forms, validation messages, emails. (Staff pages, in
# templates/wagtailadmin/, templates/<app>/admin/ and the admin's own Python, follow each member
# of staff's Wagtail language preference and are not shipped translated.)
STAFF_SOURCES = re.compile(r"^templates/wagtailadmin/|^templates/[^/]+/admin/|admin[^/]*\.py$|wagtail_hooks\.py$")
# Files whose words people see: each must have its messages in the catalogue (so a file left
# out of `make messages`, or a template that loses its {% load i18n %}, fails here).
TRANSLATED_FILES = [
    "templates/base.html",
    "templates/includes/content_language_notice.html",
    "templates/404.html",
    "templates/429.html",
    "templates/500.html",
    "templates/includes/error_summary.html",
    "templates/includes/form_field.html",
    "templates/includes/breadcrumbs.html",
    "templates/consultation/youth_voice_page.html",
    "templates/consultation/youth_voice_thank_you.html",
    "templates/events/event_page.html",
    "templates/events/booked.html",
    "templates/events/bleed_kit_index_page.html",
    "templates/events/emails/confirmation.txt",
    "templates/events/emails/reminder.txt",
    "templates/forum/landing.html",
    "templates/forum/thread.html",
    "templates/forum/emails/reply.txt",
    "templates/account/login.html",
    "templates/account/email/password_reset_key_message.txt",
    "templates/consultation/survey_page.html",
    "templates/consultation/survey_step.html",
    "templates/consultation/survey_check.html",
    "templates/consultation/survey_thank_you.html",
    "templates/consultation/survey_closed.html",
    "templates/strategy/theme_page.html",
    "templates/strategy/recommendation_page.html",
    "templates/strategy/progress_report.html",
    "templates/home/home_page.html",
    "templates/localpicture/local_picture_page.html",
    "templates/search/search.html",
    "templates/subscriptions/subscribe.html",
    "templates/subscriptions/manage.html",
    "templates/subscriptions/emails/confirm.txt",
    "templates/subscriptions/emails/_footer.txt",
    "consultation/forms.py",
    "consultation/question_kinds.py",
    "events/forms.py",
    "events/services.py",
    "events/emails.py",
    "forum/forms.py",
    "forum/accounts.py",
    "subscriptions/forms.py",
    "subscriptions/sending.py",
    "localpicture/charts.py",
    "localpicture/selectors.py",
    "strategy/models.py",
    # The privacy notice's register: each app's purposes, the lawful bases, the retention schedule.
    "core/privacy.py",
    "core/retention.py",
    "home/notices.py",
    "consultation/personal_data.py",
    "events/personal_data.py",
    "forum/personal_data.py",
    "subscriptions/personal_data.py",
    "templates/home/privacy_notice_page.html",
]


def _is_public(entry) -> bool:
    return any(not STAFF_SOURCES.search(path) for path, _ in entry.occurrences)


def _po(code: str) -> polib.POFile:
    return polib.pofile(str(REPO / "locale" / code / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_every_public_message_has_a_translation(code):
    missing = [
        entry.msgid
        for entry in _po(code)
        if _is_public(entry) and (not entry.translated() or entry.obsolete or "fuzzy" in entry.flags)
    ]
    assert not missing, f"Not translated into {code}: {missing}"


def test_the_public_journeys_words_are_all_in_the_catalogue():
    sources = {path for entry in _po("ur") for path, _ in entry.occurrences}
    assert not [path for path in TRANSLATED_FILES if path not in sources]


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_the_compiled_catalogue_matches_its_po_file(code):
    compiled = polib.mofile(str(REPO / "locale" / code / "LC_MESSAGES" / "django.mo"))
    translated = {entry.msgid: entry.msgstr for entry in _po(code).translated_entries()}
    assert {entry.msgid: entry.msgstr for entry in compiled if entry.msgid} == translated, (
        "Run `make messages` to compile the translations"
    )


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_placeholders_survive_translation(code):
    for entry in _po(code).translated_entries():
        expected = sorted(set(re.findall(r"%\(\w+\)s", entry.msgid + entry.msgid_plural)))
        for text in entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]:
            assert sorted(set(re.findall(r"%\(\w+\)s", text))) == expected, (entry.msgid, text)


def test_english_is_at_the_root_and_every_other_language_under_its_code(client):
    html = client.get("/").content.decode()
    assert '<html lang="en-GB" dir="ltr">' in html
    for code in OTHER_LANGUAGES:
        response = client.get(f"/{code}/strategy/")
        assert response.status_code == 200, code
        html = response.content.decode()
        direction = "rtl" if code in RIGHT_TO_LEFT else "ltr"
        assert f'<html lang="{code}" dir="{direction}">' in html, code
        # Links stay in the language, and the page says, in it, that its content is in English.
        assert f'href="/{code}/strategy/education/"' in html
        assert 'class="notice notice--language"' in html
        assert '<div lang="en-GB" dir="ltr">' in html


def test_the_switcher_offers_the_same_page_in_each_language_named_in_its_own_script(client):
    html = unescape(client.get("/strategy/education/?x=1").content.decode())
    switcher = html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/strategy/education/?x=1" lang="en-GB"' in switcher
    assert 'href="/ur/strategy/education/?x=1" lang="ur" hreflang="ur" dir="rtl">اردو</a>' in switcher
    assert 'href="/gu/strategy/education/?x=1" lang="gu" hreflang="gu" dir="ltr">ગુજરાતી</a>' in switcher
    assert ">Polski</a>" in switcher and ">Soomaali</a>" in switcher and ">العربية</a>" in switcher
    assert 'aria-current="true">English</a>' in switcher
    assert '<link rel="alternate" hreflang="pa" href="http://testserver/pa/strategy/education/?x=1">' in html


def test_the_interface_and_the_help_numbers_are_in_the_visitors_language(client):
    html = unescape(client.get("/ur/").content.decode())
    assert "مرکزی مواد پر جائیں" in html  # skip link
    # The home page's words are translated; what the council wrote on it is not yet, and the
    # notice says so, naming the language in Urdu.
    assert "اس صفحے پر کونسل نے جو لکھا ہے وہ ابھی اردو میں دستیاب نہیں ہے" in html
    assert '<a href="tel:999" class="ltr">999</a> پر کال کریں۔' in html
    html = unescape(client.get("/pl/").content.decode())
    assert "Jesteś teraz w niebezpieczeństwie?" in html
    assert "Zadzwoń pod numer" in html


@pytest.mark.parametrize("code", ["ur", "pl"])
def test_a_young_person_writing_on_a_page_in_their_language_is_shown_help_in_it(
    code, client, django_capture_on_commit_callbacks
):
    path = YouthVoicePage.objects.get().url_path.removeprefix(YouthVoicePage.objects.get().get_parent().url_path)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/{code}/{path}", {"age_band": "11-15", "safer": "my step dad hits me when he is drunk"}
        )
    assert response.status_code == 302
    assert response["Location"].startswith(f"/{code}/")
    html = unescape(client.get(response["Location"]).content.decode())
    help_now = {"ur": "ابھی مدد حاصل کریں", "pl": "Uzyskaj pomoc teraz"}[code]
    assert help_now in html
    assert f'class="help-panel" aria-labelledby="help-now-heading" lang="{code}"' in html
    assert 'href="tel:999"' in html
    assert len(mail.outbox) == 1


def test_paths_lose_only_a_language_prefix():
    assert path_without_language("/ur/forum/") == "/forum/"
    assert path_without_language("/forum/") == "/forum/"
    assert path_without_language("/urban/") == "/urban/"
    assert path_without_language("/ar") == "/ar"
    assert [language.tag for language in languages()] == ["en-GB", "gu", "pa", "ur", "pl", "so", "ar"]
    assert {language.code: url for language, url in page_in_languages("/admin/")}["ur"] == "/admin/"


def test_the_page_cache_never_keeps_the_forum_in_any_language(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    for path in ("/ur/forum/", "/pl/accounts/login/"):
        Client().get(path)
        assert Client().get(path).get("X-Page-Cache") != "hit", path


def test_robots_keep_crawlers_out_of_the_forum_in_every_language(client):
    text = client.get("/robots.txt").content.decode()
    for code in OTHER_LANGUAGES:
        assert f"Disallow: /{code}/forum/" in text
        assert f"Disallow: /{code}/accounts/" in text


def test_a_language_says_its_translation_is_being_checked_until_an_editor_ticks_it(client):
    from core.models import LanguageSettings

    assert "اس ترجمے کی جانچ کونسل کے مترجمین کر رہے ہیں۔" in unescape(client.get("/ur/").content.decode())
    editor = get_user_model().objects.get(username="editor")
    client.force_login(editor)
    response = client.post(
        f"/admin/settings/core/languagesettings/{LanguageSettings.load().pk}/", {"reviewed": ["ur", "pl"]}
    )
    assert response.status_code == 302
    assert LanguageSettings.load().reviewed == ["ur", "pl"]
    client.logout()
    assert "اس ترجمے کی جانچ" not in unescape(client.get("/ur/").content.decode())
    assert "To tłumaczenie jest sprawdzane" not in unescape(client.get("/pl/").content.decode())
    assert "આ અનુવાદ કાઉન્સિલના અનુવાદકો" in unescape(client.get("/gu/").content.decode())
    # English is never "being checked".
    assert "being checked" not in client.get("/").content.decode()


def test_only_enabled_languages_can_be_ticked(admin_client):
    from core.models import LanguageSettings

    response = admin_client.post(
        f"/admin/settings/core/languagesettings/{LanguageSettings.load().pk}/", {"reviewed": ["xx", "en-gb"]}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert LanguageSettings.load().reviewed == []


def _youth_voice_path(code: str) -> str:
    page = YouthVoicePage.objects.get()
    return f"/{code}/" + page.url_path.removeprefix(page.get_parent().url_path)


def test_a_translated_page_is_not_wrapped_as_english_but_what_editors_wrote_still_is(client):
    html = unescape(client.get(_youth_voice_path("ur")).content.decode())
    main = html.split('<main id="main-content"', 1)[1].split("</main>", 1)[0]
    # The page's own words are in Urdu, not inside an English wrapper, with no "not yet available".
    assert '<div lang="en-GB" dir="ltr">' not in main
    assert "یہ صفحہ ابھی اردو میں دستیاب نہیں ہے" not in main
    assert "آپ کی عمر کتنی ہے؟" in main  # How old are you?
    assert "11 سے 15" in main  # an age band
    assert ">بھیجیں</button>" in main  # Send
    # What editors wrote is marked as English, and the page says so in one line, in Urdu.
    assert re.search(r'<h1 lang="en-GB" dir="ltr">[^<]+</h1>', main)
    assert 'class="prose" lang="en-GB" dir="ltr"' in main
    assert "اس صفحے پر کونسل نے جو لکھا ہے وہ ابھی اردو میں دستیاب نہیں ہے" in main
    # In English nothing is marked or announced.
    html = client.get(_youth_voice_path("").replace("//", "/")).content.decode()
    assert 'lang="en-GB" dir="ltr"' not in html.split('<main id="main-content"', 1)[1].split("</main>", 1)[0]
    assert "notice--language" not in html


def test_a_page_with_nothing_editors_wrote_has_no_notice_at_all(client):
    response = client.get("/pl/no-such-page/")
    assert response.status_code == 404
    html = unescape(response.content.decode())
    assert "Nie znaleziono strony" in html
    main = html.split('<main id="main-content"', 1)[1].split("</main>", 1)[0]
    assert "nie jest jeszcze dostępne" not in main and "not yet available" not in main
    assert 'lang="en-GB"' not in main
    # Only the "being checked" line, until Polish is reviewed.
    assert main.count("notice--language") == 1


def test_a_page_whose_words_are_not_translated_yet_is_still_marked_english(rf):
    # Every public template's words are translated today; a new one that extends base.html
    # instead of base_translated.html is wrapped as English, with the notice.
    template = engines["django"].from_string(
        '{% extends "base.html" %}{% block content %}<p>Plain English</p>{% endblock %}'
    )
    with translation.override("pl"):
        html = unescape(template.render({}, request=rf.get("/pl/example/")))
    assert "Ta strona nie jest jeszcze dostępna" in html
    assert '<div lang="en-GB" dir="ltr">\n      <p>Plain English</p>' in html


@pytest.mark.parametrize("code", ["ur", "pl"])
def test_form_errors_are_in_the_visitors_language(code, client):
    response = client.post(_youth_voice_path(code), {"safer": "", "age_band": ""})
    assert response.status_code == 200
    html = unescape(response.content.decode())
    expected = {"ur": "ہمیں بتائیں کہ آپ کو کیا چیز زیادہ محفوظ محسوس کرائے گی", "pl": "Powiedz nam, co sprawiłoby"}
    assert expected[code] in html
    assert {"ur": "ایک مسئلہ ہے", "pl": "Wystąpił problem"}[code] in html  # There is a problem
