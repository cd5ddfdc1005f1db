"""Benchmark sending one announcement to 50,000 subscribers, and a worker killed half-way.

    .venv/bin/python bench/subscriptions.py [--subscribers 50000] [--kill-after 0.5] [--keep]

Creates its own PostgreSQL database (dropped at the end unless --keep) and runs migrate. Then:

1. Adds --subscribers confirmed subscribers (bulk insert) who want events.
2. Records a message from staff to them and works out its recipients (`deliveries_create`):
   time and the bench process's memory growth.
3. Sends it in a fresh process, as a worker does (`subscriptions.sending.deliveries_send`),
   with no rate limit (SUBSCRIPTION_SEND_RATE=0), to a backend that writes one line per email
   to a file instead of a mail server (bench/bench_mail.py; every message is rendered to bytes
   as for SMTP): time, emails a second, the process's peak memory before and after.
4. Records a second message, starts sending it in a fresh process, kills that process with
   SIGKILL once --kill-after of the emails are recorded as sent, then runs a second process
   that carries on. Counts, from the file, emails sent twice (must be 0) and subscribers who
   got none: those not sent and not claimed (must be 0), and those claimed by the killed
   process but not recorded as sent, the email in flight when it died (the outbox loses that
   one rather than risk sending it twice; at most one per process killed).

At the default rate (10 a second) 50,000 emails take 83 minutes whatever the code does: the
figures here are the code's own cost, with the rate limit off.
"""

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from common import (
    REPO,
    database_drop,
    database_prepare,
    django_setup,
    load_average,
    local_env,
    machine_report,
    manage,
    say,
)


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def child_send() -> None:
    """In a fresh process: send everything owed, and print seconds, emails and memory."""
    django_setup(dict(os.environ))
    from django.conf import settings

    settings.EMAIL_BACKEND = "bench.bench_mail.RecordingBackend"
    from subscriptions import sending

    before = _peak_mb()
    started = time.monotonic()
    sent = sending.deliveries_send(rate=0)
    seconds = time.monotonic() - started
    print(f"RESULT {sent} {seconds:.3f} {before:.1f} {_peak_mb():.1f}", flush=True)


def _run_child(env: dict) -> tuple[int, float, float, float]:
    result = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    if result.returncode != 0 or not lines:
        say(result.stdout)
        say(result.stderr)
        raise SystemExit("The sending process failed.")
    sent, seconds, before, peak = lines[-1].split()[1:]
    return int(sent), float(seconds), float(before), float(peak)


def _lines(path: Path) -> list[tuple[str, str]]:
    if not path.exists():
        return []
    return [tuple(line.split("\t", 1)) for line in path.read_text().splitlines() if line]


def _announce(title: str) -> int:
    from subscriptions.models import Item, Topic

    item = Item.objects.create(
        kind=Item.Kind.ANNOUNCEMENT,
        ref=f"bench:{title}",
        topic=Topic.EVENTS,
        title=title,
        summary="One line about it.",
        link="/events/",
    )
    return item.pk


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/subscriptions_bench")
    parser.add_argument("--subscribers", type=int, default=50_000)
    parser.add_argument("--kill-after", type=float, default=0.5)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_send()
        return

    postgres_version = database_prepare(args.database_url)
    machine_report(postgres_version=postgres_version, packages=())
    with tempfile.TemporaryDirectory(prefix="subscriptions-bench-") as temp:
        temp_path = Path(temp)
        env = local_env(database_url=args.database_url, temp=temp_path, debug=False, SUBSCRIPTION_SEND_RATE="0")
        try:
            manage("migrate", "--noinput", env=env)
            django_setup(env)
            from django.utils import timezone

            from subscriptions import sending
            from subscriptions.models import Delivery, Subscriber

            started = time.monotonic()
            now = timezone.now()
            Subscriber.objects.bulk_create(
                (
                    Subscriber(
                        email=f"person{n}@example.org",
                        key=f"bench-key-{n}",
                        status=Subscriber.Status.CONFIRMED,
                        confirmed_at=now,
                        events=True,
                    )
                    for n in range(args.subscribers)
                ),
                batch_size=5_000,
            )
            say(f"Loaded {args.subscribers:,} subscribers in {time.monotonic() - started:.1f} s")
            say()

            # 1. Working out the recipients.
            item_id = _announce("First message")
            rss_before = _rss_mb()
            started = time.monotonic()
            recipients = sending.deliveries_create(item_id=item_id)
            say(
                f"Recipients worked out: {recipients:,} in {time.monotonic() - started:.2f} s "
                f"(bench process memory {rss_before:.0f} MB -> {_rss_mb():.0f} MB)"
            )

            # 2. Sending it, uninterrupted.
            log = temp_path / "sent-1.log"
            sent, seconds, before, peak = _run_child({**env, "BENCH_MAIL_LOG": str(log)})
            got = Counter(to for to, _ in _lines(log))
            say(
                f"Sent {sent:,} in {seconds:.1f} s: {sent / seconds:,.0f} emails a second; "
                f"peak memory {before:.0f} MB before sending, {peak:.0f} MB after (+{peak - before:.0f} MB)"
            )
            say(
                f"  recorded {sum(got.values()):,} emails to {len(got):,} addresses; "
                f"twice: {sum(1 for n in got.values() if n > 1)}; none: {args.subscribers - len(got)}"
            )
            say()

            # 3. A worker killed half-way, then another that carries on.
            item_id = _announce("Second message")
            sending.deliveries_create(item_id=item_id)
            log = temp_path / "sent-2.log"
            child_env = {**env, "BENCH_MAIL_LOG": str(log)}
            process = subprocess.Popen(
                [sys.executable, str(Path(__file__).resolve()), "--child"],
                cwd=REPO,
                env=child_env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            target = int(args.subscribers * args.kill_after)
            while process.poll() is None and len(_lines(log)) < target:
                time.sleep(0.05)
            process.send_signal(signal.SIGKILL)
            process.wait()
            killed_at = len(_lines(log))
            say(f"Killed the sending process with SIGKILL after {killed_at:,} emails")
            sent_after, seconds_after, _, _ = _run_child(child_env)
            say(f"A new process sent the other {sent_after:,} in {seconds_after:.1f} s")
            got = Counter(to for to, _ in _lines(log))
            twice = sum(1 for n in got.values() if n > 1)
            deliveries = Delivery.objects.filter(item_id=item_id)
            claimed = set(deliveries.filter(sent_at__isnull=False).values_list("subscriber__email", flat=True))
            unclaimed = deliveries.filter(sent_at__isnull=True).count()
            in_flight = len(claimed - set(got))
            say(f"  recorded {sum(got.values()):,} emails to {len(got):,} of {args.subscribers:,} addresses")
            say(f"  sent twice: {twice} (goal 0)")
            say(f"  never sent and still owed: {unclaimed} (goal 0)")
            say(f"  claimed by the killed process but not sent (the email in flight): {in_flight} (at most 1)")
            say()
            say(f"Load after: {load_average()}")
        finally:
            if not args.keep:
                from django.db import connections

                connections.close_all()
                database_drop(args.database_url)


if __name__ == "__main__":
    main()
