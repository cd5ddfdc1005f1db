"""A survey question's locale and translation key are required, one question per translation
key and language (see 0019)."""

from django.db import migrations

from core.migration_operations import translatable_fields_require


class Migration(migrations.Migration):
    dependencies = [("consultation", "0019_survey_questions_translatable")]

    operations = translatable_fields_require("surveyquestion")
