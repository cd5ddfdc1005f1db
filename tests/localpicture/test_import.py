"""Importing data.police.uk files: what is kept, what is rejected and why, and that importing
a month again replaces it."""

import io
import zipfile
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

from localpicture.constants import POLICE_HEADER
from localpicture.imports import police_import_run
from localpicture.models import CrimeCount, LocalPictureSettings, PoliceImport
from tests.localpicture.factories import police_csv, police_row

pytestmark = pytest.mark.django_db


def run(*files) -> PoliceImport:
    """Import (path, name) pairs through the service, as the command does."""
    job = PoliceImport.objects.create(file_names=[name for _, name in files])
    return police_import_run(police_import=job, files=list(files))


def counts() -> dict:
    return {
        (row.month.strftime("%Y-%m"), row.crime_type, row.lsoa_code): row.count
        for row in CrimeCount.objects.filter(month__gte=date(2024, 1, 1))
    }


def test_well_formed_file_is_stored_as_monthly_counts(no_police_data, write_file):
    rows = [police_row()] * 3 + [police_row(crime_type="Violence and sexual offences")] + [police_row(month="2024-06")]
    job = run((write_file("may-street.csv", police_csv(rows)), "may-street.csv"))

    assert job.status == PoliceImport.Status.DONE, job.errors
    assert counts() == {
        ("2024-05", "Possession of weapons", "E01013649"): 3,
        ("2024-05", "Violence and sexual offences", "E01013649"): 1,
        ("2024-06", "Possession of weapons", "E01013649"): 1,
    }
    assert (job.rows_read, job.rows_kept, job.rows_ignored) == (5, 5, 0)
    assert job.months == ["2024-05", "2024-06"]
    assert CrimeCount.objects.get(month=date(2024, 6, 1)).lsoa_name == "Leicester 015C"


def test_other_force_rows_are_ignored_and_counted(no_police_data, write_file):
    rows = [police_row(), police_row(lsoa_code="E01025000", lsoa_name="Charnwood 003A"), police_row(lsoa_name="")]
    job = run((write_file("street.csv", police_csv(rows)), "street.csv"))

    assert job.status == PoliceImport.Status.DONE, job.errors
    assert (job.rows_kept, job.rows_ignored) == (1, 2)
    assert counts() == {("2024-05", "Possession of weapons", "E01013649"): 1}


def test_prefix_comes_from_the_site_settings(no_police_data, write_file):
    settings = LocalPictureSettings.for_site(Site.objects.get(is_default_site=True))
    settings.lsoa_prefix = "Charnwood "
    settings.save()
    rows = [police_row(), police_row(lsoa_code="E01025000", lsoa_name="Charnwood 003A")]
    job = run((write_file("street.csv", police_csv(rows)), "street.csv"))

    assert counts() == {("2024-05", "Possession of weapons", "E01025000"): 1}
    assert job.rows_ignored == 1


def test_wrong_header_is_rejected_saying_what_is_wrong(no_police_data, write_file):
    header = [name for name in POLICE_HEADER if name != "LSOA name"] + ["Ward"]
    job = run((write_file("mine.csv", police_csv([], header=header)), "mine.csv"))

    assert job.status == PoliceImport.Status.FAILED
    assert "missing column(s): LSOA name" in job.errors[0]
    assert "unexpected column(s): Ward" in job.errors[0]
    assert not CrimeCount.objects.exists()


def test_columns_out_of_order_are_rejected(no_police_data, write_file):
    header = list(POLICE_HEADER)
    header[7], header[8] = header[8], header[7]
    job = run((write_file("swapped.csv", police_csv([], header=header)), "swapped.csv"))

    assert job.status == PoliceImport.Status.FAILED
    assert "not in the police order" in job.errors[0]


def test_broken_rows_reject_the_whole_file_with_line_numbers(no_police_data, write_file):
    rows = [police_row(), police_row(month="May 2024"), police_row(), police_row(crime_type=""), police_row()[:5]]
    job = run((write_file("broken.csv", police_csv(rows)), "broken.csv"))

    assert job.status == PoliceImport.Status.FAILED
    assert job.errors == [
        "broken.csv, line 3: Month 'May 2024' is not like 2024-06.",
        "broken.csv, line 5: Crime type is empty.",
        "broken.csv, line 6: 5 columns instead of 12.",
    ]
    assert not CrimeCount.objects.exists()


