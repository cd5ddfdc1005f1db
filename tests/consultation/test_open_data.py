"""Open data: counts of feedback by month, theme and source, with counts from 1 to 4
suppressed, and nothing else about anyone (no text, ward or age band)."""

import csv
import io
from datetime import UTC, datetime

import pytest

from consultation.models import Feedback
from strategy.models import Theme, Ward
from tests.consultation.factories import FeedbackFactory

pytestmark = pytest.mark.django_db

CSV_URL = "/open-data/feedback-summary.csv"
JSON_URL = "/open-data/feedback-summary.json"
SECRET_TEXT = "Nobody else could have written zq-unique-marker-4471 about the bus stop"
MARCH = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)


def _feedback(count, *, themes=(), **fields):
    for _ in range(count):
        row = FeedbackFactory(**fields)
        if themes:
            row.themes.add(*themes)


@pytest.fixture
def counted():
    """Education from surveys (6) and youth voice (2), one event with no theme, Education and
    Communities on one forum post, and April's survey feedback starting at 00:30 London time."""
    education, communities = Theme.objects.get(slug="education"), Theme.objects.get(slug="communities")
    abbey = Ward.objects.get(slug="abbey")
    _feedback(6, source="survey", themes=[education], created_at=MARCH, ward=abbey, age_band="35-44")
    _feedback(2, source="youth_voice", themes=[education], created_at=MARCH, age_band="11-15", text=SECRET_TEXT)
    _feedback(1, source="event", created_at=MARCH, ward=abbey, age_band="16-18", text=SECRET_TEXT)
    _feedback(1, source="forum", themes=[education, communities], created_at=MARCH)
    _feedback(5, source="survey", themes=[communities], created_at=datetime(2025, 3, 31, 23, 30, tzinfo=UTC))


def _csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_csv_has_one_row_per_month_theme_and_source_with_small_counts_suppressed(client, counted):
    response = client.get(CSV_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="feedback-summary.csv"' in response["Content-Disposition"]
    assert _csv_rows(response) == [
        ["month", "theme", "source", "count"],
        ["2025-03", "Education", "Survey", "6"],
        ["2025-03", "Education", "Youth voice", "fewer than 5"],
        ["2025-03", "Education", "Forum", "fewer than 5"],
        ["2025-03", "Communities", "Forum", "fewer than 5"],
        ["2025-03", "No theme yet", "Event", "fewer than 5"],
        ["2025-04", "Communities", "Survey", "5"],  # 00:30 on 1 April in London
    ]


def test_json_has_the_same_rows_with_null_for_suppressed_counts(client, counted):
    response = client.get(JSON_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["rows"] == [
        {"month": "2025-03", "theme": "Education", "source": "Survey", "count": 6, "suppressed": False},
        {"month": "2025-03", "theme": "Education", "source": "Youth voice", "count": None, "suppressed": True},
        {"month": "2025-03", "theme": "Education", "source": "Forum", "count": None, "suppressed": True},
        {"month": "2025-03", "theme": "Communities", "source": "Forum", "count": None, "suppressed": True},
        {"month": "2025-03", "theme": "No theme yet", "source": "Event", "count": None, "suppressed": True},
        {"month": "2025-04", "theme": "Communities", "source": "Survey", "count": 5, "suppressed": False},
    ]
    assert set(data) == {"title", "description", "suppression", "fields", "rows"}


@pytest.mark.parametrize("url", [CSV_URL, JSON_URL])
def test_no_text_ward_or_age_band_ever_leaves(client, counted, url):
    content = client.get(url).content.decode("utf-8-sig")
    assert "zq-unique-marker-4471" not in content
    assert "bus stop" not in content
    for ward in Ward.objects.values_list("name", flat=True):
        assert ward not in content
    for value, label in Feedback._meta.get_field("age_band").choices:
        assert value not in content and label not in content
    assert "ward" not in content.lower() and "age" not in content.lower()


def test_json_keys_are_only_month_theme_source_and_count(client, counted):
    rows = client.get(JSON_URL).json()["rows"]
    assert rows and all(set(row) == {"month", "theme", "source", "count", "suppressed"} for row in rows)


def test_with_no_feedback_there_are_no_rows(client):
    assert _csv_rows(client.get(CSV_URL)) == [["month", "theme", "source", "count"]]
    assert client.get(JSON_URL).json()["rows"] == []


@pytest.mark.parametrize("url", [CSV_URL, JSON_URL])
def test_responses_may_be_cached_for_10_minutes(client, counted, url):
    first = client.get(url)
    assert "max-age=600" in first["Cache-Control"] and "public" in first["Cache-Control"]
    assert first["Access-Control-Allow-Origin"] == "*"
    assert first["X-Page-Cache"] == "miss"
    second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


@pytest.mark.parametrize("url", [CSV_URL, JSON_URL])
def test_only_reading_is_allowed(client, url):
    assert client.head(url).status_code == 200
    assert client.post(url).status_code == 405
