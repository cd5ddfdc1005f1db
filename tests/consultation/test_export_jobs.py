"""Background exports are made under a lease: a job whose worker died is made again from the
start, finishes once and emails the officer once; after EXPORT_MAX_ATTEMPTS it fails and the
officer is told. The fault test with a real worker process is tests/integration/test_export_worker.py."""

from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from config.celery import app
from consultation import exports
from consultation.models import ExportJob, Feedback
from consultation.tasks import export_jobs_requeue, export_run
from core.models import ExportLog

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def export_root(settings, tmp_path):
    settings.EXPORT_ROOT = tmp_path / "exports"


@pytest.fixture
def officer():
    return get_user_model().objects.get(username="officer")


@pytest.fixture
def job(officer, settings):
    settings.EXPORT_MAX_ATTEMPTS = 3
    for number in range(5):
        Feedback.objects.create(source="event", text=f"Comment {number}")
    return exports.export_job_create(
        user=officer, params={}, file_format="csv", include_personal_data=False, rows_total=5
    )


def _files(job):
    return sorted(path.name for path in exports.export_dir().glob(f"feedback-export-{job.pk}-*"))


def _worker_died_mid_export(job, *, attempts=1):
    """What a worker killed half-way leaves: the job running under an expired lease, with half a file."""
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.RUNNING,
        attempts=attempts,
        rows_done=2,
        lease_expires_at=timezone.now() - timedelta(seconds=1),
    )
    (exports.export_dir() / f"feedback-export-{job.pk}-{attempts}.csv.part").write_text("ID,Date\n1,")


def test_the_worker_claims_the_job_under_a_lease_and_counts_the_attempt(job, monkeypatch):
    seen = []
    renew = exports._renew

    def watch(job_, attempt, rows_done):
        row = ExportJob.objects.get(pk=job_.pk)
        seen.append((row.status, row.attempts, row.lease_expires_at > timezone.now(), row.heartbeat_at is not None))
        renew(job_, attempt, rows_done)

    monkeypatch.setattr(exports, "_renew", watch)
    exports.export_job_run(job=job)
    assert seen and all(state == ("running", 1, True, True) for state in seen)
    job.refresh_from_db()
    assert (job.status, job.attempts, job.lease_expires_at, job.rows_done) == ("done", 1, None, 5)
    assert _files(job) == [f"feedback-export-{job.pk}-1.csv"]


def test_a_job_whose_worker_died_is_retried_from_the_start_and_emailed_once(job, client, officer):
    _worker_died_mid_export(job)
    client.force_login(officer)

    assert exports.export_jobs_requeue() == [job.pk]
    job.refresh_from_db()
    assert job.status == "retrying" and job.lease_expires_at > timezone.now()
    assert _files(job) == []  # the half-written file is discarded
    assert "Retrying" in client.get("/admin/feedback-exports/").content.decode()
    assert exports.export_jobs_requeue() == []  # its new lease holds until a worker claims it

    export_run(job.pk)
    export_run(job.pk)  # a second delivery of the same message does nothing
    job.refresh_from_db()
    assert (job.status, job.attempts, job.rows_done) == ("done", 2, 5)
    assert _files(job) == [f"feedback-export-{job.pk}-2.csv"]
    assert [message.subject for message in mail.outbox] == ["Your feedback export is ready"]
    assert ExportLog.objects.count() == 1
    download = client.get(f"/admin/feedback-exports/download/{job.pk}/")
    text = b"".join(download.streaming_content).decode("utf-8-sig")
    assert text.count("Comment ") == 5 and text.startswith("ID,Date")


def test_the_beat_task_requeues_and_the_job_is_made(job):
    _worker_died_mid_export(job)
    assert export_jobs_requeue() == 1  # eager in tests: the queued export runs at once
    job.refresh_from_db()
    assert job.status == "done" and len(mail.outbox) == 1


def test_the_beat_schedule_runs_the_requeue_task():
    entry = django_settings.CELERY_BEAT_SCHEDULE["requeue-stalled-exports"]
    assert entry["task"] == export_jobs_requeue.name and entry["task"] in app.tasks
    assert entry["schedule"] <= 60


def test_a_job_never_picked_up_from_the_queue_is_queued_again(job):
    ExportJob.objects.filter(pk=job.pk).update(lease_expires_at=timezone.now() - timedelta(seconds=1))
    assert exports.export_jobs_requeue() == [job.pk]
    job.refresh_from_db()
    assert job.status == "pending" and job.attempts == 0


def test_after_the_last_attempt_the_job_fails_and_the_officer_is_told_once(job, client, officer):
    _worker_died_mid_export(job, attempts=3)
    assert exports.export_jobs_requeue() == []
    assert exports.export_jobs_requeue() == []
    job.refresh_from_db()
    assert job.status == "failed" and _files(job) == []
    assert [message.subject for message in mail.outbox] == ["Your feedback export could not be made"]
    assert mail.outbox[0].to == ["officer@example.com"]
    export_run(job.pk)  # a late message does not bring it back
    assert ExportJob.objects.get(pk=job.pk).status == "failed" and len(mail.outbox) == 1
    client.force_login(officer)
    assert "it stopped 3 times before it finished" in client.get("/admin/feedback-exports/").content.decode()


def test_an_attempt_that_raises_is_retried_then_fails(job, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(exports, "export_csv_lines", broken)
    for attempt in (1, 2, 3):
        exports.export_job_run(job=job)
        job.refresh_from_db()
        assert job.attempts == attempt
        if attempt < 3:
            assert job.status == "retrying" and not mail.outbox
            assert exports.export_jobs_requeue() == [job.pk]
    assert job.status == "failed" and "disk full" in job.error
    assert [message.subject for message in mail.outbox] == ["Your feedback export could not be made"]


def test_two_workers_racing_finish_the_job_once_with_one_email(job, monkeypatch):
    """Worker A is slow, not dead: its lease runs out, the job is queued again and worker B makes
    the file. When A carries on it finds it no longer holds the job and stops."""
    monkeypatch.setattr(exports, "CHUNK", 1)
    real_lines = exports.export_csv_lines
    interrupted = []

    def slow_worker_a(params, *, include_personal_data):
        for number, line in enumerate(real_lines(params, include_personal_data=include_personal_data)):
            if number == 2 and not interrupted:
                interrupted.append(True)
                ExportJob.objects.filter(pk=job.pk).update(lease_expires_at=timezone.now() - timedelta(seconds=1))
                assert exports.export_jobs_requeue() == [job.pk]
                exports.export_job_run(job=job)  # worker B, from the start
            yield line

    monkeypatch.setattr(exports, "export_csv_lines", slow_worker_a)
    exports.export_job_run(job=job)  # worker A
    job.refresh_from_db()
    assert (job.status, job.attempts, job.file_name) == ("done", 2, f"feedback-export-{job.pk}-2.csv")
    assert _files(job) == [f"feedback-export-{job.pk}-2.csv"]
    assert ExportLog.objects.count() == 1
    assert [message.subject for message in mail.outbox] == ["Your feedback export is ready"]


def test_the_email_is_claimed_on_the_row_and_sent_again_only_if_sending_failed(job, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(exports, "send_mail", refuse)
    exports.export_job_run(job=job)
    job.refresh_from_db()
    assert job.status == "done" and job.email_sent_at is None
    monkeypatch.undo()
    assert exports.export_job_emails_send_pending() == 1
    assert exports.export_job_emails_send_pending() == 0
    assert exports.export_job_email(job=job) is False
    assert len(mail.outbox) == 1
