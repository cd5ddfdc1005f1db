"""Benchmark the event list and the calendar feed with 2,000 events and 50,000 bookings.

    .venv/bin/python bench/events.py [--events 2000] [--bookings 50000] [--requests 60] [--keep]

Creates its own database (dropped at the end unless --keep), runs migrate and seed_demo, adds
--events published events under /events/ (spread over a year either side of today, with
themes, wards and audiences) and --bookings bookings, then:

- counts the SQL queries of each page in process (Django's test client, uncached);
- starts gunicorn with production settings (bench/bench_settings.py) and Redis, and measures
  p50/p95 of --requests sequential GETs of each URL, uncached (a session cookie, which the
  page cache passes through) and anonymous (page cache warm).

Goal: /events/ with each filter and /events/feed.ics p95 under 200 ms uncached; queries per
page the same whatever the number of events (tests/events/test_pages.py proves it).
Missed goals are reported, not enforced.
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from common import (
    database_drop,
    database_prepare,
    django_setup,
    fetch,
    free_port,
    gunicorn_start,
    gunicorn_stop,
    gunicorn_wait,
    load_average,
    local_env,
    machine_report,
    manage,
    redis_flush,
    say,
    seed_demo,
    server_env,
)

URLS = [
    "/events/",
    "/events/?theme=communities",
    "/events/?ward=castle",
    "/events/?audience=parents",
    "/events/?when=past",
    "/events/?page=40",
    "/events/feed.ics",
]
GOAL_MS = 200


def load(events: int, bookings: int) -> None:
    from django.db import transaction
    from django.utils import timezone

    from core.models import Theme, Ward
    from events.models import Audience, Booking, EventIndexPage, EventPage, EventPlaces, ThemedEvent

    rng = random.Random(6)
    index = EventIndexPage.objects.get(slug="events")
    themes = list(Theme.objects.all())
    wards = list(Ward.objects.all())
    audiences = [choice for choice, _ in Audience.choices]
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    started = time.monotonic()
    pages = []
    with transaction.atomic():
        for number in range(events):
            start = now + timedelta(hours=rng.randint(-365 * 24, 365 * 24))
            page = EventPage(
                title=f"Bench event {number}",
                slug=f"bench-event-{number}",
                summary="A community event made by the benchmark.",
                organiser="Bench",
                venue_name="Bench hall",
                postcode="LE1 1AA",
                ward=rng.choice(wards),
                audience=rng.choice(audiences),
                capacity=40,
                start_at=start,
                end_at=start + timedelta(hours=2),
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
            index.add_child(instance=page)
            pages.append(page)
        ThemedEvent.objects.bulk_create(
            ThemedEvent(content_object=page, tag=theme) for page in pages for theme in rng.sample(themes, 2)
        )
    say(f"  {events} events: {time.monotonic() - started:.1f} s")
    started = time.monotonic()
    taken = {page.pk: 0 for page in pages}
    rows = []
    for number in range(bookings):
        page = rng.choice(pages)
        full = taken[page.pk] >= page.capacity
        rows.append(
            Booking(
                event=page,
                status="waiting" if full else "confirmed",
                places=1,
                name=f"Person {number}",
                email=f"person{number}@example.com",
            )
        )
        if not full:
            taken[page.pk] += 1
    with transaction.atomic():
        Booking.objects.bulk_create(rows, batch_size=5000)
        EventPlaces.objects.bulk_create(EventPlaces(event_id=pk, capacity=40, taken=n) for pk, n in taken.items())
    say(f"  {bookings} bookings: {time.monotonic() - started:.1f} s")


def query_counts() -> dict[str, int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies["sessionid"] = "bench"
    counts = {}
    for url in URLS:
        client.get(url)  # fills Wagtail's caches, as any earlier visitor would have
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        counts[url] = len(queries)
    return counts


def timings(port: int, url: str, requests: int, cookie: str | None) -> tuple[float, float]:
    fetch(port, url, cookie)
    samples = []
    for _ in range(requests):
        started = time.perf_counter()
        status, _, _ = fetch(port, url, cookie)
        samples.append((time.perf_counter() - started) * 1000)
        if status != 200:
            raise SystemExit(f"{url} answered {status}")
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/events_bench")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/6")
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--bookings", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--reuse", action="store_true", help="measure a database kept with --keep, without reloading")
    args = parser.parse_args()

    if args.reuse:
        import psycopg

        with psycopg.connect(args.database_url.replace("postgres://", "postgresql://")) as connection:
            version = connection.execute("SHOW server_version").fetchone()[0]
    else:
        version = database_prepare(args.database_url)
    machine_report(postgres_version=version, packages=("gunicorn", "icalendar"))
    with tempfile.TemporaryDirectory(prefix="bench-events-") as folder:
        temp = Path(folder)
        env = local_env(database_url=args.database_url, temp=temp, debug=False)
        say("Preparing")
        if not args.reuse:
            manage("migrate", "--noinput", env=env)
            seed_demo(env=env)
        manage("collectstatic", "--noinput", env=env)
        django_setup(env)
        if not args.reuse:
            load(args.events, args.bookings)
        counts = query_counts()

        port = free_port()
        redis_flush(args.redis_url)
        server = server_env(database_url=args.database_url, redis_url=args.redis_url, port=port, temp=temp)
        log = temp / "gunicorn.log"
        process = gunicorn_start(port=port, workers=2, env=server, log_path=log)
        try:
            gunicorn_wait(process, port=port, log_path=log)
            say("")
            say(f"{args.events} events, {args.bookings} bookings; {args.requests} sequential requests per URL")
            say(f"{'URL':<30} {'queries':>7} {'uncached p50':>13} {'p95':>8} {'cached p50':>11} {'p95':>8}")
            missed = []
            for url in URLS:
                p50, p95 = timings(port, url, args.requests, "sessionid=bench")
                c50, c95 = timings(port, url, args.requests, None)
                say(f"{url:<30} {counts[url]:>7} {p50:>10.1f} ms {p95:>5.1f} ms {c50:>8.1f} ms {c95:>5.1f} ms")
                if p95 > GOAL_MS:
                    missed.append(url)
            say("")
            outcome = "met" if not missed else f"missed for {', '.join(missed)}"
            say(f"Goal p95 under {GOAL_MS} ms uncached: {outcome}")
            say(f"Load after: {load_average()}")
        finally:
            gunicorn_stop(process)
            redis_flush(args.redis_url)
    if not args.keep:
        from django.db import connections

        connections.close_all()
        database_drop(args.database_url)


if __name__ == "__main__":
    sys.exit(main())
