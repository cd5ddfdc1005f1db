"""The feedback dashboard: its counts, small-number suppression, months, the backlog, how well
suggested themes agree with confirmed ones, who may see it, and its fixed query count."""

import re
from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from consultation.dashboard import counting, views
from consultation.dashboard.charts import SUPPRESSED_MARK
from consultation.dashboard.counting import feedback_by_month, untriaged_backlog
from consultation.dashboard.views import dashboard_data
from consultation.models import Feedback, ThemeSuggestion
from core.models import Theme, Ward
from tests.conftest import service_unavailable
from tests.consultation.factories import FeedbackFactory

pytestmark = pytest.mark.django_db

URL = "/admin/feedback-dashboard/"
SOURCES = ["Survey", "Youth voice", "Event", "Forum", "Other"]
TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "consultation" / "admin"


@pytest.fixture
def login(client):
    def as_user(username):
        client.force_login(get_user_model().objects.get(username=username))
        return client

    return as_user


@pytest.fixture
def themes():
    return {theme.slug: theme for theme in Theme.objects.all()}


def _feedback(count=1, *, themes=(), suggested=(), **fields):
    rows = []
    for _ in range(count):
        row = FeedbackFactory(**fields)
        if themes:
            row.themes.add(*themes)
        for theme in suggested:
            ThemeSuggestion.objects.create(feedback=row, theme=theme, score=1.0)
        rows.append(row)
    return rows


def _refused(response) -> bool:
    """Wagtail answers a permission error in the admin by sending the user to the dashboard."""
    return response.status_code == 302 and response["Location"] == "/admin/"


# --- Counts ------------------------------------------------------------------------------


def test_confirmed_themes_by_source_with_a_no_theme_row(themes):
    _feedback(3, source="survey", themes=[themes["education"]])
    _feedback(2, source="youth_voice", themes=[themes["education"], themes["communities"]])
    _feedback(1, source="event")

    table = dashboard_data().theme_source
    assert table.sources == SOURCES
    rows = {row.label: row.counts for row in table.rows}
    assert rows["Education"] == [3, 2, 0, 0, 0]
    assert rows["Communities"] == [0, 2, 0, 0, 0]
    assert rows["Young People"] == [0, 0, 0, 0, 0]
    assert rows["No theme yet"] == [0, 0, 1, 0, 0]
    assert [row.label for row in table.rows][-1] == "No theme yet"
    # Each piece once, however many themes it has.
    assert table.source_totals == [3, 2, 1, 0, 0]
    assert table.total == 6


def test_the_page_shows_the_numbers_in_tables_beside_the_charts(login, themes):
    _feedback(12, source="survey", themes=[themes["education"]])
    html = login("officer").get(URL).content.decode()
    assert "<caption>Feedback by confirmed theme and source</caption>" in html
    assert re.search(r'<th scope="row">Education</th><td class="dash-num">12</td>', html)
    assert "Education 12 (Survey 12)" in html  # the chart's label, in words


# --- Wards and age bands: counts from 1 to 4 are never shown -------------------------------


def test_ward_and_age_band_counts_under_5_are_suppressed(login):
    abbey, castle = Ward.objects.get(slug="abbey"), Ward.objects.get(slug="castle")
    _feedback(3, ward=abbey, age_band="16-18")
    _feedback(7, ward=castle, age_band="19-24")
    _feedback(1, age_band="")

    data = dashboard_data()
    wards = {row.label: row for row in data.wards}
    assert wards["Abbey"].suppressed and wards["Abbey"].text == "fewer than 5"
    assert not wards["Castle"].suppressed and wards["Castle"].text == "7"
    assert wards["Not given"].text == "fewer than 5"
    assert wards["Westcotes"].text == "0"  # nothing to hide in a zero
    ages = {row.label: row for row in data.age_bands}
    assert ages["16 to 18"].text == "fewer than 5"
    assert ages["19 to 24"].text == "7"
    assert ages["Not given"].text == "fewer than 5"

    # The chart draws a fixed-width hatched mark, never a bar as long as the true count.
    chart = data.charts["wards"]
    abbey_row = [row.label for row in data.wards].index("Abbey")
    marks = [rect for rect in chart.rects if rect["hatched"]]
    assert len(marks) == 2  # Abbey and Not given
    assert all(float(rect["width"]) == SUPPRESSED_MARK for rect in marks)
    assert float(marks[0]["y"]) == pytest.approx(4 + abbey_row * 26)
    assert "Abbey fewer than 5" in chart.label and "Castle 7" in chart.label

    html = login("officer").get(URL).content.decode()
    assert '<th scope="row">Abbey</th><td class="dash-num">fewer than 5</td>' in html
    assert '<th scope="row">16 to 18</th><td class="dash-num">fewer than 5</td>' in html
    assert '<th scope="row">Castle</th><td class="dash-num">7</td>' in html
    assert "Abbey 3" not in html
    assert '<th scope="row">Abbey</th><td class="dash-num">3</td>' not in html


