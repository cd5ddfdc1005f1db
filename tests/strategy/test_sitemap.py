"""Search engines find the public pages through /sitemap.xml, and robots.txt keeps them out of
the admin, the members' forum, accounts and the kiosk."""

import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from wagtail.models import Page

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_every_public_page_at_the_sites_address(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - the site's own sitemap
    locations = [node.text for node in root.findall("sm:url/sm:loc", NS)]
    public = Page.objects.live().public().filter(depth__gt=1)
    assert len(locations) == public.count()
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
