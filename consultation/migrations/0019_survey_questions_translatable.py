"""Survey questions are translated with their survey (wagtail-localize): each gets a locale, its
survey's, and a translation key, which links a question to its copies in other languages. An
existing question's translation key is made from its own `key`, which already names it for
good (skip rules use it), or a new one where a copied survey shares it. Migration 0020 then makes both required."""

import uuid

from django.db import migrations

from core.migration_operations import translatable_fields_add


def questions_fill(apps, schema_editor):
    SurveyQuestion = apps.get_model("consultation", "SurveyQuestion")
    Page = apps.get_model("wagtailcore", "Page")
    locales = dict(Page.objects.filter(pk__in=SurveyQuestion.objects.values("page_id")).values_list("pk", "locale_id"))
    used = set()  # a copied survey's questions kept the original's keys: each copy gets its own
    for question in SurveyQuestion.objects.filter(translation_key__isnull=True).only("pk", "key", "page_id"):
        try:
            key = uuid.UUID(hex=question.key)
        except ValueError:
            key = uuid.uuid4()
        locale_id = locales[question.page_id]
        if (key, locale_id) in used:
            key = uuid.uuid4()
        used.add((key, locale_id))
        SurveyQuestion.objects.filter(pk=question.pk).update(translation_key=key, locale_id=locale_id)


class Migration(migrations.Migration):
    dependencies = [
        ("consultation", "0018_answer_counts"),
        ("core", "0010_content_locales"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *translatable_fields_add("surveyquestion"),
        migrations.RunPython(questions_fill, migrations.RunPython.noop),
    ]