def test_a_broken_file_saves_nothing_from_the_good_files_beside_it(no_police_data, write_file):
    good = write_file("good.csv", police_csv([police_row(month="2024-04")]))
    bad = write_file("bad.csv", police_csv([police_row(month="2024-13")]))
    job = run((good, "good.csv"), (bad, "bad.csv"))

    assert job.status == PoliceImport.Status.FAILED
    assert job.errors == ["bad.csv, line 2: Month '2024-13' is not like 2024-06."]
    assert not CrimeCount.objects.exists()


def test_reimporting_a_month_replaces_it(no_police_data, write_file):
    first = police_csv([police_row()] * 4 + [police_row(lsoa_code="E01013650", lsoa_name="Leicester 016A")])
    run((write_file("a.csv", first), "a.csv"))
    run((write_file("b.csv", first), "b.csv"))
    assert counts() == {
        ("2024-05", "Possession of weapons", "E01013649"): 4,
        ("2024-05", "Possession of weapons", "E01013650"): 1,
    }

    corrected = police_csv([police_row()] * 2)
    run((write_file("c.csv", corrected), "c.csv"))
    assert counts() == {("2024-05", "Possession of weapons", "E01013649"): 2}


def test_reimport_leaves_other_months_alone(no_police_data, write_file):
    run((write_file("may.csv", police_csv([police_row()])), "may.csv"))
    run((write_file("june.csv", police_csv([police_row(month="2024-06")] * 2)), "june.csv"))

    assert counts() == {
        ("2024-05", "Possession of weapons", "E01013649"): 1,
        ("2024-06", "Possession of weapons", "E01013649"): 2,
    }


def test_month_with_only_other_force_rows_is_left_as_it_was(no_police_data, write_file):
    run((write_file("may.csv", police_csv([police_row()])), "may.csv"))
    job = run((write_file("other.csv", police_csv([police_row(lsoa_name="Blaby 001A")])), "other.csv"))

    assert job.status == PoliceImport.Status.DONE
    assert job.months == []
    assert "2024-05: no rows for this area" in job.errors[0]
    assert counts() == {("2024-05", "Possession of weapons", "E01013649"): 1}


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_zip_from_data_police_uk_imports_street_files_and_lists_the_rest(no_police_data, write_file):
    content = _zip(
        {
            "2024-05/2024-05-leicestershire-street.csv": police_csv([police_row()] * 2),
            "2024-06/2024-06-leicestershire-street.csv": police_csv([police_row(month="2024-06")]),
            "2024-06/2024-06-leicestershire-outcomes.csv": b"Crime ID,Month\n",
            "2024-06/2024-06-leicestershire-stop-and-search.csv": b"Type,Date\n",
            "README.txt": b"hello",
        }
    )
    job = run((write_file("download.zip", content), "download.zip"))

    assert job.status == PoliceImport.Status.DONE, job.errors
    assert counts() == {
        ("2024-05", "Possession of weapons", "E01013649"): 2,
        ("2024-06", "Possession of weapons", "E01013649"): 1,
    }
    assert len(job.skipped) == 3
    assert any("outcomes.csv: skipped, an outcomes file" in note for note in job.skipped)
    assert any("stop-and-search.csv: skipped, a stop and search file" in note for note in job.skipped)
    assert any("README.txt: skipped, not a street-level crime file" in note for note in job.skipped)


def test_zip_without_street_files_is_rejected(no_police_data, write_file):
    job = run((write_file("download.zip", _zip({"x-outcomes.csv": b"a\n"})), "download.zip"))

    assert job.status == PoliceImport.Status.FAILED
    assert "no street-level crime files" in job.errors[0]


def test_file_that_is_not_a_zip_is_rejected(no_police_data, write_file):
    job = run((write_file("download.zip", b"not a zip"), "download.zip"))

    assert job.status == PoliceImport.Status.FAILED
    assert "not a zip file" in job.errors[0]


def test_file_that_is_not_utf8_is_rejected(no_police_data, write_file):
    content = police_csv([police_row(lsoa_name="Leicester 015C")]).replace(b"Granby", b"Gr\xe9nby")
    job = run((write_file("latin.csv", content), "latin.csv"))

    assert job.status == PoliceImport.Status.FAILED
    assert "not UTF-8" in job.errors[0]


