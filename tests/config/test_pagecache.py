"""The anonymous page cache: fast for visitors, never stale after an edit, never for staff."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from strategy.models import ThemePage

pytestmark = pytest.mark.django_db


def test_second_anonymous_visit_is_served_from_the_cache_without_queries(client):
    first = client.get("/strategy/")
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/strategy/")
    assert second["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert second.content == first.content


def test_cached_response_keeps_security_headers(client):
    client.get("/strategy/")
    hit = client.get("/strategy/")
    assert hit["X-Page-Cache"] == "hit"
    assert "default-src 'self'" in hit["Content-Security-Policy"]
    assert hit["X-Frame-Options"] == "DENY"
    assert hit["X-Content-Type-Options"] == "nosniff"


def test_publishing_a_page_shows_the_change_at_once(client):
    client.get("/strategy/education/")
    assert client.get("/strategy/education/")["X-Page-Cache"] == "hit"
    page = ThemePage.objects.get(slug="education")
    page.intro = "A brand new introduction."
    page.save_revision().publish()
    response = client.get("/strategy/education/")
    assert response["X-Page-Cache"] == "miss"
    assert "A brand new introduction." in response.content.decode()


def test_a_change_to_a_snippet_clears_the_cache(client):
    from core.models import Theme

    client.get("/")
    theme = Theme.objects.get(slug="education")
    theme.description = "Schools, colleges and learning."
    theme.save()
    assert "Schools, colleges and learning." in client.get("/").content.decode()


def test_logged_in_users_never_get_a_cached_page(client, admin_user):
    client.get("/strategy/")
    client.force_login(admin_user)
    response = client.get("/strategy/")
    assert "X-Page-Cache" not in response
    assert response.status_code == 200


def test_pages_that_use_a_csrf_token_are_not_stored(client, rf):
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from core.pagecache import PageCacheMiddleware

    def view_with_form(request):
        return HttpResponse(
            f'<form method="post"><input name="csrfmiddlewaretoken" value="{get_token(request)}"></form>'
        )

    middleware = PageCacheMiddleware(view_with_form)
    request = rf.get("/a-form/")
    response = middleware(request)
    assert "X-Page-Cache" not in response
    again = middleware(rf.get("/a-form/"))
    assert "X-Page-Cache" not in again


def test_errors_and_search_are_not_served_stale(client):
    assert client.get("/no-such-page/").status_code == 404
    assert "X-Page-Cache" not in client.get("/no-such-page/")


def test_admin_is_never_cached(admin_client):
    admin_client.get("/admin/")
    assert "X-Page-Cache" not in admin_client.get("/admin/")


def test_menus_and_breadcrumbs_follow_a_renamed_page(client):
    from strategy.models import StrategyPage

    client.get("/strategy/education/")
    strategy = StrategyPage.objects.get()
    strategy.title = "Our plan against knife crime"
    strategy.short_title = "Our plan"
    strategy.save_revision().publish()
    html = client.get("/strategy/education/").content.decode()
    assert '<a href="/strategy/">Our plan against knife crime</a>' in html  # breadcrumb
    assert ">Our plan</a>" in html  # main menu


def test_a_page_in_another_language_keeps_its_parts_for_signed_in_visitors_from_the_first_visit(client):
    """Reading which languages are reviewed never saves a settings row: saving one would start
    a new cache generation on the first visit in a language and throw away everything kept."""
    from core.models import LanguageSettings
    from core.pagecache import page_cache_generation

    LanguageSettings.objects.all().delete()
    client.cookies["sessionid"] = "signed-in"  # passes the page cache by, as for a signed-in visitor
    generation = page_cache_generation()
    client.get("/ur/strategy/")
    assert page_cache_generation() == generation
    assert not LanguageSettings.objects.exists()
    with CaptureQueriesContext(connection) as second:
        assert client.get("/ur/strategy/").status_code == 200
    client.get("/strategy/")
    with CaptureQueriesContext(connection) as english:
        client.get("/strategy/")
    assert len(second) <= len(english), [query["sql"][:80] for query in second]
