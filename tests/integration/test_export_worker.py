"""A Celery worker killed in the middle of a large export, on the real services: PostgreSQL,
Redis and worker processes. The job's lease runs out, the beat task queues it again, a new
worker makes the file from the beginning, and the officer gets exactly one email.

Locally this skips when a service is missing; under REQUIRE_SERVICES=1 (CI) it fails.
"""

import csv
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone

from tests.integration.test_services import (  # noqa: F401 - committed_db is a fixture
    ROOT,
    _require_postgres,
    _require_redis,
    _worker_database_url,
    committed_db,
)

pytestmark = pytest.mark.integration
ROWS = 60_000
LEASE_SECONDS = 3
SUBJECT = "Subject: Your feedback export is ready"


def _start_worker(queue: str, redis_url: str, export_root: Path, mail_dir: Path, log: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": _worker_database_url(),
        "REDIS_URL": redis_url,
        "EXPORT_ROOT": str(export_root),
        "EMAIL_FILE_PATH": str(mail_dir),
        "EXPORT_LEASE_SECONDS": str(LEASE_SECONDS),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool", "solo", "-Q", queue,
         "-n", f"{queue}-{uuid.uuid4().hex[:6]}@%h", "--without-gossip", "--without-mingle", "--without-heartbeat",
         "--loglevel", "WARNING"],
        cwd=ROOT, env=env, stdout=log.open("a"), stderr=subprocess.STDOUT,
    )  # fmt: skip


def _stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        worker.terminate()
        worker.wait(timeout=20)


def _emails(mail_dir: Path) -> list[str]:
    """Every email the processes wrote (the file backend may put several in one file)."""
    return [line for path in mail_dir.glob("*") for line in path.read_text().splitlines() if line == SUBJECT]


def _wait(condition, seconds: float, message, workers=(), log: Path | None = None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        for worker in workers:
            if worker.poll() is not None:
                pytest.fail(f"A worker exited early:\n{log.read_text() if log else ''}")
        time.sleep(0.05)
    pytest.fail(f"{message}\n{log.read_text() if log else ''}")


@pytest.mark.django_db
def test_exports_run_on_postgresql():
    """The fault test below shares PostgreSQL with worker processes. This test also makes
    pytest-django set up the test database when the file runs on its own: the fault test works
    outside a transaction (committed_db), which does not ask for one."""
    _require_postgres()
    assert connection.vendor == "postgresql"


@pytest.mark.usefixtures("committed_db")
def test_a_worker_killed_mid_export_is_replaced_and_the_job_finishes_once_with_one_email(settings, tmp_path):
    redis_url = _require_redis()
    _require_postgres("the worker processes need PostgreSQL to share the test database")
    from consultation.models import ExportJob, Feedback
    from core.models import ExportLog

    marker = f"KILLED-WORKER-{uuid.uuid4().hex[:8]}"
    started = timezone.now()
    Feedback.objects.bulk_create(
        [Feedback(source="event", text=f"{marker} comment {number}") for number in range(ROWS)], batch_size=5000
    )
    officer = get_user_model().objects.get(username="officer")
    try:
        _kill_and_recover(settings, tmp_path, redis_url, officer)
    finally:
        ExportJob.objects.filter(user=officer, created_at__gte=started).delete()
        ExportLog.objects.filter(user=officer, created_at__gte=started).delete()
        # Nothing refers to these rows (they were never processed), so one statement removes
        # them; the ORM's cascade collection takes minutes for this many.
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {Feedback._meta.db_table} WHERE text LIKE %s", [f"{marker}%"])  # noqa: S608


def _kill_and_recover(settings, tmp_path, redis_url, officer):
    from django.test import Client

    from config.celery import app
    from consultation.exports import CHUNK
    from consultation.models import ExportJob, Feedback
    from consultation.tasks import export_jobs_requeue
    from core.models import ExportLog

    export_root, mail_dir, log = tmp_path / "exports", tmp_path / "mail", tmp_path / "workers.log"
    mail_dir.mkdir()
    # This process starts the export and runs the beat task: the same files and timings as the workers.
    settings.EXPORT_ROOT = export_root
    settings.EXPORT_LEASE_SECONDS = LEASE_SECONDS
    settings.EXPORT_SYNC_LIMIT = 0
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(mail_dir)
    total = Feedback.objects.count()

    queue = f"test-{uuid.uuid4().hex}"
    eager, routes = app.conf.task_always_eager, app.conf.task_routes
    app.conf.task_always_eager = False
    # Only this test's workers consume this queue.
    app.conf.update(task_routes={"consultation.*": {"queue": queue}})
    first = _start_worker(queue, redis_url, export_root, mail_dir, log)
    second = None
    try:
        client = Client()
        client.force_login(officer)
        response = client.post("/admin/feedback-exports/csv/")
        assert response.status_code == 302, response.content.decode()[:2000]
        job = ExportJob.objects.get(user=officer, status__in=["pending", "running"])

        # Kill the worker once it is well into the file.
        _wait(
            lambda: ExportJob.objects.filter(pk=job.pk, status="running", rows_done__gte=CHUNK).exists(),
            90,
            "The first worker never started the export",
            [first],
            log,
        )
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=20)
        job.refresh_from_db()
        assert job.status == "running" and job.attempts == 1, "the export finished before the worker was killed"
        assert job.rows_done < total
        assert [path.name for path in export_root.glob(f"feedback-export-{job.pk}-*")] == [
            f"feedback-export-{job.pk}-1.csv.part"
        ]

        second = _start_worker(queue, redis_url, export_root, mail_dir, log)
        # Beat's part: after the lease runs out, the task queues the job again for the new worker.
        _wait(lambda: export_jobs_requeue() == 1, LEASE_SECONDS + 30, "The job was never queued again")
        assert ExportJob.objects.get(pk=job.pk).status in ("retrying", "running", "done")
        _wait(
            lambda: ExportJob.objects.filter(pk=job.pk, status="done").exists(),
            120,
            "The second worker did not finish the export",
            [second],
            log,
        )
        _wait(lambda: _emails(mail_dir), 30, "No email was sent", [second], log)
        export_jobs_requeue()  # beat carries on: nothing more to queue or send
        time.sleep(1)
    finally:
        app.conf.task_always_eager = eager
        app.conf.update(task_routes=routes)
        _stop(first)
        if second is not None:
            _stop(second)

    job.refresh_from_db()
    assert (job.status, job.attempts, job.rows_done) == ("done", 2, total)
    assert len(_emails(mail_dir)) == 1, log.read_text()
    assert ExportLog.objects.filter(user=officer, kind="feedback (csv)", row_count=total).count() == 1
    # The half-written file was discarded; the new one holds every row.
    assert [path.name for path in export_root.glob(f"feedback-export-{job.pk}-*")] == [job.file_name]
    assert job.file_name == f"feedback-export-{job.pk}-2.csv"
    with (export_root / job.file_name).open(encoding="utf-8-sig", newline="") as handle:
        assert sum(1 for _ in csv.reader(handle)) == total + 1
