"""Officers' admin pages: police data uploads (at once and in the background), figure values
from CSV, the ward lookup, and who may use them."""

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from localpicture.models import CrimeCount, FigureValue, PoliceImport, WardLookup
from tests.localpicture.factories import FigureSeriesFactory, police_csv, police_row

pytestmark = pytest.mark.django_db

IMPORTS = reverse("localpicture_imports:index")
FIGURES = reverse("localpicture_figures:upload")
WARDS = reverse("localpicture_wards:index")


@pytest.fixture
def officer_client(client):
    client.force_login(get_user_model().objects.get(username="officer"))
    return client


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/csv")


@pytest.mark.parametrize("username", ["editor", "moderator", "safeguarding"])
@pytest.mark.parametrize("url", [IMPORTS, FIGURES, WARDS])
def test_only_officers_may_import_or_upload(client, username, url):
    client.force_login(get_user_model().objects.get(username=username))
    response = client.get(url)
    assert response.status_code == 302  # Wagtail sends a refused user back to the dashboard
    assert response.url == reverse("wagtailadmin_home")


def test_refused_post_saves_nothing(client, no_police_data):
    client.force_login(get_user_model().objects.get(username="editor"))
    client.post(IMPORTS, {"files": [upload("street.csv", police_csv([police_row()]))]})
    assert not PoliceImport.objects.exists()


def test_officer_sees_the_local_picture_menu(officer_client):
    response = officer_client.get(reverse("wagtailadmin_home"))
    assert "Local picture" in response.text
    assert IMPORTS in response.text
    assert "<title>Police data" in officer_client.get(IMPORTS).text


def test_small_upload_is_imported_at_once_and_the_file_deleted(officer_client, no_police_data, settings):
    response = officer_client.post(IMPORTS, {"files": [upload("may-street.csv", police_csv([police_row()] * 2))]})

    job = PoliceImport.objects.get()
    assert response.url == reverse("localpicture_imports:detail", args=[job.pk])
    assert job.status == PoliceImport.Status.DONE
    assert CrimeCount.objects.get().count == 2
    assert job.stored_paths == []
    assert list(Path(settings.POLICE_UPLOAD_ROOT).iterdir()) == []
    page = officer_client.get(response.url).text
    assert "2 in this area were counted, 0 from elsewhere were ignored" in page


def test_uploads_are_kept_outside_the_public_media_folder(settings):
    assert not str(Path(settings.POLICE_UPLOAD_ROOT).resolve()).startswith(str(Path(settings.MEDIA_ROOT).resolve()))


def test_large_upload_runs_in_the_background(
    officer_client, no_police_data, settings, django_capture_on_commit_callbacks
):
    settings.POLICE_IMPORT_SYNC_BYTES = 10
    files = [upload("a-street.csv", police_csv([police_row()])), upload("b-street.csv", police_csv([police_row()]))]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = officer_client.post(IMPORTS, {"files": files})
    assert PoliceImport.objects.get().status == PoliceImport.Status.PENDING  # queued, not run in the request
    for callback in callbacks:
        callback()

    job = PoliceImport.objects.get()
    assert job.status == PoliceImport.Status.DONE  # Celery is eager in tests
    assert CrimeCount.objects.get().count == 2
    assert "Imported" in officer_client.get(response.url).text


def test_waiting_import_shows_a_link_to_check_progress(officer_client):
    job = PoliceImport.objects.create(file_names=["big.zip"])
    page = officer_client.get(reverse("localpicture_imports:detail", args=[job.pk])).text
    assert "The import is waiting to start." in page
    assert "Check progress" in page
    assert 'http-equiv="refresh"' not in page


def test_waiting_import_is_resumed_by_the_periodic_task(no_police_data, settings, tmp_path):
    from localpicture.tasks import police_imports_resume

    path = tmp_path / "street.csv"
    path.write_bytes(police_csv([police_row()]))
    job = PoliceImport.objects.create(file_names=["street.csv"], stored_paths=[str(path)])
    PoliceImport.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(hours=1))

    assert police_imports_resume() == 1
    job.refresh_from_db()
    assert job.status == PoliceImport.Status.DONE
    assert not path.exists()


def test_broken_upload_lists_its_problems(officer_client, no_police_data):
    response = officer_client.post(IMPORTS, {"files": [upload("bad.csv", police_csv([police_row(month="24-05")]))]})
    page = officer_client.get(response.url).text

    assert "Nothing was saved from these files" in page
    assert "bad.csv, line 2: Month &#x27;24-05&#x27; is not like 2024-06." in page
    assert not CrimeCount.objects.exists()


def test_wrong_file_type_is_refused_next_to_the_field(officer_client, no_police_data):
    response = officer_client.post(IMPORTS, {"files": [upload("report.xlsx", b"PK")]})

    assert response.status_code == 400
    assert "Only .csv files and .zip files can be imported. Not: report.xlsx." in response.text
    assert not PoliceImport.objects.exists()


