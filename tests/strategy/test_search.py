"""Site search over the strategy's pages."""

import pytest

from strategy.models import RecommendationPage

pytestmark = pytest.mark.django_db


def test_search_finds_a_recommendation_by_its_text(client):
    response = client.get("/search/", {"q": "suspensions"})
    titles = [result.title for result in response.context["results"]]
    assert "Minimise school suspensions" in titles


def test_search_leaves_out_unpublished_pages(client):
    RecommendationPage.objects.get(slug="minimise-school-suspensions").unpublish()
    response = client.get("/search/", {"q": "suspensions"})
    assert "Minimise school suspensions" not in [r.title for r in response.context["results"]]


def test_empty_search_shows_the_form_only(client):
    response = client.get("/search/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="q"' in html
    assert "result" not in html.split("</form>")[1].split("<footer")[0]


def test_search_with_no_matches_says_so(client):
    html = client.get("/search/", {"q": "xylophone"}).content.decode()
    assert "0 results for" in html
    assert "Try different or fewer words." in html


def test_search_escapes_the_query(client):
    html = client.get("/search/", {"q": "<script>x</script>"}).content.decode()
    assert "<script>x</script>" not in html


def test_search_ignores_a_bad_page_number(client):
    assert client.get("/search/", {"q": "young", "page": "999"}).status_code == 200