def test_empty_file_is_rejected(no_police_data, write_file):
    job = run((write_file("empty.csv", b""), "empty.csv"))

    assert job.status == PoliceImport.Status.FAILED
    assert job.errors == ["empty.csv: the file is empty."]


def test_command_imports_files(no_police_data, write_file, capsys):
    path = write_file("street.csv", police_csv([police_row()]))
    call_command("import_police_data", str(path))

    assert "1 kept for this area" in capsys.readouterr().out
    assert counts() == {("2024-05", "Possession of weapons", "E01013649"): 1}


def test_command_fails_on_a_broken_file(no_police_data, write_file):
    path = write_file("street.csv", police_csv([police_row(month="2024")]))
    with pytest.raises(CommandError, match="line 2: Month '2024'"):
        call_command("import_police_data", str(path))


def test_an_import_runs_once(no_police_data, write_file):
    path = write_file("street.csv", police_csv([police_row()]))
    job = run((path, "street.csv"))
    again = police_import_run(police_import=job, files=[(path, "street.csv")])

    assert again.status == PoliceImport.Status.DONE
    assert PoliceImport.objects.filter(status=PoliceImport.Status.DONE).count() == 1
    assert counts() == {("2024-05", "Possession of weapons", "E01013649"): 1}


HOSTILE_TYPES = ['=HYPERLINK("http://evil.example","Click")', "<script>alert(1)</script>", "+1+1"]


def test_only_the_crime_types_the_police_publish_are_stored(no_police_data, write_file):
    rows = [police_row(), police_row(crime_type="Shoplifting")] + [
        police_row(crime_type=crime_type) for crime_type in [*HOSTILE_TYPES, "+1+1", "Knife crime"]
    ]
    job = run((write_file("street.csv", police_csv(rows)), "street.csv"))

    assert job.status == PoliceImport.Status.DONE, job.errors
    assert counts() == {
        ("2024-05", "Possession of weapons", "E01013649"): 1,
        ("2024-05", "Shoplifting", "E01013649"): 1,
    }
    assert job.ignored_crime_types == [
        ["+1+1", 2],
        ["<script>alert(1)</script>", 1],
        ['=HYPERLINK("http://evil.example","Click")', 1],
        ["Knife crime", 1],
    ]
    assert (job.rows_read, job.rows_kept) == (7, 2)


def test_every_published_crime_type_is_accepted(no_police_data, write_file):
    from localpicture.constants import CRIME_TYPES

    assert len(CRIME_TYPES) == 14
    rows = [police_row(crime_type=crime_type) for crime_type in CRIME_TYPES]
    job = run((write_file("street.csv", police_csv(rows)), "street.csv"))

    assert job.ignored_crime_types == []
    assert {crime_type for _, crime_type, _ in counts()} == set(CRIME_TYPES)


def test_a_flood_of_made_up_crime_types_is_reported_in_short(no_police_data, write_file):
    rows = [police_row(crime_type=f"Made up {n} " + "x" * 200) for n in range(30)]
    job = run((write_file("street.csv", police_csv(rows)), "street.csv"))

    assert len(job.ignored_crime_types) == 21
    assert ["(other crime types not listed)", 10] in job.ignored_crime_types
    assert all(len(crime_type) <= 60 for crime_type, _ in job.ignored_crime_types)
    assert sum(rows for _, rows in job.ignored_crime_types) == 30


def test_command_reports_the_crime_types_it_ignored(no_police_data, write_file, capsys):
    rows = [
        police_row(),
        police_row(crime_type="+1+1"),
        police_row(crime_type="+1+1"),
        police_row(crime_type="\x1b[2J"),
    ]
    call_command("import_police_data", str(write_file("street.csv", police_csv(rows))))

    output = capsys.readouterr().out
    assert "Ignored 2 row(s) with crime type '+1+1': not a crime type data.police.uk publishes." in output
    assert "Ignored 1 row(s) with crime type '\\x1b[2J'" in output
    assert "\x1b[2J" not in output
    assert counts() == {("2024-05", "Possession of weapons", "E01013649"): 1}
