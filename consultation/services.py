"""Writes of the consultation app: submitting a survey, recording a youth voice, adding
feedback gathered offline, and officers' theming.

Submissions are written in one transaction. Work that can wait (suggestions, emails) is queued
only after the commit; if the queue is down the submission still stands, and
`feedback_process_pending` (run by beat) finishes the work later from the state on each row.
The work itself is in consultation/processing.py, which the tasks call.
"""

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from wagtail.log_actions import log

from core.languages import language_for_record
from core.matching import Suggestion
from core.models import Ward
from core.queue import queue_after_commit
from core.safeguarding import safeguarding_matches

from . import tasks
from .equality import equality_answers_clean
from .models import (
    PINNED_QUOTES_PER_THEME,
    Answer,
    AnswerCount,
    ContactRequest,
    EqualityMonitoring,
    Feedback,
    PinnedQuote,
    Response,
    SurveyPage,
    SurveyQuestion,
    ThemeModel,
    ThemeSuggestion,
)
from .processing import feedback_suggest_themes
from .quotes import pii_findings

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


def _answer_digest(value) -> str:
    canonical = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha1(canonical.encode(), usedforsecurity=False).hexdigest()


def answer_counts_add(answers: Iterable[tuple[SurveyQuestion, object]]) -> None:
    """Add (question, stored value) pairs just saved as answers to the questions' counts
    (`AnswerCount`), which the results report reads instead of the answers. Call it inside the
    transaction that saves the answers, so both are kept or neither. Free-text answers are not
    counted. Rows are updated in one fixed order, so two submissions at once never deadlock."""
    added: Counter = Counter()
    values = {}
    for question, value in answers:
        if question.kind in SurveyQuestion.FREE_TEXT_KINDS or question.kind == SurveyQuestion.Kind.SECTION:
            continue
        key = (question.pk, _answer_digest(value))
        added[key] += 1
        values[key] = value
    for key in sorted(added):
        question_id, digest = key
        row = AnswerCount.objects.filter(question_id=question_id, digest=digest)
        if row.update(n=F("n") + added[key]):
            continue
        try:
            with transaction.atomic():
                AnswerCount.objects.create(question_id=question_id, digest=digest, value=values[key], n=added[key])
        except IntegrityError:  # another submission made the row first
            row.update(n=F("n") + added[key])


