"""Benchmark the police data import against Python's csv module merely reading the same file.

    .venv/bin/python bench/police_import.py [--rows 1000000] [--small 250000] [--repeat 2] [--keep]

Creates its own database (`--database-url`, its name must contain `bench`; dropped at the end
unless --keep) and runs migrate. Writes two files in the data.police.uk street-level format
into a temporary folder: --small rows and --rows rows, 24 months, the 14 police crime types,
200 city LSOAs ("Leicester ...") and 400 from the rest of the force (ignored by the import).

For each file, in a fresh child process each time (so its peak memory is its own):
- the floor: `csv.reader` reading every row of the file, doing nothing with it;
- the import: `localpicture.imports.police_import_run` on the file, as the admin and
  `manage.py import_police_data` run it: read, check, count, and replace the months in
  PostgreSQL in one transaction.

Prints rows per second, the ratio import/floor, and each child's peak memory (VmHWM) and its
growth during the measured work. Goals: the import within 2x of the floor; memory flat in the
file size (the growth at --rows no more than 20 MB above the growth at --small). Missed goals
are reported, not enforced. The best of --repeat runs is kept.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import REPO, database_drop, database_prepare, django_setup, load_average, local_env, machine_report, say

GOAL_RATIO = 2.0
GOAL_MEMORY_GROWTH_MB = 20.0
# The format itself comes from the app, so the file is what the import expects.
sys.path.insert(0, str(REPO))
from localpicture.constants import CRIME_TYPES, POLICE_HEADER  # noqa: E402

HEADER = ",".join(POLICE_HEADER) + "\n"


def generate(path: Path, rows: int) -> None:
    """A police-format file: the same for the same number of rows."""
    rng = random.Random(2024)
    months = [f"{2022 + m // 12}-{m % 12 + 1:02d}" for m in range(24)]
    city = [(f"E0101{i:04d}", f"Leicester {i // 4 + 1:03d}{'ABCD'[i % 4]}") for i in range(200)]
    other = [
        (f"E0102{i:04d}", f"{['Charnwood', 'Blaby', 'Hinckley and Bosworth', 'Melton'][i % 4]} {i:03d}A")
        for i in range(400)
    ]
    areas = city + other
    outcomes = ["Under investigation", "Investigation complete; no suspect identified", "Unable to prosecute suspect"]
    per_month = rows // len(months) + 1
    written = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        for month in months:
            lines = []
            for _ in range(min(per_month, rows - written)):
                code, name = areas[rng.randrange(600)]
                crime_type = CRIME_TYPES[rng.randrange(len(CRIME_TYPES))]
                crime_id = "" if crime_type == "Anti-social behaviour" else f"{rng.getrandbits(128):032x}"
                outcome = "" if not crime_id else outcomes[rng.randrange(3)]
                lines.append(
                    f"{crime_id},{month},Leicestershire Police,Leicestershire Police,"
                    f"{-1.1 - rng.random() / 5:.6f},{52.6 + rng.random() / 5:.6f},On or near Some Street,"
                    f"{code},{name},{crime_type},{outcome},\n"
                )
            written += len(lines)
            out.write("".join(lines))


def _hwm_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def child_floor(path: Path) -> dict:
    import csv
    import io

    before = _rss_kb()
    started = time.perf_counter()
    rows = 0
    with path.open("rb") as raw:
        reader = csv.reader(io.TextIOWrapper(raw, encoding="utf-8-sig", newline=""))
        next(reader)
        for _ in reader:
            rows += 1
    return {"seconds": time.perf_counter() - started, "rows": rows, "before_kb": before, "peak_kb": _hwm_kb()}


def child_import(path: Path) -> dict:
    from localpicture.imports import lsoa_prefix, police_import_run
    from localpicture.models import CrimeCount, PoliceImport
    from localpicture.police import tally_files

    # For the breakdown: reading, checking and counting alone, without the database write.
    started = time.perf_counter()
    tally_files([(path, path.name)], prefix=lsoa_prefix())
    count_seconds = time.perf_counter() - started
    job = PoliceImport.objects.create(file_names=[path.name])
    before = _rss_kb()
    started = time.perf_counter()
    job = police_import_run(police_import=job, files=[(path, path.name)])
    seconds = time.perf_counter() - started
    if job.status != PoliceImport.Status.DONE:
        raise SystemExit(f"Import failed: {job.errors}")
    return {
        "seconds": seconds,
        "count_seconds": count_seconds,
        "rows": job.rows_read,
        "kept": job.rows_kept,
        "ignored": job.rows_ignored,
        "stored": CrimeCount.objects.count(),
        "before_kb": before,
        "peak_kb": _hwm_kb(),
    }


def run_child(kind: str, path: Path, env: dict) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(path)], env=env, cwd=REPO, capture_output=True, text=True
    )
    if result.returncode != 0:
        say(result.stdout)
        say(result.stderr)
        raise SystemExit(f"The {kind} child failed.")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--small", type=int, default=250_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/localpicture_bench")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        kind, path = args.child
        if kind == "import":
            django_setup({})
            print(json.dumps(child_import(Path(path))))
        else:
            print(json.dumps(child_floor(Path(path))))
        return

    postgres_version = database_prepare(args.database_url)
    machine_report(postgres_version=postgres_version, packages=())
    temp = Path(tempfile.mkdtemp(prefix="police-bench-"))
    env = local_env(database_url=args.database_url, temp=temp, debug=False, POLICE_UPLOAD_ROOT=str(temp / "up"))
    try:
        from common import manage

        manage("migrate", "--noinput", env=env)
        results = {}
        for rows in (args.small, args.rows):
            path = temp / f"{rows}-street.csv"
            started = time.perf_counter()
            generate(path, rows)
            seconds = time.perf_counter() - started
            say(f"  generated {rows:,} rows ({path.stat().st_size / 1e6:.0f} MB) in {seconds:.1f} s")
            floor = min((run_child("floor", path, env) for _ in range(args.repeat)), key=lambda r: r["seconds"])
            imported = min((run_child("import", path, env) for _ in range(args.repeat)), key=lambda r: r["seconds"])
            results[rows] = (floor, imported, path.stat().st_size)
            path.unlink()

        say()
        say(f"Load after: {load_average()}")
        say()
        say(
            "| rows | file | csv.reader rows/s | import rows/s | ratio | of which read+count | "
            "floor peak MB | import peak MB | growth MB |"
        )
        say("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for rows, (floor, imported, size) in results.items():
            ratio = imported["seconds"] / floor["seconds"]
            growth = (imported["peak_kb"] - imported["before_kb"]) / 1024
            say(
                f"| {rows:,} | {size / 1e6:.0f} MB | {floor['rows'] / floor['seconds']:,.0f} | "
                f"{imported['rows'] / imported['seconds']:,.0f} | {ratio:.2f}x | "
                f"{imported['count_seconds'] / floor['seconds']:.2f}x | {floor['peak_kb'] / 1024:.0f} | "
                f"{imported['peak_kb'] / 1024:.0f} | {growth:.1f} |"
            )
        say()
        small_floor, small_import, _ = results[args.small]
        big_floor, big_import, _ = results[args.rows]
        ratio = big_import["seconds"] / big_floor["seconds"]
        growth_small = (small_import["peak_kb"] - small_import["before_kb"]) / 1024
        growth_big = (big_import["peak_kb"] - big_import["before_kb"]) / 1024
        say(
            f"At {args.rows:,} rows: kept {big_import['kept']:,}, ignored {big_import['ignored']:,}, "
            f"{big_import['stored']:,} monthly counts stored."
        )
        verdict = "met" if ratio <= GOAL_RATIO else "MISSED"
        say(f"Goal import within {GOAL_RATIO}x of csv.reader: {ratio:.2f}x  {verdict}")
        say(
            f"Goal memory flat: growth {growth_small:.1f} MB at {args.small:,} rows, {growth_big:.1f} MB at "
            f"{args.rows:,} rows  {'met' if growth_big - growth_small <= GOAL_MEMORY_GROWTH_MB else 'MISSED'}"
        )
    finally:
        shutil.rmtree(temp, ignore_errors=True)
        if not args.keep:
            database_drop(args.database_url)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
