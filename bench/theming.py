"""Benchmark the theme suggester: the word list alone, the learned model alone, and the two
combined (consultation/learning.py, consultation/suggester.py), for quality, speed and training.

    .venv/bin/python bench/theming.py [--texts 20000] [--train-items 100000] [--seed 2022] [--errors]

Everything is built in memory: the starting word list (consultation.wordlists.THEME_KEYWORDS),
the model trained as `themes_train --csv-only` trains it. No database, no cache, no queue.

(a) quality on comments never used to train or tune ("model alone" is the model's probability,
    which reads the word list's scores among its features): the model is trained on
    tests/data/labelled_feedback.csv and tests/data/labelled_feedback_more.csv (cross-validation
    on those chooses the combination rule), then all three are scored on
    bench/data/held_out_feedback.csv, which nothing else in the project reads (bench/README.md
    says how it was kept apart). Precision, recall and F1 per theme, side by side.
(b) throughput on one core: suggestions (word list + model + the rule) for --texts feedback
    texts made by recombining sentences of the training comments; one text at a time, as a
    submission is processed, and in batches of 500, as `suggest_themes --all` could; with and
    without the explanations (the words that weighed most) for the suggested themes.
(c) training: --train-items confirmed items (the training comments, one to three of them run
    together with their themes joined, fixed seed), the whole run as the nightly task does it
    (vocabulary, five-fold cross-validation, the rule, the final fit); time and peak memory.
(d) the model stored and loaded back: its size and the time to load it, as each process does
    when a new version is kept.

--errors lists the held-out comments the combination gets wrong, for reading, not for tuning.
Missed goals are reported, not enforced.
"""

import argparse
import csv
import datetime
import os
import platform
import random
import re
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402

from bench.common import _memory, _proc_field, say  # noqa: E402
from consultation import learning  # noqa: E402
from consultation.suggester import suggest_with, word_list_scores  # noqa: E402
from consultation.wordlists import THEME_KEYWORDS  # noqa: E402
from core import matching  # noqa: E402

TRAINING = [REPO / "tests" / "data" / "labelled_feedback.csv", REPO / "tests" / "data" / "labelled_feedback_more.csv"]
HELD_OUT = REPO / "bench" / "data" / "held_out_feedback.csv"
THEMES = list(THEME_KEYWORDS)
MIN_EXAMPLES = 20  # THEME_MODEL_MIN_EXAMPLES_PER_THEME's default
GOAL_TEXTS_PER_SECOND = 5_000
GOAL_MACRO_F1 = 0.88
GOAL_THEME_F1 = 0.80
GOAL_TRAINING_SECONDS = 60
BATCH = 500
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


# --- The machine --------------------------------------------------------------------------


def machine_report() -> None:
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    one, five, fifteen = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    say(f"Date:        {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M:%S %Z}")
    say(f"CPU:         {_proc_field('/proc/cpuinfo', 'model name')}, {os.cpu_count()} cores ({usable} usable)")
    say(f"Memory:      {_memory()}")
    say(f"OS:          {platform.system()} {platform.release()}")
    say(f"Python:      {platform.python_version()} ({platform.python_implementation()})")
    import scipy
    import sklearn

    say(f"Libraries:   scikit-learn {sklearn.__version__}, numpy {np.__version__}, scipy {scipy.__version__}")
    say(f"Load:        {one:.2f} {five:.2f} {fifteen:.2f} (1, 5, 15 min)")


