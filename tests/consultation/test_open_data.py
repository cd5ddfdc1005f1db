"""Open data: counts of feedback by month, theme and source, with counts from 1 to 4
suppressed, complementary suppression so none can be worked out, published counts rounded to
the nearest 5, and nothing else about anyone (no text, ward or age band)."""

import csv
import io
import random
from datetime import UTC, datetime

import pytest
from django.core.cache import cache

from consultation.models import Feedback
from consultation.open_data import NO_THEME, feedback_summary_published
from core.models import Theme, Ward
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
        ["2025-03", "Education", "Survey", "5"],  # 6, rounded to the nearest 5
        ["2025-03", "Education", "Youth voice", "suppressed"],
        ["2025-03", "Education", "Forum", "suppressed"],
        ["2025-03", "Communities", "Forum", "suppressed"],
        ["2025-03", "No theme yet", "Event", "suppressed"],
        # 00:30 on 1 April in London. Held back as well: the theme page shows Communities' total,
        # which less this 5 would give the forum's 1 away.
        ["2025-04", "Communities", "Survey", "suppressed"],
    ]


def test_json_has_the_same_rows_with_null_for_suppressed_counts(client, counted):
    response = client.get(JSON_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["rows"] == [
        {"month": "2025-03", "theme": "Education", "source": "Survey", "count": 5, "suppressed": False},
        {"month": "2025-03", "theme": "Education", "source": "Youth voice", "count": None, "suppressed": True},
        {"month": "2025-03", "theme": "Education", "source": "Forum", "count": None, "suppressed": True},
        {"month": "2025-03", "theme": "Communities", "source": "Forum", "count": None, "suppressed": True},
        {"month": "2025-03", "theme": "No theme yet", "source": "Event", "count": None, "suppressed": True},
        {"month": "2025-04", "theme": "Communities", "source": "Survey", "count": None, "suppressed": True},
    ]
    assert set(data) == {"title", "description", "licence", "counted_at", "suppression", "rounding", "fields", "rows"}
    assert "nearest 5" in data["rounding"]
    assert "exactly one" in data["suppression"]


@pytest.mark.parametrize("url", [CSV_URL, JSON_URL])
def test_no_text_ward_or_age_band_ever_leaves(client, counted, url):
    content = client.get(url).content.decode("utf-8-sig")
    assert "zq-unique-marker-4471" not in content
    assert "bus stop" not in content
    for ward in Ward.objects.values_list("name", flat=True):
        assert ward not in content
    for value, label in Feedback._meta.get_field("age_band").choices:
        assert value not in content and str(label) not in content
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


# --- Differencing: suppression that cannot be undone --------------------------------------


def _rows(cells: dict[tuple[str, str, str], int]) -> list[dict]:
    return [
        {"month": month, "theme": theme, "source": source, "count": count}
        for (month, theme, source), count in cells.items()
    ]


def _published(cells):
    return {(row["month"], row["theme"], row["source"]): row for row in feedback_summary_published(_rows(cells))}


def _lines(cells) -> list[list[tuple]]:
    """Every row and column of each month's table, and each theme across the whole table."""
    lines: dict[tuple, list] = {}
    for key in cells:
        month, theme, source = key
        lines.setdefault(("row", month, theme), []).append(key)
        lines.setdefault(("column", month, source), []).append(key)
        if theme != NO_THEME:
            lines.setdefault(("theme", theme), []).append(key)
    return list(lines.values())


def test_the_issues_differencing_no_longer_reveals_a_suppressed_count():
    """After one more item was themed, 'No theme yet, Other' went from 5014 to 5013 while
    'Education, Other' stayed 'fewer than 5', which showed it went from 2 to 3."""
    before = {
        ("2025-03", "Education", "Survey", 40),
        ("2025-03", "Education", "Other", 2),
        ("2025-03", "Communities", "Other", 9),
        ("2025-03", NO_THEME, "Survey", 200),
        ("2025-03", NO_THEME, "Other", 5014),
    }
    after = {
        (m, t, s, 3 if (t, s) == ("Education", "Other") else 5013 if (t, s) == (NO_THEME, "Other") else n)
        for m, t, s, n in before
    }
    published_before = _published({(m, t, s): n for m, t, s, n in before})
    published_after = _published({(m, t, s): n for m, t, s, n in after})
    assert published_before == published_after
    assert published_before[("2025-03", "Education", "Other")]["suppressed"]
    # Every number that is shown is rounded, so no one of them gives a single item away.
    for row in published_before.values():
        assert row["suppressed"] or row["count"] % 5 == 0


def test_a_big_cell_alone_with_a_small_one_is_held_back_even_when_rounded():
    published = _published({("2025-03", "Education", "Other"): 2, ("2025-03", NO_THEME, "Other"): 5014})
    assert published[("2025-03", NO_THEME, "Other")] == {
        "month": "2025-03",
        "theme": NO_THEME,
        "source": "Other",
        "count": None,
        "suppressed": True,
    }


def test_theming_one_more_item_does_not_change_the_download(client):
    """The differencing from the issue, end to end: theming one piece of 'Other' feedback as
    Education changes nothing anyone can download."""
    education = Theme.objects.get(slug="education")
    _feedback(2, source="other", themes=[education], created_at=MARCH)
    _feedback(14, source="other", created_at=MARCH)
    first_csv, first_json = client.get(CSV_URL).content, client.get(JSON_URL).json()

    Feedback.objects.filter(source="other", themes=None).first().themes.add(education)
    cache.clear()  # as if the 10 minutes had passed
    second_csv, second_json = client.get(CSV_URL).content, client.get(JSON_URL).json()

    assert second_json["rows"] == first_json["rows"]
    assert second_csv == first_csv
    assert b"14" not in first_csv and b"13" not in second_csv


@pytest.mark.parametrize("seed", range(40))
def test_no_row_or_column_has_exactly_one_suppressed_count(seed):
    chooser = random.Random(seed)  # noqa: S311 (test data, not secrets)
    months = ["2025-01", "2025-02", "2025-03"]
    themes = ["Education", "Communities", "Young People", NO_THEME]
    sources = ["Survey", "Youth voice", "Event", "Other"]
    cells = {}
    for month in months:
        for theme in themes:
            for source in sources:
                count = chooser.choice([0, 0, 1, 2, 3, 4, 5, 6, 9, 12, 30, 5014])
                if count:
                    cells[(month, theme, source)] = count
    published = _published(cells)
    for line in _lines(cells):
        if len(line) < 2:
            continue  # its total is the cell itself: nothing else could be held back
        hidden = [key for key in line if published[key]["suppressed"]]
        assert len(hidden) != 1, f"{line} has one suppressed count: {hidden}"
    for key, count in cells.items():
        row = published[key]
        if 0 < count < 5:
            assert row["suppressed"]
        if not row["suppressed"]:
            assert row["count"] % 5 == 0 and abs(row["count"] - count) <= 2


@pytest.mark.parametrize(("count", "shown"), [(5, 5), (7, 5), (8, 10), (12, 10), (13, 15), (5014, 5015), (5012, 5010)])
def test_published_counts_are_rounded_to_the_nearest_5(count, shown):
    published = _published({("2025-03", "Education", "Survey"): count})
    assert published[("2025-03", "Education", "Survey")]["count"] == shown


def test_the_open_data_page_describes_each_file_its_protection_update_time_and_licence(client, counted):
    html = client.get("/open-data/").content.decode()
    assert f'href="{CSV_URL}"' in html and f'href="{JSON_URL}"' in html
    assert "Counts from 1 to 4 are not published" in html
    assert "rounded to the nearest 5" in html
    assert "Last counted" in html and "<time datetime=" in html
    assert 'rel="license">Open Government Licence v3.0</a>' in html
    assert "2025-03 to 2025-04" in html


def test_every_page_links_to_open_data_from_the_footer(client):
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert '<a href="/open-data/">Open data</a>' in footer


@pytest.mark.parametrize("url", [CSV_URL, JSON_URL])
def test_the_files_carry_their_licence(client, counted, url):
    response = client.get(url)
    assert 'rel="license"' in response["Link"] and "open-government-licence/version/3" in response["Link"]


def test_the_json_says_its_licence_and_when_it_was_counted(client, counted):
    data = client.get(JSON_URL).json()
    assert data["licence"]["name"] == "Open Government Licence v3.0"
    assert datetime.fromisoformat(data["counted_at"]).tzinfo is not None


def test_the_same_counts_hide_the_same_cells_whatever_order_they_come_in():
    cells = {
        ("2025-03", "Education", "Survey"): 40,
        ("2025-03", "Education", "Other"): 2,
        ("2025-03", "Communities", "Other"): 9,
        ("2025-03", NO_THEME, "Survey"): 200,
        ("2025-03", NO_THEME, "Other"): 5014,
    }
    results = set()
    for seed in range(30):
        order = list(cells)
        random.Random(seed).shuffle(order)  # noqa: S311 - a repeatable test order
        published = _published({key: cells[key] for key in order})
        results.add(tuple(sorted((key, row["suppressed"]) for key, row in published.items())))
    assert len(results) == 1


def test_the_page_is_in_the_visitors_language_and_the_json_stays_english(client, counted):
    html = client.get("/pl/open-data/").content.decode()
    assert "Liczby od 1 do 4 nie są publikowane" in html
    assert "jeden wiersz na miesiąc, temat i źródło" in html
    data = client.get("/pl" + JSON_URL).json()
    assert data["suppression"].startswith("Counts from 1 to 4 are not published")
    assert data["fields"]["month"] == "Year and month, YYYY-MM, UK time"
    assert "rounded to the nearest 5" in data["rounding"]
