"""Search engines find the public pages through /sitemap.xml, in every language with each
page's alternates (core/sitemaps.py), and robots.txt keeps them out of the admin, the members'
forum, accounts and the kiosk."""

import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from wagtail.models import Page

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
LANGUAGE_CODES = [code for code, _ in settings.LANGUAGES]


def _sitemap(client) -> dict[str, dict[str, str]]:
    """Each address the sitemap lists, with its alternates: {hreflang: href}."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - the site's own sitemap
    return {
        url.find("sm:loc", NS).text: {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
            if link.get("rel") == "alternate"
        }
        for url in root.findall("sm:url", NS)
    }


def test_sitemap_lists_every_public_page_at_the_sites_address(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - the site's own sitemap
    locations = [node.text for node in root.findall("sm:url/sm:loc", NS)]
    public = Page.objects.live().public().filter(depth__gt=1)
    # Every page once in each language (the test site has no other language's tree: each is the
    # English page under the language's prefix).
    assert len(locations) == len(set(locations)) == public.count() * len(LANGUAGE_CODES)
    assert all(location.startswith(settings.SITE_URL + "/") for location in locations)
    assert settings.SITE_URL + "/strategy/" in locations
    assert not [loc for loc in locations if any(part in loc for part in ("/forum/", "/accounts/", "/admin/", "kiosk"))]


def test_sitemap_leaves_out_pages_behind_a_view_restriction(client):
    from wagtail.models import PageViewRestriction

    page = Page.objects.live().get(slug="privacy")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert page.url not in client.get("/sitemap.xml").content.decode()


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_areas(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/forum/", "/accounts/", "/*?kiosk="):
        assert f"Disallow: {path}" in lines
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in lines


def _expected_alternates(english_path: str) -> dict[str, str]:
    expected = {
        ("en-GB" if code == settings.LANGUAGE_CODE else code): settings.SITE_URL
        + (english_path if code == settings.LANGUAGE_CODE else f"/{code}{english_path}")
        for code in LANGUAGE_CODES
    }
    return {**expected, "x-default": settings.SITE_URL + english_path}


def test_each_page_is_listed_in_every_language_with_its_alternates(client, translated_demo):
    from strategy.models import RecommendationPage

    sitemap = _sitemap(client)
    recommendation = RecommendationPage.objects.live().filter(locale=translated_demo.locale).first()
    for english_path in ("/", recommendation.url):
        expected = _expected_alternates(english_path)
        assert len(expected) == 8  # the seven languages and x-default
        # Each language's address is listed, and each lists all seven languages and x-default.
        for code, href in expected.items():
            if code != "x-default":
                assert sitemap[href] == expected, (code, href)
    # The Urdu address is the Urdu tree's copy: it opens, in Urdu.
    response = client.get(f"/ur{recommendation.url}")
    assert response.status_code == 200
    assert '<html lang="ur"' in response.content.decode()


def test_a_page_translated_under_its_own_slug_is_listed_at_its_translations_address(client, translated_demo):
    from strategy.models import RecommendationPage

    recommendation = RecommendationPage.objects.live().filter(locale=translated_demo.locale).first()
    urdu = RecommendationPage.objects.get(translation_key=recommendation.translation_key, locale__language_code="ur")
    urdu.slug = "urdu-slug"
    urdu.save()  # updates its url_path
    sitemap = _sitemap(client)
    english = sitemap[settings.SITE_URL + recommendation.url]
    assert english["ur"].endswith("/urdu-slug/")
    assert english["ur"] in sitemap
    assert client.get(english["ur"].removeprefix(settings.SITE_URL)).status_code == 200


def test_a_copy_that_is_not_live_is_not_listed_in_its_language(client, translated_demo):
    from strategy.models import RecommendationPage

    recommendation = RecommendationPage.objects.live().filter(locale=translated_demo.locale).first()
    Page.objects.filter(translation_key=recommendation.translation_key, locale__language_code="pl").update(live=False)
    sitemap = _sitemap(client)
    english = sitemap[settings.SITE_URL + recommendation.url]
    assert "pl" not in english
    assert "ur" in english
    assert not [loc for loc in sitemap if loc.startswith(settings.SITE_URL + "/pl" + recommendation.url)]


def test_the_sitemaps_queries_do_not_grow_with_its_pages(client, translated_demo):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.seeding import publish_child
    from core.translations import trees_sync
    from home.models import StandardPage

    with CaptureQueriesContext(connection) as before:
        _sitemap(client)
    for number in range(5):
        publish_child(translated_demo, StandardPage(title=f"Extra {number}", slug=f"extra-{number}"))
    trees_sync()
    with CaptureQueriesContext(connection) as after:
        sitemap = _sitemap(client)
    assert settings.SITE_URL + "/ur/extra-4/" in sitemap
    assert len(after.captured_queries) <= len(before.captured_queries)
