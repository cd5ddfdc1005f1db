"""The theme bits kept on each piece of feedback (consultation/theme_bits.py): every way its
confirmed or suggested themes change keeps them in step, the themes' bits themselves, the
migration that fills them in, and the dashboard's figures against the same figures counted
from the link tables."""

import importlib
import random
from collections import Counter

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from consultation import processing, services
from consultation.dashboard.views import dashboard_data
from consultation.models import Feedback, ThemedFeedback, ThemeSuggestion
from consultation.theme_bits import bits_of, theme_bits_refresh
from core.models import Theme
from tests.consultation.factories import FeedbackFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def themes():
    return {theme.slug: theme for theme in Theme.objects.all()}


def _bits(feedback: Feedback) -> tuple[int, int]:
    feedback.refresh_from_db(fields=["confirmed_theme_bits", "suggested_theme_bits"])
    return feedback.confirmed_theme_bits, feedback.suggested_theme_bits


# --- The themes' bits --------------------------------------------------------------------


def test_every_theme_has_its_own_bit():
    bits = list(Theme.objects.values_list("bit", flat=True))
    assert len(bits) == 6 and len(set(bits)) == 6
    assert all(0 <= bit < Theme.MAX_THEMES for bit in bits)


def test_a_new_theme_takes_the_lowest_free_bit():
    first = Theme.objects.create(name="Night-time economy", slug="night-time-economy")
    second = Theme.objects.create(name="Transport", slug="transport")
    assert (first.bit, second.bit) == (6, 7)
    first.delete()
    assert Theme.objects.create(name="Housing", slug="housing").bit == 6


def test_no_more_themes_than_bits():
    for n in range(Theme.MAX_THEMES - Theme.objects.count()):
        Theme.objects.create(name=f"Theme {n}", slug=f"theme-{n}")
    extra = Theme(name="One too many", slug="one-too-many")
    with pytest.raises(ValidationError, match="at most 63 themes"):
        extra.full_clean()
    with pytest.raises(ValidationError):
        extra.save()
    assert not Theme.objects.filter(slug="one-too-many").exists()


# --- Confirmed themes ----------------------------------------------------------------------


def test_adding_and_removing_confirmed_themes_keeps_the_bits(themes):
    edu, com, yp = themes["education"], themes["communities"], themes["young-people"]
    feedback = FeedbackFactory()
    assert _bits(feedback) == (0, 0)
    feedback.themes.add(edu, com)
    assert _bits(feedback)[0] == edu.mask | com.mask
    feedback.themes.remove(edu)
    assert _bits(feedback)[0] == com.mask
    feedback.themes.set([yp, edu])
    assert _bits(feedback)[0] == yp.mask | edu.mask
    feedback.themes.clear()
    assert _bits(feedback)[0] == 0


def test_link_rows_made_or_deleted_directly_keep_the_bits(themes):
    feedback, other = FeedbackFactory(), FeedbackFactory()
    link = ThemedFeedback.objects.create(content_object=feedback, tag=themes["education"])
    ThemedFeedback.objects.create(content_object=other, tag=themes["communities"])
    assert _bits(feedback)[0] == themes["education"].mask
    link.delete()
    assert _bits(feedback)[0] == 0
    ThemedFeedback.objects.filter(content_object=other).delete()
    assert _bits(other)[0] == 0


def test_officers_theming_and_accepting_suggestions_keep_the_bits(themes):
    edu, com = themes["education"], themes["communities"]
    feedback = FeedbackFactory()
    ThemeSuggestion.objects.create(feedback=feedback, theme=com, score=2.0)
    services.feedback_theme(feedback=feedback, add=[edu])
    assert _bits(feedback) == (edu.mask, com.mask)
    services.feedback_accept_suggestions(feedback=feedback)
    assert _bits(feedback) == (edu.mask | com.mask, com.mask)
    services.feedback_theme(feedback=feedback, remove=[edu, com])
    assert _bits(feedback) == (0, com.mask)


# --- Suggested themes ----------------------------------------------------------------------


def test_the_suggester_keeps_the_bits_when_it_replaces_its_suggestions(themes):
    feedback = FeedbackFactory(text="There is nothing for young people to do after school and the youth club shut")
    rows = processing.feedback_suggest_themes(feedback=feedback)
    assert rows, "the suggester found no theme in a text it should"
    assert _bits(feedback)[1] == bits_of(row.theme for row in rows)
    Feedback.objects.filter(pk=feedback.pk).update(text="Nothing in here matches any theme at all")
    feedback.refresh_from_db()
    assert processing.feedback_suggest_themes(feedback=feedback) == []
    assert _bits(feedback)[1] == 0


def test_suggestions_made_or_deleted_directly_keep_the_bits(themes):
    feedback = FeedbackFactory()
    edu = ThemeSuggestion.objects.create(feedback=feedback, theme=themes["education"], score=1.0)
    ThemeSuggestion.objects.create(feedback=feedback, theme=themes["policy-and-process"], score=1.0)
    assert _bits(feedback)[1] == themes["education"].mask | themes["policy-and-process"].mask
    edu.score = 3.0
    edu.save(update_fields=["score"])
    edu.delete()
    assert _bits(feedback)[1] == themes["policy-and-process"].mask


