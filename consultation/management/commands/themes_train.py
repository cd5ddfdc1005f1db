"""python manage.py themes_train --csv FILE [--csv-only]: train the theme suggester's model."""

from django.core.management.base import BaseCommand, CommandError

from consultation.models import ThemeModel
from consultation.suggester import LabelledFileError, labelled_csv_read, theme_model_retrain
from core.models import Theme


class Command(BaseCommand):
    help = (
        "Train a new version of the theme suggester's model from a labelled CSV file (columns text,themes; "
        "themes are slugs separated by ';'), with the reviewed feedback's confirmed themes unless --csv-only. "
        "The new version is used only if its cross-validated macro-F1 is not lower than the current one's."
    )

    def add_arguments(self, parser):
        parser.add_argument("--csv", required=True, metavar="FILE", help="Labelled CSV file: text,themes")
        parser.add_argument(
            "--csv-only", action="store_true", help="Train on the file alone, not on the confirmed feedback."
        )

    def handle(self, *args, **options):
        slugs = list(Theme.objects.values_list("slug", flat=True))
        try:
            examples = labelled_csv_read(options["csv"], slugs=slugs)
        except LabelledFileError as error:
            raise CommandError(str(error)) from None
        outcome = theme_model_retrain(
            trigger=ThemeModel.Trigger.COMMAND, csv_examples=examples, csv_only=options["csv_only"], force=True
        )
        row = outcome.row
        if row is None:
            raise CommandError(outcome.message)
        self.stdout.write(f"{len(examples)} example(s) from {options['csv']}; {row.examples} in all.")
        self.stdout.write(f"{'theme':<26}{'examples':>9}{'precision':>11}{'recall':>8}{'F1':>7}  (cross-validated)")
        for slug, figures in row.figures.items():
            note = "" if figures["learned"] else "  word list alone: too few examples"
            self.stdout.write(
                f"{slug:<26}{figures['examples']:>9}{figures['precision']:>11.3f}{figures['recall']:>8.3f}"
                f"{figures['f1']:>7.3f}{note}"
            )
        self.stdout.write(
            f"word list alone {row.word_list_macro_f1:.3f}, model alone {row.model_alone_macro_f1:.3f}, "
            f"combined {row.macro_f1:.3f}"
        )
        style = self.style.SUCCESS if row.kept else self.style.WARNING
        self.stdout.write(style(outcome.message))
