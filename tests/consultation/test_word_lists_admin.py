"""The word lists in the admin (Word lists > Safeguarding phrases, Theme keywords): each phrase
has a language, the lists filter by language, and the Safeguarding group sees which phrases
are drafts still to review and marks them reviewed."""

from html import unescape

import pytest
from django.contrib.auth import get_user_model

from consultation.models import ThemeKeyword
from core.models import SafeguardingPhrase, Theme
from core.safeguarding import safeguarding_matches

pytestmark = pytest.mark.django_db

PHRASES = "/admin/snippets/core/safeguardingphrase/"


@pytest.fixture
def safeguarding(client):
    client.force_login(get_user_model().objects.get(username="safeguarding"))
    return client


def _form(phrase: SafeguardingPhrase, **changes) -> dict:
    data = {
        "phrase": phrase.phrase,
        "language": phrase.language,
        "category": phrase.category,
        "active": "on" if phrase.active else "",
        "reviewed": "on" if phrase.reviewed else "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def test_the_list_filters_by_language_and_shows_the_drafts(safeguarding):
    html = unescape(safeguarding.get(PHRASES, {"language": "ur", "reviewed": "false"}).content.decode())
    assert "منشیات بیچ" in html and "majboor karte" in html  # the first page: exploitation
    assert "Draft, to review" in html and "Urdu (اردو)" in html
    assert "sprzedawać narkotyki" not in html and "groom*" not in html

    english = unescape(safeguarding.get(PHRASES, {"language": "en-gb"}).content.decode())
    assert "groom*" in english and "Draft, to review" not in english


def test_the_safeguarding_group_marks_a_draft_reviewed(safeguarding):
    phrase = SafeguardingPhrase.objects.get(language="pl", phrase="noszę nóż")
    assert not phrase.reviewed
    response = safeguarding.post(f"{PHRASES}edit/{phrase.pk}/", _form(phrase, reviewed="on"))
    assert response.status_code == 302
    phrase.refresh_from_db()
    assert phrase.reviewed
    html = unescape(safeguarding.get(PHRASES, {"language": "pl", "reviewed": "true"}).content.decode())
    assert "noszę nóż" in html


def test_a_phrase_added_in_a_language_matches_at_once(safeguarding):
    assert safeguarding_matches(text="Waxay igu yiraahdeen waan ku gubaynaa") == []
    response = safeguarding.post(
        f"{PHRASES}add/",
        {"phrase": "ku gubaynaa", "language": "so", "category": "threat", "active": "on", "reviewed": "on"},
    )
    assert response.status_code == 302
    assert safeguarding_matches(text="Waxay igu yiraahdeen waan ku gubaynaa") == ["ku gubaynaa"]


def test_a_phrase_is_unique_within_its_language_only(safeguarding):
    taken = SafeguardingPhrase.objects.get(language="ur", phrase="chaku maar")
    response = safeguarding.post(f"{PHRASES}add/", _form(taken, reviewed="on"))
    assert response.status_code == 200
    assert "already exists" in unescape(response.content.decode())
    assert SafeguardingPhrase.objects.filter(phrase="chaku maar").count() == 2  # Urdu and Punjabi


def test_theme_keywords_have_a_language_and_filter_by_it(client):
    client.force_login(get_user_model().objects.get(username="officer"))
    theme = Theme.objects.get(slug="education")
    ThemeKeyword.objects.create(theme=theme, phrase="liceum", language="pl")
    html = unescape(client.get("/admin/snippets/consultation/themekeyword/", {"language": "pl"}).content.decode())
    assert "liceum" in html and "szkoł*" in html and "homework" not in html
