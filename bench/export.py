"""Benchmark the feedback exports on PostgreSQL against COPY, and the feedback dashboard.

    .venv/bin/python bench/export.py [--small 10000] [--large 100000] [--repeat 2] [--keep]

Creates its own database (dropped at the end unless --keep), runs migrate and seed_demo, then
loads --small rows of feedback with COPY (with suggested themes, confirmed themes and tags)
and measures; then tops up to --large rows and measures again:

- the CSV export as the admin makes it (consultation.exports.export_csv_lines: export_rows, no
  filters, no personal data) written to a file, and, in the same run, PostgreSQL's
  `COPY (SELECT the same columns) TO STDOUT WITH CSV` through psycopg: time, rows per second,
  CPU time of the process and of its PostgreSQL backend, and the ratio of the two. The two
  files are compared row by row;
- the Excel export (xlsx_write), for information;
- each in its own child process, so its peak memory (VmHWM) belongs to that measurement alone;
- at --large rows, the function of consultation/dashboard/views.py that computes the dashboard's
  figures, if there is one: time and SQL queries.

Goals: the CSV export within 3x of COPY; peak memory at --large rows at most 50 MB above that
at --small rows; the dashboard under 200 ms. When the export misses the first goal at --small
rows, it is profiled there. Missed goals are reported, not enforced.
"""

import argparse
import cProfile
import csv
import importlib
import importlib.util
import inspect
import io
import json
import os
import pstats
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
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
    seed_demo,
)
from psycopg import sql

LABELLED = REPO / "tests" / "data" / "labelled_feedback.csv"
GOAL_COPY_RATIO = 3.0
GOAL_MEMORY_GROWTH_MB = 50.0
GOAL_DASHBOARD_MS = 200.0
BATCH = 10_000
DAYS = 548  # 18 months
# Names tried, in order, for the function of consultation/dashboard/views.py that computes every figure.
DASHBOARD_FUNCTIONS = ("dashboard_data", "dashboard_figures", "figures", "compute_dashboard", "dashboard_compute")
# ... and for the one the view calls, if it keeps the figures in the cache (timed warm, for information).
DASHBOARD_CACHED_FUNCTIONS = ("dashboard_cached",)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
SOURCES = [("survey", 55), ("youth_voice", 25), ("event", 10), ("forum", 5), ("other", 5)]
TAGS = [
    "follow up",
    "quote for report",
    "press interest",
    "duplicate",
    "needs translation",
    "partner agency",
    "positive",
    "repeat concern",
    "school named",
    "location named",
    "councillor query",
    "youth panel",
]


# --- Measuring, in a child process ---------------------------------------------------------


