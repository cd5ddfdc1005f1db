"""Each month's figures carry their source (a police import, or the demo's illustrative file):
the page warns only over illustrative months and marks them, and officers remove a month or a
whole source after a confirmation, with a log entry."""

import csv
import io
import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from localpicture.imports import police_import_run
from localpicture.models import CrimeCount, PoliceImport
from tests.localpicture.factories import police_csv, police_row

pytestmark = pytest.mark.django_db

MONTHS = reverse("localpicture_months:index")
REMOVE = reverse("localpicture_months:remove")


@pytest.fixture
def officer_client(client):
    client.force_login(get_user_model().objects.get(username="officer"))
    return client


@pytest.fixture
def police_months(write_file, django_capture_on_commit_callbacks):
    """Real police figures for December 2024 (replacing the demo's) and January 2025."""
    rows = [police_row(month="2024-12", lsoa_code="E01099003")] * 5 + [police_row(month="2025-01")] * 3
    path = write_file("street.csv", police_csv(rows))
    with django_capture_on_commit_callbacks(execute=True):
        return police_import_run(police_import=PoliceImport.objects.create(), files=[(path, "street.csv")])


def test_each_month_is_stored_with_the_import_it_came_from(police_months):
    demo = PoliceImport.objects.get(illustrative=True)
    assert set(CrimeCount.objects.filter(month=date(2024, 3, 1)).values_list("police_import", "illustrative")) == {
        (demo.pk, True)
    }
    for month in (date(2024, 12, 1), date(2025, 1, 1)):
        assert set(CrimeCount.objects.filter(month=month).values_list("police_import", "illustrative")) == {
            (police_months.pk, False)
        }


def test_the_warning_names_only_the_illustrative_months_and_marks_them(client, local_picture_page, police_months):
    html = client.get(local_picture_page.url).text

    assert "These are illustrative figures" not in html
    assert "Figures for January 2023 to November 2024 are illustrative, not police data" in html
    rows = dict(re.findall(r'<th scope="row" data-month="(\d{4}-\d{2})">(.*?)</th>', html))
    assert "Illustrative" in rows["2024-03"] and "Illustrative" in rows["2024-11"]
    assert "Illustrative" not in rows["2024-12"] and "Illustrative" not in rows["2025-01"]
    assert 'data-shaded="2023-01 2024-11"' in html
    assert "Shaded: illustrative figures, not police data" in html

    lines = csv.DictReader(io.StringIO(client.get(local_picture_page.url + "data-csv/").content.decode("utf-8-sig")))
    sources = {(row["month"], row["source"]) for row in lines}
    assert ("2024-03", "illustrative") in sources and ("2025-01", "police") in sources
    assert ("2024-12", "illustrative") not in sources


def test_an_officer_removes_one_month_after_confirming(officer_client, local_picture_page, police_months):
    officer_client.get(local_picture_page.url)  # in the page cache now

    confirm = officer_client.get(REMOVE, {"month": "2024-03"})
    assert confirm.status_code == 200
    assert "March 2024" in confirm.text and 'method="post"' in confirm.text and "csrfmiddlewaretoken" in confirm.text
    assert CrimeCount.objects.filter(month=date(2024, 3, 1)).exists(), "a GET removes nothing"

    response = officer_client.post(REMOVE, {"month": "2024-03"})
    assert response.status_code == 302 and response.url == MONTHS
    assert not CrimeCount.objects.filter(month=date(2024, 3, 1)).exists()
    assert CrimeCount.objects.filter(month=date(2024, 4, 1)).exists()
    entry = ModelLogEntry.objects.get(action="localpicture.months_removed")
    assert entry.user.username == "officer"
    assert entry.data["months"] == ["2024-03"] and entry.data["source"] == "illustrative"
    assert "2024-03" in officer_client.get(MONTHS).text

    anonymous = Client().get(local_picture_page.url).text
    assert re.search(
        r'data-month="2024-03">March 2024[^<]*(<span[^>]*>Illustrative</span>)?</th>'
        r'<td class="numeric">No data</td>',
        anonymous,
    )


def test_an_officer_removes_every_illustrative_month_and_the_warning_goes(
    officer_client, local_picture_page, police_months
):
    listing = officer_client.get(MONTHS).text
    assert "Illustrative" in listing and f"import {police_months.pk}" in listing
    assert "Remove every illustrative month" in listing

    assert "23 months" in officer_client.get(REMOVE, {"source": "illustrative"}).text
    officer_client.post(REMOVE, {"source": "illustrative"})

    assert not CrimeCount.objects.filter(illustrative=True).exists()
    assert set(CrimeCount.objects.values_list("month", flat=True)) == {date(2024, 12, 1), date(2025, 1, 1)}
    entry = ModelLogEntry.objects.get(action="localpicture.months_removed")
    assert entry.object_id == str(PoliceImport.objects.get(illustrative=True).pk)
    assert len(entry.data["months"]) == 23
    assert "illustrative" not in Client().get(local_picture_page.url).text.lower()


@pytest.mark.parametrize("username", ["editor", "moderator", "safeguarding"])
def test_only_those_who_may_import_may_remove(client, username, police_months):
    client.force_login(get_user_model().objects.get(username=username))
    assert client.get(MONTHS).url == reverse("wagtailadmin_home")
    client.post(REMOVE, {"source": "illustrative"})
    assert CrimeCount.objects.filter(illustrative=True).exists()


def test_removing_needs_the_csrf_token(police_months):
    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.get(username="officer"))
    assert client.post(REMOVE, {"source": "police"}).status_code == 403
    assert CrimeCount.objects.filter(illustrative=False).exists()


@pytest.mark.parametrize("params", [{"month": "2024-13"}, {"month": "March"}, {"source": "everything"}, {}])
def test_a_removal_of_something_unknown_is_not_found(officer_client, params):
    assert officer_client.get(REMOVE, params).status_code == 404
    assert officer_client.post(REMOVE, params).status_code == 404
