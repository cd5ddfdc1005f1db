"""How often the starting word list suggests the themes an officer would tag.

tests/data/labelled_feedback.csv holds comments of the kind residents, young people, parents and
community workers send, each tagged by hand with the themes a careful officer would give it.
The tags come first: when a word list change makes these tests fail, change the word list, not
the tags. bench/theming.py prints the same figures per theme, and lists the disagreements.

No database: the matcher is built straight from consultation.wordlists.THEME_KEYWORDS.
"""

import csv
from collections import Counter
from pathlib import Path

from consultation.wordlists import THEME_KEYWORDS
from core.matching import Entry, Matcher, _compile, suggest

LABELLED = Path(__file__).resolve().parent.parent / "data" / "labelled_feedback.csv"
MIN_MACRO_F1 = 0.8
MIN_COMMENTS_PER_THEME = 20


def _labelled() -> list[tuple[str, set[str]]]:
    with LABELLED.open(encoding="utf-8", newline="") as handle:
        return [(row["text"], set(row["themes"].split(";"))) for row in csv.DictReader(handle)]


def _matcher() -> Matcher:
    return Matcher(
        Entry(phrase, key=slug, weight=weight)
        for slug, keywords in THEME_KEYWORDS.items()
        for phrase, weight in keywords
    )


def _f1(true_positives: int, false_positives: int, false_negatives: int) -> float:
    denominator = 2 * true_positives + false_positives + false_negatives
    return 2 * true_positives / denominator if denominator else 0.0


def test_every_comment_is_tagged_with_known_themes():
    for text, themes in _labelled():
        assert text.strip(), "empty comment"
        assert themes and themes <= set(THEME_KEYWORDS), f"unknown or missing theme for {text!r}: {themes}"


def test_every_theme_has_at_least_20_labelled_comments():
    counts = Counter(theme for _, themes in _labelled() for theme in themes)
    assert {slug: counts[slug] for slug in THEME_KEYWORDS if counts[slug] < MIN_COMMENTS_PER_THEME} == {}


def test_suggestions_agree_with_the_officers_tags():
    matcher = _matcher()
    counts = {slug: Counter() for slug in THEME_KEYWORDS}
    for text, expected in _labelled():
        suggested = {suggestion.key for suggestion in suggest(matcher, text, threshold=1.0)}
        for slug, count in counts.items():
            if slug in suggested:
                count["tp" if slug in expected else "fp"] += 1
            elif slug in expected:
                count["fn"] += 1
    f1 = {slug: _f1(count["tp"], count["fp"], count["fn"]) for slug, count in counts.items()}
    macro_f1 = sum(f1.values()) / len(f1)
    assert macro_f1 >= MIN_MACRO_F1, f"macro-averaged F1 {macro_f1:.3f} < {MIN_MACRO_F1}; per theme: {f1}"


def test_no_theme_lists_the_same_phrase_twice():
    """Two forms with one stem ("family", "families") would count the same word twice."""
    for slug, keywords in THEME_KEYWORDS.items():
        compiled = Counter(_compile(phrase) for phrase, _ in keywords)
        assert [pattern for pattern, n in compiled.items() if n > 1] == [], slug


def test_the_held_out_comments_are_read_by_the_benchmark_alone():
    """bench/data/held_out_feedback.csv scores the suggester on comments nothing trained or tuned
    on: only bench/theming.py's final scoring reads it (bench/README.md says how it was kept
    apart). A test, a command or a default that read it would quietly make it training data."""
    import subprocess

    repo = LABELLED.parents[2]
    files = subprocess.run(["git", "ls-files"], cwd=repo, capture_output=True, text=True, check=True).stdout.split()
    readers = sorted(
        name
        for name in files
        if name.endswith((".py", ".html", ".toml", ".cfg", ".yml", ".yaml", "Makefile"))
        and "held_out_feedback" in (repo / name).read_text(encoding="utf-8", errors="ignore")
        and name != "tests/consultation/test_theming_quality.py"
    )
    assert readers == ["bench/theming.py"]
