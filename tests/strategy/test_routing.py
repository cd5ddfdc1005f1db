"""The home page finds pages by their stored URL path in two queries, with the same results as
Wagtail's walk down the tree (core/routing.py)."""

import pytest
from wagtail.models import PageViewRestriction

from strategy.models import RecommendationPage, StrategyPage, ThemePage
from tests.strategy.factories import RecommendationPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def test_a_page_four_levels_down_is_found(client):
    recommendation = RecommendationPage.objects.live().first()
    response = client.get(recommendation.url)
    assert response.status_code == 200
    assert response.context["page"] == recommendation


def test_a_missing_page_is_not_found(client):
    assert client.get("/strategy/education/no-such-recommendation/").status_code == 404
    assert client.get("/no-such-section/education/").status_code == 404


def test_a_draft_is_not_served_but_its_live_children_are(client):
    theme_page = ThemePage.objects.get(slug="education")
    recommendation = RecommendationPage.objects.child_of(theme_page).live().first()
    theme_page.unpublish()
    assert client.get("/strategy/education/").status_code == 404
    # Wagtail's own routing reaches live pages under an unpublished parent; so does ours.
    assert client.get(recommendation.url).status_code == 200


def test_a_routable_page_answers_its_own_routes_before_its_children(client):
    strategy = StrategyPage.objects.get()
    # A child page with the same slug as the strategy page's progress report route.
    StandardPageFactory(parent=strategy, title="Clash", slug="progress-report")
    response = client.get("/strategy/progress-report/")
    assert response.status_code == 200
    assert "Clash" not in response.content.decode()


def test_a_url_past_the_deepest_page_is_routed_by_that_page(client):
    theme_page = ThemePage.objects.get(slug="education")
    recommendation = RecommendationPageFactory(parent=theme_page, slug="new-recommendation")
    assert client.get(recommendation.url + "extra/").status_code == 404
    assert client.get("/strategy/progress-report/csv/").status_code == 200


def test_a_private_page_asks_for_login_even_after_a_visit_was_cached(client):
    recommendation = RecommendationPage.objects.live().first()
    assert client.get(recommendation.url).status_code == 200
    PageViewRestriction.objects.create(page=recommendation.get_parent(), restriction_type=PageViewRestriction.LOGIN)
    response = client.get(recommendation.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_recommendation_page_uses_few_queries(client, django_assert_max_num_queries):
    url = RecommendationPage.objects.live().first().url
    client.get(url)
    with django_assert_max_num_queries(7):
        client.get(url)


def test_the_report_and_pages_show_a_new_update_at_once(client):
    from datetime import date

    from strategy.models import ProgressUpdate

    recommendation = RecommendationPage.objects.live().first()
    theme_url = recommendation.get_parent().url
    for url in ("/strategy/progress-report/", recommendation.url):
        assert "Ten new mentors trained" not in client.get(url).content.decode()
    assert "1 January 2030" not in client.get(theme_url).content.decode()
    ProgressUpdate.objects.create(page=recommendation, date=date(2030, 1, 1), text="Ten new mentors trained")
    assert "Ten new mentors trained" in client.get(recommendation.url).content.decode()
    assert "1 January 2030" in client.get(theme_url).content.decode()  # the theme page shows the latest date
    assert "Ten new mentors trained" in client.get("/strategy/progress-report/").content.decode()
    assert "Ten new mentors trained" in client.get("/strategy/progress-report/csv/").content.decode()
