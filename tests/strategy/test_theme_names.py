"""Themes named in the visitor's language: a theme is one record in every language, and its
name in another language is its theme page's title there once that page is translated
(core/theme_names.py); until then its English name, marked as English."""

import re
from html import unescape

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

from core.theme_names import theme_name
from core.translations import page_translated_with, trees_sync
from events.models import EventPage
from strategy.models import RecommendationPage, ThemePage
from strategy.selectors import theme_names_in_locale

pytestmark = pytest.mark.django_db

URDU_EDUCATION = "تعلیم"


def _english(model):
    return model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


def _urdu_copy(page):
    return type(page).objects.get(translation_key=page.translation_key, locale__language_code="ur")


def _html(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    html = unescape(response.content.decode())
    return html[html.index("<main") : html.index("</main>")]


def _recommendation_under(theme_page):
    return _english(RecommendationPage).live().child_of(theme_page).order_by("path").first()


def test_a_theme_is_named_in_urdu_once_its_theme_page_is_translated_and_in_english_until_then(client):
    trees_sync()
    education = _english(ThemePage).get(theme__slug="education")
    other = _english(ThemePage).exclude(pk=education.pk).order_by("path").first()
    urdu = Locale.objects.get(language_code="ur")

    # Only aliases in Urdu so far: every theme is named in English.
    assert theme_names_in_locale(locale_id=urdu.pk) == {}
    page_translated_with(education, language_code="ur", strings={education.title: URDU_EDUCATION})
    assert theme_names_in_locale(locale_id=urdu.pk) == {education.theme_id: URDU_EDUCATION}
    with translation.override("ur"):
        assert theme_name(education.theme) == URDU_EDUCATION
        assert theme_name(other.theme) == other.theme.name
    with translation.override("pl"):
        assert theme_name(education.theme) == education.theme.name

    # A recommendation under the translated theme, itself not translated: its theme in Urdu.
    recommendation = _recommendation_under(education)
    assert list(recommendation.themes.all()) == [education.theme]
    main = _html(client, _urdu_copy(recommendation).url)
    assert f"<dd>{URDU_EDUCATION}</dd>" in main
    assert education.theme.name not in main.split("<dd>", 1)[1].split("</dl>")[0]

    # One under a theme whose page is not translated: its English name, marked as English.
    untranslated = _recommendation_under(other)
    main = _html(client, _urdu_copy(untranslated).url)
    assert f'<dd><span lang="en-GB" dir="ltr">{other.theme.name}</span></dd>' in main

    # English stays English.
    with translation.override(settings.LANGUAGE_CODE):
        english_url = recommendation.url
    assert not english_url.startswith("/ur/")
    main = _html(client, english_url)
    assert f"<dd>{education.theme.name}</dd>" in main
    assert URDU_EDUCATION not in main

    # The events' themes and their filter, and the board's progress report, name it the same way.
    event = next(e for e in _english(EventPage).live() if education.theme in e.themes.all())
    event_html = _html(client, _urdu_copy(event).url)
    assert URDU_EDUCATION in event_html
    events_html = _html(client, "/ur/events/")
    assert f'<option value="education">{URDU_EDUCATION}</option>' in events_html
    report = _html(client, _urdu_copy(education.get_parent().specific).url + "progress-report/")
    assert re.search(rf'<h2 id="theme-\d+">{URDU_EDUCATION}</h2>', report)
    assert re.search(rf'<h2 id="theme-\d+" lang="en-GB" dir="ltr">{re.escape(other.theme.name)}</h2>', report)


def test_a_theme_page_translation_that_keeps_the_english_title_leaves_the_theme_english():
    trees_sync()
    education = _english(ThemePage).get(theme__slug="education")
    page_translated_with(education, language_code="pl", strings={})
    assert (
        ThemePage.objects.get(translation_key=education.translation_key, locale__language_code="pl").alias_of_id is None
    )
    assert theme_names_in_locale(locale_id=Locale.objects.get(language_code="pl").pk) == {}