def test_figure_values_upload_saves_every_month(officer_client):
    series = FigureSeriesFactory()
    FigureValue.objects.create(series=series, month=date(2022, 6, 1), value=Decimal("9"))
    content = b"month,value\n2022-05,0.52\n2022-06,0.61\n"
    response = officer_client.post(FIGURES, {"series": series.pk, "file": upload("rates.csv", content)})

    assert response.status_code == 302
    assert [(v.month, v.value) for v in series.values.all()] == [
        (date(2022, 5, 1), Decimal("0.520")),
        (date(2022, 6, 1), Decimal("0.610")),
    ]


def test_figure_values_upload_with_errors_saves_nothing(officer_client):
    series = FigureSeriesFactory()
    content = b"month,value\n2022-05,0.52\nJune,0.61\n2022-05,1\n2022-07,lots\n"
    response = officer_client.post(FIGURES, {"series": series.pk, "file": upload("rates.csv", content)})

    assert response.status_code == 400
    assert "Line 3: month &#x27;June&#x27; is not like 2022-06." in response.text
    assert "Line 4: 2022-05 appears twice." in response.text
    assert "Line 5: value &#x27;lots&#x27; is not a number." in response.text
    assert not series.values.exists()


def test_figure_values_upload_checks_the_header(officer_client):
    series = FigureSeriesFactory()
    response = officer_client.post(FIGURES, {"series": series.pk, "file": upload("r.csv", b"date,rate\n")})
    assert "Line 1: the first row must be the column names month,value." in response.text


def test_ward_lookup_upload_replaces_the_lookup(officer_client):
    content = b"LSOA21CD,LSOA21NM,WD23CD,WD23NM\nE01013649,Leicester 015C,E05010457,Castle\n"
    response = officer_client.post(WARDS, {"file": upload("lookup.csv", content)})

    assert response.status_code == 302
    assert list(WardLookup.objects.values_list("lsoa_code", "ward_code", "ward_name")) == [
        ("E01013649", "E05010457", "Castle")
    ]


def test_ward_lookup_with_errors_keeps_the_old_one(officer_client):
    before = WardLookup.objects.count()
    content = b"lsoa_code,ward_code,ward_name\nE01013649,E05010457,Castle\nnot-a-code,E05010457,Castle\n"
    response = officer_client.post(WARDS, {"file": upload("lookup.csv", content)})

    assert response.status_code == 400
    assert "Line 3: LSOA code &#x27;not-a-code&#x27; is not like E01013649." in response.text
    assert WardLookup.objects.count() == before > 0


def test_ward_lookup_needs_its_columns(officer_client):
    response = officer_client.post(WARDS, {"file": upload("lookup.csv", b"lsoa,ward\n")})
    assert "the file needs one column for the lsoa code" in response.text


def test_import_stuck_half_way_is_closed_and_its_file_deleted(tmp_path):
    from localpicture.tasks import police_imports_resume

    path = tmp_path / "street.csv"
    path.write_bytes(b"x")
    job = PoliceImport.objects.create(
        file_names=["street.csv"], stored_paths=[str(path)], status=PoliceImport.Status.RUNNING
    )
    PoliceImport.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(hours=2))

    police_imports_resume()
    job.refresh_from_db()
    assert job.status == PoliceImport.Status.FAILED
    assert "stopped before it finished" in job.errors[0]
    assert not path.exists()


def _series_form(values):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    return nested_form_data(
        {
            "title": "Rate per 1,000, all ages",
            "unit": "per 1,000 people",
            "source": "Leicestershire Police",
            "notes": "",
            "values": inline_formset([{"month": month, "value": value} for month, value in values]),
        }
    )


def test_officer_enters_a_series_with_monthly_values(officer_client):
    from localpicture.models import FigureSeries

    url = reverse("wagtailsnippets_localpicture_figureseries:add")
    response = officer_client.post(url, _series_form([("2022-06-15", "0.61"), ("2022-05-01", "0.52")]))

    assert response.status_code == 302
    series = FigureSeries.objects.get(title="Rate per 1,000, all ages")
    assert [(v.month, v.value) for v in series.values.all()] == [
        (date(2022, 5, 1), Decimal("0.520")),
        (date(2022, 6, 1), Decimal("0.610")),
    ]


def test_series_refuses_the_same_month_twice(officer_client):
    from localpicture.models import FigureSeries

    url = reverse("wagtailsnippets_localpicture_figureseries:add")
    response = officer_client.post(url, _series_form([("2022-06-01", "0.61"), ("2022-06-20", "0.7")]))

    assert response.status_code == 200
    assert "June 2022 is already in this series." in response.text
    assert not FigureSeries.objects.filter(title="Rate per 1,000, all ages").exists()


def test_the_officer_sees_which_crime_types_were_ignored(officer_client, no_police_data):
    rows = [police_row(), police_row(crime_type="<script>alert(1)</script>"), police_row(crime_type="+1+1")]
    response = officer_client.post(IMPORTS, {"files": [upload("street.csv", police_csv(rows))]})

    page = officer_client.get(response.url).text
    assert "Rows with a crime type that data.police.uk does not publish were ignored" in page
    assert "&ldquo;+1+1&rdquo;: 1 row<" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page
    assert CrimeCount.objects.get().crime_type == "Possession of weapons"
