"""Access and erasure requests from a terminal, for a data protection officer:

    python manage.py personal_data find EMAIL
    python manage.py personal_data export EMAIL --out DIR
    python manage.py personal_data erase EMAIL --yes

The same find, export and erase as the admin's Data protection area (core/personal_data.py):
an export is logged in the export log and an erasure in the erasure log, marked as made from
the command line. Bad input (not an email address, no such folder, erase without --yes) stops
with a message and a non-zero exit status, having changed nothing.
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from core.models import ErasureLog
from core.personal_data import (
    person_build,
    personal_data_erase,
    personal_data_export_zip,
    personal_data_find,
    personal_data_total,
)


class Command(BaseCommand):
    help = "Find, export or erase everything the site holds about one email address."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="find|export|erase")
        find = actions.add_parser("find", help="List every record held about the email address.")
        find.add_argument("email")
        export = actions.add_parser("export", help="Write everything held about the email address to a ZIP file.")
        export.add_argument("email")
        export.add_argument("--out", required=True, help="The folder to write the ZIP file into (it must exist).")
        erase = actions.add_parser("erase", help="Remove or anonymise everything held about the email address.")
        erase.add_argument("email")
        erase.add_argument("--yes", action="store_true", help="Erase: without it, nothing is changed.")

    def handle(self, *args, action: str, email: str, **options):
        try:
            person = person_build(email=email)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        if action == "find":
            self._list(person)
        elif action == "export":
            self._export(person, options["out"])
        else:
            self._erase(person, confirmed=options["yes"])

    def _list(self, person) -> None:
        findings = personal_data_find(person=person)
        total = personal_data_total(findings)
        for finding in findings:
            if not finding.rows:
                continue
            self.stdout.write(f"{finding.source.label} ({len(finding.rows)}):")
            for line in finding.lines:
                self.stdout.write(f"  - {line}")
        self.stdout.write(f"{total} record{'s' if total != 1 else ''} found.")

    def _export(self, person, out: str) -> None:
        folder = Path(out)
        if not folder.is_dir():
            raise CommandError(f"--out: no folder at {folder}. Make it first, or give one that exists.")
        name, content = personal_data_export_zip(person=person)
        path = folder / name
        try:
            with path.open("xb") as file:
                file.write(content)
        except OSError as error:
            raise CommandError(f"Could not write {path}: {error.strerror}.") from None
        self.stdout.write(self.style.SUCCESS(f"Written: {path} (recorded in the export log)."))

    def _erase(self, person, *, confirmed: bool) -> None:
        if not confirmed:
            self._list(person)
            raise CommandError("Nothing was erased. Erasing cannot be undone: run it again with --yes to erase.")
        log = personal_data_erase(person=person, via=ErasureLog.Via.COMMAND)
        records = "1 record" if log.total == 1 else f"{log.total} records"
        self.stdout.write(self.style.SUCCESS(f"Erased: {records} removed or anonymised (erasure log entry {log.pk})."))
