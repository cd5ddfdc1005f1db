"""Writes of the consultation app: submitting a survey, recording a youth voice, processing
feedback (theme suggestions, safeguarding alerts).

Submissions are written in one transaction. Work that can wait (suggestions, emails) is queued
only after the commit; if the queue is down the submission still stands, and
`feedback_process_pending` (run by beat) finishes the work later from the state on each row.
"""

import logging
import re
from dataclasses import dataclass

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from core import matching
from core.links import site_url
from core.models import Ward
from core.safeguarding import safeguarding_matches, safeguarding_recipients

from .models import (
    Answer,
    ContactRequest,
    Feedback,
    Response,
    SurveyPage,
    SurveyQuestion,
    ThemeKeyword,
    ThemeSuggestion,
)
from .theme_bits import theme_bits_refresh

logger = logging.getLogger(__name__)

# --- Word lists, cached until staff change them ------------------------------------------


def theme_matcher() -> matching.Matcher:
    """The theme keywords as a matcher, rebuilt when staff edit a word list."""
    return matching.matcher_cached(
        "themes",
        lambda: [
            matching.Entry(phrase=phrase, key=theme_id, weight=weight)
            for phrase, theme_id, weight in ThemeKeyword.objects.values_list("phrase", "theme_id", "weight")
        ],
    )


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
    if not feedback_ids:
        return

    def enqueue():
        from .tasks import feedback_process

        try:
            feedback_process.delay(feedback_ids)
        except Exception:
            logger.exception("Could not queue feedback processing; the periodic task will pick it up")

    transaction.on_commit(enqueue)


class DuplicateSubmission(Exception):
    """The submission token was used before: the response is already saved."""

    def __init__(self, response: Response):
        self.response = response


def response_submit(
    *,
    survey: SurveyPage,
    token: str,
    answers: dict[int, dict],
    contact: ContactDetails | None = None,
) -> Response:
    """Save a completed survey: the response, its answers and a Feedback row per free-text
    answer, all or nothing. `answers` maps question id to {"value": str | list, "other": str}.

    Raises DuplicateSubmission (with the saved response) if the token was used already.
    """
    existing = Response.objects.filter(submission_token=token).first()
    if existing is not None:
        raise DuplicateSubmission(existing)

    questions = {question.pk: question for question in survey.questions.all()}
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
                survey=survey, survey_title=survey.title, submission_token=token, age_band=age_band, ward=ward
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


# --- Processing --------------------------------------------------------------------------


def feedback_suggest_themes(*, feedback: Feedback) -> list[ThemeSuggestion]:
    """Store the suggester's themes for one piece of feedback, replacing earlier suggestions.
    Confirmed themes are never touched. Safe to run twice."""
    suggestions = matching.suggest(theme_matcher(), feedback.text)
    with transaction.atomic():
        feedback.suggestions.all().delete()
        rows = ThemeSuggestion.objects.bulk_create(
            ThemeSuggestion(feedback=feedback, theme_id=s.key, score=s.score, matched=list(s.matched))
            for s in suggestions
        )
        theme_bits_refresh(feedback_ids=[feedback.pk])  # bulk_create sends no signals
        Feedback.objects.filter(pk=feedback.pk).update(suggested_at=timezone.now())
    return rows


def safeguarding_alert_send(*, feedback: Feedback) -> bool:
    """Email every member of the Safeguarding group a link to flagged feedback (never its
    text). Sends once: a row already alerted is skipped, so running it twice sends nothing twice."""
    claimed = Feedback.objects.filter(pk=feedback.pk, safeguarding_flag=True, alerted_at__isnull=True).update(
        alerted_at=timezone.now()
    )
    if not claimed:
        return False
    recipients = safeguarding_recipients()
    if not recipients:
        # Nobody to tell: keep it pending, so it is sent once someone joins the group.
        Feedback.objects.filter(pk=feedback.pk).update(alerted_at=None)
        logger.error(
            "Safeguarding alert for feedback %s has no recipients: add people to the Safeguarding group", feedback.pk
        )
        return False
    link = site_url(reverse("consultation_safeguarding:inspect", args=[feedback.pk]))
    try:
        send_mail(
            subject="Safeguarding alert: feedback needs checking",
            message=render_to_string("consultation/emails/safeguarding_alert.txt", {"link": link}),
            from_email=None,
            recipient_list=recipients,
        )
    except Exception:
        # Release the claim so the periodic task tries again.
        Feedback.objects.filter(pk=feedback.pk).update(alerted_at=None)
        raise
    return True


def feedback_process(*, feedback: Feedback) -> None:
    """Everything that follows a submission: theme suggestions and, if flagged, the alert."""
    if feedback.suggested_at is None:
        feedback_suggest_themes(feedback=feedback)
    if feedback.safeguarding_flag and feedback.alerted_at is None:
        safeguarding_alert_send(feedback=feedback)


def feedback_pending(*, older_than_seconds: int = 60):
    """Feedback whose processing never ran (the queue was down, or a task failed)."""
    cutoff = timezone.now() - timezone.timedelta(seconds=older_than_seconds)
    return Feedback.objects.filter(created_at__lte=cutoff).filter(
        Q(suggested_at__isnull=True) | Q(safeguarding_flag=True, alerted_at__isnull=True)
    )


def theme_suggestions_backfill(*, only_missing: bool = True) -> int:
    """Suggest themes for all feedback (or only feedback without suggestions). Returns the count."""
    queryset = Feedback.objects.all()
    if only_missing:
        queryset = queryset.filter(suggested_at__isnull=True)
    count = 0
    for feedback in queryset.iterator(chunk_size=500):
        feedback_suggest_themes(feedback=feedback)
        count += 1
    return count


# --- Officers' work ------------------------------------------------------------------------


def feedback_create(*, source: str, text: str, created_at, ward=None, age_band: str = "", user=None) -> Feedback:
    """Add feedback gathered offline (on paper, at an event). Checked for safeguarding phrases
    and queued for theme suggestions like any other."""
    feedback = _feedback_build(
        text=text.strip(), source=source, created_at=created_at, ward=ward, age_band=age_band or ""
    )
    feedback.save()
    log(instance=feedback, action="consultation.added_offline", user=user)
    _queue_processing([feedback.pk])
    return feedback


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
