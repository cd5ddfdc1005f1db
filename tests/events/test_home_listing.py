"""The home page's lists are read once per content generation and chosen with the clock at each
request: an event that has ended leaves the home page without any editor's change."""

from datetime import timedelta

import pytest
from django.utils import timezone

from home.models import HomePage
from home.selectors import home_listing

pytestmark = pytest.mark.django_db


def test_an_event_that_ends_leaves_the_list_without_a_new_generation(make_event):
    now = timezone.now()
    soon = make_event(title="Ends soon", start_at=now - timedelta(hours=1), end_at=now + timedelta(hours=1))
    listing = home_listing(home=HomePage.objects.get())
    assert soon in listing.next_events(now=now)
    later = listing.next_events(now=now + timedelta(hours=2))
    assert later is not None and soon not in later


def test_the_home_page_may_be_cached_only_until_the_next_event_ends(client, settings, make_event):
    settings.PAGE_CACHE_SECONDS = 0
    now = timezone.now()
    make_event(title="Ends in ten minutes", start_at=now - timedelta(hours=1), end_at=now + timedelta(minutes=10))
    response = client.get("/")
    assert "Ends in ten minutes" in response.content.decode()
    max_age = int(response["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert 0 < max_age <= 600


def test_the_home_page_reads_its_lists_once_per_generation(client, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/")
    with django_assert_max_num_queries(6):
        client.get("/")
