"""The board's progress report and its CSV."""

import csv
import io
import re

import pytest

from core.spreadsheets import cell_safe
from strategy.models import RecommendationPage

pytestmark = pytest.mark.django_db


def _csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def test_report_lists_every_recommendation_grouped_by_theme(client):
    html = client.get("/strategy/progress-report/").content.decode()
    themes_in_order = [
        html.index(f">{name}</h2>")
        for name in ("Education", "Young People", "Communities", "Partnership Working", "Employment and Training")
    ]
    assert themes_in_order == sorted(themes_in_order)
    for page in RecommendationPage.objects.live():
        assert f"{page.label}. {page.title}" in html


def test_report_csv_has_the_same_rows_as_the_page(client):
    page_response = client.get("/strategy/progress-report/")
    html = page_response.content.decode()
    csv_response = client.get("/strategy/progress-report/csv/")
    assert csv_response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="progress-report.csv"' in csv_response["Content-Disposition"]
    header, *rows = _csv_rows(csv_response)
    assert header[:4] == ["Theme", "Recommendation", "Title", "Status"]
    table_rows = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)\. ([^<]+)</a></th>', html)
    assert [(row[1], row[2]) for row in rows] == [(label, title) for label, title in table_rows]
    assert len(rows) == RecommendationPage.objects.live().count()
    first = rows[0]
    assert first[3] == "In progress"
    assert first[7] == "2022-10-04"
    assert first[8].endswith("/strategy/education/minimise-school-suspensions/")


def test_report_says_which_recommendations_it_covers_and_shows_each_updates_figure(client):
    html = client.get("/strategy/progress-report/").content.decode()
    count = RecommendationPage.objects.live().count()
    assert "Every recommendation" not in html
    assert f"The status and latest update of {count} recommendations" in html
    assert "scrutiny briefing of October 2022" in html
    assert "<strong>58 young people engaged in the Reach Project" in html
    rows = _csv_rows(client.get("/strategy/progress-report/csv/"))
    assert rows[0][6] == "Latest update's figure"
    assert any(row[6].startswith("58 young people engaged") for row in rows[1:])


def test_report_csv_neutralises_formulas(client):
    page = RecommendationPage.objects.get(slug="community-mentoring")
    page.lead = '=HYPERLINK("http://evil.example")'
    page.save_revision().publish()
    rows = _csv_rows(client.get("/strategy/progress-report/csv/"))
    leads = [row[4] for row in rows]
    assert '\'=HYPERLINK("http://evil.example")' in leads
    assert not any(lead.startswith("=") for lead in leads)


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1+1", "@SUM(A1)", "\tx", "\rx"])
def test_cell_safe_prefixes_formula_starts(value):
    assert cell_safe(value) == "'" + value


@pytest.mark.parametrize("value", ["plain", "1", "-1", "-12.5", 5, "", "a=b"])
def test_cell_safe_leaves_other_values(value):
    assert cell_safe(value) == value


def test_unpublished_recommendation_is_left_out_of_the_report(client):
    page = RecommendationPage.objects.get(slug="community-mentoring")
    page.unpublish()
    html = client.get("/strategy/progress-report/").content.decode()
    assert "Community mentoring for young people at risk" not in html