def answer_counts_rebuild(*, survey) -> int:
    """Count a survey's closed answers afresh into `AnswerCount`, replacing what was kept: for
    answers saved before the counts existed, and for the checks that prove the kept counts
    equal a count of the answers. Returns the number of rows written."""
    question_ids = [
        question.pk
        for question in SurveyQuestion.objects.filter(page=survey)
        if question.kind not in (*SurveyQuestion.FREE_TEXT_KINDS, SurveyQuestion.Kind.SECTION)
    ]
    with transaction.atomic():
        AnswerCount.objects.filter(question_id__in=question_ids).delete()
        groups = (
            Answer.objects.filter(question_id__in=question_ids)
            .values_list("question_id", "value")
            .annotate(n=Count("id"))
            .order_by()
        )
        merged: Counter = Counter()
        values = {}
        for question_id, value, n in groups:
            key = (question_id, _answer_digest(value))
            merged[key] += n
            values[key] = value
        rows = AnswerCount.objects.bulk_create(
            [
                AnswerCount(question_id=question_id, digest=digest, value=values[(question_id, digest)], n=n)
                for (question_id, digest), n in merged.items()
            ],
            batch_size=1000,
        )
    return len(rows)


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
    language: str = "",
    equality: dict | None = None,
    channel: str = Response.Channel.ONLINE,
    submitted_at=None,
) -> Response:
    """Save a completed survey: the response, its answers and a Feedback row per free-text
    answer, all or nothing. `answers` maps question id to {"value": str | list, "other": str}.
    `equality` holds the "About you" answers by field (consultation/equality.py), saved apart in
    EqualityMonitoring when the survey asks them and at least one was answered.

    `language` is the code of the language the survey was answered in (its last page's); the
    response and its feedback record it (English if it is not one of the site's).

    `asked` lists the questions the person was shown (skip logic leaves some out): it is kept
    on the response, so results tell "not asked" from "not answered", and an answer to a
    question not in it is not saved. None: every question was asked.

    `channel` says how the answers came in (online, at a kiosk, or from paper typed in by an
    officer); `submitted_at`, when they were given, if not now (a paper form's date).

    Raises DuplicateSubmission (with the saved response) if the token was used already.
    """
    language = language_for_record(language)
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
                language=language,
                asked=asked,
                channel=channel,
                **({"submitted_at": submitted_at} if submitted_at is not None else {}),
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
                            language=language,
                            **({"created_at": submitted_at} if submitted_at is not None else {}),
                        )
                    )
            Answer.objects.bulk_create(answer_rows)
            answer_counts_add((questions[row.question_id], row.value) for row in answer_rows)
            created = Feedback.objects.bulk_create(feedback_rows)
            if contact is not None:
                ContactRequest.objects.create(
                    response=response, name=contact.name, email=contact.email, phone=contact.phone, consent=True
                )
            kept = {}
            if survey.equality_monitoring and equality:
                asked_age = any(q.kind == SurveyQuestion.Kind.AGE_BAND for q in questions.values())
                kept = equality_answers_clean(equality, age_band=age_band if asked_age else None)
            if kept:
                EqualityMonitoring.objects.create(response=response, **kept)
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
    language: str = "",
) -> list[Feedback]:
    """Save a young person's voice: one Feedback row per answer they wrote, anonymous unless
    they asked to be contacted and consented. `language`: the code of the page's language."""
    language = language_for_record(language)
    rows = []
    with transaction.atomic():
        for text in (safer_text.strip(), anything_else.strip()):
            if not text:
                continue
            row = _feedback_build(
                text=text, source=Feedback.Source.YOUTH_VOICE, age_band=age_band or "", ward=ward, language=language
            )
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
    language: str = "",
) -> Feedback:
    """Add feedback gathered offline (on paper, at an event). Checked for safeguarding phrases
    and queued for theme suggestions like any other.

    `suggested_themes` are themes the place it came from suggests (an event's own themes, none
    if it has none), as `core.matching.Suggestion`s keyed by theme id: kept beside the
    suggester's, a theme both suggest keeping the higher score and both reasons. Given them, the
    suggester runs now rather than after the commit, so its results do not replace these (the
    queued processing then sees it has run).

    `language`: the code of the language it was written in (a public page's, or the one an
    officer chose); English if it is not one of the site's."""
    with transaction.atomic():
        feedback = _feedback_build(
            text=text.strip(),
            source=source,
            created_at=created_at,
            ward=ward,
            age_band=age_band or "",
            question_text=question_text,
            language=language_for_record(language),
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
            for answer in Answer.objects.filter(response_id=feedback.response_id).select_related("question"):
                # A choice's value is one of the survey's own choices (and is counted in
                # AnswerCount): only written text changes, the free-text answers and "Other".
                written = answer.question is None or answer.question.kind in SurveyQuestion.FREE_TEXT_KINDS
                value = replace(answer.value) if written and isinstance(answer.value, str) else answer.value
                other_text = replace(answer.other_text) if answer.other_text else ""
                if (value, other_text) != (answer.value, answer.other_text):
                    answer.value, answer.other_text = value, other_text
                    answer.save(update_fields=["value", "other_text"])
        # A quote pinned from it may hold the words removed: it comes out of the report, and an
        # officer pins it again from the corrected text if it still serves.
        PinnedQuote.objects.filter(feedback=feedback).delete()
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


# --- Pinned quotes ------------------------------------------------------------------------------


class QuoteRefused(Exception):
    """A quote that cannot be pinned, with the reason in words for the officer and the form
    field it is about ("theme" or "excerpt")."""

    def __init__(self, message: str, *, field: str = "theme"):
        super().__init__(message)
        self.field = field


def _quote_text(feedback: Feedback, excerpt: str) -> str:
    """The feedback's whole text, or an excerpt of it: the excerpt must be the officer's choice
    of words from the text itself, so a quote is always what someone said."""
    excerpt = " ".join((excerpt or "").split())
    if not excerpt:
        return feedback.text.strip()
    if excerpt.lower() not in " ".join(feedback.text.split()).lower():
        raise QuoteRefused("The excerpt must be words copied from what they said, in the same order.", field="excerpt")
    return excerpt


def quote_pin(
    *, feedback: Feedback, theme, user, excerpt: str = "", acknowledged: bool = False
) -> tuple[PinnedQuote | None, list]:
    """Pin the feedback's text (or an excerpt of it) as a quote for the theme in its survey's
    report. Returns (quote, []) when pinned, or (None, findings) when the check found what may be
    a name, phone number or email address and the officer has not acknowledged it.

    Refused (QuoteRefused) for feedback from no survey, feedback flagged for safeguarding, a theme
    not confirmed on it, an excerpt not in its text, and a sixth quote for the theme. The log
    records who pinned which feedback for which theme, never the text or what the check found."""
    if feedback.survey_id is None:
        raise QuoteRefused("Only what people said in a survey can be quoted in its report.")
    if feedback.safeguarding_flag:
        raise QuoteRefused("Feedback flagged for safeguarding is never quoted.")
    if not feedback.themes.filter(pk=theme.pk).exists():
        raise QuoteRefused("Confirm the theme on this feedback before pinning a quote for it.")
    text = _quote_text(feedback, excerpt)
    findings = pii_findings(text)
    if findings and not acknowledged:
        return None, findings
    with transaction.atomic():
        # Lock the survey's row so two officers cannot pin the sixth quote at once.
        SurveyPage.objects.select_for_update().filter(pk=feedback.survey_id).first()
        pinned = PinnedQuote.objects.filter(survey_id=feedback.survey_id, theme=theme)
        if pinned.filter(feedback=feedback).exists():
            raise QuoteRefused("This feedback is already pinned for that theme.")
        if pinned.count() >= PINNED_QUOTES_PER_THEME:
            raise QuoteRefused(
                f"This survey already has {PINNED_QUOTES_PER_THEME} quotes pinned for {theme.name}: unpin one first."
            )
        quote = PinnedQuote.objects.create(
            survey_id=feedback.survey_id,
            theme=theme,
            feedback=feedback,
            text=text,
            warning_acknowledged=bool(findings),
            pinned_by=user,
        )
        log(instance=feedback, action="consultation.quote_pinned", user=user, data={"theme": theme.name})
    return quote, []


def quote_unpin(*, quote: PinnedQuote, user) -> None:
    """Take a pinned quote out of the report, logged on its feedback's history."""
    with transaction.atomic():
        feedback, theme_name = quote.feedback, quote.theme.name
        quote.delete()
        log(instance=feedback, action="consultation.quote_unpinned", user=user, data={"theme": theme_name})
