"""Page query counts stay the same however many recommendations there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from strategy.models import ThemePage
from tests.strategy.factories import InitiativePageFactory, ProgressUpdateFactory, RecommendationPageFactory

pytestmark = pytest.mark.django_db

PAGES = ["/", "/strategy/", "/strategy/education/", "/strategy/progress-report/", "/strategy/progress-report/csv/"]


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _add_recommendations(count):
    for theme_page in ThemePage.objects.all():
        for _ in range(count):
            recommendation = RecommendationPageFactory(parent=theme_page)
            ProgressUpdateFactory(page=recommendation)
            ProgressUpdateFactory(page=recommendation)
        InitiativePageFactory(parent=theme_page)


@pytest.mark.parametrize("url", PAGES)
def test_query_count_does_not_grow_with_recommendations(client, settings, url):
    settings.PAGE_CACHE_SECONDS = 0
    _queries(client, url)  # warm Wagtail's per-process caches (site root paths)
    before = _queries(client, url)
    _add_recommendations(5)
    _queries(client, url)  # adding pages cleared the caches: warm them again
    after = _queries(client, url)
    assert after == before, f"{url}: {before} queries before, {after} after adding 30 recommendations"


@pytest.mark.parametrize("url", PAGES)
def test_pages_stay_within_a_small_query_budget(client, settings, django_assert_max_num_queries, url):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(url)
    with django_assert_max_num_queries(20):
        client.get(url)