# --- Months ------------------------------------------------------------------------------


def test_last_12_months_are_grouped_by_uk_month():
    now = datetime(2025, 6, 15, 12, 0, tzinfo=UTC)
    _feedback(2, created_at=datetime(2025, 3, 31, 23, 30, tzinfo=UTC))  # 00:30 on 1 April in London (BST)
    _feedback(1, created_at=datetime(2025, 1, 31, 23, 30, tzinfo=UTC))  # still January in London (GMT)
    _feedback(4, created_at=datetime(2025, 6, 1, 9, 0, tzinfo=UTC))
    _feedback(1, created_at=datetime(2024, 7, 1, 0, 0, tzinfo=UTC))  # 1am on 1 July in London: shown
    _feedback(5, created_at=datetime(2024, 6, 30, 12, 0, tzinfo=UTC))  # 13 months ago: not shown

    months = feedback_by_month(now=now)
    assert [m.label for m in months][0] == "July 2024"
    assert [m.label for m in months][-1] == "June 2025"
    assert len(months) == 12
    counts = {m.label: m.count for m in months}
    assert counts["April 2025"] == 2
    assert counts["March 2025"] == 0
    assert counts["January 2025"] == 1
    assert counts["June 2025"] == 4
    assert counts["July 2024"] == 1
    assert sum(counts.values()) == 8


def test_the_months_run_up_to_this_month():
    _feedback(2)
    months = dashboard_data().months
    this_month = timezone.localtime(timezone.now())
    assert (months[-1].month.year, months[-1].month.month) == (this_month.year, this_month.month)
    assert months[-1].count == 2


# --- The backlog -------------------------------------------------------------------------


def test_backlog_counts_unreviewed_feedback_and_its_age():
    now = datetime(2025, 6, 15, 12, 0, tzinfo=UTC)  # 1pm in London
    for days in (1, 3, 10):
        _feedback(created_at=now - timedelta(days=days, hours=1))
    _feedback(created_at=now - timedelta(days=100), reviewed=True)

    backlog = untriaged_backlog(now=now)
    assert backlog.count == 3
    assert backlog.oldest_days == 10
    assert backlog.oldest_on == date(2025, 6, 5)
    assert backlog.median_days == 3
    assert [(row.label, row.count) for row in backlog.buckets] == [
        ("Under a week", 2),
        ("1 to 4 weeks", 1),
        ("4 weeks or more", 0),
    ]

    _feedback(created_at=now - timedelta(days=40, hours=1))
    backlog = untriaged_backlog(now=now)
    assert backlog.count == 4
    assert backlog.oldest_days == 40
    assert backlog.median_days == 6  # halfway between 3 and 10 days, in whole days
    assert backlog.buckets[2].count == 1


def test_backlog_days_are_uk_calendar_days():
    now = datetime(2025, 6, 15, 8, 0, tzinfo=UTC)  # 9am in London
    _feedback(created_at=datetime(2025, 6, 14, 23, 30, tzinfo=UTC))  # 00:30 today in London
    _feedback(created_at=datetime(2025, 6, 14, 22, 30, tzinfo=UTC))  # 23:30 yesterday in London
    backlog = untriaged_backlog(now=now)
    assert backlog.oldest_days == 1
    assert backlog.median_days == 0


def test_an_empty_backlog(login):
    _feedback(created_at=timezone.now() - timedelta(days=5), reviewed=True)
    backlog = untriaged_backlog(now=timezone.now())
    assert backlog.count == 0
    assert backlog.oldest_days is None and backlog.median_days is None
    assert "Nothing is waiting" in login("officer").get(URL).content.decode()


