"""Benchmark the survey results report: a survey of 20 questions with 50,000 responses.

    .venv/bin/python bench/report.py [--responses 50000] [--repeat 5] [--keep]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/report_bench .venv/bin/python bench/report.py

On PostgreSQL when DATABASE_URL is given (its database name must contain "bench"; it is dropped
and made again), else on a new SQLite file in a temporary directory. Runs migrate and
seed_demo, adds a survey of 20 questions (single and multiple choice, ratings, yes or no, two
free-text questions, age band and ward) under the demo's consultations, and --responses
responses to it with random answers from a fixed seed (consultation/seeding.py), then:

- renders the admin's results report page (/admin/survey-results/<id>/) --repeat times, in
  process with Django's test client, signed in as the demo administrator, with a breakdown
  by ward, and prints the median and the slowest time and the number of SQL queries;
- makes the Word document once and prints its time.

Goal: the page renders in under 1 second, with the same number of queries whatever the number
of responses (tests/consultation/test_report.py proves the queries). Missed goals are
reported, not enforced.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import database_drop, database_prepare, django_setup, local_env, machine_report, manage, say, seed_demo

GOAL_SECONDS = 1.0
QUESTIONS = [
    ("section", "Bench", "", ""),
    *[
        ("single_choice", f"Single choice question {n}", "Never\nSometimes\nOften\nAll the time\nNot sure")
        for n in range(6)
    ],
    *[
        ("multiple_choice", f"Multiple choice question {n}", "Parks\nBus stops\nCity centre\nSchools\nMy street\nShops")
        for n in range(4)
    ],
    *[("rating", f"Rating question {n}", "") for n in range(4)],
    *[("yes_no", f"Yes or no question {n}", "") for n in range(2)],
    *[("long_text", f"Free-text question {n}", "") for n in range(2)],
    ("age_band", "How old are you?", ""),
    ("ward", "Which ward do you live in?", ""),
]


def build(responses: int):
    from consultation.models import SurveyIndexPage, SurveyPage, SurveyQuestion
    from consultation.seeding import responses_generate

    index = SurveyIndexPage.objects.get()
    survey = SurveyPage(title="Bench survey", slug="bench-survey", intro="Benchmark.", privacy_notice="<p>Bench.</p>")
    survey.questions = [
        SurveyQuestion(kind=kind, label=label, choices=choices[0] if choices else "")
        for kind, label, *choices in QUESTIONS
    ]
    index.add_child(instance=survey)
    survey.save_revision().publish()
    started = time.monotonic()
    responses_generate(survey=survey, count=responses, seed=50, submission_prefix="bench-", is_demo=False, weeks=10)
    say(f"  {responses:,} responses to {len(QUESTIONS) - 1} questions: {time.monotonic() - started:.1f} s")
    return survey


def measure(survey, repeat: int) -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from consultation.report import DIMENSIONS, breakdown_questions, report_build
    from consultation.report_files import report_docx

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username="admin"))
    question = breakdown_questions(survey)[0]
    url = f"/admin/survey-results/{survey.pk}/?question={question.pk}&by=ward"
    client.get(url)  # the admin's caches, once
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        times.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise SystemExit(f"The report page answered {response.status_code}.")
    median = statistics.median(times)
    say(f"Report page: median {median * 1000:.0f} ms, slowest {max(times) * 1000:.0f} ms, {len(queries)} queries")
    say(f"  goal: under {GOAL_SECONDS * 1000:.0f} ms: {'met' if median < GOAL_SECONDS else 'MISSED'}")
    report = report_build(survey=survey, breakdown=(question, DIMENSIONS["ward"]))
    started = time.perf_counter()
    size = len(report_docx(report))
    say(f"Word document: {(time.perf_counter() - started) * 1000:.0f} ms, {size / 1024:.0f} KiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--responses", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database afterwards")
    args = parser.parse_args()

    database_url = os.environ.get("DATABASE_URL", "")
    with tempfile.TemporaryDirectory() as directory:
        temp = Path(directory)
        if database_url.startswith("postgres"):
            version = database_prepare(database_url)
            database = f"PostgreSQL {version}"
        else:
            database_url = f"sqlite:///{temp / 'report_bench.sqlite3'}"
            import sqlite3

            version, database = "not used", f"SQLite {sqlite3.sqlite_version}"
        machine_report(postgres_version=version, packages=("python-docx", "pillow"))
        say(f"Database:    {database}")
        env = local_env(database_url=database_url, temp=temp, debug=False)
        manage("migrate", "--verbosity", "0", env=env)
        manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
        seed_demo(env=env)
        django_setup(env)
        try:
            survey = build(args.responses)
            measure(survey, args.repeat)
        finally:
            if database_url.startswith("postgres") and not args.keep:
                from django.db import connections

                connections.close_all()
                database_drop(database_url)


if __name__ == "__main__":
    sys.exit(main())