def pin_to_one_core() -> str:
    """Run on a single CPU so the figures are per core, whatever else the machine does."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity on this system)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    # The linear algebra libraries would otherwise start threads for cores it may not use.
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)
    except ImportError:
        pass
    return f"pinned to CPU {cpu}"


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- Data ---------------------------------------------------------------------------------


def load_labelled(path: Path) -> list[tuple[str, set[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["text"], {t for t in row["themes"].split(";") if t}) for row in csv.DictReader(handle)]


def build_matcher() -> matching.Matcher:
    return matching.Matcher(
        matching.Entry(phrase, key=slug, weight=weight)
        for slug, keywords in THEME_KEYWORDS.items()
        for phrase, weight in keywords
    )


def train(matcher, examples, **kwargs) -> learning.Trained:
    return learning.theme_model_train(
        texts=[text for text, _ in examples],
        labels=[themes for _, themes in examples],
        word_scores=lambda some: word_list_scores(matcher, some, THEMES)[0],
        themes=THEMES,
        min_examples=MIN_EXAMPLES,
        **kwargs,
    )


def generate_texts(comments: list[str], count: int, seed: int) -> list[str]:
    """Feedback-like texts: one to four sentences drawn from the comments, in a new order."""
    rng = random.Random(seed)
    sentences = [s for comment in comments for s in _SENTENCE_END.split(comment) if s]
    texts = []
    for _ in range(count):
        if rng.random() < 0.3:
            texts.append(rng.choice(comments))
        else:
            texts.append(" ".join(rng.choices(sentences, k=rng.randint(1, 4))))
    return texts


def generate_items(examples, count: int, seed: int) -> list[tuple[str, set[str]]]:
    """Confirmed items: one to three labelled comments run together, their themes joined."""
    rng = random.Random(seed)
    items = []
    for _ in range(count):
        parts = rng.choices(examples, k=rng.choice((1, 1, 2, 3)))
        items.append((" ".join(text for text, _ in parts), set().union(*(themes for _, themes in parts))))
    return items


# --- (a) Quality --------------------------------------------------------------------------


def table_of(suggested_sets: list[set[str]], examples) -> dict[str, learning.ThemeFigures]:
    truth = learning.truth_matrix([themes for _, themes in examples], THEMES)
    suggested = np.array([[slug in found for slug in THEMES] for found in suggested_sets], dtype=bool)
    return learning.figures(truth, suggested, THEMES, THEMES)


def quality(matcher, trained: learning.Trained, held_out) -> dict[str, float]:
    model = trained.model
    texts = [text for text, _ in held_out]
    word_list = [{s.key for s in matching.suggest(matcher, text, threshold=1.0)} for text in texts]
    scores, _ = word_list_scores(matcher, texts, THEMES)
    probabilities = model.probabilities(texts, scores)
    alone_rule = trained.model_alone_rule
    _, alone = learning.combine(alone_rule, THEMES, model.learned, probabilities, scores)
    model_alone = [{THEMES[j] for j in np.flatnonzero(row)} for row in alone]
    combined = [{s.slug for s in row} for row in suggest_with(matcher, THEMES, model, texts)]
    tables = {
        "word list alone": table_of(word_list, held_out),
        "model alone": table_of(model_alone, held_out),
        "combined": table_of(combined, held_out),
    }
    tags = sum(len(themes) for _, themes in held_out)
    say(f"Held out:    {len(held_out)} comments, {tags} tags ({HELD_OUT.relative_to(REPO)})")
    say()
    names = list(tables)
    say(f"{'':<33}" + "".join(f"{name:>21}" for name in names))
    say(f"{'theme':<26}{'tagged':>7}" + f"{'P':>7}{'R':>7}{'F1':>7}" * len(names))
    for slug in THEMES:
        cells = "".join(
            f"{tables[n][slug].precision:>7.2f}{tables[n][slug].recall:>7.2f}{tables[n][slug].f1:>7.2f}" for n in names
        )
        say(f"{slug:<26}{tables[names[0]][slug].examples:>7}{cells}")
    macro = {name: learning.macro_f1(table) for name, table in tables.items()}
    say(f"{'macro-F1':<33}" + "".join(f"{macro[n]:>21.3f}" for n in names))
    say()
    worst = min(tables["combined"].values(), key=lambda row: row.f1)
    worst_slug = next(slug for slug, row in tables["combined"].items() if row is worst)
    verdict = "met" if macro["combined"] >= GOAL_MACRO_F1 else "MISSED"
    say(f"Combined macro-F1 {macro['combined']:.3f}   goal: >= {GOAL_MACRO_F1}   {verdict}")
    verdict = "met" if worst.f1 >= GOAL_THEME_F1 else "MISSED"
    say(f"Weakest theme {worst_slug} F1 {worst.f1:.3f}   goal: every theme >= {GOAL_THEME_F1}   {verdict}")
    return macro


def errors(matcher, model: learning.Model, held_out) -> None:
    texts = [text for text, _ in held_out]
    for (text, expected), row in zip(held_out, suggest_with(matcher, THEMES, model, texts), strict=True):
        got = {s.slug for s in row}
        if got == expected:
            continue
        say(f"- {text}")
        say(f"    tagged {sorted(expected)}; missing {sorted(expected - got)}; extra {sorted(got - expected)}")
        for suggestion in row:
            reasons = f"{list(suggestion.matched)} {list(suggestion.weighed)[:4]}"
            say(f"    {suggestion.slug} {suggestion.score:.2f}: {reasons}")


# --- (b) Throughput -----------------------------------------------------------------------


def throughput(matcher, model: learning.Model, texts: list[str]) -> None:
    words = sum(len(matching.words(text)) for text in texts)
    say(f"Texts:       {len(texts):,} ({words / len(texts):.1f} words on average)")
    say("Each figure is the best of three runs; CPU texts/s counts this process's CPU time only, which")
    say("other work on a shared machine disturbs less than the clock (it still slows the caches).")
    say()
    goal = f"goal: >= {GOAL_TEXTS_PER_SECOND:,} texts/s"
    say(f"{'':<44}{'texts/s':>9}{'µs/text':>10}{'CPU t/s':>9}   {goal}")

    def measure(name: str, run) -> None:
        best = cpu = float("inf")
        for _ in range(3):
            started, started_cpu = time.perf_counter(), time.process_time()
            run()
            best = min(best, time.perf_counter() - started)
            cpu = min(cpu, time.process_time() - started_cpu)
        rate = len(texts) / best
        verdict = "met" if rate >= GOAL_TEXTS_PER_SECOND else "MISSED"
        say(f"{name:<44}{rate:>9,.0f}{best / len(texts) * 1e6:>10.1f}{len(texts) / cpu:>9,.0f}   {verdict}")

    def suggestions(batch: int, explain: bool):
        def run():
            for start in range(0, len(texts), batch):
                suggest_with(matcher, THEMES, model, texts[start : start + batch], explain=explain)

        return run

    def word_list_only():
        for text in texts:
            matching.suggest(matcher, text, threshold=1.0)

    suggestions(BATCH, True)()  # warm the caches of stems and words, as a running worker has them
    measure("word list alone, one text at a time", word_list_only)
    measure("combined, one text at a time", suggestions(1, False))
    measure(f"combined, batches of {BATCH}", suggestions(BATCH, False))
    measure("combined + explanations, one at a time", suggestions(1, True))
    measure(f"combined + explanations, batches of {BATCH}", suggestions(BATCH, True))


# --- (c) Training, (d) loading ------------------------------------------------------------


def training(matcher, examples, count: int, seed: int) -> None:
    items = generate_items(examples, count, seed)
    before = peak_memory_mb()
    trained = train(matcher, items)
    after = peak_memory_mb()
    verdict = "met" if trained.seconds < GOAL_TRAINING_SECONDS else "MISSED"
    say(f"Items:       {count:,} (from {len(examples)} labelled comments, fixed seed)")
    say(
        f"Trained in   {trained.seconds:.1f} s   goal: < {GOAL_TRAINING_SECONDS} s   {verdict}   "
        f"({learning.FOLDS} folds + the final fit)"
    )
    say(f"Peak memory: {after:,.0f} MB for the process ({before:,.0f} MB before training)")
    size = len(trained.model.to_bytes())
    say(f"Model:       {size / 1e6:.1f} MB stored; {trained.model.coef_t.shape[0]:,} features")


def loading(model: learning.Model) -> None:
    data = model.to_bytes()
    times = []
    for _ in range(5):
        started = time.perf_counter()
        loaded = learning.Model.from_bytes(data)
        loaded.read("warm up", [0.0] * len(loaded.themes))
        times.append(time.perf_counter() - started)
    features = model.coef_t.shape[0]
    say(f"Model:       {len(data) / 1e3:,.0f} kB stored, {features:,} features, {len(model.learned)} themes")
    best, worst = min(times) * 1000, max(times) * 1000
    say(f"Load time:   {best:.0f} ms best of 5, {worst:.0f} ms worst (stored bytes to first suggestion)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=int, default=20_000, help="feedback texts for the throughput run")
    parser.add_argument("--train-items", type=int, default=100_000, help="confirmed items for the training run")
    parser.add_argument("--seed", type=int, default=2022, help="random seed for the generated texts")
    parser.add_argument("--errors", action="store_true", help="list the held-out comments the combination gets wrong")
    args = parser.parse_args()

    say("== Machine")
    machine_report()
    say(f"One core:    {pin_to_one_core()}")
    matcher = build_matcher()
    examples = [row for path in TRAINING for row in load_labelled(path)]
    held_out = load_labelled(HELD_OUT)

    say()
    say("== Training on the labelled comments (cross-validated, as themes_train --csv-only)")
    trained = train(matcher, examples)
    model = trained.model
    say(f"Examples:    {len(examples)} from {', '.join(str(p.relative_to(REPO)) for p in TRAINING)}")
    say(
        f"Cross-validated macro-F1: word list alone {trained.word_list_macro_f1:.3f}, model alone "
        f"{trained.model_alone_macro_f1:.3f}, combined {trained.macro_f1:.3f}"
    )
    say(f"Rule chosen: {model.rule.describe()} (alpha {model.rule.alpha}, threshold {model.rule.threshold})")
    say(f"Model alone: probability at least {trained.model_alone_rule.threshold} (its best by cross-validation)")

    say()
    say("== (a) Quality on the held-out comments")
    quality(matcher, trained, held_out)

    say()
    say("== (b) Throughput, one core")
    throughput(matcher, model, generate_texts([text for text, _ in examples], args.texts, args.seed))

    say()
    say("== (c) Training on many confirmed items, one core")
    training(matcher, examples, args.train_items, args.seed)

    say()
    say("== (d) Loading the stored model")
    loading(model)

    if args.errors:
        say()
        say("== Held-out comments the combination gets wrong")
        errors(matcher, model, held_out)


if __name__ == "__main__":
    main()
