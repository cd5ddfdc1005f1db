"""Benchmark the public pages as production serves them: gunicorn, PostgreSQL and Redis.

    .venv/bin/python bench/pages.py [--seconds 5] [--concurrency 4] [--keep]

Creates its own database (dropped at the end unless --keep), loads the demo content, starts
gunicorn with production settings on a free 127.0.0.1 port and measures each page twice:

(a) anonymous, with the page cache warm: what almost every visitor gets;
(b) uncached: with a session cookie, which makes core/pagecache.py pass the request on to
    Wagtail, as for a logged-in editor or forum member.

Every figure is compared with /bench/ok/, a view that returns "ok" (bench/bench_urls.py),
measured the same way in the same run. See bench/README.md for the goals.
"""

import argparse
import multiprocessing
import os
import shutil
import signal
import socket
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import redis
from common import (
    HOST,
    READY_PATH,
    REPO,
    client_init,
    cpu_seconds,
    database_drop,
    database_prepare,
    fetch,
    free_port,
    gunicorn_start,
    gunicorn_stop,
    gunicorn_wait,
    load_average,
    machine_report,
    manage,
    redis_flush,
    say,
    seed_demo,
    server_env,
    worker_pids,
)

PAGES = [
    ("home", "/"),
    ("strategy", "/strategy/"),
    ("theme", "/strategy/education/"),
    ("recommendation", "/strategy/education/minimise-school-suspensions/"),
    ("progress report", "/strategy/progress-report/"),
    # A right-to-left language: its own cache entries, and the frame translated into Urdu.
    ("rec. in Urdu", "/ur/strategy/education/minimise-school-suspensions/"),
]
BARE = ("bare view", READY_PATH)
# Any session cookie makes the page cache pass the request through (core/pagecache.py).
SESSION_COOKIE = "sessionid=bench"
GOAL_RATIO = 0.7
GOAL_P95_MS = 50.0


class LeanConnection:
    """A minimal HTTP/1.1 client for the load loop: a prepared request, keep-alive when the
    server allows it (gunicorn's sync workers close after every response), and far less
    Python per request than http.client, so the client takes little CPU from the server."""

    def __init__(self, port: int, path: str, headers: dict):
        lines = [f"GET {path} HTTP/1.1", f"Host: {HOST}:{port}", *(f"{k}: {v}" for k, v in headers.items())]
        self.request = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        self.port = port
        self.sock: socket.socket | None = None

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None

    def _recv(self) -> bytes:
        chunk = self.sock.recv(262_144)
        if not chunk:
            raise ConnectionError("connection closed mid-response")
        return chunk

    def get(self) -> int:
        """Send the request and read the whole response. Returns the status code."""
        if self.sock is None:
            self.sock = socket.create_connection((HOST, self.port), timeout=10)
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock.sendall(self.request)
        buffer = self._recv()
        while b"\r\n\r\n" not in buffer:
            buffer += self._recv()
        head, _, body = buffer.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").lower().split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = dict(line.split(":", 1) for line in lines[1:])
        closing = headers.get("connection", "").strip() == "close"
        if "content-length" in headers:
            remaining = int(headers["content-length"]) - len(body)
            while remaining > 0:
                remaining -= len(self._recv())
        elif "transfer-encoding" in headers:
            raise ConnectionError("chunked responses are not supported")
        else:
            closing = True
            while self.sock.recv(262_144):
                pass
        if closing:
            self.close()
        return status


def _client(job: tuple) -> tuple[list[float], int, float]:
    """One client connection: request `path` back to back between `start` and `stop`
    (time.monotonic(), shared by every process). Returns the latencies of the 200 responses
    that finished in the window, the number of failures and the CPU time the client used."""
    port, path, headers, start, stop = job
    connection = LeanConnection(port, path, headers)
    latencies: list[float] = []
    failures = 0
    while time.monotonic() < start:
        time.sleep(0.005)
    cpu_started = time.process_time()
    while True:
        sent = time.monotonic()
        if sent >= stop:
            break
        try:
            status = connection.get()
        except (OSError, ValueError):
            connection.close()
            failures += 1
            continue
        done = time.monotonic()
        if status != 200:
            failures += 1
        elif done <= stop:
            latencies.append(done - sent)
    connection.close()
    return latencies, failures, time.process_time() - cpu_started


@dataclass
class Result:
    requests_per_second: float
    p50_ms: float
    p95_ms: float
    failures: int
    client_cpu_share: float
    server_cpu_ms: float


