"""What follows a submission, run by the consultation's tasks: theme suggestions and the
safeguarding alert. Every step records on the feedback row that it ran (`suggested_at`,
`alerted_at`), so `feedback_pending` finds what a lost task left undone and running a step twice
does nothing twice.

Services queue the tasks; the tasks call this module; nothing here queues a task, so the
imports run one way: services -> tasks -> processing.
"""

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from core import safeguarding
from core.links import site_url
from core.models import Theme

from .models import Feedback, ThemeSuggestion
from .suggester import current_model, texts_suggest
from .theme_bits import theme_bits_refresh


def feedback_suggest_themes(*, feedback: Feedback) -> list[ThemeSuggestion]:
    """Store the suggester's themes for one piece of feedback (consultation/suggester.py: the
    word list and the current model), each with its reasons, replacing earlier suggestions.
    Confirmed themes are never touched. Safe to run twice."""
    version, model = current_model()
    suggestions = texts_suggest([feedback.text], model=model, use_current=False)[0]
    theme_ids = dict(Theme.objects.filter(slug__in=[s.slug for s in suggestions]).values_list("slug", "pk"))
    with transaction.atomic():
        feedback.suggestions.all().delete()
        rows = ThemeSuggestion.objects.bulk_create(
            ThemeSuggestion(
                feedback=feedback,
                theme_id=theme_ids[s.slug],
                score=s.score,
                matched=list(s.matched),
                probability=s.probability,
                weighed=[[term, weight] for term, weight in s.weighed],
                model_id=version if s.probability is not None else None,
            )
            for s in suggestions
            if s.slug in theme_ids
        )
        theme_bits_refresh(feedback_ids=[feedback.pk])  # bulk_create sends no signals
        Feedback.objects.filter(pk=feedback.pk).update(suggested_at=timezone.now())
    return rows


def safeguarding_alert_send(*, feedback: Feedback) -> bool:
    """Email every member of the Safeguarding group a link to flagged feedback (never its
    text). Sends once: a row already alerted is skipped, so running it twice sends nothing twice."""
    return safeguarding.safeguarding_alert_send(
        rows=Feedback.objects.filter(pk=feedback.pk),
        stamp_field="alerted_at",
        link=site_url(reverse("consultation_safeguarding:inspect", args=[feedback.pk])),
        item="feedback",
        what="Something someone wrote on the site",
        who="they or someone else",
        # The words that matched, kept on the row, name the languages even if the text has
        # since had personal details removed.
        languages=safeguarding.safeguarding_languages(texts=feedback.safeguarding_matches or [feedback.text]),
    )


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
