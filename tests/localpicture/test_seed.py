"""The demo's local picture: an illustrative file in the police format, imported through the
same service, the same every time, and loaded once."""

import csv
import io

import pytest

from home.models import HomePage
from localpicture.constants import POLICE_HEADER
from localpicture.models import CrimeCount, FigureSeries, LocalPicturePage, PoliceImport, WardLookup
from localpicture.seeding import demo_police_csv, demo_seed

pytestmark = pytest.mark.django_db


def test_demo_file_is_in_the_police_format_and_the_same_every_time():
    text = demo_police_csv()
    rows = list(csv.reader(io.StringIO(text)))

    assert text == demo_police_csv()
    assert rows[0] == list(POLICE_HEADER)
    assert {row[1] for row in rows[1:]} == {f"{year}-{month:02d}" for year in (2023, 2024) for month in range(1, 13)}
    assert any(not row[8].startswith("Leicester ") for row in rows[1:])


def test_demo_import_is_marked_illustrative_and_ignored_other_areas():
    job = PoliceImport.objects.get(illustrative=True)

    assert job.status == PoliceImport.Status.DONE
    assert job.rows_ignored > 0
    assert not CrimeCount.objects.filter(illustrative=False).exists()
    assert not CrimeCount.objects.exclude(lsoa_name__startswith="Leicester ").exists()


def test_seeding_twice_changes_nothing():
    before = (
        CrimeCount.objects.count(),
        PoliceImport.objects.count(),
        WardLookup.objects.count(),
        FigureSeries.objects.count(),
        LocalPicturePage.objects.count(),
    )
    demo_seed(home=HomePage.objects.get())
    after = (
        CrimeCount.objects.count(),
        PoliceImport.objects.count(),
        WardLookup.objects.count(),
        FigureSeries.objects.count(),
        LocalPicturePage.objects.count(),
    )
    assert after == before


def test_demo_page_is_in_the_menu_at_local_picture():
    page = LocalPicturePage.objects.get()
    assert page.url == "/local-picture/"
    assert page.show_in_menus and page.live
