"""Benchmark the theme suggester: how fast it is and how often it agrees with an officer.

    .venv/bin/python bench/theming.py [--texts 100000] [--seed 2022] [--errors]

Measures the matcher itself (core/matching.py) with the starting word list
(consultation.wordlists.THEME_KEYWORDS), built in memory: no database, no cache, no queue.

(a) throughput: theme suggestions per second on one core, over --texts feedback texts made by
    recombining sentences of the labelled comments with a fixed random seed. "Cold" clears the
    stem cache first, as in a freshly started worker; "warm" runs the same texts again. As the
    texts reuse the labelled comments' words, the cache fills within the first few hundred, so
    "uncached" also times 10,000 of them with the cache emptied before each text: the worst case.
(b) quality: the suggestions for tests/data/labelled_feedback.csv (comments tagged by hand)
    against the officers' tags: precision, recall and F1 per theme, and the macro-averaged F1.

(c) every language: what each submission costs, the theme suggestions and the safeguarding
    check, with the theme keywords and safeguarding phrases of every language loaded
    (consultation.wordlists and core.safeguarding_wordlists), over texts that mix the English
    ones with sentences in Gujarati, Punjabi (both scripts), Urdu (both scripts), Polish,
    Somali and Arabic.

--errors lists every labelled comment where the suggestions and the tags differ, with the
words that matched, for tuning the word list. Missed goals are reported, not enforced.
"""

import argparse
import csv
import datetime
import os
import platform
import random
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from bench.common import _memory, _proc_field, say  # noqa: E402
from consultation.wordlists import SAFEGUARDING_PHRASES, THEME_KEYWORDS, THEME_KEYWORDS_BY_LANGUAGE  # noqa: E402
from core import matching  # noqa: E402
from core.safeguarding_wordlists import SAFEGUARDING_PHRASES_BY_LANGUAGE  # noqa: E402

LABELLED = REPO / "tests" / "data" / "labelled_feedback.csv"
GOAL_TEXTS_PER_SECOND = 5_000
GOAL_MACRO_F1 = 0.8
UNCACHED_TEXTS = 10_000
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
    say(f"Load:        {one:.2f} {five:.2f} {fifteen:.2f} (1, 5, 15 min)")


