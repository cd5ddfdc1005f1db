"""Bleed-control kits are translated with wagtail-localize: each gets a locale, English (the
language they were written in), and a translation key of its own, which links a kit to its
translations. Migration 0009 then makes both required, one kit per key and language."""

import uuid

from django.db import migrations

from core.migration_operations import translatable_fields_add

# A copy, not settings.LANGUAGE_CODE: a migration does what it did when written.
DEFAULT = "en-gb"


def kits_fill(apps, schema_editor):
    BleedKit = apps.get_model("events", "BleedKit")
    Locale = apps.get_model("wagtailcore", "Locale")
    kits = BleedKit.objects.filter(translation_key__isnull=True)
    if not kits.exists():
        return
    default, _created = Locale.objects.get_or_create(language_code=DEFAULT)
    for kit_id in kits.values_list("pk", flat=True):
        BleedKit.objects.filter(pk=kit_id).update(translation_key=uuid.uuid4(), locale_id=default.pk)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0007_booking_language"),
        ("core", "0010_content_locales"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *translatable_fields_add("bleedkit"),
        migrations.RunPython(kits_fill, migrations.RunPython.noop),
    ]
