"""What the benchmarks share: the machine report, the bench database and Redis database, the
gunicorn server with production settings, Django in a bench process, and a plain HTTP GET.

Used by bench/pages.py, bench/submit_load.py and bench/export.py, which run as scripts from
this directory.
"""

import datetime
import http.client
import importlib.metadata
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import redis
from psycopg import sql

REPO = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
# The view that answers "ok" (bench/bench_urls.py): the server is up when it answers.
READY_PATH = "/bench/ok/"


def say(text: str = "") -> None:
    print(text, flush=True)


# --- The machine --------------------------------------------------------------------------


def _proc_field(path: str, name: str) -> str:
    try:
        for line in Path(path).read_text().splitlines():
            key, _, value = line.partition(":")
            if key.strip() == name:
                return value.strip()
    except OSError:
        pass
    return "unknown"


def _os_name() -> str:
    try:
        pretty = platform.freedesktop_os_release()["PRETTY_NAME"]
    except (OSError, KeyError):
        pretty = platform.system()
    return f"{pretty}, kernel {platform.release()}"


def _memory() -> str:
    total = _proc_field("/proc/meminfo", "MemTotal")
    if total.endswith(" kB"):
        return f"{int(total.split()[0]) / 1024 / 1024:.1f} GiB"
    return total


def machine_report(*, postgres_version: str, packages: tuple[str, ...] = ("gunicorn",)) -> None:
    """The date, the machine and the versions; `packages` are listed after PostgreSQL."""
    version = importlib.metadata.version
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    say(f"Date:        {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M:%S %Z}")
    say(f"CPU:         {_proc_field('/proc/cpuinfo', 'model name')}, {os.cpu_count()} cores ({usable} usable)")
    say(f"Memory:      {_memory()}")
    say(f"OS:          {_os_name()}")
    say(f"Python:      {platform.python_version()}")
    say(f"Django:      {version('django')}")
    say(f"Wagtail:     {version('wagtail')}")
    say(f"PostgreSQL:  {postgres_version}")
    for package in packages:
        say(f"{package + ':':<12} {version(package)}")
    say(f"Load:        {load_average()}")


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    text = f"{one:.2f} {five:.2f} {fifteen:.2f} (1, 5, 15 min)"
    if one > 0.5 * (os.cpu_count() or 1):
        text += "  busy: other processes will skew the figures"
    return text


# --- Database, cache and static files -----------------------------------------------------


def _bench_database_name(database_url: str) -> str:
    name = urlsplit(database_url).path.lstrip("/")
    if "bench" not in name:
        raise SystemExit(f"Refusing to drop database {name!r}: its name must contain 'bench'.")
    return name


def database_prepare(database_url: str) -> str:
    """Drop and create the bench database. Returns the server's version."""
    parts = urlsplit(database_url)
    name = _bench_database_name(database_url)
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        server_version = connection.execute("SHOW server_version").fetchone()[0]
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return server_version


def database_drop(database_url: str) -> None:
    parts = urlsplit(database_url)
    name = _bench_database_name(database_url)
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def redis_flush(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    try:
        client.flushdb()
    finally:
        client.close()


def manage(*args: str, env: dict) -> None:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        say(result.stdout)
        say(result.stderr)
        raise SystemExit(f"manage.py {' '.join(args)} failed with exit code {result.returncode}.")
    say(f"  manage.py {' '.join(args)}: {time.monotonic() - started:.1f} s")


def seed_demo(*, env: dict) -> None:
    """`manage.py seed_demo` as a developer runs it, with DEBUG on: under DEBUG=false it refuses,
    or makes no accounts, and the benchmarks sign in as the demo staff and parents."""
    manage("seed_demo", env={**env, "DEBUG": "true"})


def server_env(*, database_url: str, redis_url: str, port: int, temp: Path, **extra: str) -> dict:
    """The environment of manage.py and gunicorn: production settings (bench/bench_settings.py)
    with DEBUG=false, on the bench database and Redis database, files in `temp`."""
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        "DJANGO_SETTINGS_MODULE": "bench.bench_settings",
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "BEHIND_TLS_PROXY": "false",
        "CONN_MAX_AGE": "60",
        "REDIS_URL": redis_url,
        "SITE_URL": f"http://{HOST}:{port}",
        "STATIC_ROOT": str(temp / "static"),
        "MEDIA_ROOT": str(temp / "media"),
        "DEMO_CREDENTIALS_FILE": str(temp / "demo-login.txt"),
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def local_env(*, database_url: str, temp: Path, debug: bool = True, **extra: str) -> dict:
    """The environment of manage.py and of Django inside a bench process: the base settings
    (config.settings.base) on the bench database, without REDIS_URL, so Celery runs tasks in
    process and the cache is local memory; files in `temp`. With debug=False, as production
    runs: no query log, a random SECRET_KEY."""
    env = {key: value for key, value in os.environ.items() if key not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE")}
    return {
        **env,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DATABASE_URL": database_url,
        "DEBUG": "true" if debug else "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "BEHIND_TLS_PROXY": "false",
        "STATIC_ROOT": str(temp / "static"),
        "MEDIA_ROOT": str(temp / "media"),
        "EXPORT_ROOT": str(temp / "exports"),
        "DEMO_CREDENTIALS_FILE": str(temp / "demo-login.txt"),
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def django_setup(env: dict) -> None:
    """Set up Django in this process with `env` (see local_env)."""
    os.environ.update(env)
    os.environ.pop("REDIS_URL", None)
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    import django

    django.setup()


# --- gunicorn -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def gunicorn_path() -> str:
    beside = Path(sys.executable).parent / "gunicorn"
    if beside.exists():
        return str(beside)
    found = shutil.which("gunicorn")
    if found is None:
        raise SystemExit("gunicorn is not installed in this environment.")
    return found


def gunicorn_start(*, port: int, workers: int, env: dict, log_path: Path) -> subprocess.Popen:
    command = [
        gunicorn_path(),
        "config.wsgi:application",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
        "--no-control-socket",
    ]
    with log_path.open("wb") as log:
        return subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)


def gunicorn_wait(process: subprocess.Popen, *, port: int, log_path: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            status, _, _ = fetch(port, READY_PATH)
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    say(log_path.read_text(errors="replace")[-4000:])
    raise SystemExit("gunicorn did not start.")


def gunicorn_stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def worker_pids(master_pid: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[1]) == master_pid:
                pids.append(int(entry.name))
    return pids


def cpu_seconds(pids: list[int]) -> float:
    """User plus system CPU time of the given processes, in seconds."""
    ticks = 0
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


# --- HTTP ---------------------------------------------------------------------------------


def fetch(port: int, path: str, cookie: str | None = None) -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        body = response.read()
        return response.status, {key.lower(): value for key, value in response.getheaders()}, body
    finally:
        connection.close()


def client_init() -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
