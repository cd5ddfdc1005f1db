"""Matching word lists against free text: the theme suggester and the safeguarding phrases.

Deliberately simple and explainable, so an officer can see why a theme was suggested and
change the word list in the admin:

- Text is split into lower-case words; each word is reduced to its stem (Snowball English
  stemmer), so "school" matches "schools" and "mentoring" matches "mentor".
- A word in a phrase that ends with `*` matches every word starting with it, for families
  the stemmer keeps apart: "exclu*" matches "excluded" and "exclusion".
- A phrase of several words matches only those words in that order.

The matcher is built once from the word list and reused; it does no database work.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from django.core.cache import cache
from django.utils import timezone

_WORD = re.compile(r"[a-z0-9]+")
_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def words(text: str) -> list[str]:
    """Lower-case words of a text; curly apostrophes and accents are not special."""
    return _WORD.findall(text.lower().replace("’", "'"))


@dataclass(frozen=True)
class _Pattern:
    value: str
    is_prefix: bool

    def matches(self, word: str, word_stem: str) -> bool:
        return word.startswith(self.value) if self.is_prefix else word_stem == self.value


@dataclass(frozen=True)
class Entry:
    """One phrase of a word list: what it signals (`key`) and how strongly (`weight`)."""

    phrase: str
    key: object
    weight: float = 1.0


@dataclass(frozen=True)
class Hit:
    entry: Entry
    text: str  # the words of the text that matched


def _compile(phrase: str) -> tuple[_Pattern, ...]:
    patterns = []
    for part in phrase.lower().split():
        if part.endswith("*") and len(part) > 1:
            # "ex-offender*" is "ex" then the prefix "offender", as the text's words are split.
            *leading, last = words(part[:-1]) or [""]
            patterns.extend(_Pattern(stem(word), False) for word in leading)
            patterns.append(_Pattern(last, True))
        else:
            for word in words(part):
                patterns.append(_Pattern(stem(word), False))
    return tuple(patterns)


class Matcher:
    """Finds the phrases of a word list in texts. Build once, call `hits(text)` many times."""

    def __init__(self, entries: Iterable[Entry]):
        self._by_stem: dict[str, list[tuple[Entry, tuple[_Pattern, ...]]]] = {}
        self._by_prefix: dict[str, list[tuple[Entry, tuple[_Pattern, ...]]]] = {}
        for entry in entries:
            patterns = _compile(entry.phrase)
            if not patterns or not patterns[0].value:
                continue
            first = patterns[0]
            index = self._by_prefix if first.is_prefix else self._by_stem
            index.setdefault(first.value, []).append((entry, patterns))
        self._prefix_lengths = sorted({len(prefix) for prefix in self._by_prefix})

    def hits(self, text: str) -> list[Hit]:
        """Every phrase found in the text, each once, with the words that matched it."""
        text_words = words(text)
        stems = [stem(word) for word in text_words]
        found: dict[Entry, Hit] = {}
        for i, (word, word_stem) in enumerate(zip(text_words, stems, strict=True)):
            candidates = list(self._by_stem.get(word_stem, ()))
            for length in self._prefix_lengths:
                if length > len(word):
                    break
                candidates.extend(self._by_prefix.get(word[:length], ()))
            for entry, patterns in candidates:
                if entry in found:
                    continue
                end = i + len(patterns)
                if end > len(text_words):
                    continue
                if all(
                    pattern.matches(text_words[i + offset], stems[i + offset])
                    for offset, pattern in enumerate(patterns)
                ):
                    found[entry] = Hit(entry=entry, text=" ".join(text_words[i:end]))
        return list(found.values())


@dataclass(frozen=True)
class Suggestion:
    key: object
    score: float
    matched: tuple[str, ...]


# A theme is suggested when the weights of its matched phrases add up to at least this.
SUGGESTION_THRESHOLD = 1.0


def suggest(matcher: Matcher, text: str, threshold: float = SUGGESTION_THRESHOLD) -> list[Suggestion]:
    """Themes (the entries' keys) whose matched phrases weigh at least `threshold`, best first."""
    scores: dict[object, float] = {}
    matched: dict[object, list[str]] = {}
    for hit in matcher.hits(text):
        scores[hit.entry.key] = scores.get(hit.entry.key, 0.0) + hit.entry.weight
        matched.setdefault(hit.entry.key, []).append(hit.text)
    return sorted(
        (
            Suggestion(key=key, score=score, matched=tuple(matched[key]))
            for key, score in scores.items()
            if score >= threshold
        ),
        key=lambda suggestion: -suggestion.score,
    )


# --- Matchers built from word lists in the database, kept per process ------------------------

_WORDLIST_VERSION_KEY = "core:wordlists:version"
_matchers: dict[str, tuple[object, Matcher]] = {}


def wordlists_changed() -> None:
    """Tell every process to rebuild its matchers (called when staff edit a word list)."""
    cache.set(_WORDLIST_VERSION_KEY, timezone.now().timestamp(), None)


def matcher_cached(name: str, build) -> Matcher:
    """The matcher called `name`, built from `build()` (a list of Entry) and kept in this
    process until a word list changes anywhere (`wordlists_changed`)."""
    version = cache.get(_WORDLIST_VERSION_KEY)
    cached = _matchers.get(name)
    if cached is None or cached[0] != version:
        cached = (version, Matcher(build()))
        _matchers[name] = cached
    return cached[1]
