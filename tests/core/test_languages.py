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
from django.test import Client

from consultation.models import YouthVoicePage
from core.languages import languages, page_in_languages, path_without_language

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
OTHER_LANGUAGES = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
RIGHT_TO_LEFT = {"ur", "ar"}
# The interface people see: messages from these sources must be translated in every language.
# (Staff pages, in templates/wagtailadmin/ and the admin's own Python, follow each member of
# staff's Wagtail language preference and are not shipped translated.)
PUBLIC_SOURCES = re.compile(r"^(templates/(?!wagtailadmin/)|core/templatetags/site_tags\.py)")


def _po(code: str) -> polib.POFile:
    return polib.pofile(str(REPO / "locale" / code / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_every_public_message_has_a_translation(code):
    missing = [
        entry.msgid
        for entry in _po(code)
        if any(PUBLIC_SOURCES.match(path) for path, _ in entry.occurrences)
        and (not entry.translated() or entry.obsolete)
    ]
    assert not missing, f"Not translated into {code}: {missing}"


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
        assert sorted(re.findall(r"%\(\w+\)s", entry.msgstr)) == sorted(re.findall(r"%\(\w+\)s", entry.msgid)), (
            entry.msgid
        )


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
    assert "یہ صفحہ ابھی اردو میں دستیاب نہیں ہے" in html  # the notice names the language in Urdu
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
