"""Background tasks of the consultation app. Thin: load by id, call a service, safe to run twice."""

import logging

from celery import shared_task
from django.db import transaction

from . import exports, services
from .models import ExportJob, Feedback

logger = logging.getLogger(__name__)


@shared_task(name="consultation.feedback_process", autoretry_for=(Exception,), retry_backoff=30, max_retries=5)
def feedback_process(feedback_ids: list[int]) -> None:
    """Suggest themes for new feedback and send any safeguarding alert."""
    for feedback in Feedback.objects.filter(pk__in=feedback_ids):
        services.feedback_process(feedback=feedback)


@shared_task(name="consultation.feedback_process_pending")
def feedback_process_pending(older_than_seconds: int = 60) -> int:
    """Finish processing that never ran, for example while the queue was down. Run by beat.
    Feedback younger than `older_than_seconds` is left to the task queued at submission."""
    done = 0
    for feedback in services.feedback_pending(older_than_seconds=older_than_seconds).iterator(chunk_size=200):
        try:
            services.feedback_process(feedback=feedback)
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


def _queue_export(job_id: int) -> None:
    try:
        export_run.delay(job_id)
    except Exception:
        # The job's lease runs out and export_jobs_requeue queues it again.
        logger.exception("Could not queue export %s", job_id)


def export_run_after_commit(job_id: int) -> None:
    """Queue a job's export once the transaction that made it commits."""
    transaction.on_commit(lambda: _queue_export(job_id))


@shared_task(name="consultation.export_jobs_requeue")
def export_jobs_requeue() -> int:
    """Queue again the exports whose worker stopped (their lease ran out) or that never reached
    a worker, and send any export email still owed. Run by beat every minute."""
    job_ids = exports.export_jobs_requeue()
    for job_id in job_ids:
        _queue_export(job_id)
    exports.export_job_emails_send_pending()
    return len(job_ids)


@shared_task(name="consultation.export_files_expire")
def export_files_expire() -> int:
    """Delete export files older than EXPORT_KEEP_DAYS. Run daily by beat."""
    return exports.export_files_expire()