def test_deleting_a_theme_takes_it_out_of_the_suggested_bits(themes):
    retired = Theme.objects.create(name="Night-time economy", slug="night-time-economy")
    feedback = FeedbackFactory()
    ThemeSuggestion.objects.create(feedback=feedback, theme=retired, score=1.0)
    ThemeSuggestion.objects.create(feedback=feedback, theme=themes["communities"], score=1.0)
    assert _bits(feedback)[1] == retired.mask | themes["communities"].mask
    retired.delete()
    assert _bits(feedback)[1] == themes["communities"].mask


# --- Working them out again ------------------------------------------------------------------


def test_refresh_puts_wrong_bits_right(themes):
    feedback = FeedbackFactory()
    feedback.themes.add(themes["education"])
    ThemeSuggestion.objects.create(feedback=feedback, theme=themes["communities"], score=1.0)
    untouched = FeedbackFactory()
    Feedback.objects.update(confirmed_theme_bits=12345, suggested_theme_bits=-1)
    assert theme_bits_refresh(feedback_ids=[feedback.pk]) == 1
    assert _bits(feedback) == (themes["education"].mask, themes["communities"].mask)
    assert _bits(untouched) == (12345, -1)
    assert theme_bits_refresh() == 2
    assert _bits(untouched) == (0, 0)


def test_the_migration_fills_in_the_bits_of_feedback_already_stored(themes):
    feedback = FeedbackFactory()
    feedback.themes.add(themes["education"], themes["young-people"])
    ThemeSuggestion.objects.create(feedback=feedback, theme=themes["education"], score=1.0)
    Feedback.objects.update(confirmed_theme_bits=0, suggested_theme_bits=0)
    migration = importlib.import_module("consultation.migrations.0007_theme_bits")
    migration.fill_bits(apps, None)
    assert _bits(feedback) == (themes["education"].mask | themes["young-people"].mask, themes["education"].mask)


# --- The dashboard against the link tables -------------------------------------------------


def test_the_dashboards_theme_figures_match_those_counted_from_the_link_tables(themes):
    """Random feedback themed through every path; the dashboard (which reads the bits) must
    count what the link tables hold."""
    rng = random.Random(7)  # noqa: S311 (test data, the same every run)
    all_themes = list(themes.values())
    for i in range(60):
        feedback = FeedbackFactory(source=rng.choice(Feedback.Source.values), reviewed=rng.random() < 0.6)
        suggested = rng.sample(all_themes, rng.randint(0, 3))
        for theme in suggested:
            ThemeSuggestion.objects.create(feedback=feedback, theme=theme, score=1.0)
        # A third of the time the officer confirms exactly what was suggested
        confirmed = list(suggested) if rng.random() < 0.35 else rng.sample(all_themes, rng.randint(0, 3))
        if i % 3 == 0:
            services.feedback_theme(feedback=feedback, add=confirmed)
        elif i % 3 == 1:
            feedback.themes.add(*confirmed)
        else:
            for theme in confirmed:
                ThemedFeedback.objects.create(content_object=feedback, tag=theme)
        if len(confirmed) > 1 and rng.random() < 0.3:
            feedback.themes.remove(confirmed[0])

    # The same figures, counted from the link tables
    confirmed_of: dict[int, set[int]] = {f.pk: set() for f in Feedback.objects.all()}
    suggested_of: dict[int, set[int]] = {f.pk: set() for f in Feedback.objects.all()}
    for feedback_id, theme_id in ThemedFeedback.objects.values_list("content_object_id", "tag_id"):
        confirmed_of[feedback_id].add(theme_id)
    for feedback_id, theme_id in ThemeSuggestion.objects.values_list("feedback_id", "theme_id"):
        suggested_of[feedback_id].add(theme_id)
    by_theme_source: Counter = Counter()
    compared = exact = 0
    per_theme: Counter = Counter()
    for pk, source, reviewed in Feedback.objects.values_list("pk", "source", "reviewed"):
        for theme_id in confirmed_of[pk] or {None}:
            by_theme_source[theme_id, source] += 1
        if reviewed and confirmed_of[pk] and suggested_of[pk]:
            compared += 1
            exact += confirmed_of[pk] == suggested_of[pk]
            for theme_id in suggested_of[pk]:
                per_theme["suggested", theme_id] += 1
            for theme_id in confirmed_of[pk]:
                per_theme["confirmed", theme_id] += 1
            for theme_id in confirmed_of[pk] & suggested_of[pk]:
                per_theme["both", theme_id] += 1

    data = dashboard_data()
    ordered = list(Theme.objects.order_by("sort_order", "name"))
    for row, theme_id in zip(data.theme_source.rows, [t.pk for t in ordered] + [None], strict=True):
        assert row.counts == [by_theme_source[theme_id, source] for source in Feedback.Source.values], row.label
    assert (data.agreement.compared, data.agreement.exact) == (compared, exact)
    assert compared > 5 and 0 < exact < compared, "the random data should hold both kinds"
    for row, theme in zip(data.agreement.themes, ordered, strict=True):
        assert (row.suggested, row.confirmed, row.both) == (
            per_theme["suggested", theme.pk],
            per_theme["confirmed", theme.pk],
            per_theme["both", theme.pk],
        ), theme.name
