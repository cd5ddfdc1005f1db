"""The suite on the real services: PostgreSQL, Redis and a Celery worker process.

Locally these skip when a service is missing; under REQUIRE_SERVICES=1 (CI) they fail.
"""

import os
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from strategy.models import ThemePage
from tests.conftest import service_unavailable

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]


def _require_postgres(reason: str = "DATABASE_URL does not point at PostgreSQL"):
    if connection.vendor != "postgresql":
        service_unavailable(reason)


def _require_redis() -> str:
    url = os.environ.get("REDIS_URL", "")
    if not url:
        service_unavailable("REDIS_URL is not set")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        service_unavailable(f"Redis at {url} does not answer: {error}")
    return url


@pytest.mark.django_db
def test_the_suite_runs_on_postgresql():
    _require_postgres()
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        assert int(cursor.fetchone()[0]) >= 130000


@pytest.mark.django_db
def test_site_search_uses_postgres_full_text_search_with_stemming(client):
    _require_postgres()
    from wagtail.search.backends import get_search_backend

    assert "postgres" in type(get_search_backend()).__module__
    # "suspension" finds the page that says "suspensions": the English stemmer at work.
    response = client.get("/search/", {"q": "suspension"})
    assert "Minimise school suspensions" in [result.title for result in response.context["results"]]


@pytest.mark.django_db
def test_page_cache_is_shared_through_redis(client, settings):
    url = _require_redis()
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        }
    }
    assert client.get("/strategy/")["X-Page-Cache"] == "miss"
    assert client.get("/strategy/")["X-Page-Cache"] == "hit"
    page = ThemePage.objects.get(slug="education")
    page.intro = "Changed while cached in Redis."
    page.save_revision().publish()
    response = client.get("/strategy/education/")
    assert "Changed while cached in Redis." in response.content.decode()


def _worker_database_url() -> str:
    db = settings.DATABASES["default"]
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def committed_db(django_db_setup, django_db_blocker):
    """Database access outside a transaction, so another process sees each write at once.
    Nothing is rolled back or flushed (a flush would also wipe what the migrations and the
    demo seed made), so each test removes what it made."""
    with django_db_blocker.unblock():
        yield


def test_celery_task_round_trip_through_redis_and_a_real_worker(committed_db):
    """A scheduled page is published by the beat task, sent through Redis to a worker process
    that shares the test database."""
    redis_url = _require_redis()
    _require_postgres("the worker process needs PostgreSQL to share the test database")
    from home.models import HomePage, StandardPage

    page = StandardPage(title="Scheduled notice", slug=f"scheduled-{uuid.uuid4().hex[:8]}", intro="Draft", live=False)
    HomePage.objects.get().add_child(instance=page)
    try:
        _publish_scheduled_by_a_worker(page, redis_url)
    finally:
        page.delete()


def _publish_scheduled_by_a_worker(page, redis_url):
    from home.models import StandardPage

    page.intro = "Published by the worker."
    revision = page.save_revision()
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save()
    assert not StandardPage.objects.get(pk=page.pk).live

    queue = f"test-{uuid.uuid4().hex}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": _worker_database_url(),
        "REDIS_URL": redis_url,
    }
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool", "solo", "-Q", queue,
         "-n", f"{queue}@%h", "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel", "WARNING"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    from config.celery import app
    from core.tasks import publish_scheduled_pages

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        publish_scheduled_pages.apply_async(queue=queue)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            published = StandardPage.objects.get(pk=page.pk)
            if published.live and published.intro == "Published by the worker.":
                break
            if worker.poll() is not None:
                pytest.fail(f"The worker exited early:\n{worker.stdout.read()}")
            time.sleep(0.25)
        else:
            worker.terminate()
            pytest.fail(f"The worker did not publish the page within 60 s:\n{worker.communicate(timeout=10)[0]}")
    finally:
        app.conf.task_always_eager = eager
        if worker.poll() is None:
            worker.terminate()
            worker.wait(timeout=20)


SUBMIT_WITH_BROKER_DOWN = """
import time
from django.test import Client
from consultation.models import YouthVoicePage
page = YouthVoicePage.objects.get()
started = time.monotonic()
response = Client().post(page.url, {"age_band": "16-18", "safer": "BROKER-DOWN: more lights in the park"})
print("STATUS", response.status_code, "SECONDS", round(time.monotonic() - started, 1))
"""


def test_with_redis_unreachable_a_submission_is_saved_and_processed_later(committed_db):
    """The web process cannot reach Redis (broker and cache): the young person still gets their
    thank-you, the feedback is saved unprocessed, and the periodic task finishes the work later."""
    _require_postgres("the web process needs PostgreSQL to share the test database")
    from consultation.models import Feedback

    try:
        _submit_with_redis_unreachable()
    finally:
        Feedback.objects.filter(text__startswith="BROKER-DOWN").delete()


def _submit_with_redis_unreachable():
    from consultation.models import Feedback
    from consultation.tasks import feedback_process_pending

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DATABASE_URL": _worker_database_url(),
        "REDIS_URL": "redis://127.0.0.1:1/0",  # nothing listens there
        "ALLOWED_HOSTS": "testserver",
        "DEMO_CREDENTIALS_FILE": os.devnull,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SUBMIT_WITH_BROKER_DOWN],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert "STATUS 302" in result.stdout, result.stdout + result.stderr
    seconds = float(result.stdout.split("SECONDS")[1].split()[0])
    assert seconds < 15, f"the submission waited {seconds} s for the broker"

    feedback = Feedback.objects.get(text__startswith="BROKER-DOWN")
    assert feedback.suggested_at is None

    assert feedback_process_pending(older_than_seconds=0) >= 1
    feedback.refresh_from_db()
    assert feedback.suggested_at is not None
    assert feedback.suggestions.filter(theme__slug="communities").exists()
