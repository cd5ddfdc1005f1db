"""`manage.py personal_data find | export | erase` for a data protection officer at a terminal."""

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from consultation.models import ContactRequest
from core.models import ErasureLog, ExportLog
from forum.models import Member

from .conftest import EMAIL

pytestmark = pytest.mark.django_db

REPO_ROOT = Path(__file__).resolve().parents[2]


def _run(*args) -> str:
    out = io.StringIO()
    call_command("personal_data", *args, stdout=out)
    return out.getvalue()


def test_find_lists_every_record(sam):
    output = _run("find", EMAIL)
    assert "Event bookings (2):" in output and "Parent forum posts (2):" in output
    assert "Contact details left with a survey or youth voice answer (1):" in output
    assert output.strip().endswith("records found.")


def test_export_writes_a_zip_into_the_folder_and_logs_it(sam, tmp_path):
    output = _run("export", EMAIL, "--out", str(tmp_path))
    (written,) = tmp_path.glob("personal-data-*.zip")
    assert str(written) in output
    assert "forum.account.json" in zipfile.ZipFile(written).namelist()
    entry = ExportLog.objects.latest("created_at")
    assert entry.user is None and entry.filters == {"searched_by": ["email"]}


def test_erase_with_yes_erases_and_logs_it_as_from_the_command_line(sam):
    output = _run("erase", EMAIL, "--yes")
    assert output.startswith("Erased:")
    assert not ContactRequest.objects.filter(pk=sam.contact.pk).exists()
    assert Member.objects.get(pk=sam.member.pk).user is None
    assert ErasureLog.objects.get().via == ErasureLog.Via.COMMAND
    assert _run("find", EMAIL).strip() == "0 records found."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("erase", EMAIL), "run it again with --yes"),
        (("find", "not-an-email"), "is not an email address"),
        (("export", EMAIL, "--out", "/no/such/folder"), "--out: no folder at /no/such/folder"),
    ],
)
def test_bad_input_stops_with_a_message_and_changes_nothing(sam, args, message):
    with pytest.raises(CommandError, match=message):
        _run(*args)
    assert ContactRequest.objects.filter(pk=sam.contact.pk).exists()
    assert not ErasureLog.objects.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["find", "nobody"], "is not an email address"),
        (["export", "a@example.org", "--out", "/no/such/folder"], "no folder at"),
        (["export", "a@example.org"], "--out"),
        ([], "find|export|erase"),
    ],
)
def test_bad_input_exits_non_zero_from_the_terminal(tmp_path, args, message):
    # As a shell script sees it. Each is refused before the database is read, so an empty one does.
    result = subprocess.run(
        [sys.executable, "manage.py", "personal_data", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"},
    )
    assert result.returncode != 0
    assert message in result.stderr and "Traceback" not in result.stderr