def _proc_status_kb(name: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(name + ":"):
            return int(line.split()[1])
    return 0


def _cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process (here, the PostgreSQL backend serving us)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class _Clock:
    """Wall time, this process's CPU time and its PostgreSQL backend's CPU time."""

    def __init__(self, backend_pid: int):
        self.backend_pid = backend_pid
        self.wall = time.perf_counter()
        self.cpu = time.process_time()
        self.db_cpu = _cpu_seconds(backend_pid)

    def figures(self) -> dict:
        return {
            "seconds": time.perf_counter() - self.wall,
            "cpu": time.process_time() - self.cpu,
            "db_cpu": _cpu_seconds(self.backend_pid) - self.db_cpu,
        }


def _child_result(path: str, **figures) -> None:
    """Write the figures for the parent. The peak is VmHWM, this process's own high-water mark."""
    figures["hwm_kb"] = _proc_status_kb("VmHWM")
    Path(path).write_text(json.dumps(figures))


def _child_django_export(kind: str, out: str, result: str) -> None:
    """The CSV or Excel export as the admin makes it: no filters, no personal data."""
    import django

    django.setup()
    from django.db import connection

    from consultation import exports
    from consultation.exports import export_header, export_rows, xlsx_write

    connection.ensure_connection()
    before_kb = _proc_status_kb("VmHWM")
    header = export_header(include_personal_data=False)
    rows = export_rows(params={}, include_personal_data=False, file_format="xlsx" if kind == "xlsx" else "csv")
    profiler = cProfile.Profile() if kind == "csv-profile" else None
    clock = _Clock(connection.connection.info.backend_pid)
    if profiler:
        profiler.enable()
    if kind == "xlsx":
        count = xlsx_write(Path(out), header, rows)
    else:
        count = -1  # the header line
        with open(out, "w", encoding="utf-8", newline="") as handle:
            # The export's own CSV lines, as the admin streams them and the background job writes them.
            for line in exports.export_csv_lines({}, include_personal_data=False):
                handle.write(line)
                count += 1
    if profiler:
        profiler.disable()
    figures = {"rows": count, **clock.figures(), "bytes": os.path.getsize(out), "before_kb": before_kb}
    if profiler:
        text = io.StringIO()
        stats = pstats.Stats(profiler, stream=text)
        stats.sort_stats("tottime").print_stats(16)
        stats.sort_stats("cumulative").print_stats(24)
        figures["profile"] = text.getvalue()
    _child_result(result, **figures)


def _child_copy(out: str, result: str, query_path: str, *, server_settings: bool) -> None:
    """PostgreSQL's COPY of the same columns, streamed through psycopg to a file. Unless
    `server_settings`, in one backend without JIT compilation (see measure_size)."""
    query = Path(query_path).read_text()
    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as connection:
        if not server_settings:
            connection.execute("SET jit = off")
            connection.execute("SET max_parallel_workers_per_gather = 0")
        connection.execute("SELECT 1")
        before_kb = _proc_status_kb("VmHWM")
        clock = _Clock(connection.info.backend_pid)
        with open(out, "wb") as handle, connection.cursor().copy(query) as copy:
            for block in copy:
                handle.write(block)
        figures = clock.figures()
    _child_result(result, rows=None, **figures, bytes=os.path.getsize(out), before_kb=before_kb)


def child_main(args) -> int:
    if args.child in ("copy", "copy-server"):
        _child_copy(args.out, args.result, args.query, server_settings=args.child == "copy-server")
    else:
        _child_django_export(args.child, args.out, args.result)
    return 0


@dataclass
class Measure:
    what: str
    rows: int | None
    seconds: float
    cpu: float
    db_cpu: float
    bytes: int
    peak_kb: int
    before_kb: int
    profile: str = ""

    @property
    def peak_mb(self) -> float:
        return self.peak_kb / 1024

    @property
    def before_mb(self) -> float:
        return self.before_kb / 1024

    @property
    def all_cpu(self) -> float:
        return self.cpu + self.db_cpu


def run_child(kind: str, *, env: dict, temp: Path, out: Path, timeout: float, query: Path | None = None) -> Measure:
    """Run one measurement in a new process. Its peak is the VmHWM of that process's own memory
    (/proc/self/status) as it ends: ru_maxrss (getrusage, wait4) would also count the parent's
    resident memory, which Linux carries over into a forked child's maximum across exec."""
    result = temp / f"{kind}.json"
    log = temp / f"{kind}.log"
    result.unlink(missing_ok=True)
    command = [sys.executable, str(Path(__file__).resolve()), "--child", kind, "--out", str(out)]
    command += ["--result", str(result)] + (["--query", str(query)] if query else [])
    with log.open("wb") as log_file:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=log_file, stderr=subprocess.STDOUT)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise SystemExit(f"The {kind} measurement took more than {timeout:g} s; stopped.") from None
    if process.returncode != 0 or not result.exists():
        say(log.read_text(errors="replace")[-4000:])
        raise SystemExit(f"The {kind} measurement failed with exit code {process.returncode}.")
    figures = json.loads(result.read_text())
    return Measure(
        what=kind,
        rows=figures["rows"],
        seconds=figures["seconds"],
        cpu=figures["cpu"],
        db_cpu=figures["db_cpu"],
        bytes=figures["bytes"],
        peak_kb=figures["hwm_kb"],
        before_kb=figures["before_kb"],
        profile=figures.get("profile", ""),
    )


# --- Feedback rows, loaded with COPY --------------------------------------------------------


def copy_insert(model, objects: list) -> None:
    """Insert model instances with COPY: no signals, no save(), ids from the table's sequence."""
    from django.db import connection

    if not objects:
        return
    fields = model._meta.concrete_fields
    table = model._meta.db_table
    with connection.cursor() as cursor:
        raw = cursor.cursor
        raw.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, model._meta.pk.column, len(objects)],
        )
        for obj, (pk,) in zip(objects, raw.fetchall(), strict=True):
            obj.pk = pk
        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table), sql.SQL(", ").join(sql.Identifier(f.column) for f in fields)
        )
        with raw.copy(statement) as copy:
            for obj in objects:
                copy.write_row([f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields])


@dataclass
class PoolText:
    text: str
    suggestions: list  # matching.Suggestion, keys are theme ids
    labelled: list[int]  # the officers' themes, for labelled comments
    safeguarding: list[str]