def load(*, port: int, path: str, cookie: str | None, seconds: float, concurrency: int, workers: list[int]) -> Result:
    """`concurrency` client processes, each with one connection, for `seconds`."""
    headers = {"Cookie": cookie} if cookie else {}
    context = multiprocessing.get_context("fork")
    with context.Pool(concurrency, initializer=client_init) as pool:
        start = time.monotonic() + 0.5
        stop = start + seconds
        jobs = [(port, path, headers, start, stop)] * concurrency
        pending = pool.map_async(_client, jobs)
        while time.monotonic() < start:
            time.sleep(0.001)
        server_cpu_started = cpu_seconds(workers)
        results = pending.get(timeout=seconds + 30)
        server_cpu = cpu_seconds(workers) - server_cpu_started
    latencies = sorted(latency for result in results for latency in result[0])
    failures = sum(result[1] for result in results)
    client_cpu = sum(result[2] for result in results)
    if len(latencies) >= 2:
        cuts = statistics.quantiles(latencies, n=100, method="inclusive")
        p50, p95 = cuts[49] * 1000, cuts[94] * 1000
    else:
        p50 = p95 = float("nan")
    return Result(
        requests_per_second=len(latencies) / seconds,
        p50_ms=p50,
        p95_ms=p95,
        failures=failures,
        client_cpu_share=client_cpu / (seconds * (os.cpu_count() or 1)),
        server_cpu_ms=server_cpu * 1000 / len(latencies) if latencies else float("nan"),
    )


# --- SQL queries, in process --------------------------------------------------------------


def queries_count(*, paths: list[str], port: int, env: dict) -> dict[str, int | str]:
    """The SQL queries each page runs when the page cache is bypassed, counted with Django's
    test client against the bench database (same settings and session cookie as the load)."""
    os.environ.update(env)
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=f"{HOST}:{port}")
    name, value = SESSION_COOKIE.split("=", 1)
    counts: dict[str, int | str] = {}
    for path in paths:
        for _ in range(2):  # the first request fills Wagtail's caches; count the second
            client.cookies.clear()
            client.cookies[name] = value
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
        counts[path] = len(captured) if response.status_code == 200 else f"HTTP {response.status_code}"
    connection.close()
    return counts


# --- Report -------------------------------------------------------------------------------


@dataclass
class Row:
    name: str
    path: str
    result: Result
    status: int
    cache: str
    size: int
    queries: int | str = ""
    notes: list[str] = field(default_factory=list)


def cache_state(headers: dict) -> str:
    return headers.get("x-page-cache", "none")


def table(title: str, rows: list[Row], *, bare: Row, cached: bool) -> list[str]:
    """Print one case. Returns the goals it missed."""
    missed = []
    say()
    say(title)
    goal = f"goal: ratio >= {GOAL_RATIO:.2f}" if cached else f"goal: p95 < {GOAL_P95_MS:.0f} ms"
    header = (
        f"  {'page':<16}{'path':<50}{'req/s':>8}{'ratio':>7}{'p50 ms':>8}{'p95 ms':>8}"
        f"{'srv CPU':>9}{'queries':>9}  {'cache':<6}{'KiB':>6}  {goal}"
    )
    say(header)
    say("  " + "-" * (len(header) - 2))
    for row in rows:
        result = row.result
        ratio = result.requests_per_second / bare.result.requests_per_second if bare.result.requests_per_second else 0
        is_page = row is not bare
        if not is_page:
            verdict = "(baseline)"
        elif cached:
            verdict = "met" if ratio >= GOAL_RATIO else "NOT MET"
        else:
            verdict = "met" if result.p95_ms < GOAL_P95_MS else "NOT MET"
        if is_page and verdict != "met":
            missed.append(
                f"{row.name} {row.path}: "
                + (f"{ratio:.2f} of the bare view" if cached else f"p95 {result.p95_ms:.1f} ms uncached")
            )
        notes = list(row.notes)
        if result.failures:
            notes.append(f"{result.failures} failed requests")
        say(
            f"  {row.name:<16}{row.path:<50}{result.requests_per_second:>8.0f}{ratio:>7.2f}"
            f"{result.p50_ms:>8.1f}{result.p95_ms:>8.1f}{result.server_cpu_ms:>9.2f}{row.queries!s:>9}"
            f"  {row.cache:<6}{row.size / 1024:>6.1f}  {verdict}{'  ' + '; '.join(notes) if notes else ''}"
        )
    client_share = max(row.result.client_cpu_share for row in rows)
    say(
        f"  ratio: req/s over the bare view's in this table. srv CPU: gunicorn workers' CPU ms per request"
        f" (not PostgreSQL or Redis). Client processes used at most {client_share:.0%} of the machine's CPU."
    )
    return missed


