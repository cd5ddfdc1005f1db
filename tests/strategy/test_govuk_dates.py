"""Times read as GOV.UK writes them, and `datetime` attributes pass the HTML checker."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template

from core.templatetags.govuk_dates import govuk_datetime, govuk_time, machine_datetime

LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (time(18, 0), "6pm"),
        (time(4, 55), "4:55am"),
        (time(12, 0), "midday"),
        (time(0, 0), "midnight"),
        (time(12, 30), "12:30pm"),
        (time(0, 5), "12:05am"),
        (time(9, 5), "9:05am"),
    ],
)
def test_times_read_in_govuk_style(value, expected):
    assert govuk_time(value) == expected


def test_aware_datetimes_are_shown_in_uk_time():
    # 17:00 UTC in summer is 6pm in the UK.
    assert govuk_datetime(datetime(2026, 7, 3, 17, 0, tzinfo=ZoneInfo("UTC"))) == "Friday 3 July 2026, 6pm"
    assert govuk_datetime(datetime(2026, 12, 4, 12, 0, tzinfo=LONDON), "j F Y") == "4 December 2026, midday"


def test_datetime_attribute_has_no_microseconds():
    value = datetime(2026, 12, 4, 18, 0, 0, 123456, tzinfo=LONDON)
    assert machine_datetime(value) == "2026-12-04T18:00:00+00:00"


def test_filters_are_empty_for_no_value():
    rendered = Template("{% load govuk_dates %}[{{ v|govuk_time }}|{{ v|govuk_datetime }}|{{ v|machine_datetime }}]")
    assert rendered.render(Context({"v": None})) == "[||]"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/consultations/", "/events/"])
def test_public_listings_write_times_in_govuk_style_and_valid_datetime_attributes(client, path):
    import re

    html = client.get(path).content.decode()
    assert "a.m." not in html and "p.m." not in html
    attributes = re.findall(r'datetime="([^"]+)"', html)
    assert attributes, "the listing shows at least one date"
    for value in attributes:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d[+-]\d\d:\d\d)?", value), value


@pytest.mark.django_db
def test_the_demo_survey_closes_at_a_time_a_person_would_choose(client):
    from consultation.models import SurveyPage

    for survey in SurveyPage.objects.exclude(closes_at=None):
        local = survey.closes_at.astimezone(LONDON)
        assert (local.minute, local.second) == (0, 0), survey.title
