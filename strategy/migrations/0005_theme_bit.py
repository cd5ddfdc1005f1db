"""Each theme gets a bit, for the theme sets kept on feedback (consultation/theme_bits.py)."""

from django.db import migrations, models


def give_bits(apps, schema_editor):
    Theme = apps.get_model("strategy", "Theme")
    for bit, theme in enumerate(Theme.objects.order_by("sort_order", "pk")):
        if bit >= 63:
            raise RuntimeError("More than 63 themes: remove some before upgrading.")
        theme.bit = bit
        theme.save(update_fields=["bit"])


class Migration(migrations.Migration):
    dependencies = [
        ("strategy", "0004_strategy_short_title"),
    ]

    operations = [
        migrations.AddField(
            model_name="theme",
            name="bit",
            field=models.PositiveSmallIntegerField(editable=False, null=True),
        ),
        migrations.RunPython(give_bits, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="theme",
            name="bit",
            field=models.PositiveSmallIntegerField(editable=False, unique=True),
        ),
    ]
