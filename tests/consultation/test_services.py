"""The consultation services: all-or-nothing submissions, processing that survives a broken
queue or mail server, and idempotent alerts."""

import pytest
from django.core import mail

from consultation import processing, services
from consultation.models import Feedback, Response, ThemeSuggestion
from consultation.tasks import feedback_process_pending
from core import matching, safeguarding
from core.models import SafeguardingPhrase, Theme

pytestmark = pytest.mark.django_db


def _answers(survey, text="Better street lighting near the park"):
    question = survey.questions.get(label="What would make your neighbourhood feel safer?")
    return {question.pk: {"value": text, "other": ""}}


def test_a_failure_half_way_saves_nothing(survey, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database trouble")

    monkeypatch.setattr(Feedback.objects, "bulk_create", broken)
    with pytest.raises(RuntimeError):
        services.response_submit(survey=survey, token="t-1", answers=_answers(survey))
    assert not Response.objects.exists()


def test_a_used_token_is_a_duplicate(survey):
    first = services.response_submit(survey=survey, token="t-2", answers=_answers(survey))
    with pytest.raises(services.DuplicateSubmission) as raised:
        services.response_submit(survey=survey, token="t-2", answers=_answers(survey))
    assert raised.value.response == first
    assert Response.objects.count() == 1


def test_with_the_queue_down_the_submission_stands_and_is_processed_later(
    survey, monkeypatch, django_capture_on_commit_callbacks
):
    from consultation import tasks

    def queue_down(*args, **kwargs):
        raise ConnectionError("Redis is unreachable")

    monkeypatch.setattr(tasks.feedback_process, "delay", queue_down)
    with django_capture_on_commit_callbacks(execute=True):
        response = services.response_submit(survey=survey, token="t-3", answers=_answers(survey))
    feedback = response.feedback.get()
    assert feedback.suggested_at is None
    assert list(processing.feedback_pending(older_than_seconds=0)) == [feedback]

    assert feedback_process_pending(older_than_seconds=0) == 1
    feedback.refresh_from_db()
    assert feedback.suggested_at is not None
    assert not list(processing.feedback_pending(older_than_seconds=0))


def test_with_the_mail_server_down_the_alert_is_retried_later(youth_voice_page, monkeypatch):
    rows = services.youth_voice_record(age_band="16-18", ward=None, safer_text="I carry a knife for protection")
    flagged = rows[0]
    assert flagged.safeguarding_flag

    def smtp_down(*args, **kwargs):
        raise OSError("Connection refused")

    monkeypatch.setattr(safeguarding, "send_mail", smtp_down)
    with pytest.raises(OSError):
        processing.safeguarding_alert_send(feedback=flagged)
    flagged.refresh_from_db()
    assert flagged.alerted_at is None  # not lost: still pending
    monkeypatch.undo()
    assert feedback_process_pending(older_than_seconds=0) >= 1
    assert len(mail.outbox) == 1


def test_an_alert_is_sent_once_however_often_it_runs():
    rows = services.youth_voice_record(age_band="11-15", ward=None, safer_text="I want to kill myself")
    assert processing.safeguarding_alert_send(feedback=rows[0]) is True
    assert processing.safeguarding_alert_send(feedback=rows[0]) is False
    feedback_process_pending(older_than_seconds=0)
    assert len(mail.outbox) == 1


def test_topic_words_alone_do_not_raise_an_alert():
    for text in ("Knife crime is a big problem here", "We need more knife arches", "Stop the stabbings"):
        assert services.safeguarding_matches(text=text) == [], text


def test_edited_word_lists_take_effect_at_once():
    assert services.safeguarding_matches(text="they took my lunch money") == []
    SafeguardingPhrase.objects.create(phrase="took my lunch money", category="threat")
    matching.wordlists_changed()
    assert services.safeguarding_matches(text="they took my lunch money") == ["took my lunch money"]


def test_suggestions_are_stored_apart_from_confirmed_themes_with_their_words():
    feedback = Feedback.objects.create(source="other", text="He was excluded from school and has nothing to do")
    processing.feedback_suggest_themes(feedback=feedback)
    suggestion = ThemeSuggestion.objects.get(feedback=feedback, theme__slug="education")
    assert {"excluded", "school"} <= set(suggestion.matched)
    assert suggestion.score >= 1
    assert feedback.themes.count() == 0


def test_suggesting_twice_replaces_rather_than_duplicates():
    feedback = Feedback.objects.create(source="other", text="More apprenticeships and jobs for young people")
    processing.feedback_suggest_themes(feedback=feedback)
    processing.feedback_suggest_themes(feedback=feedback)
    themes = list(feedback.suggestions.values_list("theme__slug", flat=True))
    assert len(themes) == len(set(themes))
    assert "employment-and-training" in themes


def test_backfill_command_suggests_for_unprocessed_feedback():
    from django.core.management import call_command

    feedback = Feedback.objects.create(source="other", text="Police should work with the university on research")
    call_command("suggest_themes")
    assert Theme.objects.get(slug="partnership-working") in [s.theme for s in feedback.suggestions.all()]


def test_with_nobody_in_the_safeguarding_group_the_fallback_address_is_alerted(settings, django_user_model):
    django_user_model.objects.filter(groups__name="Safeguarding").update(is_active=False)
    rows = services.youth_voice_record(age_band="11-15", ward=None, safer_text="I want to kill myself")
    settings.SAFEGUARDING_EMAILS = []
    assert processing.safeguarding_alert_send(feedback=rows[0]) is False
    rows[0].refresh_from_db()
    assert rows[0].alerted_at is None  # still pending
    settings.SAFEGUARDING_EMAILS = ["duty-team@example.org"]
    assert processing.safeguarding_alert_send(feedback=rows[0]) is True
    assert mail.outbox[-1].to == ["duty-team@example.org"]
