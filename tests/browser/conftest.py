"""Real-browser tests: Chromium, driven by Playwright, against the demo site served by gunicorn.

The server is a subprocess with its own database, migrated and seeded once per session with
`manage.py migrate` and `manage.py seed_demo` (with DEBUG on), as a developer's `make run` would. The
in-process test database (and pytest-django's live_server, whose flush would wipe the demo
content) is not used: browser tests never touch the ORM.

- PostgreSQL when DATABASE_URL points at it (as in CI): a separate `<name>_browser` database,
  dropped and created at the start of each session.
- Otherwise a SQLite file in a temporary folder.

One Chromium for all the browser tests, a new browser context (cookies, cache, storage) per
test. Without Chromium or axe-core the tests skip, or fail under REQUIRE_SERVICES=1.
"""

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.conftest import service_unavailable

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_JS = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_RULESETS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_BLOCKING_IMPACTS = {"serious", "critical"}
SERVER_START_TIMEOUT = 60
SEED_WITH_DEBUG = (
    "from django.core.management import call_command; from django.test import override_settings; "
    "override_settings(DEBUG=True)(call_command)('seed_demo')"
)
COMMAND_TIMEOUT = 300

# The seeded demo content the tests walk through.
THEMES = [
    "Education",
    "Young People",
    "Communities",
    "Partnership Working",
    "Employment and Training",
    "Policy and Process",
]
HELP_NUMBERS = ["999", "0800 1111", "0800 555 111"]


@dataclass(frozen=True)
class DemoSite:
    """The running demo site: its address, the admin login and where its mail goes."""

    url: str
    port: int
    admin_username: str
    admin_password: str
    mail_dir: Path
    env: dict[str, str]  # the server's environment, for running manage.py against its database


# --- Requirements -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not CHROMIUM.exists():
        service_unavailable(f"Chromium not found at {CHROMIUM}: install it with `apt-get install -y chromium`")
    return str(CHROMIUM)


@pytest.fixture(scope="session")
def axe_source_path() -> Path:
    if not AXE_JS.exists():
        service_unavailable(f"axe-core not found at {AXE_JS.relative_to(REPO_ROOT)}: run `npm ci`")
    return AXE_JS


# --- The server ---------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _browser_database_url(tmp: Path) -> str:
    """A database of the session's own: PostgreSQL beside DATABASE_URL's, or a SQLite file."""
    url = os.environ.get("DATABASE_URL", "")
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql", "pgsql", "postgis"):
        return f"sqlite:///{tmp / 'browser.sqlite3'}"

    import psycopg
    from psycopg import sql

    name = parts.path.lstrip("/") or "postgres"
    browser_name = f"{name}_browser"
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker:
        browser_name += f"_{worker}"
    maintenance = urlunsplit(("postgresql", parts.netloc, "/postgres", parts.query, ""))
    try:
        with psycopg.connect(maintenance, autocommit=True, connect_timeout=10) as connection:
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(browser_name)))
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(browser_name)))
    except psycopg.OperationalError as error:
        service_unavailable(f"PostgreSQL at {parts.hostname}:{parts.port or 5432} is not reachable: {error}")
    return urlunsplit((parts.scheme, parts.netloc, "/" + browser_name, parts.query, parts.fragment))


def _manage(args: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "manage.py"), *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
    )
    if result.returncode != 0:
        pytest.fail(
            f"manage.py {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}",
            pytrace=False,
        )


def _wait_until_serving(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"gunicorn exited with code {process.returncode} before serving:\n{log.read_text()}",
                pytrace=False,
            )
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (our own server)
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            last_error = error
        time.sleep(0.1)
    pytest.fail(
        f"gunicorn did not answer {url} within {SERVER_START_TIMEOUT}s ({last_error}):\n{log.read_text()}",
        pytrace=False,
    )


