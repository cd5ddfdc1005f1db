"""Fixtures for the whole suite.

Services: tests that need PostgreSQL, Redis, a Celery worker or Chromium call
`service_unavailable(reason)` when the service is missing. Locally that skips the test with
the reason; under REQUIRE_SERVICES=1 (set by .ci/run) it fails it, so CI can never pass by
skipping.
"""

import os
import re

import pytest
from django.core import mail
from django.core.cache import cache

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"


def service_unavailable(reason: str):
    """Skip the current test, or fail it when REQUIRE_SERVICES=1."""
    if REQUIRE_SERVICES:
        pytest.fail(f"{reason} (REQUIRE_SERVICES=1, so this fails instead of skipping)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo site once per test session; each test runs in a transaction that is rolled
    back, so every test starts from the same demo content. In English only: the tests of
    translated content build the other languages' trees themselves (the `translated_demo`
    fixture), so every other test reads one copy of each page."""
    from home.demo import demo_seed_all

    with django_db_blocker.unblock():
        demo_seed_all(translations=False)


@pytest.fixture
def translated_demo(db, django_capture_on_commit_callbacks):
    """The demo as `seed_demo` leaves it: every language's page tree, with the drafted
    translations of the "Have your say" page and the open survey. Returns the English home
    page. wagtail-localize publishes a translation once its transaction commits, as `seed_demo`'s
    does; a test's transaction never commits, so those callbacks are run here."""
    from home.demo import demo_translations_seed
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="en-gb")
    with django_capture_on_commit_callbacks(execute=True):
        demo_translations_seed(home=home)
    return home


@pytest.fixture(autouse=True)
def _hermetic_files(settings, tmp_path):
    """Uploaded files and the demo password go to a temporary folder, never into the repository."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.DEMO_CREDENTIALS_FILE = str(tmp_path / "demo-login.txt")


# A variable or tag left unrendered, as a template tag split across two lines leaves it.
LEFTOVER_TEMPLATE_CODE = re.compile(r"\{\{\s*[a-z_][\w.]*|\{%\s*[a-z]")
# A full link in an email, up to the first space or closing bracket or quote.
EMAIL_LINK = re.compile(r"https?://[^\s<>\"')]+")


@pytest.fixture(autouse=True)
def _emails_read_as_sent(settings):
    """Every email any test sends is read as the person would get it:

    - no template code left unrendered, in the subject or any part;
    - every link on SITE_URL, never on the host of the request that sent it, so a new sender
      that builds links from the request fails its own tests.
    """
    yield
    for message in getattr(mail, "outbox", []):
        bodies = [message.body, *(content for content, _ in getattr(message, "alternatives", []))]
        for part in [message.subject, *bodies]:
            leftover = LEFTOVER_TEMPLATE_CODE.search(part)
            assert not leftover, f"The email {message.subject!r} shows template code: {part[leftover.start() :][:60]!r}"
        for link in (link for part in bodies for link in EMAIL_LINK.findall(part)):
            assert link.startswith(settings.SITE_URL + "/"), f"The email {message.subject!r} links off SITE_URL: {link}"


@pytest.fixture(autouse=True)
def _cookies_listed(monkeypatch):
    """Every cookie any response sets is one the cookies page lists (core/cookies.py): a test
    whose request sets another fails, so the page cannot drift from what the site does. (The
    browser tests check the cookies Chromium holds in the same way: tests/browser/conftest.py.)"""
    from django.http.response import HttpResponseBase

    from core.cookies import site_cookie_names

    set_cookie = HttpResponseBase.set_cookie

    def listed_only(response, key, *args, **kwargs):
        assert key in site_cookie_names(), (
            f"A response set the cookie {key!r}, which the cookies page does not list: add it to core/cookies.py"
        )
        return set_cookie(response, key, *args, **kwargs)

    monkeypatch.setattr(HttpResponseBase, "set_cookie", listed_only)


@pytest.fixture(autouse=True)
def _english_to_start():
    """Each test starts in English: a request to /ur/... leaves Urdu active in the thread,
    and a later test's `page.url` would carry /ur/."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (page cache, Wagtail's site root paths)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def strategy_page(db):
    from strategy.models import StrategyPage

    return StrategyPage.objects.get(slug="strategy")


@pytest.fixture
def admin_user(db, django_user_model):
    return django_user_model.objects.get(username="admin")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


# --- The accessibility record, written at release -------------------------------------------------


def pytest_sessionfinish(session, exitstatus):
    """With ACCESSIBILITY_RECORD=1 (set by .ci/run), when the whole suite has passed, write what
    the browser tests checked to the file the accessibility statement reads (home/notices.py):
    the date, the commit, every page axe-core checked, and the keyboard-only and no-JavaScript
    journeys. Nothing is written if anything failed or no page was checked.

    When the suite runs in several processes (`make test` runs two), each worker hands what its
    browser tests checked to the main process (`pytest_testnodedown`), which writes the record."""
    from tests.browser import conftest as browser

    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # a worker: hand over, the main process writes
        workeroutput["accessibility"] = browser.accessibility_checks_taken()
        return
    if os.environ.get("ACCESSIBILITY_RECORD") != "1" or exitstatus != 0 or session.testsfailed:
        return
    browser.accessibility_record_write()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """A worker process finished: add what its browser tests checked to this process's record."""
    from tests.browser import conftest as browser

    taken = getattr(node, "workeroutput", {}).get("accessibility")
    if taken:
        browser.accessibility_checks_add(taken)


def pytest_collection_modifyitems(config, items):
    """When the suite runs in several processes, the tests that start a Celery worker on the one
    Redis all run in the same process, one after another, so no worker takes another's tasks."""
    for item in items:
        if item.get_closest_marker("integration"):
            item.add_marker(pytest.mark.xdist_group("services"))
