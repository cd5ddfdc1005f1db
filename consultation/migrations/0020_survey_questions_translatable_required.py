"""A survey question's locale and translation key are required, one question per translation
key and language (see 0019)."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("consultation", "0019_survey_questions_translatable")]

    operations = [
        migrations.AlterField(
            model_name="surveyquestion",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="surveyquestion",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(name="surveyquestion", unique_together={("translation_key", "locale")}),
    ]
