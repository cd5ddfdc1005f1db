"""The admin's page search lists the pages an editor can edit, the English page and its real
translations, not the aliases that hold the page's place in every other language's tree
(core/admin_page_search.py)."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from core.translations import page_translated_with
from events.models import BleedKitIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, translated_demo):
    client.force_login(get_user_model().objects.get(username="editor"))
    return client


@pytest.fixture
def bleed_kits(translated_demo):
    """The bleed kits page, translated into Polish with its title left in English (as a
    translation is until the supplier's file is in), an alias in the five other trees."""
    english = BleedKitIndexPage.objects.get(slug="bleed-kits", locale__language_code="en-gb")
    polish = page_translated_with(english, language_code="pl", strings={})
    copies = Page.objects.filter(translation_key=english.translation_key)
    assert copies.count() == 7 and copies.filter(alias_of__isnull=False).count() == 5
    return english, polish


def _found(response, title: str) -> set[tuple[str, bool]]:
    """The pages listed with this title, as (language, is an alias)."""
    assert response.status_code == 200, response.status_code
    return {
        (page.locale.language_code, page.alias_of_id is not None)
        for page in response.context["object_list"]
        if page.title == title
    }


def test_the_page_search_lists_the_english_page_and_its_translations_not_the_aliases(editor_client, bleed_kits):
    english, polish = bleed_kits
    assert polish.title == english.title

    response = editor_client.get("/admin/pages/search/", {"q": english.title})
    assert _found(response, english.title) == {("en-gb", False), ("pl", False)}
    # The results alone, as the search box fetches them while the editor types.
    response = editor_client.get("/admin/pages/search/results/", {"q": english.title})
    assert _found(response, english.title) == {("en-gb", False), ("pl", False)}
    assert "Polski" in response.content.decode()  # the translation shows its language


def test_a_search_of_the_whole_site_from_the_explorer_lists_no_aliases(editor_client, bleed_kits):
    english, _polish = bleed_kits
    home = english.get_parent()
    response = editor_client.get(f"/admin/pages/{home.pk}/", {"q": english.title, "search_all": "1"})
    assert _found(response, english.title) == {("en-gb", False), ("pl", False)}


def test_a_search_within_one_languages_tree_still_finds_its_alias(editor_client, bleed_kits):
    english, _polish = bleed_kits
    urdu = Page.objects.get(translation_key=english.translation_key, locale__language_code="ur")
    response = editor_client.get(f"/admin/pages/{urdu.get_parent().pk}/", {"q": english.title})
    assert _found(response, english.title) == {("ur", True)}


def test_browsing_a_languages_tree_still_shows_its_aliases(editor_client, bleed_kits):
    english, _polish = bleed_kits
    urdu = Page.objects.get(translation_key=english.translation_key, locale__language_code="ur")
    response = editor_client.get(f"/admin/pages/{urdu.get_parent().pk}/")
    assert urdu.pk in {page.pk for page in response.context["object_list"]}
