"""python manage.py suggest_themes [--all]: suggest themes for feedback that has none yet."""

from django.core.management.base import BaseCommand

from consultation.processing import theme_suggestions_backfill


class Command(BaseCommand):
    help = "Suggest themes for feedback without suggestions (or, with --all, for every piece of feedback)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Suggest again for all feedback.")

    def handle(self, *args, **options):
        count = theme_suggestions_backfill(only_missing=not options["all"])
        self.stdout.write(self.style.SUCCESS(f"Suggested themes for {count} piece(s) of feedback."))
