"""Benchmark the parent forum's busiest pages on PostgreSQL.

    .venv/bin/python bench/forum.py [--posts 1000] [--threads 5000] [--repeat 60] [--keep]

Creates its own database (dropped at the end unless --keep), runs migrate and seed_demo, then
loads a thread of --posts posts and a category of --threads threads (bulk inserts), and renders,
as a signed-in approved member, the first and last page of that thread and of that category,
plus the forum's front page. Rendering is in process, with Django's test client on the
production settings (DEBUG=false) and PostgreSQL: the time is the whole Django request
(middleware, session, queries, template), without gunicorn or the network.

Prints p50 and p95 over --repeat renders of each page, and its SQL queries.
Goal: p95 under 100 ms; queries per page the same however long the thread or category
(tests/forum/test_queries.py proves the second).
"""

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from common import (
    database_drop,
    database_prepare,
    django_setup,
    load_average,
    local_env,
    machine_report,
    manage,
    say,
    seed_demo,
)

GOAL_MS = 100


def load(*, posts: int, threads: int):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from forum.models import Category, Member, Post, Thread
    from forum.rendering import post_html

    user = get_user_model().objects.create_user(username="benchparent", email="bench@example.org")
    member = Member.objects.create(user=user, display_name="Bench", status=Member.Status.APPROVED)
    now = timezone.now()
    html = post_html("A reply with *some* emphasis and a [link](https://example.org).\n\n- one\n- two")

    big_thread_category = Category.objects.get(slug="getting-support")
    thread = Thread.objects.create(
        category=big_thread_category, author=member, title="A long thread", created_at=now, last_post_at=now
    )
    Post.objects.bulk_create(
        [
            Post(
                thread=thread,
                author=member,
                body="x",
                body_html=html,
                created_at=now + timezone.timedelta(seconds=i),
                approved_at=now,
                notified_at=now,
                status=Post.Status.VISIBLE,
            )
            for i in range(posts)
        ],
        batch_size=1000,
    )
    Thread.objects.filter(pk=thread.pk).update(
        post_count=posts, last_post_at=now + timezone.timedelta(seconds=posts), is_visible=True
    )

    busy = Category.objects.get(slug="police-and-the-courts")
    Thread.objects.bulk_create(
        [
            Thread(
                category=busy,
                author=member,
                title=f"Thread {i}",
                created_at=now,
                last_post_at=now - timezone.timedelta(minutes=i),
                post_count=3,
                is_visible=True,
            )
            for i in range(threads)
        ],
        batch_size=1000,
    )
    return user, thread, busy


def measure(client, url: str, repeat: int) -> tuple[float, float, int]:
    from django.db import connection

    if client.get(url).status_code != 200:  # warm
        raise SystemExit(f"{url} did not answer 200")
    captured = []

    def count(execute, sql, params, many, context):
        captured.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(url)
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    timings.sort()
    p95 = timings[max(0, int(round(0.95 * len(timings))) - 1)]
    return statistics.median(timings), p95, len(captured)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/forum_bench")
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--threads", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=60)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()

    postgres_version = database_prepare(args.database_url)
    machine_report(postgres_version=postgres_version, packages=())
    with tempfile.TemporaryDirectory(prefix="forum-bench-") as temp:
        env = local_env(
            database_url=args.database_url,
            temp=Path(temp),
            debug=False,
            ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        )
        try:
            manage("migrate", "--noinput", env=env)
            seed_demo(env=env)
            manage("collectstatic", "--noinput", env=env)
            django_setup(env)
            from django.test import Client

            started = time.monotonic()
            user, thread, busy = load(posts=args.posts, threads=args.threads)
            say(
                f"Loaded a thread of {args.posts:,} posts and a category of {args.threads:,} threads "
                f"in {time.monotonic() - started:.1f}s"
            )
            client = Client()
            client.force_login(user)
            from forum.views import POSTS_PER_PAGE, THREADS_PER_PAGE

            last_posts = -(-args.posts // POSTS_PER_PAGE)
            last_threads = -(-args.threads // THREADS_PER_PAGE)
            pages = [
                ("forum front page", "/forum/"),
                ("thread, first page", f"/forum/t/{thread.pk}/"),
                (f"thread, last page ({last_posts})", f"/forum/t/{thread.pk}/?page={last_posts}"),
                ("category, first page", f"/forum/c/{busy.slug}/"),
                (f"category, last page ({last_threads})", f"/forum/c/{busy.slug}/?page={last_threads}"),
            ]
            say()
            say(f"{'page':<32} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}  goal p95 < {GOAL_MS} ms")
            missed = []
            for label, url in pages:
                p50, p95, queries = measure(client, url, args.repeat)
                mark = "ok" if p95 < GOAL_MS else "MISSED"
                if p95 >= GOAL_MS:
                    missed.append(label)
                say(f"{label:<32} {p50:>8.1f} {p95:>8.1f} {queries:>8}  {mark}")
            say()
            say(f"Load after: {load_average()}")
            if missed:
                say(f"Goal missed for: {', '.join(missed)}")
        finally:
            if not args.keep:
                from django.db import connections

                connections.close_all()
                database_drop(args.database_url)


if __name__ == "__main__":
    main()