def measure_case(
    *,
    port: int,
    cookie: str | None,
    seconds: float,
    concurrency: int,
    workers: list[int],
    queries: dict,
    pages: list[tuple[str, str]] | None = None,
) -> list[Row]:
    rows = []
    for name, path in pages or [*PAGES, BARE]:
        status, headers, body = fetch(port, path, cookie)
        if cookie is None:
            status, headers, body = fetch(port, path, cookie)  # the first one filled the cache
        notes = [] if status == 200 else [f"HTTP {status}"]
        if cookie is None and cache_state(headers) != "hit":
            notes.append("not answered from the page cache")
        if cookie is not None and cache_state(headers) != "none":
            notes.append("the page cache did not pass it through")
        result = load(port=port, path=path, cookie=cookie, seconds=seconds, concurrency=concurrency, workers=workers)
        rows.append(
            Row(
                name=name,
                path=path,
                result=result,
                status=status,
                cache=cache_state(headers),
                size=len(body),
                queries=queries.get(path, "") if cookie else "",
                notes=notes,
            )
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/safer_bench")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/5", help="a Redis database it may flush")
    parser.add_argument("--seconds", type=float, default=5.0, help="measuring time per page and case")
    parser.add_argument("--concurrency", type=int, default=4, help="client processes, one connection each")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--uncached-concurrency", type=int, default=0, help="client processes for the uncached case (default: workers)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the bench database afterwards")
    args = parser.parse_args()

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    temp = Path(tempfile.mkdtemp(prefix="safer-bench-"))
    port = free_port()
    env = server_env(database_url=args.database_url, redis_url=args.redis_url, port=port, temp=temp)
    server = None
    database_made = False
    try:
        postgres_version = database_prepare(args.database_url)
        database_made = True
        machine_report(postgres_version=postgres_version)
        say()
        say(f"Preparing {urlsplit(args.database_url).path.lstrip('/')} and the static files")
        redis_flush(args.redis_url)
        manage("migrate", "--noinput", env=env)
        seed_demo(env=env)
        manage("collectstatic", "--noinput", env=env)

        log_path = temp / "gunicorn.log"
        server = gunicorn_start(port=port, workers=args.workers, env=env, log_path=log_path)
        gunicorn_wait(server, port=port, log_path=log_path)
        workers = worker_pids(server.pid)
        say(
            f"gunicorn on {HOST}:{port}: {args.workers} sync workers, DEBUG=false, Redis page cache;"
            f" load: {args.concurrency} client processes, {args.seconds:g} s per page and case"
        )

        # Counted first so the uncached table can show them; the bench process shares the cache.
        queries = queries_count(paths=[path for _, path in [*PAGES, BARE]], port=port, env=env)
        anonymous = measure_case(
            port=port, cookie=None, seconds=args.seconds, concurrency=args.concurrency, workers=workers, queries={}
        )
        # Uncached latency is measured with one client per worker, so p95 is the time to make a
        # page, not time spent queueing behind other clients.
        uncached = measure_case(
            port=port,
            cookie=SESSION_COOKIE,
            seconds=args.seconds,
            concurrency=args.uncached_concurrency or args.workers,
            workers=workers,
            queries=queries,
        )
        # The baseline is the bare view as it really is: the session cookie keeps it out of the
        # page cache, so cached pages are compared with a view that does no work at all.
        bare = measure_case(
            port=port,
            cookie=SESSION_COOKIE,
            seconds=args.seconds,
            concurrency=args.concurrency,
            workers=workers,
            queries=queries,
            pages=[BARE],
        )[0]
        missed = table("(a) Anonymous visitors, page cache warm", [*anonymous[:-1], bare], bare=bare, cached=True)
        uncached_title = f"(b) Uncached: cookie {SESSION_COOKIE} bypasses the page cache"
        missed += table(uncached_title, uncached, bare=uncached[-1], cached=False)

        say()
        say(f"Load average after the run: {load_average()}")
        say()
        say("Goals")
        say(f"  every public page >= {GOAL_RATIO:.2f} of the bare view's req/s for anonymous visitors (cached)")
        say(f"  every public page p95 < {GOAL_P95_MS:.0f} ms uncached")
        if missed:
            say("  Not met:")
            for line in missed:
                say(f"    {line}")
        else:
            say("  All met.")
        # Goals are reported, not enforced; failed requests or error pages make the run fail.
        failed = any(row.result.failures or row.status != 200 for row in anonymous + uncached)
        return 1 if failed else 0
    finally:
        if server is not None:
            gunicorn_stop(server)
        try:
            redis_flush(args.redis_url)
        except redis.RedisError as error:
            say(f"Could not flush {args.redis_url}: {error}")
        if database_made and not args.keep:
            database_drop(args.database_url)
        elif database_made:
            say(f"Kept the database: {args.database_url}")
        shutil.rmtree(temp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
