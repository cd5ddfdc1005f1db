"""The public results summary (`results/` of a survey page): only once the survey has closed
and an editor has published it, counts only, suppressed, never written answers; linked from
the survey page."""

import pytest
from django.core.exceptions import ValidationError

from consultation import services
from consultation.seeding import responses_generate

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(survey):
    responses_generate(survey=survey, count=40, seed=3, submission_prefix="p-", is_demo=False)
    services.response_submit(
        survey=survey,
        token="written",
        answers={
            survey.questions.filter(kind="long_text").first().pk: {
                "value": "My secret story about Abbey Park",
                "other": "",
            }
        },
    )
    return survey


def _close_and_publish(survey):
    survey.accepting_responses = False
    survey.results_published = True
    survey.save_revision().publish()


def test_no_summary_while_the_survey_is_open_even_if_ticked(client, answered):
    answered.results_published = True
    with pytest.raises(ValidationError) as error:
        answered.full_clean()
    assert "only once the survey has closed" in str(error.value)
    # Even if it were stored (say, the survey reopened after publishing), nothing shows while open.
    type(answered).objects.filter(pk=answered.pk).update(results_published=True)
    answered.refresh_from_db()
    assert client.get(answered.url + "results/").status_code == 404
    assert "See the results" not in client.get(answered.url).content.decode()


def test_no_summary_when_closed_but_not_published(client, answered):
    answered.accepting_responses = False
    answered.save_revision().publish()
    assert client.get(answered.url + "results/").status_code == 404


def test_the_published_summary_shows_counts_only_suppressed(client, answered):
    _close_and_publish(answered)
    response = client.get(answered.url + "results/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Responses: 41" in html
    assert "How often do you worry about knife crime where you live?" in html
    assert "Per cent" in html and "People who answered" in html
    assert "secret story" not in html
    # Free-text questions and their themes are not in the public summary at all.
    assert "What would make your neighbourhood feel safer?" not in html
    # Every count in the answers' tables (the figures tables hold medians and mean ranks too)
    tables = [part for part in html.split('<section class="results-question"')[1:] if "Median" not in part]
    tables = [part for part in tables if "Mean rank" not in part]
    cells = [cell.split("<")[0] for part in tables for cell in part.split('<td class="num">')[1:]]
    counts = [int(c.replace(",", "")) for c in cells if c and c[0].isdigit() and not c.endswith("%")]
    assert counts and all(count == 0 or count >= 5 for count in counts)
    assert "fewer than 5" in html


def test_the_survey_page_and_the_closed_page_link_to_the_summary(client, answered):
    _close_and_publish(answered)
    assert 'results/">See the results' in client.get(answered.url).content.decode()


def test_the_summary_is_translated(client, answered):
    _close_and_publish(answered)
    html = client.get("/pl" + answered.url + "results/").content.decode()
    assert "Liczba odpowiedzi: 41" in html and "Osoby, które odpowiedziały" in html


def test_numbers_rankings_and_grids_are_summarised_without_anyone_s_own_extremes(client, answered):
    _close_and_publish(answered)
    html = client.get(answered.url + "results/").content.decode()
    for kind in ("number", "ranking", "grid"):
        assert answered.questions.get(kind=kind).label in html, kind
    assert "Median" in html and "Mean rank" in html and "In the city centre after dark" in html
    assert "Smallest" not in html and "Largest" not in html  # one person's answer each
    assert "Equality monitoring" not in html


def test_the_summary_s_own_words_are_in_the_visitor_s_language(client, answered):
    _close_and_publish(answered)
    html = client.get("/pl" + answered.url + "results/").content.decode()
    assert "Mediana" in html
    # The page is Polish, not wrapped as English; the questions and choices, which editors
    # wrote in English, are marked English, and the report's own words are not.
    assert '<html lang="pl"' in html and "This page is not yet available" not in html
    assert '<h2 id="results-q' in html and 'lang="en-GB" dir="ltr">How often do you worry' in html
    assert '<th scope="row">Mediana</th>' in html