def pin_to_one_core() -> str:
    """Run on a single CPU so the figure is per core, whatever else the machine does."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity on this system)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


# --- Data ---------------------------------------------------------------------------------


def load_labelled(path: Path = LABELLED) -> list[tuple[str, set[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["text"], {t for t in row["themes"].split(";") if t}) for row in csv.DictReader(handle)]


def build_matcher() -> matching.Matcher:
    return matching.Matcher(
        matching.Entry(phrase, key=slug, weight=weight)
        for slug, keywords in THEME_KEYWORDS.items()
        for phrase, weight in keywords
    )


def generate_texts(comments: list[str], count: int, seed: int) -> list[str]:
    """Feedback-like texts: one to four sentences drawn from the labelled comments, in a new order."""
    rng = random.Random(seed)
    sentences = [s for comment in comments for s in _SENTENCE_END.split(comment) if s]
    texts = []
    for _ in range(count):
        if rng.random() < 0.3:
            texts.append(rng.choice(comments))
        else:
            texts.append(" ".join(rng.choices(sentences, k=rng.randint(1, 4))))
    return texts


# --- (a) Throughput -----------------------------------------------------------------------


def run(matcher: matching.Matcher, texts: list[str]) -> tuple[float, int]:
    suggested = 0
    started = time.perf_counter()
    for text in texts:
        suggested += len(matching.suggest(matcher, text, threshold=1.0))
    return time.perf_counter() - started, suggested


def run_uncached(matcher: matching.Matcher, texts: list[str]) -> float:
    """Every word stemmed afresh: the worst case, a text of words never seen before."""
    started = time.perf_counter()
    for text in texts:
        matching.stem_cache_clear()
        matching.suggest(matcher, text, threshold=1.0)
    return time.perf_counter() - started


def throughput(matcher: matching.Matcher, texts: list[str]) -> None:
    words = sum(len(matching.words(text)) for text in texts)
    say(f"Texts:       {len(texts):,} ({words / len(texts):.1f} words on average, {words:,} in all)")
    matching.stem_cache_clear()
    cold, suggested = run(matcher, texts)
    stems_cached = matching.stems_cached()
    warm, _ = run(matcher, texts)
    sample = texts[:UNCACHED_TEXTS]
    uncached = run_uncached(matcher, sample)
    say(f"Suggested:   {suggested:,} themes ({suggested / len(texts):.2f} per text); {stems_cached:,} stems cached")
    say()
    goal = f"goal: >= {GOAL_TEXTS_PER_SECOND:,} texts/s"
    say(f"{'':<10}{'texts':>9}{'texts/s':>11}{'µs/text':>10}{'seconds':>10}   {goal}")
    for name, count, seconds in (
        ("cold", len(texts), cold),
        ("warm", len(texts), warm),
        ("uncached", len(sample), uncached),
    ):
        rate = count / seconds
        verdict = "met" if rate >= GOAL_TEXTS_PER_SECOND else "MISSED"
        say(f"{name:<10}{count:>9,}{rate:>11,.0f}{seconds / count * 1e6:>10.1f}{seconds:>10.2f}   {verdict}")
    say("cold: stem cache emptied once before the run; warm: the same texts again;")
    say("uncached: stem cache emptied before every text, so every word is stemmed (worst case).")


# --- (b) Quality --------------------------------------------------------------------------


def scores(matcher: matching.Matcher, labelled: list[tuple[str, set[str]]]) -> dict[str, dict[str, float]]:
    """Per theme: true positives, false positives, false negatives, precision, recall, F1."""
    table = {slug: {"tp": 0, "fp": 0, "fn": 0} for slug in THEME_KEYWORDS}
    for text, expected in labelled:
        got = {s.key for s in matching.suggest(matcher, text, threshold=1.0)}
        for slug, row in table.items():
            if slug in got and slug in expected:
                row["tp"] += 1
            elif slug in got:
                row["fp"] += 1
            elif slug in expected:
                row["fn"] += 1
    for row in table.values():
        tp, fp, fn = row["tp"], row["fp"], row["fn"]
        row["precision"] = tp / (tp + fp) if tp + fp else 0.0
        row["recall"] = tp / (tp + fn) if tp + fn else 0.0
        total = row["precision"] + row["recall"]
        row["f1"] = 2 * row["precision"] * row["recall"] / total if total else 0.0
    return table


def macro_f1(table: dict[str, dict[str, float]]) -> float:
    return sum(row["f1"] for row in table.values()) / len(table)


def quality(matcher: matching.Matcher, labelled: list[tuple[str, set[str]]]) -> None:
    table = scores(matcher, labelled)
    tags = sum(len(themes) for _, themes in labelled)
    say(f"Labelled:    {len(labelled)} comments, {tags} tags ({LABELLED.relative_to(REPO)})")
    say()
    say(f"{'theme':<26}{'tagged':>7}{'precision':>11}{'recall':>8}{'F1':>7}")
    for slug, row in table.items():
        tagged = row["tp"] + row["fn"]
        say(f"{slug:<26}{tagged:>7}{row['precision']:>11.2f}{row['recall']:>8.2f}{row['f1']:>7.2f}")
    tp = sum(row["tp"] for row in table.values())
    fp = sum(row["fp"] for row in table.values())
    fn = sum(row["fn"] for row in table.values())
    precision, recall, f1 = tp / (tp + fp), tp / (tp + fn), 2 * tp / (2 * tp + fp + fn)
    say(f"{'micro-averaged':<26}{tp + fn:>7}{precision:>11.2f}{recall:>8.2f}{f1:>7.2f}")
    result = macro_f1(table)
    verdict = "met" if result >= GOAL_MACRO_F1 else "MISSED"
    say()
    say(f"Macro-averaged F1: {result:.3f}   goal: >= {GOAL_MACRO_F1}   {verdict}")


def errors(matcher: matching.Matcher, labelled: list[tuple[str, set[str]]]) -> None:
    for text, expected in labelled:
        suggestions = matching.suggest(matcher, text, threshold=1.0)
        got = {s.key for s in suggestions}
        if got == expected:
            continue
        say(f"- {text}")
        say(f"    tagged {sorted(expected)}; missing {sorted(expected - got)}; extra {sorted(got - expected)}")
        for hit in matcher.hits(text):
            say(f"    {hit.entry.key}: {hit.text!r} ({hit.entry.weight})")


# --- (c) Every language ------------------------------------------------------------------

# Everyday sentences, and a few disclosures, in the site's other languages.
SENTENCES = [
    "મારી શાળા પાસે વધુ પોલીસ હોવી જોઈએ.",
    "અમને યુવાનો માટે વધુ ક્લબ અને પાર્કમાં સારી લાઇટ જોઈએ છે.",
    "મારા સાવકા પિતા મને મારે છે.",
    "ਸਾਨੂੰ ਨੌਜਵਾਨਾਂ ਲਈ ਹੋਰ ਕਲੱਬ ਅਤੇ ਪਾਰਕ ਵਿੱਚ ਚੰਗੀ ਰੋਸ਼ਨੀ ਚਾਹੀਦੀ ਹੈ।",
    "ਚਾਕੂ ਵਾਲੇ ਜੁਰਮ ਘੱਟ ਹੋਣੇ ਚਾਹੀਦੇ ਹਨ।",
    "sanu youth club chahida aa, bache bore ho jande ne",
    "ہمیں نوجوانوں کے لیے زیادہ کلب اور پارک میں بہتر روشنی چاہیے۔",
    "چاقو کے جرائم کم ہونے چاہئیں۔",
    "mere paas chaku hai kyunki woh mujhe maar denge",
    "school ke baad kuch karne ko nahi hai",
    "Potrzebujemy więcej klubów młodzieżowych i lepszego oświetlenia w parku.",
    "Policja powinna częściej patrolować okolice szkoły.",
    "Ojczym mnie bije, kiedy jest pijany.",
    "Waxaan u baahanahay naadiyo dhallinyaro iyo nal fiican oo beerta ah.",
    "Booliska waa inay dugsiga yimaadaan.",
    "نحتاج إلى المزيد من النوادي للشباب وإضاءة أفضل في الحديقة.",
    "الشرطة يجب أن تكون أكثر في الشوارع.",
    "زوج أمي يضربني كل يوم.",
]


def every_language(texts: list[str], seed: int) -> None:
    """A submission's matching: theme suggestions and the safeguarding check, with every
    language's safeguarding phrases loaded, over texts of which half are in other languages."""
    rng = random.Random(seed)
    mixed = [text if rng.random() < 0.5 else " ".join(rng.choices(SENTENCES, k=rng.randint(1, 4))) for text in texts]
    themes = matching.Matcher(
        [
            matching.Entry(phrase, key=slug, weight=weight)
            for slug, keywords in THEME_KEYWORDS.items()
            for phrase, weight in keywords
        ]
        + [
            matching.Entry(phrase, key=slug, weight=weight, language=language)
            for language, by_theme in THEME_KEYWORDS_BY_LANGUAGE.items()
            for slug, keywords in by_theme.items()
            for phrase, weight in keywords
        ]
    )
    safeguarding = matching.Matcher(
        [matching.Entry(phrase, key=category, language="en-gb") for phrase, category in SAFEGUARDING_PHRASES]
        + [
            matching.Entry(phrase, key=category, language=language)
            for language, phrases in SAFEGUARDING_PHRASES_BY_LANGUAGE.items()
            for phrase, category in phrases
        ]
    )
    phrases = len(SAFEGUARDING_PHRASES) + sum(len(p) for p in SAFEGUARDING_PHRASES_BY_LANGUAGE.values())
    keywords = sum(len(k) for k in THEME_KEYWORDS.values()) + sum(
        len(k) for by_theme in THEME_KEYWORDS_BY_LANGUAGE.values() for k in by_theme.values()
    )
    languages = len(SAFEGUARDING_PHRASES_BY_LANGUAGE) + 1
    say(f"Word lists:  {phrases} safeguarding phrases and {keywords} theme keywords in {languages} languages")

    def once(sample: list[str], *, clear_each: bool = False) -> tuple[float, int]:
        flagged = 0
        started = time.perf_counter()
        for text in sample:
            if clear_each:
                matching.stem_cache_clear()
            matching.suggest(themes, text, threshold=1.0)
            flagged += bool(safeguarding.hits(text))
        return time.perf_counter() - started, flagged

    matching.stem_cache_clear()
    cold, flagged = once(mixed)
    warm, _ = once(mixed)
    uncached, _ = once(mixed[:UNCACHED_TEXTS], clear_each=True)
    say(f"Texts:       {len(mixed):,}, about half with sentences in other languages; {flagged:,} flagged")
    say()
    goal = f"goal: >= {GOAL_TEXTS_PER_SECOND:,} texts/s"
    say(f"{'':<10}{'texts':>9}{'texts/s':>11}{'µs/text':>10}{'seconds':>10}   {goal}")
    for name, count, seconds in (
        ("cold", len(mixed), cold),
        ("warm", len(mixed), warm),
        ("uncached", min(len(mixed), UNCACHED_TEXTS), uncached),
    ):
        rate = count / seconds
        verdict = "met" if rate >= GOAL_TEXTS_PER_SECOND else "MISSED"
        say(f"{name:<10}{count:>9,}{rate:>11,.0f}{seconds / count * 1e6:>10.1f}{seconds:>10.2f}   {verdict}")
    say("each text: theme suggestions and the safeguarding check, as for a submission.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=int, default=100_000, help="feedback texts for the throughput run")
    parser.add_argument("--seed", type=int, default=2022, help="random seed for generating the texts")
    parser.add_argument("--errors", action="store_true", help="list the labelled comments the suggester gets wrong")
    args = parser.parse_args()

    say("== Machine")
    machine_report()
    labelled = load_labelled()
    matcher = build_matcher()
    entries = sum(len(keywords) for keywords in THEME_KEYWORDS.values())
    say(f"Word list:   {entries} phrases over {len(THEME_KEYWORDS)} themes; suggestion threshold 1.0")

    say()
    say(f"== (a) Throughput, one core ({pin_to_one_core()})")
    texts = generate_texts([text for text, _ in labelled], args.texts, args.seed)
    throughput(matcher, texts)

    say()
    say("== (b) Quality against the labelled comments")
    quality(matcher, labelled)

    say()
    say("== (c) Every language: theme suggestions and the safeguarding check, one core")
    every_language(texts, args.seed)

    if args.errors:
        say()
        say("== Disagreements")
        errors(matcher, labelled)


if __name__ == "__main__":
    main()