@dataclass
class Maker:
    """Makes feedback rows like the real ones, the same every run (fixed seed)."""

    seed: int
    now: datetime
    rng: random.Random = field(init=False)
    pool: list[PoolText] = field(init=False)
    made: int = 0

    def __post_init__(self):
        from consultation.models import AgeBand, SurveyPage, SurveyQuestion
        from consultation.suggester import theme_matcher
        from core import matching
        from core.models import Theme, Ward
        from core.safeguarding import safeguarding_matches

        self.rng = random.Random(self.seed)
        with LABELLED.open(encoding="utf-8", newline="") as handle:
            labelled = [(row["text"], [t for t in row["themes"].split(";") if t]) for row in csv.DictReader(handle)]
        theme_ids = dict(Theme.objects.values_list("slug", "pk"))
        self.theme_ids = list(theme_ids.values())
        # Each theme's bit, for the theme sets kept on the feedback row (consultation/theme_bits.py)
        self.theme_masks = {pk: 1 << bit for pk, bit in Theme.objects.values_list("pk", "bit")}
        # Half the texts are the labelled comments as written, half one to three of their
        # sentences recombined, as bench/theming.py makes them.
        sentences = [s for text, _ in labelled for s in _SENTENCE_END.split(text) if s]
        texts = [(text, [theme_ids[t] for t in themes if t in theme_ids]) for text, themes in labelled]
        texts += [(" ".join(self.rng.choices(sentences, k=self.rng.randint(1, 3))), []) for _ in range(len(labelled))]
        matcher = theme_matcher()
        self.pool = [
            PoolText(
                text=text,
                suggestions=[
                    matching.Suggestion(key=theme_ids[s.key], score=s.score, matched=s.matched)
                    for s in matching.suggest(matcher, text)
                ],
                labelled=themes,
                safeguarding=safeguarding_matches(text=text),
            )
            for text, themes in texts
        ]
        self.wards = list(Ward.objects.values_list("pk", flat=True))
        self.surveys = []
        for survey in SurveyPage.objects.all():
            questions = list(survey.questions.filter(kind__in=SurveyQuestion.FREE_TEXT_KINDS))
            if questions:
                self.surveys.append((survey, questions))
        self.sources = [source for source, _ in SOURCES]
        self.source_weights = [weight for _, weight in SOURCES]
        self.all_bands = [band.value for band in AgeBand if band != AgeBand.PREFER_NOT_TO_SAY]
        self.youth_bands = [band.value for band in (AgeBand.AGE_11_15, AgeBand.AGE_16_18, AgeBand.AGE_19_24)]
        self.prefer_not = AgeBand.PREFER_NOT_TO_SAY.value

    def _age_band(self, source: str) -> str:
        draw = self.rng.random()
        if draw < 0.12:
            return ""
        if draw < 0.17:
            return self.prefer_not
        return self.rng.choice(self.youth_bands if source == "youth_voice" else self.all_bands)

    def _confirmed(self, item: PoolText) -> list[int]:
        """Half the rows have one or two themes an officer confirmed, mostly the suggested or
        the labelled ones, sometimes another."""
        if self.rng.random() >= 0.5:
            return []
        wanted = 1 if self.rng.random() < 0.7 else 2
        likely = list(dict.fromkeys([s.key for s in item.suggestions] + item.labelled))
        chosen: list[int] = []
        while len(chosen) < wanted:
            candidates = likely if likely and self.rng.random() < 0.8 else self.theme_ids
            theme = self.rng.choice(candidates)
            if theme not in chosen:
                chosen.append(theme)
            elif len(set(candidates) - set(chosen)) == 0:
                likely = []
        return chosen

    def _bits(self, theme_ids) -> int:
        bits = 0
        for pk in theme_ids:
            bits |= self.theme_masks[pk]
        return bits

    def batch(self, count: int, tag_ids: list[int]) -> None:
        """Make and insert `count` rows of feedback with their suggestions, themes and tags."""
        from django.db import transaction

        from consultation.models import Feedback, TaggedFeedback, ThemedFeedback, ThemeSuggestion

        rng = self.rng
        rows, extras = [], []
        for _ in range(count):
            item = self.pool[rng.randrange(len(self.pool))]
            source = rng.choices(self.sources, self.source_weights)[0]
            created = self.now - timedelta(seconds=rng.uniform(0, DAYS * 86400))
            survey = question = None
            if source == "survey" and self.surveys:
                survey, questions = rng.choice(self.surveys)
                question = rng.choice(questions)
            confirmed = self._confirmed(item)
            reviewed = bool(confirmed) or rng.random() < 0.15
            reviewed_at = min(created + timedelta(days=rng.uniform(0, 14)), self.now) if reviewed else None
            rows.append(
                Feedback(
                    source=source,
                    survey=survey,
                    question=question,
                    question_text=question.label if question else "",
                    text=item.text,
                    age_band=self._age_band(source),
                    ward_id=rng.choice(self.wards) if self.wards and rng.random() < 0.9 else None,
                    created_at=created,
                    safeguarding_flag=bool(item.safeguarding),
                    safeguarding_matches=item.safeguarding,
                    suggested_at=created + timedelta(seconds=30),
                    alerted_at=created + timedelta(seconds=60) if item.safeguarding else None,
                    reviewed=reviewed,
                    reviewed_at=reviewed_at,
                    confirmed_theme_bits=self._bits(confirmed),
                    suggested_theme_bits=self._bits(s.key for s in item.suggestions),
                )
            )
            draw = rng.random()
            tags = rng.sample(tag_ids, 2) if draw < 0.03 else [rng.choice(tag_ids)] if draw < 0.15 else []
            extras.append((item, confirmed, tags, created))
        with transaction.atomic():
            copy_insert(Feedback, rows)
            suggestions, themed, tagged = [], [], []
            for feedback, (item, confirmed, tags, created) in zip(rows, extras, strict=True):
                suggestions += [
                    ThemeSuggestion(
                        feedback_id=feedback.pk,
                        theme_id=s.key,
                        score=s.score,
                        matched=list(s.matched),
                        created_at=created + timedelta(seconds=30),
                    )
                    for s in item.suggestions
                ]
                themed += [ThemedFeedback(content_object_id=feedback.pk, tag_id=theme) for theme in confirmed]
                tagged += [TaggedFeedback(content_object_id=feedback.pk, tag_id=tag) for tag in tags]
            copy_insert(ThemeSuggestion, suggestions)
            copy_insert(ThemedFeedback, themed)
            copy_insert(TaggedFeedback, tagged)
        self.made += count


