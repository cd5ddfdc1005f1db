""" "You said, we did" on theme pages, and "What people told us" on the recommendations it
informed: shown once published, with contribution counts suppressed under 5."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consultation.models import ThemeSummary
from strategy.models import RecommendationPage, ThemePage
from tests.consultation.factories import FeedbackFactory
from tests.strategy.factories import RecommendationPageFactory

pytestmark = pytest.mark.django_db

THEME_URL = "/strategy/education/"


@pytest.fixture
def education():
    return ThemePage.objects.get(slug="education")


@pytest.fixture
def recommendations(education):
    return list(RecommendationPage.objects.child_of(education).live().order_by("path")[:2])


def _contributions(theme, count):
    for _ in range(count):
        FeedbackFactory().themes.add(theme)


def _summary(theme_page, *, published=True, recommendations=()):
    summary = ThemeSummary.objects.create(
        theme=theme_page.theme,
        you_said="<p>Schools should teach conflict resolution early.</p>",
        we_did="<p>We funded mentors in six secondary schools.</p>",
        published=published,
    )
    summary.recommendations.set(recommendations)
    return summary


def test_the_demo_has_no_summary_to_present_as_fact():
    assert not ThemeSummary.objects.exists()


def test_a_published_summary_shows_on_the_theme_page(client, education, recommendations):
    _contributions(education.theme, 7)
    _summary(education, recommendations=recommendations)
    html = client.get(THEME_URL).content.decode()
    assert '<section id="you-said-we-did"' in html
    assert "<strong>7</strong> contributions from residents and young people were about Education." in html
    assert "Schools should teach conflict resolution early." in html
    assert "We funded mentors in six secondary schools." in html
    assert "The recommendations it informed" in html
    for recommendation in recommendations:
        assert f'<a href="{recommendation.url}">Recommendation {recommendation.label}: ' in html


def test_an_unpublished_summary_does_not_show(client, education, recommendations):
    _contributions(education.theme, 7)
    _summary(education, published=False, recommendations=recommendations)
    html = client.get(THEME_URL).content.decode()
    assert "You said, we did" not in html
    assert "Schools should teach" not in html
    assert "What people told us" not in client.get(recommendations[0].url).content.decode()


def test_the_recommendation_page_lists_the_summaries_that_informed_it(client, education, recommendations):
    communities = ThemePage.objects.get(slug="communities")
    _contributions(education.theme, 12)
    _contributions(communities.theme, 3)
    _summary(education, recommendations=recommendations)
    _summary(communities, recommendations=recommendations[:1])
    html = client.get(recommendations[0].url).content.decode()
    assert "What people told us" in html
    assert f'<a href="{education.url}#you-said-we-did">Education: you said, we did</a> (12 contributions)' in html
    assert f'<a href="{communities.url}#you-said-we-did">Communities: you said, we did</a>' in html
    assert "(fewer than 5 contributions)" in html
    assert html.index("Education: you said") < html.index("Communities: you said")
    other = client.get(recommendations[1].url).content.decode()
    assert "Education: you said, we did" in other and "Communities: you said" not in other


def test_contribution_counts_under_5_are_suppressed(client, education, recommendations):
    _contributions(education.theme, 3)
    _summary(education, recommendations=recommendations)
    html = client.get(THEME_URL).content.decode()
    assert "<strong>Fewer than 5</strong> contributions" in html
    assert "<strong>3</strong>" not in html
    rec_html = client.get(recommendations[0].url).content.decode()
    assert "(fewer than 5 contributions)" in rec_html
    assert "3 contributions" not in rec_html


def test_no_contributions_yet(client, education):
    _summary(education)
    html = client.get(THEME_URL).content.decode()
    assert "No contributions about Education have been counted yet." in html
    assert "The recommendations it informed" not in html


def test_an_unpublished_recommendation_is_not_linked(client, education, recommendations):
    _summary(education, recommendations=recommendations)
    recommendations[1].unpublish()
    html = client.get(THEME_URL).content.decode()
    assert recommendations[0].url in html
    assert f"Recommendation {recommendations[1].label}:" not in html.split('id="you-said-we-did"')[1]


def test_publishing_a_summary_clears_the_page_cache(client, education, settings):
    settings.PAGE_CACHE_SECONDS = 600
    assert client.get(THEME_URL)["X-Page-Cache"] == "miss"
    assert client.get(THEME_URL)["X-Page-Cache"] == "hit"
    summary = _summary(education, published=False)
    summary.published = True
    summary.save()
    response = client.get(THEME_URL)
    assert response["X-Page-Cache"] == "miss"
    assert "You said, we did" in response.content.decode()


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_with_linked_recommendations(client, settings, education, recommendations):
    settings.PAGE_CACHE_SECONDS = 0
    _contributions(education.theme, 6)
    summary = _summary(education, recommendations=recommendations)
    url = recommendations[0].url
    _queries(client, THEME_URL), _queries(client, url)  # warm Wagtail's per-process caches
    before = _queries(client, THEME_URL), _queries(client, url)
    summary.recommendations.add(*[RecommendationPageFactory(parent=education) for _ in range(5)])
    _contributions(education.theme, 20)
    _queries(client, THEME_URL), _queries(client, url)
    after = _queries(client, THEME_URL), _queries(client, url)
    assert after == before


def test_officers_edit_summaries_as_snippets(client, education):
    _summary(education, published=False)
    client.force_login(get_user_model().objects.get(username="officer"))
    assert '"label": "You said, we did"' in client.get("/admin/").content.decode()
    listing = client.get("/admin/snippets/consultation/themesummary/")
    assert listing.status_code == 200
    assert "You said, we did: Education" in listing.content.decode()
    assert client.get("/admin/snippets/consultation/themesummary/add/").status_code == 200
    client.force_login(get_user_model().objects.get(username="moderator"))
    assert client.get("/admin/snippets/consultation/themesummary/").status_code == 302
