"""Background tasks of the consultation app. Thin: load by id, call the work, safe to run twice.

Services and admin views queue these (core.queue.queue_after_commit); the tasks call
consultation/processing.py and consultation/exports.py, which queue nothing, so the imports run
one way.
"""

import logging

from celery import shared_task
from django.contrib.auth import get_user_model

from core.queue import queue_now

from . import exports, processing, suggester
from .models import ExportJob, Feedback, ThemeModel

logger = logging.getLogger(__name__)


@shared_task(name="consultation.feedback_process", autoretry_for=(Exception,), retry_backoff=30, max_retries=5)
def feedback_process(feedback_ids: list[int]) -> None:
    """Suggest themes for new feedback and send any safeguarding alert."""
    for feedback in Feedback.objects.filter(pk__in=feedback_ids):
        processing.feedback_process(feedback=feedback)


@shared_task(name="consultation.feedback_process_pending")
def feedback_process_pending(older_than_seconds: int = 60) -> int:
    """Finish processing that never ran, for example while the queue was down. Run by beat.
    Feedback younger than `older_than_seconds` is left to the task queued at submission."""
    done = 0
    for feedback in processing.feedback_pending(older_than_seconds=older_than_seconds).iterator(chunk_size=200):
        try:
            processing.feedback_process(feedback=feedback)
            done += 1
        except Exception:
            logger.exception("Processing feedback %s failed; it will be tried again", feedback.pk)
    return done


@shared_task(name="consultation.export_run", soft_time_limit=25 * 60, time_limit=30 * 60)
def export_run(job_id: int) -> None:
    """Make a large export's file in the background. A job another worker holds, or that is
    finished, is left alone."""
    job = ExportJob.objects.filter(pk=job_id).first()
    if job is not None:
        exports.export_job_run(job=job)


@shared_task(name="consultation.export_jobs_requeue")
def export_jobs_requeue() -> int:
    """Queue again the exports whose worker stopped (their lease ran out) or that never reached
    a worker, and send any export email still owed. Run by beat every minute. A job that cannot
    be queued now keeps its new lease, and is queued again when that runs out."""
    job_ids = exports.export_jobs_requeue()
    for job_id in job_ids:
        queue_now(export_run, job_id)
    exports.export_job_emails_send_pending()
    return len(job_ids)


@shared_task(name="consultation.export_files_expire")
def export_files_expire() -> int:
    """Delete export files past their period (Settings > Data retention). Run hourly by beat;
    the nightly retention run runs the same step."""
    return exports.export_files_expire()


@shared_task(name="consultation.theme_model_retrain", soft_time_limit=20 * 60, time_limit=25 * 60)
def theme_model_retrain(trigger: str = ThemeModel.Trigger.NIGHTLY, user_id: int | None = None) -> str:
    """Train the theme suggester's model again when enough new confirmations exist, and keep the
    new version only if it scores no lower. Run nightly by beat, and when an officer asks in the
    admin. Safe to run twice: the second finds too few new confirmations, or the first still
    training."""
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return suggester.theme_model_retrain(trigger=trigger, user=user).message
