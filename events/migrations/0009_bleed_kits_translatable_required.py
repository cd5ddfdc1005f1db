"""A bleed-control kit's locale and translation key are required, one kit per translation key
and language (see 0008)."""

from django.db import migrations

from core.migration_operations import translatable_fields_require


class Migration(migrations.Migration):
    dependencies = [("events", "0008_bleed_kits_translatable")]

    operations = translatable_fields_require("bleedkit")
