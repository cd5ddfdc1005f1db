"""Every public page tells search engines what it is about (Lighthouse's SEO audit)."""

import re
from html import unescape

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def _description(html: str) -> str:
    found = re.findall(r'<meta name="description" content="([^"]*)">', html)
    assert len(found) == 1, f"expected one meta description, found {found}"
    return unescape(found[0])


def test_every_live_page_has_a_meta_description_from_its_own_words(client):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert pages.count() > 30
    for page in pages:
        response = client.get(page.url)
        if response.status_code != 200:
            continue  # pages behind a login or a view restriction
        description = _description(response.content.decode())
        assert description, page.url
        assert len(description) <= 160, page.url
        assert "<" not in description, page.url


def test_the_editors_search_description_comes_first_then_the_introduction(client):
    from strategy.models import StrategyPage

    strategy = StrategyPage.objects.get(slug="strategy")
    assert _description(client.get(strategy.url).content.decode()).startswith(" ".join(strategy.intro.split())[:50])
    strategy.search_description = "What the council is doing about knife crime."
    strategy.save_revision().publish()
    assert _description(client.get(strategy.url).content.decode()) == "What the council is doing about knife crime."


def test_pages_that_are_not_wagtail_pages_have_the_sites_description(client):
    assert _description(client.get("/search/").content.decode())