def tags_create() -> list[int]:
    from taggit.models import Tag

    tags = [Tag(name=name, slug=name.replace(" ", "-")) for name in TAGS]
    copy_insert(Tag, tags)
    return [tag.pk for tag in tags]


def feedback_load(maker: Maker, *, total: int, tag_ids: list[int]) -> None:
    """Add rows until there are `total`, then VACUUM ANALYZE, as autovacuum would have."""
    from django.db import connection

    from consultation.models import Feedback, TaggedFeedback, ThemedFeedback, ThemeSuggestion

    started = time.monotonic()
    added = maker.made
    while maker.made < total:
        maker.batch(min(BATCH, total - maker.made), tag_ids)
    loaded = time.monotonic() - started
    with connection.cursor() as cursor:
        for model in (Feedback, ThemeSuggestion, ThemedFeedback, TaggedFeedback):
            cursor.execute(f"VACUUM (ANALYZE) {connection.ops.quote_name(model._meta.db_table)}")
    feedback = Feedback.objects.count()
    suggestions = ThemeSuggestion.objects.count()
    themed = ThemedFeedback.objects.count()
    with_themes = ThemedFeedback.objects.values("content_object").distinct().count()
    tagged = TaggedFeedback.objects.count()
    say(
        f"  {maker.made - added:,} rows added in {loaded:.1f} s (COPY), VACUUM ANALYZE"
        f" {time.monotonic() - started - loaded:.1f} s. Now: {feedback:,} feedback,"
        f" {suggestions:,} suggested themes ({suggestions / feedback:.2f} a row),"
        f" {themed:,} confirmed themes on {with_themes:,} rows ({with_themes / feedback:.0%}),"
        f" {tagged:,} tags, {Feedback.objects.filter(reviewed=True).count() / feedback:.0%} reviewed"
    )
    # The theme bits were written by the loader, not by the application: check them against the
    # link tables as the application works them out, so the dashboard counts what it should.
    from django.db.models import F, Q

    from consultation.theme_bits import bits_expression

    wrong = (
        Feedback.objects.alias(
            confirmed=bits_expression(ThemedFeedback, "content_object", "tag"),
            suggested=bits_expression(ThemeSuggestion, "feedback", "theme"),
        )
        .filter(~Q(confirmed_theme_bits=F("confirmed")) | ~Q(suggested_theme_bits=F("suggested")))
        .count()
    )
    if wrong:
        raise SystemExit(f"  {wrong:,} rows have theme bits that disagree with their themes")


# --- COPY of the same columns ----------------------------------------------------------------


