"""Feedback keeps its confirmed and suggested themes again as sets of bits
(consultation/theme_bits.py); this works them out for the feedback already stored."""

from django.conf import settings
from django.db import migrations, models
from django.db.models import BigIntegerField, F, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Cast, Coalesce


# A copy of consultation.theme_bits.bits_expression, kept here on purpose: a migration works on
# the models as they were at this point and must not change when the application's code does.
def _bits(through, feedback_field, theme_field):
    one = Cast(Value(1), BigIntegerField())
    per_feedback = (
        through.objects.filter(**{feedback_field: OuterRef("pk")})
        .order_by()
        .values(feedback_field)
        .annotate(bits=Sum(one.bitleftshift(F(f"{theme_field}__bit")), distinct=True))
        .values("bits")
    )
    return Coalesce(Subquery(per_feedback, output_field=BigIntegerField()), Value(0, output_field=BigIntegerField()))


def fill_bits(apps, schema_editor):
    Feedback = apps.get_model("consultation", "Feedback")
    ThemedFeedback = apps.get_model("consultation", "ThemedFeedback")
    ThemeSuggestion = apps.get_model("consultation", "ThemeSuggestion")
    Feedback.objects.update(
        confirmed_theme_bits=_bits(ThemedFeedback, "content_object", "tag"),
        suggested_theme_bits=_bits(ThemeSuggestion, "feedback", "theme"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("consultation", "0006_export_expired"),
        ("strategy", "0005_theme_bit"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="feedback",
            name="confirmed_theme_bits",
            field=models.BigIntegerField(default=0, editable=False),
        ),
        migrations.AddField(
            model_name="feedback",
            name="suggested_theme_bits",
            field=models.BigIntegerField(default=0, editable=False),
        ),
        migrations.AddIndex(
            model_name="feedback",
            index=models.Index(
                condition=models.Q(("reviewed", False)), fields=["created_at"], name="feedback_backlog_idx"
            ),
        ),
        migrations.RunPython(fill_bits, migrations.RunPython.noop),
    ]