@pytest.fixture(scope="session")
def demo_site(chromium_path, tmp_path_factory) -> DemoSite:
    """The demo site served by gunicorn on a free port, with a freshly seeded database.

    Asks for `chromium_path` first so that, without Chromium, nothing is migrated or started.
    """
    tmp = tmp_path_factory.mktemp("browser-site")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    credentials = tmp / "demo-login.txt"
    mail_dir = tmp / "mail"
    mail_dir.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": _browser_database_url(tmp),
        "SITE_URL": url,
        "DEMO_CREDENTIALS_FILE": str(credentials),
        "EMAIL_FILE_PATH": str(mail_dir),
        "MEDIA_ROOT": str(tmp / "media"),
        # The editing test relies on the page cache being on, whatever the developer's shell says.
        "PAGE_CACHE_SECONDS": "600",
        # Every submission in a run comes from 127.0.0.1: keep the rate limit out of the way.
        "SUBMISSION_RATE_LIMIT": "1000/m",
        # The test settings' cache is the process's own memory: a theme model a test trains with
        # manage.py is seen by the server at once only if the server asks the database each time.
        "THEME_MODEL_CHECK_SECONDS": "0",
        "PYTHONUNBUFFERED": "1",
    }
    _manage(["migrate", "--noinput"], env)
    # seed_demo as `make run` runs it, with DEBUG on: the test settings turn DEBUG off, under
    # which it would refuse to make the demo accounts the tests sign in with.
    _manage(["shell", "-c", SEED_WITH_DEBUG], env)

    log = tmp / "gunicorn.log"
    with log.open("w") as log_file:
        process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "config.wsgi:application",
                "--workers",
                "1",
                "--threads",
                "4",
                "--no-control-socket",
                "--bind",
                f"127.0.0.1:{port}",
            ],
            cwd=REPO_ROOT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_serving(url + "/", process, log)
        yield DemoSite(
            url=url,
            port=port,
            admin_username="admin",
            admin_password=credentials.read_text().strip(),
            mail_dir=mail_dir,
            env=env,
        )
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def mail_dir(demo_site) -> Path:
    """The folder the server writes its emails to, one file per message sent."""
    return demo_site.mail_dir


# --- The browser --------------------------------------------------------------------------


@pytest.fixture(scope="package")
def browser(chromium_path):
    """One Chromium for all the browser tests.

    Package-scoped, not session-scoped: Playwright's sync API keeps an asyncio loop running in
    the main thread while it is started, and Django refuses ORM calls from a thread with a
    running loop (SynchronousOnlyOperation). Stopping Playwright when the last test of this
    folder is done keeps the rest of the suite working.
    """
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
    finally:
        playwright.stop()


@pytest.fixture
def new_context(browser, demo_site, request):
    """Make browser contexts (closed after the test). The site's CSP (script-src 'self') would
    block the axe-core script tag, so contexts bypass CSP unless asked not to.

    After the test, every cookie the contexts hold must be one the cookies page lists
    (core/cookies.py), scripts' cookies included. Journeys made without JavaScript, or marked
    keyboard_only, go into the accessibility record."""
    from core.cookies import site_cookie_names

    contexts = []

    def make(**options):
        options.setdefault("base_url", demo_site.url)
        options.setdefault("bypass_csp", True)
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        if options.get("java_script_enabled") is False:
            NO_JAVASCRIPT_JOURNEYS.add(_journey_name(request.node))
        return context

    yield make
    if request.node.get_closest_marker("keyboard_only"):
        KEYBOARD_JOURNEYS.add(_journey_name(request.node))
    unlisted = set()
    for context in contexts:
        try:
            held = context.cookies()
        except PlaywrightError:  # the test closed it itself, having checked what it needed
            continue
        unlisted |= {cookie["name"] for cookie in held} - site_cookie_names()
        context.close()
    assert not unlisted, f"The site set cookies the cookies page does not list (core/cookies.py): {sorted(unlisted)}"


@pytest.fixture
def context(new_context):
    return new_context()


@pytest.fixture
def page(context):
    return context.new_page()


# --- Accessibility ------------------------------------------------------------------------


def _format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"axe found {len(violations)} serious or critical violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"    {json.dumps(node['target'])}: {node.get('failureSummary', '').strip()}")
    return "\n".join(lines)


# What the browser tests checked, for the accessibility statement's record (written by
# `accessibility_record_write` when the whole suite passes with ACCESSIBILITY_RECORD=1).
AXE_CHECKED_PAGES: set[str] = set()
KEYBOARD_JOURNEYS: set[str] = set()
NO_JAVASCRIPT_JOURNEYS: set[str] = set()
ACCESSIBILITY_RECORD_FILE = REPO_ROOT / "home" / "accessibility_checks.json"