def test_the_page_shows_the_backlog(login):
    now = timezone.now()
    for days in (2, 9, 30):
        _feedback(created_at=now - timedelta(days=days))
    html = login("officer").get(URL).content.decode()
    assert "<dt>Not reviewed yet</dt><dd>3</dd>" in html
    assert re.search(r"<dt>Oldest has waited</dt><dd>3[01] days</dd>", html)


# --- Suggested against confirmed themes ----------------------------------------------------


def test_agreement_between_suggested_and_confirmed_themes(themes):
    edu, com, yp = themes["education"], themes["communities"], themes["young-people"]
    # Compared: reviewed, with both suggestions and confirmed themes.
    _feedback(reviewed=True, suggested=[edu, com], themes=[edu, com])  # exactly right
    _feedback(reviewed=True, suggested=[edu], themes=[edu, yp])  # missed Young People
    _feedback(reviewed=True, suggested=[com, yp], themes=[com])  # Young People wrongly suggested
    _feedback(reviewed=True, suggested=[edu], themes=[com])  # wrong theme
    # Left out: not reviewed, no confirmed theme, or no suggestion.
    _feedback(reviewed=False, suggested=[edu], themes=[edu])
    _feedback(reviewed=True, suggested=[edu])
    _feedback(reviewed=True, themes=[edu])

    agreement = dashboard_data().agreement
    assert agreement.compared == 4
    assert agreement.exact == 1
    assert agreement.share == pytest.approx(0.25)
    assert agreement.share_text == "25%"

    by_theme = {row.theme: row for row in agreement.themes}
    assert (by_theme["Education"].suggested, by_theme["Education"].confirmed, by_theme["Education"].both) == (3, 2, 2)
    assert by_theme["Education"].precision == pytest.approx(2 / 3)
    assert by_theme["Education"].recall == pytest.approx(1)
    assert (by_theme["Communities"].suggested, by_theme["Communities"].confirmed, by_theme["Communities"].both) == (
        2,
        3,
        2,
    )
    assert by_theme["Communities"].precision == pytest.approx(1)
    assert by_theme["Communities"].recall == pytest.approx(2 / 3)
    assert by_theme["Communities"].recall_text == "67%"
    assert by_theme["Young People"].precision == 0 and by_theme["Young People"].recall == 0
    assert by_theme["Policy and Process"].precision is None
    assert by_theme["Policy and Process"].precision_text == "not applicable"


def test_no_agreement_figures_without_reviewed_feedback(login, themes):
    _feedback(suggested=[themes["education"]], themes=[themes["education"]])
    agreement = dashboard_data().agreement
    assert agreement.compared == 0 and agreement.share is None
    assert "nothing to compare" in login("officer").get(URL).content.decode()


# --- Who may see it ----------------------------------------------------------------------


def test_officers_see_the_dashboard_and_its_menu_item(login):
    client = login("officer")
    response = client.get(URL)
    assert response.status_code == 200
    assert "<title>Feedback dashboard" in response.content.decode()
    assert '"label": "Feedback dashboard"' in client.get("/admin/").content.decode()  # the sidebar's menu


@pytest.mark.parametrize("username", ["editor", "moderator", "safeguarding"])
def test_staff_without_view_feedback_are_refused(login, username):
    client = login(username)
    assert _refused(client.get(URL))
    assert '"label": "Feedback dashboard"' not in client.get("/admin/").content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


# --- Accessible charts, no inline styles ---------------------------------------------------


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def test_charts_and_tables_are_accessible_and_use_no_inline_styles(login, themes):
    _feedback(6, source="survey", themes=[themes["education"]], ward=Ward.objects.get(slug="abbey"))
    _feedback(2, source="event", age_band="65+")
    html = login("officer").get(URL).content.decode()
    main = html[html.index('<div class="dash">') :]
    parser = _Elements()
    parser.feed(main)

    charts = [attrs for tag, attrs in parser.elements if tag == "svg" and "dash-chart" in attrs.get("class", "")]
    assert len(charts) == 5  # themes by source, months, wards, age bands, languages
    for attrs in charts:
        assert attrs.get("role") == "img"
        assert attrs.get("aria-label")
    other_svgs = [
        attrs for tag, attrs in parser.elements if tag == "svg" and "dash-chart" not in attrs.get("class", "")
    ]
    assert all(attrs.get("aria-hidden") == "true" for attrs in other_svgs)
    assert not [tag for tag, attrs in parser.elements if "style" in attrs or tag == "style" or tag == "script"]

    assert main.count("<table") == main.count("<caption>") == 7
    headers = [attrs for tag, attrs in parser.elements if tag == "th"]
    assert headers and all(attrs.get("scope") in ("col", "row") for attrs in headers)
    assert '<link rel="stylesheet" href="/static/css/admin-dashboard.css">' in html
    for template in (TEMPLATES / "dashboard.html", TEMPLATES / "includes" / "chart.html"):
        assert "style=" not in template.read_text()


