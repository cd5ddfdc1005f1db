"""A bleed-control kit's locale and translation key are required, one kit per translation key
and language (see 0008)."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("events", "0008_bleed_kits_translatable")]

    operations = [
        migrations.AlterField(
            model_name="bleedkit",
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
            model_name="bleedkit",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(name="bleedkit", unique_together={("translation_key", "locale")}),
    ]