def _journey_name(node) -> str:
    """A test's name as a sentence: test_parent_books_an_event -> "Parent books an event"."""
    words = node.originalname.removeprefix("test_").replace("_", " ")
    return words[:1].upper() + words[1:]


def _page_path(url: str) -> str:
    """The page's path with ids and signed tokens made general: /admin/pages/42/edit/ ->
    /admin/pages/{id}/edit/, /subscribe/confirm/<signed>/ -> /subscribe/confirm/{token}/."""
    path = re.sub(r"/\d+(?=/|$)", "/{id}", urlsplit(url).path)
    return re.sub(r"/[^/]*:[^/]*(?=/|$)", "/{token}", path) or "/"


def accessibility_checks_taken() -> dict[str, list[str]]:
    """What this process's browser tests checked, to hand to the main process."""
    return {
        "pages": sorted(AXE_CHECKED_PAGES),
        "keyboard_journeys": sorted(KEYBOARD_JOURNEYS),
        "no_javascript_journeys": sorted(NO_JAVASCRIPT_JOURNEYS),
    }


def accessibility_checks_add(taken: dict[str, list[str]]) -> None:
    """Add what a worker process's browser tests checked."""
    AXE_CHECKED_PAGES.update(taken.get("pages", []))
    KEYBOARD_JOURNEYS.update(taken.get("keyboard_journeys", []))
    NO_JAVASCRIPT_JOURNEYS.update(taken.get("no_javascript_journeys", []))


def accessibility_record_write(path: Path = ACCESSIBILITY_RECORD_FILE) -> bool:
    """Write the record of the checks that passed; False (and nothing written) if no page was
    checked, as when the browser tests did not run."""
    if not AXE_CHECKED_PAGES:
        return False
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = ""
    axe_version = json.loads((AXE_JS.parent / "package.json").read_text())["version"]
    record = {
        "passed_on": date.today().isoformat(),
        "commit": commit,
        "axe_version": axe_version,
        "rulesets": AXE_RULESETS,
        "pages": sorted(AXE_CHECKED_PAGES),
        "keyboard_journeys": sorted(KEYBOARD_JOURNEYS),
        "no_javascript_journeys": sorted(NO_JAVASCRIPT_JOURNEYS),
    }
    path.write_text(json.dumps(record, indent=2) + "\n")
    return True


@pytest.fixture
def axe_check(axe_source_path):
    """Run axe-core on the page as it is now; fail on serious or critical violations."""

    wanted = json.loads((axe_source_path.parent / "package.json").read_text())["version"]

    def check(page) -> list[dict]:
        page.wait_for_load_state()
        # The Wagtail admin ships an older axe-core as window.axe: always run the project's.
        if page.evaluate("() => (window.axe && window.axe.version) || ''") != wanted:
            page.add_script_tag(path=str(axe_source_path))
        result = page.evaluate(
            "async (rulesets) => await axe.run(document, {runOnly: rulesets})",
            AXE_RULESETS,
        )
        blocking = [v for v in result["violations"] if v.get("impact") in AXE_BLOCKING_IMPACTS]
        assert not blocking, _format_violations(page.url, blocking)
        AXE_CHECKED_PAGES.add(_page_path(page.url))
        return result["violations"]

    return check


# --- Staff --------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def staff_cookies() -> dict[str, list]:
    """Session cookies of the demo staff who have signed in, by username."""
    return {}


@pytest.fixture
def login(demo_site, staff_cookies):
    """Sign a page's context in to the Wagtail admin as one of the demo staff (admin, editor,
    officer, moderator, safeguarding: they share the demo password) and return the page.

    The first time, through the sign-in form (the page is left on the dashboard); after that,
    the session cookie is reused and the page is left where it was."""

    def sign_in(page, username: str = "admin"):
        if username in staff_cookies:
            page.context.add_cookies(staff_cookies[username])
            return page
        page.goto("/admin/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(demo_site.admin_password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/admin/")
        staff_cookies[username] = page.context.cookies()
        return page

    return sign_in
