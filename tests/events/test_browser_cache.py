"""Publishing clears the server's page cache but cannot reach browsers or a proxy: HTML pages
tell browsers to keep them for 5 minutes at most, whatever lifetime the page computed, and
give a shared cache no more than the page cache's own lifetime."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.cache import get_max_age

pytestmark = pytest.mark.django_db


def _directives(response) -> dict[str, str]:
    return dict(
        (part.strip().split("=", 1) + [""])[:2] for part in response["Cache-Control"].split(",") if part.strip()
    )


@pytest.fixture
def event_in_a_fortnight(make_event):
    """The next event ends in 14 days: the home page and the events list would otherwise ask
    browsers to keep them until then."""
    now = timezone.now()
    return make_event(
        title="In a fortnight", start_at=now + timedelta(days=14), end_at=now + timedelta(days=14, hours=2)
    )


@pytest.mark.parametrize("path", ["/", "/events/", "/strategy/", "/strategy/education/"])
def test_html_pages_are_kept_by_browsers_for_5_minutes_at_most(client, event_in_a_fortnight, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"
    directives = _directives(response)
    assert 0 < int(directives["max-age"]) <= 300
    # The page cache keeps it for 10 minutes; a proxy in front may do the same, no longer.
    assert int(directives["s-maxage"]) == 600


@pytest.mark.parametrize("path", ["/", "/events/"])
def test_a_page_whose_lists_change_sooner_asks_for_no_more_than_that(client, make_event, path):
    now = timezone.now()
    make_event(title="Ends in two minutes", start_at=now - timedelta(hours=1), end_at=now + timedelta(minutes=2))
    directives = _directives(client.get(path))
    assert 0 < int(directives["max-age"]) <= 120
    assert "s-maxage" not in directives


def test_the_browser_limit_is_a_setting(client, settings, event_in_a_fortnight):
    settings.BROWSER_CACHE_SECONDS = 60
    assert get_max_age(client.get("/")) == 60


def test_with_the_page_cache_off_browsers_still_get_5_minutes_at_most(client, settings, event_in_a_fortnight):
    settings.PAGE_CACHE_SECONDS = 0
    response = client.get("/")
    assert 0 < get_max_age(response) <= 300
    assert "s-maxage" not in response["Cache-Control"]


def test_signed_in_users_get_5_minutes_at_most_and_nothing_for_shared_caches(admin_client, event_in_a_fortnight):
    response = admin_client.get("/")
    assert response.status_code == 200
    max_age = get_max_age(response)
    assert max_age is None or max_age <= 300
    assert "s-maxage" not in response["Cache-Control"]


def test_a_cached_page_says_how_old_it_is(client, event_in_a_fortnight):
    client.get("/strategy/")
    hit = client.get("/strategy/")
    assert hit["X-Page-Cache"] == "hit"
    assert 0 <= int(hit["Age"]) <= 1
    assert int(_directives(hit)["max-age"]) <= 300


def test_open_data_keeps_its_own_lifetime(client):
    # Not HTML: the counts say 10 minutes themselves and nothing is cancelled in them.
    assert get_max_age(client.get("/open-data/feedback-summary.json")) == 600