def copy_query() -> str:
    """COPY (SELECT ...) TO STDOUT WITH CSV of the export's columns, computed by PostgreSQL as
    the export computes them: labels of sources and age bands, local time, themes, suggested
    themes and tags joined with "; ", every text cell neutralised as core/spreadsheets.py
    does, in the export's order. Themes and tags are aggregated once per table and joined by
    hash, the quickest plan for a whole-table export (a subquery per row was slower)."""
    from django.conf import settings
    from django.db import connection
    from taggit.models import Tag
    from wagtail.models import Page

    from consultation.exports import HEADER
    from consultation.models import AgeBand, Feedback, TaggedFeedback, ThemedFeedback, ThemeSuggestion
    from core.models import Theme, Ward
    from core.spreadsheets import FORMULA_STARTS

    def table(model) -> sql.Identifier:
        return sql.Identifier(model._meta.db_table)

    def labels(column: str, choices) -> sql.Composable:
        whens = sql.SQL(" ").join(
            sql.SQL("WHEN {} THEN {}").format(sql.Literal(value), sql.Literal(str(label))) for value, label in choices
        )
        return sql.SQL("CASE {} {} ELSE {} END").format(sql.SQL(column), whens, sql.SQL(column))

    def safe(column: str) -> sql.Composable:
        starts = sql.SQL(", ").join(sql.Literal(start) for start in FORMULA_STARTS)
        return sql.SQL("CASE WHEN left({c}, 1) IN ({s}) THEN '''' || {c} ELSE {c} END").format(
            c=sql.Identifier(column), s=starts
        )

    inner = sql.SQL(
        """
        SELECT f.id, f.created_at,
            to_char(f.created_at AT TIME ZONE {tz}, 'YYYY-MM-DD HH24:MI') AS date,
            {source} AS source,
            coalesce(p.title, '') AS survey,
            f.question_text AS question,
            f.text AS text,
            coalesce(c.names, '') AS confirmed,
            coalesce(s.names, '') AS suggested,
            coalesce(g.names, '') AS tags,
            coalesce(w.name, '') AS ward,
            CASE WHEN f.age_band = '' THEN '' ELSE {age_band} END AS age_band,
            CASE WHEN f.reviewed THEN 'Yes' ELSE 'No' END AS reviewed
        FROM {feedback} f
        LEFT JOIN {page} p ON p.id = f.survey_id
        LEFT JOIN {ward} w ON w.id = f.ward_id
        LEFT JOIN (
            SELECT tf.content_object_id AS id, string_agg(t.name, '; ' ORDER BY t.sort_order, t.name) AS names
            FROM {themed} tf JOIN {theme} t ON t.id = tf.tag_id GROUP BY tf.content_object_id
        ) c ON c.id = f.id
        LEFT JOIN (
            SELECT st.feedback_id AS id, string_agg(t.name, '; ' ORDER BY st.score DESC) AS names
            FROM {suggestion} st JOIN {theme} t ON t.id = st.theme_id GROUP BY st.feedback_id
        ) s ON s.id = f.id
        LEFT JOIN (
            SELECT tg.content_object_id AS id, string_agg(tag.name, '; ' ORDER BY tag.name) AS names
            FROM {tagged} tg JOIN {tag} tag ON tag.id = tg.tag_id GROUP BY tg.content_object_id
        ) g ON g.id = f.id
        """
    ).format(
        tz=sql.Literal(settings.TIME_ZONE),
        source=labels("f.source", Feedback.Source.choices),
        age_band=labels("f.age_band", AgeBand.choices),
        themed=table(ThemedFeedback),
        theme=table(Theme),
        suggestion=table(ThemeSuggestion),
        tagged=table(TaggedFeedback),
        tag=table(Tag),
        feedback=table(Feedback),
        page=table(Page),
        ward=table(Ward),
    )
    columns = ["id", "date", "source", "survey", "question", "text", "confirmed", "suggested", "tags", "ward"]
    columns += ["age_band", "reviewed"]
    texts = set(columns) - {"id", "date", "reviewed"}
    outer = sql.SQL(", ").join(
        sql.SQL("{} AS {}").format(safe(column) if column in texts else sql.Identifier(column), sql.Identifier(name))
        for column, name in zip(columns, HEADER, strict=True)
    )
    query = sql.SQL("COPY (SELECT {} FROM ({}) AS r ORDER BY r.id) TO STDOUT WITH (FORMAT csv, HEADER)")
    connection.ensure_connection()
    return query.format(outer, inner).as_string(connection.connection)


def outputs_compare(export_path: Path, copy_path: Path) -> str:
    """Compare the export's CSV with COPY's, row by row. Themes and tags are compared as sets."""

    def rows(path: Path):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            next(reader)
            for row in reader:
                yield [*row[:6], *("; ".join(sorted(cell.split("; "))) for cell in row[6:9]), *row[9:]]

    same = differ = 0
    first = None
    for left, right in zip(rows(export_path), rows(copy_path), strict=False):
        if left == right:
            same += 1
        else:
            differ += 1
            first = first or (left, right)
    export_count = sum(1 for _ in rows(export_path))
    copy_count = sum(1 for _ in rows(copy_path))
    if export_count == copy_count and not differ:
        return f"the same {export_count:,} rows, row for row"
    text = f"DIFFERENT: export {export_count:,} rows, COPY {copy_count:,}; {same:,} rows agree, {differ:,} differ"
    if first:
        text += f"\n    first difference:\n      export {first[0]}\n      COPY   {first[1]}"
    return text


