"""Writes of the consultation app: submitting a survey, recording a youth voice, adding
feedback gathered offline, and officers' theming.

Submissions are written in one transaction. Work that can wait (suggestions, emails) is queued
only after the commit; if the queue is down the submission still stands, and
`feedback_process_pending` (run by beat) finishes the work later from the state on each row.
The work itself is in consultation/processing.py, which the tasks call.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.log_actions import log

from core.matching import Suggestion
from core.models import Ward
from core.queue import queue_after_commit
from core.safeguarding import safeguarding_matches

from . import tasks
from .models import (
    Answer,
    ContactRequest,
    Feedback,
    Response,
    SurveyPage,
    SurveyQuestion,
    ThemeModel,
    ThemeSuggestion,
)
from .processing import feedback_suggest_themes

# --- Submissions -------------------------------------------------------------------------


@dataclass
class ContactDetails:
    """Contact details given with explicit consent."""

    name: str
    email: str = ""
    phone: str = ""


def _feedback_build(*, text: str, **fields) -> Feedback:
    found = safeguarding_matches(text=text)
    return Feedback(text=text, safeguarding_flag=bool(found), safeguarding_matches=found, **fields)


def _queue_processing(feedback_ids: list[int]) -> None:
    """After the commit, queue the processing of new feedback. Never fails the submission:
    if the queue is unreachable the rows stay unprocessed and the periodic task takes them."""
    if feedback_ids:
        queue_after_commit(tasks.feedback_process, feedback_ids)


class DuplicateSubmission(Exception):
    """The submission token was used before: the response is already saved."""

    def __init__(self, response: Response):
        self.response = response


def response_submit(
    *,
    survey: SurveyPage,
    token: str,
    answers: dict[int, dict],
    asked: list[int] | None = None,
    contact: ContactDetails | None = None,
) -> Response:
    """Save a completed survey: the response, its answers and a Feedback row per free-text
    answer, all or nothing. `answers` maps question id to {"value": str | list, "other": str}.

    `asked` lists the questions the person was shown (skip logic leaves some out): it is kept
    on the response, so results tell "not asked" from "not answered", and an answer to a
    question not in it is not saved. None: every question was asked.

    Raises DuplicateSubmission (with the saved response) if the token was used already.
    """
    existing = Response.objects.filter(submission_token=token).first()
    if existing is not None:
        raise DuplicateSubmission(existing)

    questions = {question.pk: question for question in survey.questions.all()}
    if asked is not None:
        asked = [question_id for question_id in asked if question_id in questions]
        answers = {question_id: answer for question_id, answer in answers.items() if question_id in asked}
    age_band, ward = "", None
    for question_id, answer in answers.items():
        question = questions.get(question_id)
        if question is None:
            continue
        if question.kind == SurveyQuestion.Kind.AGE_BAND:
            age_band = answer.get("value") or ""
        elif question.kind == SurveyQuestion.Kind.WARD and str(answer.get("value", "")).isdigit():
            ward = Ward.objects.filter(pk=int(answer["value"])).first()

    try:
        with transaction.atomic():
            response = Response.objects.create(
                survey=survey,
                survey_title=survey.title,
                submission_token=token,
                age_band=age_band,
                ward=ward,
                asked=asked,
            )
            answer_rows, feedback_rows = [], []
            for question_id, answer in answers.items():
                question = questions.get(question_id)
                if question is None:
                    continue
                value = answer.get("value", "")
                other = (answer.get("other") or "").strip()
                answer_rows.append(
                    Answer(
                        response=response,
                        question=question,
                        question_text=question.label,
                        value=value,
                        other_text=other,
                    )
                )
                free_texts = []
                if question.kind in SurveyQuestion.FREE_TEXT_KINDS and str(value).strip():
                    free_texts.append(str(value).strip())
                if other:
                    free_texts.append(other)
                for text in free_texts:
                    feedback_rows.append(
                        _feedback_build(
                            text=text,
                            source=Feedback.Source.SURVEY,
                            survey=survey,
                            question=question,
                            question_text=question.label,
                            response=response,
                            age_band=age_band,
                            ward=ward,
                        )
                    )
            Answer.objects.bulk_create(answer_rows)
            created = Feedback.objects.bulk_create(feedback_rows)
            if contact is not None:
                ContactRequest.objects.create(
                    response=response, name=contact.name, email=contact.email, phone=contact.phone, consent=True
                )
    except IntegrityError:
        # Two identical submissions raced: the other one won and is the saved response.
        existing = Response.objects.filter(submission_token=token).first()
        if existing is None:
            raise
        raise DuplicateSubmission(existing) from None

    _queue_processing([row.pk for row in created])
    return response


def youth_voice_record(
    *,
    age_band: str,
    ward: Ward | None,
    safer_text: str,
    anything_else: str = "",
    contact: ContactDetails | None = None,
) -> list[Feedback]:
    """Save a young person's voice: one Feedback row per answer they wrote, anonymous unless
    they asked to be contacted and consented."""
    rows = []
    with transaction.atomic():
        for text in (safer_text.strip(), anything_else.strip()):
            if not text:
                continue
            row = _feedback_build(text=text, source=Feedback.Source.YOUTH_VOICE, age_band=age_band or "", ward=ward)
            row.save()
            rows.append(row)
        if contact is not None and rows:
            ContactRequest.objects.create(
                feedback=rows[0], name=contact.name, email=contact.email, phone=contact.phone, consent=True
            )
    _queue_processing([row.pk for row in rows])
    return rows


# --- Officers' work ------------------------------------------------------------------------


def feedback_create(
    *,
    source: str,
    text: str,
    created_at,
    ward=None,
    age_band: str = "",
    question_text: str = "",
    suggested_themes: Iterable[Suggestion] | None = None,
    user=None,
) -> Feedback:
    """Add feedback gathered offline (on paper, at an event). Checked for safeguarding phrases
    and queued for theme suggestions like any other.

    `suggested_themes` are themes the place it came from suggests (an event's own themes, none
    if it has none), as `core.matching.Suggestion`s keyed by theme id: kept beside the
    suggester's, a theme both suggest keeping the higher score and both reasons. Given them, the
    suggester runs now rather than after the commit, so its results do not replace these (the
    queued processing then sees it has run)."""
    with transaction.atomic():
        feedback = _feedback_build(
            text=text.strip(),
            source=source,
            created_at=created_at,
            ward=ward,
            age_band=age_band or "",
            question_text=question_text,
        )
        feedback.save()
        log(instance=feedback, action="consultation.added_offline", user=user)
        if suggested_themes is not None:
            feedback_suggest_themes(feedback=feedback)
            _suggestions_add(feedback, suggested_themes)
    _queue_processing([feedback.pk])
    return feedback


def _suggestions_add(feedback: Feedback, suggestions: Iterable[Suggestion]) -> None:
    for given in suggestions:
        suggestion, created = ThemeSuggestion.objects.get_or_create(
            feedback=feedback, theme_id=given.key, defaults={"score": given.score, "matched": list(given.matched)}
        )
        if not created:
            suggestion.matched = [*suggestion.matched, *given.matched]
            suggestion.score = max(suggestion.score, given.score)
            suggestion.save(update_fields=["matched", "score"])


def feedback_theme(*, feedback: Feedback, add=(), remove=(), user=None) -> None:
    """Confirm or remove themes on a piece of feedback, logging each change with who did it."""
    with transaction.atomic():
        current = set(feedback.themes.all())
        added = [theme for theme in add if theme not in current]
        removed = [theme for theme in remove if theme in current]
        if added:
            feedback.themes.add(*added)
        if removed:
            feedback.themes.remove(*removed)
        for theme in added:
            log(instance=feedback, action="consultation.theme_added", user=user, data={"theme": theme.name})
        for theme in removed:
            log(instance=feedback, action="consultation.theme_removed", user=user, data={"theme": theme.name})


def feedback_themes_set(*, feedback: Feedback, themes, user=None) -> None:
    """Confirm exactly these themes on a piece of feedback, removing any other (the edit form's
    six checkboxes). Goes through feedback_theme, so each theme added or removed is logged with
    who did it, like theming in bulk; themes already there and still ticked log nothing."""
    wanted = list(themes)
    feedback_theme(
        feedback=feedback,
        add=wanted,
        remove=[theme for theme in feedback.themes.all() if theme not in wanted],
        user=user,
    )


def feedback_accept_suggestions(*, feedback: Feedback, user=None) -> None:
    """Confirm every theme the suggester proposed for this feedback."""
    themes = [suggestion.theme for suggestion in feedback.suggestions.select_related("theme")]
    feedback_theme(feedback=feedback, add=themes, user=user)


def feedback_tag(*, feedback: Feedback, tag: str, user=None) -> None:
    """Add a free tag (such as "lighting" or "bus station"), logged."""
    tag = tag.strip()
    if tag and tag.lower() not in {name.lower() for name in feedback.tags.names()}:
        feedback.tags.add(tag)
        log(instance=feedback, action="consultation.tagged", user=user, data={"tag": tag})


def feedback_mark_reviewed(*, feedback: Feedback, user=None) -> None:
    """Record that an officer has read and themed this feedback."""
    if feedback.reviewed:
        return
    feedback.reviewed = True
    feedback.reviewed_at = timezone.now()
    feedback.reviewed_by = user
    feedback.save(update_fields=["reviewed", "reviewed_at", "reviewed_by"])
    log(instance=feedback, action="consultation.reviewed", user=user)


def theme_model_retrain_request(*, user) -> None:
    """An officer asked the theme suggester to learn from the latest confirmations: queue the
    training (it trains only if enough confirmations are new, and keeps the result only if it
    scores no lower)."""
    queue_after_commit(tasks.theme_model_retrain, ThemeModel.Trigger.ADMIN, user.pk)


# --- Personal details typed into feedback -----------------------------------------------------

# What takes the place of the words an officer removes, and of a whole text removed.
REDACTED_WORDS = "[removed]"
REDACTED_TEXT = "[Removed by an officer because it held someone's personal details.]"


class RedactionError(ValueError):
    """A redaction that cannot be done as asked, with a message for the officer."""


def feedback_redact(*, feedback: Feedback, user, reason: str, words: str = "") -> Feedback:
    """Remove personal details someone typed into one piece of feedback: every place the words
    appear (in any case), or the whole text if no words are given. The survey answer it came
    from is changed the same way, so the details are not left in the survey's results.

    Feedback is anonymous and stays, so this is the one change to what people wrote. It is
    logged in the item's history with who did it and why; the words removed are not logged,
    which would keep them."""
    reason = " ".join(reason.split())
    if not reason:
        raise RedactionError("Say why the text is being removed: it is kept in the item's history.")
    words = words.strip()
    with transaction.atomic():
        feedback = Feedback.objects.select_for_update().get(pk=feedback.pk)
        original = feedback.text
        if words:
            pattern = re.compile(re.escape(words), re.IGNORECASE)
            if not pattern.search(original):
                raise RedactionError("Those words are not in the text. Copy them exactly as they are written.")

            def replace(text: str) -> str:
                return pattern.sub(REDACTED_WORDS, text)

        else:

            def replace(text: str) -> str:
                return REDACTED_TEXT if text.strip() == original.strip() else text

        feedback.text = replace(original)
        feedback.save(update_fields=["text"])
        if feedback.response_id:
            for answer in Answer.objects.filter(response_id=feedback.response_id):
                # A choice's value is one of the survey's own choices; only written text changes.
                value = replace(answer.value) if isinstance(answer.value, str) else answer.value
                other_text = replace(answer.other_text) if answer.other_text else ""
                if (value, other_text) != (answer.value, answer.other_text):
                    answer.value, answer.other_text = value, other_text
                    answer.save(update_fields=["value", "other_text"])
        log(
            instance=feedback,
            action="consultation.redacted",
            user=user,
            data={"reason": reason, "removed": "some words" if words else "the whole text"},
        )
    return feedback


# --- Safeguarding alerts --------------------------------------------------------------------------


def safeguarding_alert_handle(*, feedback: Feedback, user, note: str) -> Feedback:
    """Record what the Safeguarding group did about an alert. The contact requests that came
    with it are marked handled the first time: from then on the retention schedule removes them
    (Settings > Data retention)."""
    now = timezone.now()
    with transaction.atomic():
        feedback.safeguarding_note = note.strip()[:5000]
        feedback.safeguarding_handled_at = now
        feedback.safeguarding_handled_by = user
        feedback.save(update_fields=["safeguarding_note", "safeguarding_handled_at", "safeguarding_handled_by"])
        contacts = Q(feedback=feedback)
        if feedback.response_id:
            contacts |= Q(response_id=feedback.response_id)
        ContactRequest.objects.filter(contacts, handled_at__isnull=True).update(handled_at=now, handled_by=user)
    return feedback
