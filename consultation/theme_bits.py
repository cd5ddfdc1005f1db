"""Each piece of feedback's confirmed and suggested themes, kept again on the Feedback row as
sets of bits (`Feedback.confirmed_theme_bits`, `Feedback.suggested_theme_bits`).

Every theme has a bit of its own (`Theme.bit`), so a set of themes is one number: the sum of
`1 << bit` over its themes. The dashboard counts feedback by theme and compares suggested with
confirmed themes from these two numbers in one pass over the feedback table, where joining the
two link tables for 100,000 pieces took most of its time.

The link tables (ThemedFeedback, ThemeSuggestion) stay the record; the numbers are worked out
from them by the database (`theme_bits_refresh`) whenever a link is saved or deleted (the
signal receivers below, connected by ConsultationConfig.ready through
`theme_bits_signals_connect`; taggit's `add`, `remove`, `set` and `clear` go through them), and
after the bulk writes that send no signals (`processing.feedback_suggest_themes`).
"""

from collections.abc import Iterable

from django.db.models import BigIntegerField, F, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Cast, Coalesce
from django.db.models.signals import post_delete, post_save

from core.models import Theme

from .models import Feedback, ThemedFeedback, ThemeSuggestion


def bits_of(themes: Iterable[Theme]) -> int:
    """A set of themes as one number."""
    bits = 0
    for theme in themes:
        bits |= theme.mask
    return bits


def bits_expression(through, feedback_field: str, theme_field: str):
    """SQL for one feedback row's themes in `through` (a link table) as a set of bits: the sum
    of 1 << bit over its distinct themes, 0 when it has none."""
    one = Cast(Value(1), BigIntegerField())  # a 64-bit 1, so shifting it by up to 62 is safe
    per_feedback = (
        through.objects.filter(**{feedback_field: OuterRef("pk")})
        .order_by()
        .values(feedback_field)
        .annotate(bits=Sum(one.bitleftshift(F(f"{theme_field}__bit")), distinct=True))
        .values("bits")
    )
    return Coalesce(Subquery(per_feedback, output_field=BigIntegerField()), Value(0, output_field=BigIntegerField()))


def theme_bits_refresh(*, feedback_ids: Iterable[int] | None = None) -> int:
    """Work both sets out again from the link tables, for the given feedback or, without ids,
    for all of it. One UPDATE; returns the number of rows."""
    rows = Feedback.objects.all() if feedback_ids is None else Feedback.objects.filter(pk__in=list(feedback_ids))
    return rows.update(
        confirmed_theme_bits=bits_expression(ThemedFeedback, "content_object", "tag"),
        suggested_theme_bits=bits_expression(ThemeSuggestion, "feedback", "theme"),
    )


def _confirmed_changed(sender, instance, **kwargs):
    theme_bits_refresh(feedback_ids=[instance.content_object_id])


def _suggested_changed(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and not {"feedback", "feedback_id", "theme", "theme_id"} & set(update_fields):
        return  # only its score or matched words changed
    theme_bits_refresh(feedback_ids=[instance.feedback_id])


def theme_bits_signals_connect() -> None:
    """Connect the receivers once, from ConsultationConfig.ready()."""
    post_save.connect(_confirmed_changed, sender=ThemedFeedback, dispatch_uid="theme_bits_confirmed_saved")
    post_delete.connect(_confirmed_changed, sender=ThemedFeedback, dispatch_uid="theme_bits_confirmed_deleted")
    post_save.connect(_suggested_changed, sender=ThemeSuggestion, dispatch_uid="theme_bits_suggested_saved")
    post_delete.connect(_suggested_changed, sender=ThemeSuggestion, dispatch_uid="theme_bits_suggested_deleted")