# --- Reporting -----------------------------------------------------------------------------


@dataclass
class SizeResult:
    size: int
    csv: Measure
    copy: Measure
    copy_server: Measure
    xlsx: Measure | None
    csv_times: list[float]
    copy_times: list[float]
    comparison: str

    @property
    def ratio(self) -> float:
        return self.csv.seconds / self.copy.seconds

    @property
    def cpu_ratio(self) -> float:
        return self.csv.all_cpu / self.copy.all_cpu if self.copy.all_cpu else float("inf")


def measure_size(args, *, size: int, env: dict, temp: Path, query: Path) -> SizeResult:
    """COPY and the CSV export in turn, --repeat times each (best time, highest peak), then COPY
    once more with the server's settings and the Excel export once.

    The baseline COPY runs in one backend without JIT (`SET jit = off`,
    `max_parallel_workers_per_gather = 0`), as the export's own queries effectively do: a
    server-side cursor never runs in parallel, and JIT-compiling this query costs about a
    second whatever the number of rows. The COPY with the server's settings is shown beside it."""
    csv_runs, copy_runs = [], []
    export_path, copy_path = temp / "export.csv", temp / "copy.csv"
    for _ in range(args.repeat):
        copy_runs.append(run_child("copy", env=env, temp=temp, out=copy_path, timeout=args.child_timeout, query=query))
        csv_runs.append(run_child("csv", env=env, temp=temp, out=export_path, timeout=args.child_timeout))
    comparison = outputs_compare(export_path, copy_path)
    copy_server = run_child("copy-server", env=env, temp=temp, out=copy_path, timeout=args.child_timeout, query=query)
    xlsx = None
    if not args.no_xlsx:
        xlsx_path = temp / "export.xlsx"
        xlsx = run_child("xlsx", env=env, temp=temp, out=xlsx_path, timeout=args.child_timeout)
        xlsx_path.unlink(missing_ok=True)
    export_path.unlink(missing_ok=True)
    copy_path.unlink(missing_ok=True)

    def best(runs: list[Measure]) -> Measure:
        chosen = min(runs, key=lambda run: run.seconds)
        chosen.peak_kb = max(run.peak_kb for run in runs)
        return chosen

    result = SizeResult(
        size=size,
        csv=best(csv_runs),
        copy=best(copy_runs),
        copy_server=copy_server,
        xlsx=xlsx,
        csv_times=[run.seconds for run in csv_runs],
        copy_times=[run.seconds for run in copy_runs],
        comparison=comparison,
    )
    report_size(args, result)
    return result


def report_size(args, result: SizeResult) -> None:
    say()
    say(f"Exports of {result.size:,} rows (each in its own process; best time of {args.repeat}, highest peak)")
    header = (
        f"  {'':<36}{'seconds':>9}{'rows/s':>9}{'CPU s':>7}{'DB CPU s':>9}{'MB out':>7}"
        f"{'peak MB':>9}{'before':>8}{'added':>7}"
    )
    say(header)
    say("  " + "-" * (len(header) - 2))
    lines = [
        ("CSV export (export_csv_lines)", result.csv),
        ("COPY (SELECT ...) TO STDOUT CSV", result.copy),
        ("  the same, server's JIT and workers", result.copy_server),
    ]
    if result.xlsx:
        lines.append(("Excel export (xlsx_write)", result.xlsx))
    for name, run in lines:
        say(
            f"  {name:<36}{run.seconds:>9.2f}{result.size / run.seconds:>9,.0f}{run.cpu:>7.2f}{run.db_cpu:>9.2f}"
            f"{run.bytes / 1e6:>7.1f}{run.peak_mb:>9.1f}{run.before_mb:>8.1f}{run.peak_mb - run.before_mb:>7.1f}"
        )
    times = ", ".join(f"{t:.2f}" for t in result.csv_times)
    copies = ", ".join(f"{t:.2f}" for t in result.copy_times)
    say(f"  CSV export / COPY: {result.ratio:.1f}x in time (runs: export {times} s; COPY {copies} s),")
    say(f"    {result.cpu_ratio:.1f}x in CPU (the process and its PostgreSQL backend, which other load does not skew)")
    say(f"  rows written by the export: {result.csv.rows:,}; its file against COPY's: {result.comparison}")


