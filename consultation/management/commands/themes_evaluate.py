"""python manage.py themes_evaluate --csv FILE: how the current theme suggester does on a
labelled CSV file. The last line is exactly `macro-F1 0.xxx`."""

from django.core.management.base import BaseCommand, CommandError

from consultation.learning import macro_f1
from consultation.suggester import LabelledFileError, current_model, labelled_csv_read, suggester_evaluate
from core.models import Theme


class Command(BaseCommand):
    help = (
        "Print precision, recall and F1 per theme of the current theme suggester (word list and model) on a "
        "labelled CSV file (columns text,themes), then a last line 'macro-F1 0.xxx'."
    )

    def add_arguments(self, parser):
        parser.add_argument("--csv", required=True, metavar="FILE", help="Labelled CSV file: text,themes")

    def handle(self, *args, **options):
        slugs = list(Theme.objects.values_list("slug", flat=True))
        try:
            examples = labelled_csv_read(options["csv"], slugs=slugs)
        except LabelledFileError as error:
            raise CommandError(str(error)) from None
        version, model = current_model()
        used = f"the word list and model version {version}" if model else "the word list alone (no model kept yet)"
        self.stdout.write(f"{len(examples)} labelled comment(s); suggester: {used}")
        per_theme = suggester_evaluate(examples, model=model, use_current=False)
        self.stdout.write(f"{'theme':<26}{'tagged':>7}{'precision':>11}{'recall':>8}{'F1':>7}")
        for slug, figures in per_theme.items():
            self.stdout.write(
                f"{slug:<26}{figures.examples:>7}{figures.precision:>11.3f}{figures.recall:>8.3f}{figures.f1:>7.3f}"
            )
        self.stdout.write(f"macro-F1 {macro_f1(per_theme):.3f}")
