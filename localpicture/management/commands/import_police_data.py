"""python manage.py import_police_data PATH...: import data.police.uk files from disk, as the
admin upload does (the same runner), and say what came of it."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from localpicture.imports import police_import_run
from localpicture.models import PoliceImport


class Command(BaseCommand):
    help = "Import data.police.uk street-level crime files (CSV, or the zip the site gives)."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="CSV or zip files")
        parser.add_argument(
            "--illustrative", action="store_true", help="Mark the figures as made up (the page says so)."
        )

    def handle(self, *args, paths, illustrative, **options):
        files = [(Path(name), Path(name).name) for name in paths]
        missing = [str(path) for path, _ in files if not path.is_file()]
        if missing:
            raise CommandError("No such file: " + ", ".join(missing))
        job = PoliceImport.objects.create(file_names=[name for _, name in files], illustrative=illustrative)
        job = police_import_run(police_import=job, files=files)
        for note in job.skipped:
            self.stdout.write(note)
        if job.status != PoliceImport.Status.DONE:
            raise CommandError("Nothing was imported:\n" + "\n".join(job.errors))
        for note in job.errors:
            self.stdout.write(note)
        for crime_type, rows in job.ignored_crime_types:
            # repr(): the name comes from the file, so control characters are shown escaped,
            # never sent to the terminal.
            self.stdout.write(
                self.style.WARNING(
                    f"Ignored {rows:,} row(s) with crime type {crime_type!r}: "
                    "not a crime type data.police.uk publishes."
                )
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"{job.rows_read:,} rows read: {job.rows_kept:,} kept for this area, {job.rows_ignored:,} ignored. "
                f"Months replaced: {', '.join(job.months)}."
            )
        )