def dashboard_measure(runs: int) -> dict | None:
    """Time the function of consultation/dashboard/views.py that computes every figure, and count its
    queries. None if the module is not there."""
    if importlib.util.find_spec("consultation.dashboard.views") is None:
        say("dashboard: not present")
        return None
    module = importlib.import_module("consultation.dashboard.views")
    function = next(
        (getattr(module, name) for name in DASHBOARD_FUNCTIONS if callable(getattr(module, name, None))), None
    )
    if function is None or any(
        p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        for p in inspect.signature(function).parameters.values()
    ):
        looked = ", ".join(DASHBOARD_FUNCTIONS)
        say(f"dashboard: present, but no function computing its figures without arguments (looked for {looked})")
        return None
    figures = _dashboard_time(module, function, runs)
    cached = next((getattr(module, n) for n in DASHBOARD_CACHED_FUNCTIONS if callable(getattr(module, n, None))), None)
    if cached is not None:
        figures["cached"] = _dashboard_time(module, cached, runs)
    return figures


def _dashboard_time(module, function, runs: int) -> dict:
    """One warm-up call, `runs` timed calls, then one more with its queries captured."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    name = f"{module.__name__}.{function.__name__}()"
    function()  # the first call after the load: connection, Theme rows, plans
    times = []
    for _ in range(runs):
        reset_queries()
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        function()
    counted_ms = (time.perf_counter() - started) * 1000
    queries = captured.captured_queries
    slowest = sorted(queries, key=lambda q: -float(q["time"]))[:3]
    sql_ms = sum(float(q["time"]) for q in queries) * 1000
    return {
        "name": name,
        "times": times,
        "queries": len(queries),
        "counted_ms": counted_ms,
        "sql_ms": sql_ms,
        "slowest": slowest,
    }


def report_dashboard(size: int, figures: dict) -> None:
    times = figures["times"]
    say()
    say(f"Dashboard at {size:,} rows: {figures['name']}, {len(times)} runs after one warm-up")
    say(
        f"  min {min(times):.0f} ms, median {statistics.median(times):.0f} ms, max {max(times):.0f} ms;"
        f" {figures['queries']} SQL queries"
    )
    say(
        f"  one more run with its queries captured: {figures['counted_ms']:.0f} ms, of which"
        f" {figures['sql_ms']:.0f} ms in SQL (as Django's debug cursor times it); its slowest queries:"
    )
    for query in figures["slowest"]:
        say(f"    {float(query['time']) * 1000:>6.0f} ms  {query['sql'][:150]}")
    cached = figures.get("cached")
    if cached:
        times = cached["times"]
        say(
            f"  {cached['name']}, as the view calls it, with the figures in the cache (local memory here):"
            f" min {min(times):.0f} ms, median {statistics.median(times):.0f} ms; {cached['queries']} SQL queries"
        )


def goals(small: SizeResult, large: SizeResult, dashboard: dict | None) -> list[str]:
    say()
    say("Goals")
    missed = []

    def line(text: str, met: bool) -> None:
        say(f"  {text:<96}{'met' if met else 'NOT MET'}")
        if not met:
            missed.append(text)

    line(
        f"CSV export within {GOAL_COPY_RATIO:g}x of COPY at {large.size:,} rows:"
        f" {large.csv.seconds:.2f} s / {large.copy.seconds:.2f} s = {large.ratio:.1f}x",
        large.ratio <= GOAL_COPY_RATIO,
    )
    say(
        f"    (in CPU {large.cpu_ratio:.1f}x; at {small.size:,} rows {small.ratio:.1f}x, in CPU {small.cpu_ratio:.1f}x)"
    )
    growth = large.csv.peak_mb - small.csv.peak_mb
    line(
        f"CSV peak memory at {large.size:,} rows <= peak at {small.size:,} + {GOAL_MEMORY_GROWTH_MB:g} MB:"
        f" {large.csv.peak_mb:.0f} MB vs {small.csv.peak_mb:.0f} MB ({growth:+.0f} MB)",
        growth <= GOAL_MEMORY_GROWTH_MB,
    )
    if large.xlsx and small.xlsx:
        say(
            f"    (Excel, for information: {large.xlsx.peak_mb:.0f} MB vs {small.xlsx.peak_mb:.0f} MB,"
            f" {large.xlsx.peak_mb - small.xlsx.peak_mb:+.0f} MB; {large.xlsx.seconds:.1f} s at {large.size:,} rows)"
        )
    if dashboard:
        median = statistics.median(dashboard["times"])
        line(
            f"Dashboard figures under {GOAL_DASHBOARD_MS:g} ms at {large.size:,} rows:"
            f" median {median:.0f} ms (min {min(dashboard['times']):.0f} ms), {dashboard['queries']} queries",
            median < GOAL_DASHBOARD_MS,
        )
    else:
        say("  Dashboard: not measured (consultation/dashboard/views.py or its figures function is missing)")
    return missed


def profile_report(args, *, env: dict, temp: Path, size: int) -> None:
    say()
    say(f"Profile of the CSV export at {size:,} rows (cProfile, which slows it down; read the shares)")
    profiled = run_child("csv-profile", env=env, temp=temp, out=temp / "export.csv", timeout=args.child_timeout)
    (temp / "export.csv").unlink(missing_ok=True)
    say(f"  {profiled.seconds:.1f} s under the profiler")
    site = str(Path(psycopg.__file__).resolve().parent.parent) + "/"
    stdlib = str(Path(os.__file__).resolve().parent) + "/"
    for text in profiled.profile.splitlines():
        if text.strip():
            say("  " + text.replace(site, "").replace(stdlib, "").replace(str(REPO) + "/", ""))


# --- Running ---------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/safer_bench_export")
    parser.add_argument("--small", type=int, default=10_000, help="rows for the first measurement")
    parser.add_argument("--large", type=int, default=100_000, help="rows for the second measurement")
    parser.add_argument("--repeat", type=int, default=2, help="runs of the CSV export and of COPY at each size")
    parser.add_argument("--dashboard-runs", type=int, default=7, help="timed runs of the dashboard's figures")
    parser.add_argument("--no-xlsx", action="store_true", help="leave out the Excel export")
    parser.add_argument(
        "--profile",
        choices=["auto", "always", "never"],
        default="auto",
        help="profile the CSV export at --small rows (auto: when it is more than 3x COPY there)",
    )
    parser.add_argument("--seed", type=int, default=2022, help="random seed of the feedback rows")
    parser.add_argument("--child-timeout", type=float, default=600.0, help="seconds one measurement may take")
    parser.add_argument("--keep", action="store_true", help="keep the bench database afterwards")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    parser.add_argument("--query", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child_main(args)
    if not 0 < args.small < args.large:
        parser.error("--small must be above 0 and below --large")

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.monotonic()
    temp = Path(tempfile.mkdtemp(prefix="safer-bench-export-"))
    database_made = False
    try:
        say("Feedback exports against COPY, and the feedback dashboard, on PostgreSQL")
        postgres_version = database_prepare(args.database_url)
        database_made = True
        machine_report(postgres_version=postgres_version, packages=("psycopg", "openpyxl", "django-taggit"))
        say()
        say(f"Preparing {urlsplit(args.database_url).path.lstrip('/')}")
        env = local_env(database_url=args.database_url, temp=temp)
        manage("migrate", "--noinput", env=env)
        seed_demo(env=env)
        django_setup(env)
        from django.utils import timezone

        # The children run as production does: DEBUG=false, so no query log.
        child_env = local_env(database_url=args.database_url, temp=temp, debug=False)
        maker = Maker(seed=args.seed, now=timezone.now())
        suggested = sum(len(item.suggestions) for item in maker.pool) / len(maker.pool)
        say(
            f"  texts: {len(maker.pool)} ({len(maker.pool) // 2} labelled comments and as many recombined),"
            f" {suggested:.2f} suggested themes each; {len(maker.wards)} wards, {len(maker.surveys)} surveys"
        )
        tag_ids = tags_create()
        query = temp / "copy.sql"
        query.write_text(copy_query())

        say()
        say(f"Loading {args.small:,} rows of feedback")
        feedback_load(maker, total=args.small, tag_ids=tag_ids)
        small = measure_size(args, size=args.small, env=child_env, temp=temp, query=query)
        # Where the time goes is the same at any size; it is profiled at the small one, which is quick.
        if args.profile == "always" or (args.profile == "auto" and small.ratio > GOAL_COPY_RATIO):
            profile_report(args, env=child_env, temp=temp, size=args.small)

        say()
        say(f"Topping up to {args.large:,} rows")
        feedback_load(maker, total=args.large, tag_ids=tag_ids)
        large = measure_size(args, size=args.large, env=child_env, temp=temp, query=query)

        dashboard = dashboard_measure(args.dashboard_runs)
        if dashboard:
            report_dashboard(args.large, dashboard)

        missed = goals(small, large, dashboard)
        say()
        say(f"Load average after the run: {load_average()}; the whole run took {time.monotonic() - started:.0f} s")
        if missed:
            say(f"{len(missed)} goal(s) not met.")
        return 0
    finally:
        if "django" in sys.modules:
            from django.db import connections

            connections.close_all()
        if database_made and not args.keep:
            database_drop(args.database_url)
        elif database_made:
            say(f"Kept the database: {args.database_url}")
        shutil.rmtree(temp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
