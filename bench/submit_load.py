"""Load-test survey submissions end to end: nothing lost, nothing saved twice.

    .venv/bin/python bench/submit_load.py [--clients 50] [--seconds 20] [--workers 2] [--keep]

Creates its own database (dropped at the end unless --keep), loads the demo content, starts
gunicorn with production settings on a free 127.0.0.1 port, and lets --clients simulated
visitors fill in the demo survey "Feeling safe where you live" again and again, each journey
as a new browser would: GET step 1 (session and CSRF cookies), POST every step with valid
answers taken from the form on the page, GET the check page, POST its hidden token and follow
the redirect to the thank-you page. One journey in 10 clicks "Send my answers" twice.

It reports accepted submissions per second, p50/p95 latency of the final POST and of a whole
journey, errors by kind, and then counts the Response rows in PostgreSQL: there must be exactly
one per accepted submission. See bench/README.md.
"""

import argparse
import asyncio
import importlib
import multiprocessing
import os
import random
import re
import shutil
import signal
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import psycopg
import redis
from common import (
    HOST,
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

RATE_LIMIT = "1000000/m"
# A journey that has not reached the check page after this many steps gives up.
MAX_STEPS = 12
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 safer-bench"
OTHER = "__other__"
THANK_YOU_TEXT = b"we have your answers"

SENTENCES = [
    "More street lighting on the way home from the bus stop.",
    "Youth clubs that stay open in the evenings and at weekends.",
    "Police officers we actually see walking around, not just driving past.",
    "CCTV in the park near the flats, and somebody watching it.",
    "Somewhere safe for teenagers to go after school.",
    "Cut back the bushes along the canal path so you can see who is there.",
    "Mentors for the younger ones before they get pulled into trouble.",
    "Better buses late at night so people are not waiting alone.",
    "Help for parents who are worried about their children.",
    "Jobs and apprenticeships for young people leaving college.",
    "Knife bins in more places and more people knowing where they are.",
    "Talks in schools from people who have been through it.",
    "Neighbours looking out for each other again, like a proper community.",
    "Fix the broken lights in the underpass.",
]
CONTACT = {"name": "Sam Example", "email": "sam@example.com", "phone": "0116 454 1000"}


# --- The browser --------------------------------------------------------------------------


class JourneyError(Exception):
    """A step did not go as a browser expects. The message is the kind of error."""


@dataclass
class Reply:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str:
        return next((value for key, value in self.headers if key == name), "")


@dataclass
class Control:
    tag: str
    type: str
    name: str
    value: str = ""
    options: list[str] = field(default_factory=list)


class FormParser(HTMLParser):
    """The controls of one HTML form, in document order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.controls: list[Control] = []
        self._select: Control | None = None

    def handle_starttag(self, tag, attrs):
        attributes = {key: value or "" for key, value in attrs}
        name = attributes.get("name", "")
        if tag == "input":
            kind = attributes.get("type", "text").lower()
            # A tick box or radio button without a value sends "on", as browsers do.
            default = "on" if kind in ("checkbox", "radio") else ""
            self.controls.append(Control("input", kind, name, attributes.get("value", default)))
        elif tag == "textarea":
            self.controls.append(Control("textarea", "textarea", name))
        elif tag == "select":
            self._select = Control("select", "select", name)
        elif tag == "option" and self._select is not None:
            self._select.options.append(attributes.get("value", ""))
        elif tag == "button":
            kind = attributes.get("type", "submit").lower()
            self.controls.append(Control("button", kind, name, attributes.get("value", "")))

    def handle_endtag(self, tag):
        if tag == "select" and self._select is not None:
            self.controls.append(self._select)
            self._select = None


_POST_FORM = re.compile(rb"<form\b[^>]*\bmethod=\"post\"[^>]*>(.*?)</form>", re.S | re.I)
_ERROR = re.compile(rb'class="error-message"[^>]*>(?:<span[^>]*>[^<]*</span>)?\s*([^<]{1,80})')


def form_controls(body: bytes) -> list[Control]:
    """The controls of the page's POST form. Only that part of the page is parsed."""
    found = _POST_FORM.search(body)
    if found is None:
        raise JourneyError("no POST form on the page")
    parser = FormParser()
    parser.feed(found.group(1).decode())
    parser.close()
    return parser.controls


def form_fill(controls: list[Control], rng: random.Random, *, contact: bool) -> list[tuple[str, str]]:
    """What a person filling the form in sends: one answer to every question, "Other" now and
    then with its text, contact details only with consent, the hidden fields as they are, the
    honeypot empty, and the name of the button they pressed (the first one that is not Back)."""
    radios: dict[str, list[str]] = {}
    boxes: dict[str, list[str]] = {}
    for control in controls:
        if control.type == "radio":
            radios.setdefault(control.name, []).append(control.value)
        elif control.type == "checkbox":
            boxes.setdefault(control.name, []).append(control.value)

    pairs: list[tuple[str, str]] = []
    chose_other: set[str] = set()
    for name, values in radios.items():
        if name == "wants_contact":
            pairs.append((name, "yes" if contact else "no"))
        else:
            pairs.append((name, rng.choice([value for value in values if value != OTHER] or values)))
    for name, values in boxes.items():
        if len(values) == 1:  # a single tick box: the consent to be contacted
            if contact:
                pairs.append((name, values[0]))
            continue
        plain = [value for value in values if value != OTHER] or values
        chosen = rng.sample(plain, rng.randint(1, min(3, len(plain))))
        if OTHER in values and rng.random() < 0.2:
            chosen.append(OTHER)
            chose_other.add(name)
        pairs += [(name, value) for value in chosen]

    pressed = False
    for control in controls:
        name = control.name
        if not name or control.type in ("radio", "checkbox", "reset", "file", "image"):
            continue
        if control.tag == "button" or control.type == "submit":
            if not pressed and control.type == "submit" and name != "back":
                pairs.append((name, control.value))
                pressed = True
        elif control.type == "hidden":
            pairs.append((name, control.value))
        elif control.tag == "select":
            pairs.append((name, rng.choice([value for value in control.options if value] or [""])))
        elif name == "website":  # the honeypot: hidden from people, so always empty
            pairs.append((name, ""))
        elif name in CONTACT:
            pairs.append((name, CONTACT[name] if contact else ""))
        elif name.endswith("_other"):
            pairs.append((name, "Outside the community centre" if name[: -len("_other")] in chose_other else ""))
        else:
            pairs.append((name, " ".join(rng.sample(SENTENCES, rng.randint(1, 3)))))
    return pairs


class Browser:
    """One visitor's browser: a cookie jar, and a new connection per request (gunicorn's sync
    workers close the connection after every response)."""

    def __init__(self, client: "Client"):
        self.client = client
        self.jar: dict[str, str] = {}
        self.origin = f"http://{HOST}:{client.port}"

    def _raw(self, method: str, path: str, body: bytes | None, referer: str | None) -> bytes:
        lines = [
            f"{method} {path} HTTP/1.1",
            f"Host: {HOST}:{self.client.port}",
            f"User-Agent: {USER_AGENT}",
            "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language: en-GB,en;q=0.5",
            "Connection: close",
        ]
        if self.jar:
            lines.append("Cookie: " + "; ".join(f"{name}={value}" for name, value in self.jar.items()))
        if referer:
            lines.append(f"Referer: {self.origin}{referer}")
        if body is not None:
            lines += [
                f"Origin: {self.origin}",
                "Content-Type: application/x-www-form-urlencoded",
                f"Content-Length: {len(body)}",
            ]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + (body or b"")

    async def _exchange(self, raw: bytes) -> Reply:
        reader, writer = await asyncio.open_connection(HOST, self.client.port)
        try:
            writer.write(raw)
            data = await reader.read()  # to the end: the server closes the connection
        finally:
            writer.close()
        head, separator, body = data.partition(b"\r\n\r\n")
        if not separator:
            raise ConnectionError("incomplete response")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = [
            (key.strip().lower(), value.strip()) for key, _, value in (line.partition(":") for line in lines[1:])
        ]
        reply = Reply(status, headers, body)
        length = reply.header("content-length")
        if (length and int(length) != len(body)) or reply.header("transfer-encoding"):
            raise ConnectionError("truncated or chunked response")
        return reply

    def _keep_cookies(self, reply: Reply) -> None:
        for key, value in reply.headers:
            if key != "set-cookie":
                continue
            pair, _, attributes = value.partition(";")
            name, _, content = pair.strip().partition("=")
            if "max-age=0" in attributes.lower().replace(" ", ""):
                self.jar.pop(name, None)
            else:
                self.jar[name] = content

    async def request(
        self, method: str, path: str, *, form: list | None = None, referer: str | None = None, times: int = 1
    ) -> list[Reply]:
        """Send the request `times` times at once (a double click sends a form twice) and wait
        for every reply. Raises JourneyError for a timeout or a broken connection."""
        body = urlencode(form).encode() if form is not None else None
        raw = self._raw(method, path, body, referer)
        label = f"{method} {self.client.label(path)}"
        sent = time.monotonic()
        try:
            replies = await asyncio.wait_for(
                asyncio.gather(*(self._exchange(raw) for _ in range(times))), timeout=self.client.timeout
            )
        except TimeoutError:
            raise JourneyError(f"{label}: no answer in {self.client.timeout:g} s") from None
        except (OSError, ValueError, IndexError) as error:
            raise JourneyError(f"{label}: {type(error).__name__} {error}".strip()) from None
        done = time.monotonic()
        self.client.record(label, sent, done)
        for reply in replies:
            self._keep_cookies(reply)
        return replies

    def local_path(self, reply: Reply, label: str) -> str:
        location = reply.header("location")
        parts = urlsplit(location)
        if not location or (parts.netloc and parts.netloc != f"{HOST}:{self.client.port}"):
            raise JourneyError(f"{label}: redirect to {location or 'nowhere'}")
        return parts.path + (f"?{parts.query}" if parts.query else "")


def describe(reply: Reply, client: "Client") -> str:
    if reply.status in (301, 302, 303):
        return f"HTTP {reply.status} to {client.label(reply.header('location'))}"
    if reply.status == 200:
        found = _ERROR.search(reply.body)
        return "HTTP 200, form errors: " + (found.group(1).decode(errors="replace").strip() if found else "?")
    return f"HTTP {reply.status}"


# --- One client: journeys back to back ----------------------------------------------------


@dataclass
class Journey:
    """One journey, or the part of it that happened before the run ended."""

    outcome: str  # "accepted", "error" or "abandoned"
    token: str = ""
    submitted_at: float = 0.0  # when the final POST was answered (time.monotonic())
    submit_seconds: float = 0.0
    journey_seconds: float = 0.0  # from the first GET to the thank-you page
    double: bool = False
    double_ok: bool = False  # both clicks were answered with the thank-you page
    error: str = ""


class Client:
    def __init__(
        self, *, number: int, port: int, start_path: str, begin: float, stop: float, timeout: float, double_every: int
    ):
        self.number = number
        self.begin = begin
        self.port = port
        self.start_path = start_path
        self.survey_path = start_path.split("answer/")[0]
        self.stop = stop
        self.timeout = timeout
        self.double_every = double_every
        self.rng = random.Random(2022 + number)
        self.requests: list[tuple[str, float, float]] = []
        self.journeys: list[Journey] = []

    def label(self, path: str) -> str:
        path = urlsplit(path).path
        return path[len(self.survey_path) :] if path.startswith(self.survey_path) else path

    def record(self, label: str, sent: float, done: float) -> None:
        self.requests.append((label, sent, done))

    async def run(self) -> None:
        await asyncio.sleep(max(0.0, self.begin - time.monotonic()))
        count = 0
        while time.monotonic() < self.stop:
            double = self.double_every > 0 and (count + self.number) % self.double_every == self.double_every - 1
            count += 1
            try:
                journey = await self.journey(double=double)
            except JourneyError as error:
                journey = Journey(outcome="error", error=str(error))
            except Exception as error:  # a page the form filler cannot handle: report it, go on
                journey = Journey(outcome="error", error=f"client: {type(error).__name__}: {error}")
            if journey.outcome == "error":
                await asyncio.sleep(0.05)  # do not spin if the server is refusing connections
            self.journeys.append(journey)

    async def journey(self, *, double: bool) -> Journey:
        browser = Browser(self)
        began = time.monotonic()
        contact = self.rng.random() < 0.25
        path = self.start_path
        (reply,) = await browser.request("GET", path)
        if reply.status != 200:
            raise JourneyError(f"GET {self.label(path)}: {describe(reply, self)}")
        for _ in range(MAX_STEPS):
            if path.endswith("/check/"):
                break
            if time.monotonic() >= self.stop:
                return Journey(outcome="abandoned")
            answers = form_fill(form_controls(reply.body), self.rng, contact=contact)
            (posted,) = await browser.request("POST", path, form=answers, referer=path)
            label = f"POST {self.label(path)}"
            if posted.status != 302:
                raise JourneyError(f"{label}: {describe(posted, self)}")
            form_path, path = path, browser.local_path(posted, label)
            (reply,) = await browser.request("GET", path, referer=form_path)
            if reply.status != 200:
                raise JourneyError(f"GET {self.label(path)}: {describe(reply, self)}")
        else:
            raise JourneyError(f"no check page after {MAX_STEPS} steps")

        answers = form_fill(form_controls(reply.body), self.rng, contact=contact)
        token = dict(answers).get("token", "")
        if not token:
            raise JourneyError("GET check/: no hidden token in the form")
        if time.monotonic() >= self.stop:
            return Journey(outcome="abandoned")
        sent = time.monotonic()
        replies = await browser.request("POST", path, form=answers, referer=path, times=2 if double else 1)
        answered = time.monotonic()
        thanked = [reply for reply in replies if _is_thanks(reply)]
        refused = [reply for reply in replies if not _is_thanks(reply)]
        journey = Journey(
            outcome="accepted" if thanked else "error",
            token=token,
            submitted_at=answered,
            submit_seconds=answered - sent,
            double=double,
            double_ok=double and len(thanked) == 2,
        )
        if not thanked:
            journey.error = f"POST check/: {describe(replies[0], self)}"
            return journey
        if double and len(thanked) < 2:
            journey.error = f"double click: one POST check/ got {describe(refused[0], self)}"

        # The browser follows the redirect to the thank-you page.
        target = browser.local_path(thanked[-1], "POST check/")
        try:
            (page,) = await browser.request("GET", target, referer=path)
        except JourneyError as error:
            journey.error = journey.error or str(error)
            return journey
        if page.status != 200 or THANK_YOU_TEXT not in page.body:
            journey.error = journey.error or f"GET {self.label(target)}: {describe(page, self)}, not the thank-you page"
        journey.journey_seconds = time.monotonic() - began
        return journey


def _is_thanks(reply: Reply) -> bool:
    return reply.status == 302 and reply.header("location").endswith("/thank-you/")


async def _clients_run(job: dict) -> tuple[list, list, float]:
    clients = [
        Client(
            number=number,
            port=job["port"],
            start_path=job["start_path"],
            # Clients join one after another during the warm-up, so their journeys do not
            # all reach the same step at the same moment.
            begin=job["start"] + job["ramp"] * number / job["clients"],
            stop=job["stop"],
            timeout=job["timeout"],
            double_every=job["double_every"],
        )
        for number in job["numbers"]
    ]
    cpu = {}

    async def sample_cpu():
        await asyncio.sleep(max(0.0, job["window"][0] - time.monotonic()))
        cpu["from"] = time.process_time()
        await asyncio.sleep(max(0.0, job["window"][1] - time.monotonic()))
        cpu["to"] = time.process_time()

    while time.monotonic() < job["start"]:
        await asyncio.sleep(0.005)
    sampler = asyncio.create_task(sample_cpu())
    await asyncio.gather(*(client.run() for client in clients))
    await sampler
    journeys = [journey for client in clients for journey in client.journeys]
    requests = [request for client in clients for request in client.requests]
    return journeys, requests, cpu["to"] - cpu["from"]


def _client_process(job: dict) -> tuple[list, list, float]:
    return asyncio.run(_clients_run(job))


# --- Measuring ----------------------------------------------------------------------------


def machine_busy() -> tuple[int, int]:
    """All CPU time and idle time of the machine so far, in clock ticks (/proc/stat)."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(fields[:8]), fields[3] + fields[4]


def postgres_backends(database_url: str) -> list[int]:
    name = urlsplit(database_url).path.lstrip("/")
    with psycopg.connect(database_url, autocommit=True) as connection:
        rows = connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", [name]
        ).fetchall()
    return [row[0] for row in rows]


def percentiles(values: list[float]) -> tuple[float, float]:
    """p50 and p95 in milliseconds."""
    if len(values) < 2:
        return (values[0] * 1000,) * 2 if values else (float("nan"),) * 2
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[94] * 1000


@dataclass
class Window:
    start: float
    end: float
    server_cpu: float = 0.0
    postgres_cpu: float = 0.0
    client_cpu: float = 0.0
    machine_ticks: tuple[int, int] = (0, 0)

    def __contains__(self, moment: float) -> bool:
        return self.start <= moment <= self.end


def survey_start_path(port: int) -> tuple[str, str]:
    """The demo survey's address and its first step, found as a visitor would: the survey's
    page and its "Start now" link."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    demo = importlib.import_module("consultation.demo_content")
    survey = f"/{demo.SURVEY_INDEX['slug']}/{demo.OPEN_SURVEY['slug']}/"
    status, _, body = fetch(port, survey)
    found = re.search(rb'href="([^"]+)"[^>]*>Start now<|class="button button--start" href="([^"]+)"', body)
    if status != 200 or found is None:
        raise SystemExit(f"The demo survey {survey} did not answer with a Start link (HTTP {status}).")
    return survey, (found.group(1) or found.group(2)).decode()


def database_counts(database_url: str) -> dict:
    with psycopg.connect(database_url, autocommit=True) as connection:

        def one(query: str) -> int:
            return connection.execute(query).fetchone()[0]

        return {
            "responses": one("SELECT count(*) FROM consultation_response"),
            "tokens": [row[0] for row in connection.execute("SELECT submission_token FROM consultation_response")],
            "answers": one("SELECT count(*) FROM consultation_answer"),
            "feedback": one("SELECT count(*) FROM consultation_feedback"),
            "contacts": one("SELECT count(*) FROM consultation_contactrequest"),
            "sessions": one("SELECT count(*) FROM django_session"),
            "rollbacks": one("SELECT xact_rollback FROM pg_stat_database WHERE datname = current_database()"),
            "empty": one(
                "SELECT count(*) FROM consultation_response r"
                " WHERE NOT EXISTS (SELECT 1 FROM consultation_answer a WHERE a.response_id = r.id)"
            ),
        }


def celery_waiting(redis_url: str) -> int:
    """Messages waiting in the Celery queues (lists named celery...) of the Redis database."""
    client = redis.Redis.from_url(redis_url)
    try:
        return sum(client.llen(key) for key in client.scan_iter("celery*") if client.type(key) == b"list")
    finally:
        client.close()


def server_log_problems(log_path: Path) -> list[str]:
    lines = log_path.read_text(errors="replace").splitlines()
    return [line for line in lines if re.search(r"Traceback|ERROR|CRITICAL|WORKER TIMEOUT|Internal Server Error", line)]


# --- Running ------------------------------------------------------------------------------


def run_load(args, *, port: int, start_path: str, workers: list[int]) -> tuple[list[Journey], list, Window]:
    processes = max(1, min(args.client_processes, args.clients))
    context = multiprocessing.get_context("fork")
    start = time.monotonic() + 1.0
    window = Window(start=start + args.warmup, end=start + args.warmup + args.seconds)
    job = {
        "port": port,
        "start_path": start_path,
        "start": start,
        "ramp": args.warmup,
        "clients": args.clients,
        "stop": window.end,
        "window": (window.start, window.end),
        "timeout": args.timeout,
        "double_every": args.double_every,
    }
    jobs = [{**job, "numbers": list(range(args.clients))[index::processes]} for index in range(processes)]
    with context.Pool(processes, initializer=client_init) as pool:
        pending = pool.map_async(_client_process, jobs)
        time.sleep(max(0.0, window.start - time.monotonic()))
        backends = postgres_backends(args.database_url)
        server_cpu, postgres_cpu, machine = cpu_seconds(workers), cpu_seconds(backends), machine_busy()
        time.sleep(max(0.0, window.end - time.monotonic()))
        window.server_cpu = cpu_seconds(workers) - server_cpu
        window.postgres_cpu = cpu_seconds(backends) - postgres_cpu
        total, idle = machine_busy()
        window.machine_ticks = (total - machine[0], idle - machine[1])
        results = pending.get(timeout=3 * args.timeout + 30)
    journeys = [journey for result in results for journey in result[0]]
    requests = [request for result in results for request in result[1]]
    window.client_cpu = sum(result[2] for result in results)
    return journeys, requests, window


def report(args, journeys: list[Journey], requests: list, window: Window) -> tuple[int, Counter]:
    """Print the figures of the measuring window. Returns the number of accepted submissions
    (over the whole run) and the errors by kind."""
    accepted = [journey for journey in journeys if journey.outcome == "accepted"]
    in_window = [journey for journey in accepted if journey.submitted_at in window]
    completed = [journey for journey in in_window if journey.journey_seconds]
    doubles = [journey for journey in journeys if journey.double and journey.outcome != "abandoned"]
    errors = Counter(journey.error for journey in journeys if journey.error)
    served = [request for request in requests if request[2] in window]

    say()
    say(f"Results ({args.seconds:g} s measured after {args.warmup:g} s of warm-up)")
    rate = len(in_window) / args.seconds
    say(f"  accepted submissions: {len(in_window)} in the window, {rate:.2f} per second")
    steps = len({request[0] for request in served}) or 1
    say(
        f"  HTTP requests answered: {len(served)}, {len(served) / args.seconds:.1f} per second:"
        f" {len(served) / args.seconds / steps:.2f} journeys' worth ({steps} requests each) per second"
    )
    say()
    header = f"  {'latency':<38}{'p50 ms':>9}{'p95 ms':>9}{'count':>7}"
    say(header)
    say("  " + "-" * (len(header) - 2))
    rows = [
        ("final submit POST (check/)", [journey.submit_seconds for journey in in_window]),
        ("whole journey (GET step 1 to thanks)", [journey.journey_seconds for journey in completed]),
    ]
    by_label: dict[str, list[float]] = {}
    for label, sent, done in served:
        by_label.setdefault(label, []).append(done - sent)
    rows += [(f"  {label}", values) for label, values in sorted(by_label.items(), key=_request_order)]
    for name, values in rows:
        p50, p95 = percentiles(values)
        say(f"  {name:<38}{p50:>9.0f}{p95:>9.0f}{len(values):>7}")
    say("  Requests listed under the journey are every request answered in the window, by kind.")
    say()
    confirmed = sum(journey.double_ok for journey in doubles)
    say(
        f"  double submits: {len(doubles)} journeys sent the final POST twice at once;"
        f" both answered with the thank-you page in {confirmed}"
    )
    abandoned = sum(journey.outcome == "abandoned" for journey in journeys)
    say(f"  journeys: {len(journeys)} started, {len(accepted)} accepted in all (warm-up and tail included),")
    say(f"            {abandoned} stopped by the end of the run before their final POST")
    if errors:
        say(f"  errors: {sum(errors.values())}")
        for kind, count in errors.most_common():
            say(f"    {count:>5}  {kind}")
    else:
        say("  errors: none")

    ticks = window.machine_ticks[0] or 1
    cores = os.cpu_count() or 1
    seconds = args.seconds * cores
    busy = (window.machine_ticks[0] - window.machine_ticks[1]) / ticks
    ours = (window.server_cpu + window.postgres_cpu + window.client_cpu) / seconds
    say()
    say(f"  CPU in the window, share of {cores} cores: machine busy {busy:.0%};")
    say(
        f"    gunicorn workers {window.server_cpu / seconds:.0%}"
        f" ({_per(window.server_cpu, len(served))} ms per request, {_per(window.server_cpu, len(in_window))} ms"
        f" per submission), PostgreSQL backends {window.postgres_cpu / seconds:.0%},"
        f" load clients {window.client_cpu / seconds:.0%}, everything else {max(0.0, busy - ours):.0%}"
    )
    return len(accepted), errors


def _request_order(item: tuple[str, list]) -> tuple:
    method, _, path = item[0].partition(" ")
    number = re.search(r"\d+", path)
    stage = 0 if number else (1 if "check" in path else 2)
    return stage, int(number.group()) if number else 0, method != "GET"


def _per(cpu: float, count: int) -> str:
    return f"{cpu * 1000 / count:.1f}" if count else "-"


def check_database(args, journeys: list[Journey]) -> bool:
    """Every accepted submission saved once, nothing else saved. Prints OK or MISMATCH."""
    counts = database_counts(args.database_url)
    accepted_tokens = [journey.token for journey in journeys if journey.outcome == "accepted"]
    saved = Counter(counts["tokens"])
    missing = [token for token in accepted_tokens if token not in saved]
    extra = [token for token in saved if token not in set(accepted_tokens)]
    doubled = [token for token, count in saved.items() if count > 1]
    matches = counts["responses"] == len(accepted_tokens) and not missing and not extra and not doubled
    say()
    say("Database check (PostgreSQL, after gunicorn stopped)")
    say(
        f"  {'OK' if matches else 'MISMATCH'}: {len(accepted_tokens)} submissions accepted,"
        f" {counts['responses']} Response rows"
    )
    say(
        f"  tokens: {len(accepted_tokens) - len(missing)} of the accepted saved, {len(missing)} lost,"
        f" {len(extra)} saved but never confirmed to a client, {len(doubled)} saved twice"
    )
    say(
        f"  also saved: {counts['answers']} answers, {counts['feedback']} feedback rows,"
        f" {counts['contacts']} contact requests; {counts['empty']} responses without answers;"
        f" {counts['sessions']} sessions"
    )
    say(
        f"  PostgreSQL rolled back {counts['rollbacks']} transactions: a second click that reaches INSERT"
        " while the first is saving is stopped by the unique constraint on submission_token"
    )
    waiting = celery_waiting(args.redis_url)
    say(
        f"  Celery: {waiting} task messages waiting in Redis (no worker runs);"
        f" expected one per accepted submission: {'yes' if waiting == len(accepted_tokens) else 'NO'}"
    )
    return matches


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/safer_bench_submit")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/7", help="a Redis database it may flush")
    parser.add_argument("--clients", type=int, default=50, help="concurrent visitors")
    parser.add_argument("--seconds", type=float, default=20.0, help="measuring time")
    parser.add_argument("--warmup", type=float, default=5.0, help="load before the measuring starts")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--client-processes", type=int, default=2, help="processes the clients are shared among")
    parser.add_argument("--double-every", type=int, default=10, help="every Nth journey double-clicks (0: none)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds a request may take before it fails")
    parser.add_argument("--keep", action="store_true", help="keep the bench database afterwards")
    args = parser.parse_args()

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    temp = Path(tempfile.mkdtemp(prefix="safer-bench-submit-"))
    port = free_port()
    env = server_env(
        database_url=args.database_url,
        redis_url=args.redis_url,
        port=port,
        temp=temp,
        SUBMISSION_RATE_LIMIT=RATE_LIMIT,
    )
    server = None
    database_made = False
    try:
        say("Survey submissions under load: the whole journey, as browsers make it")
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
        survey, start_path = survey_start_path(port)
        say(
            f"gunicorn on {HOST}:{port}: {args.workers} sync workers, DEBUG=false, CONN_MAX_AGE=60,"
            f" SUBMISSION_RATE_LIMIT={RATE_LIMIT}"
        )
        say(
            f"Celery tasks are queued to Redis ({args.redis_url}); no worker runs, so they wait there"
            " and are counted at the end."
        )
        say(f"Survey: {survey}, first step {start_path}")
        say(
            f"Load: {args.clients} clients in {min(args.client_processes, args.clients)} processes, each journey"
            f" with a new cookie jar; {args.warmup:g} s warm-up (clients join one by one), then {args.seconds:g} s"
            " measured;"
            + (f" 1 journey in {args.double_every} sends the final POST twice" if args.double_every else "")
        )

        journeys, requests, window = run_load(args, port=port, start_path=start_path, workers=workers)
        accepted, errors = report(args, journeys, requests, window)
        gunicorn_stop(server)
        problems = server_log_problems(log_path)
        if problems:
            say()
            say(f"Server log: {len(problems)} lines with errors; the first ones:")
            for line in problems[:10]:
                say(f"  {line[:200]}")
        matches = check_database(args, journeys)
        say()
        say(f"Load average after the run: {load_average()}")
        if not accepted:
            say("No submission was accepted.")
        return 0 if matches and accepted and not errors else 1
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