# --- A fixed number of queries -----------------------------------------------------------


def _add_rows(themes, count):
    wards = list(Ward.objects.all()[:3])
    theme_list = list(themes.values())
    sources = [choice for choice, _ in Feedback.Source.choices]
    for i in range(count):
        _feedback(
            source=sources[i % len(sources)],
            ward=wards[i % len(wards)] if i % 4 else None,
            age_band=["16-18", "25-34", ""][i % 3],
            created_at=timezone.now() - timedelta(days=17 * i),
            reviewed=bool(i % 2),
            themes=theme_list[i % 3 : i % 3 + 2],
            suggested=theme_list[i % 4 : i % 4 + 1],
        )


def _page_queries(client) -> int:
    cache.delete(views.CACHE_KEY)  # count everything, as on a first visit
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    return len(queries)


def test_the_dashboard_runs_a_fixed_number_of_queries(themes, django_assert_num_queries):
    expected = 6 if connection.vendor == "postgresql" else 7  # PostgreSQL counts two groupings in one pass
    with django_assert_num_queries(expected):
        dashboard_data()
    _add_rows(themes, 40)
    with django_assert_num_queries(expected):
        dashboard_data()


def test_the_one_pass_counts_equal_the_two_pass_counts(themes):
    """On PostgreSQL the counts by place and by themes come from one GROUPING SETS query; they
    must be what the two plain queries used elsewhere give."""
    if connection.vendor != "postgresql":
        service_unavailable("the one-pass counts need PostgreSQL (set DATABASE_URL)")
    _add_rows(themes, 40)
    _feedback(3, reviewed=True, themes=[themes["education"]], suggested=[themes["education"]], ward=None)
    one, two = counting._feedback_counts_one_pass(), counting._feedback_counts_two_passes()
    assert one == two
    assert sum(one.by_source.values()) == Feedback.objects.count()
    assert one.by_ward[None] >= 3 and one.themes.compared


def test_the_page_query_count_does_not_grow_with_feedback(login, themes, django_assert_max_num_queries):
    client = login("officer")
    _add_rows(themes, 3)
    _page_queries(client)  # warm per-process caches
    before = _page_queries(client)
    _add_rows(themes, 60)
    after = _page_queries(client)
    assert after == before, f"{before} queries with 3 pieces of feedback, {after} with 63"
    cache.delete(views.CACHE_KEY)
    with django_assert_max_num_queries(25):
        client.get(URL)


def test_counted_figures_are_reused_until_the_data_changes(login, themes, django_assert_max_num_queries):
    client = login("officer")
    _feedback(2, source="survey", themes=[themes["education"]])
    first = _page_queries(client)
    # Served from the cache: only the three fingerprint queries on top of the admin's own.
    with CaptureQueriesContext(connection) as queries:
        client.get(URL)
    assert len(queries) == first - (6 if connection.vendor == "postgresql" else 7)

    _feedback(3, source="survey", themes=[themes["education"]])
    html = client.get(URL).content.decode()
    assert '<th scope="row">Education</th><td class="dash-num">5</td>' in html
    Feedback.objects.filter(reviewed=False).update(reviewed=True)
    assert "Nothing is waiting" in client.get(URL).content.decode()
    Feedback.objects.first().themes.clear()
    html = client.get(URL).content.decode()
    assert '<th scope="row">Education</th><td class="dash-num">4</td>' in html

    (suggested,) = _feedback(reviewed=True, suggested=[themes["education"]], themes=[themes["education"]])
    assert "<dt>Suggestions exactly right</dt><dd>100%</dd>" in client.get(URL).content.decode()
    suggested.suggestions.all().delete()
    assert "<dt>Suggestions exactly right</dt><dd>None compared yet</dd>" in client.get(URL).content.decode()
