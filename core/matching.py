"""Matching word lists against free text: the theme suggester and the safeguarding phrases.

Deliberately simple and explainable, so an officer can see why a theme was suggested and
change the word list in the admin:

- Text and phrases are normalised the same way first (`normalise`): Unicode NFKC, case folded,
  accents on Latin letters dropped (people type Polish without them on an English keyboard),
  the Arabic script's letter variants made one (ی/ي/ى/ے, ک/ك, ہ/ھ/ه/ة, أ/إ/آ/ا, ں/ن), its
  vowel marks and the tatweel removed, the Gurmukhi and Gujarati nukta and Gurmukhi's addak
  (often left out) removed, and invisible characters (ZWNJ, ZWJ, zero-width spaces, direction
  marks) removed, so the same word typed on two keyboards is the same word.
- Text is split into words: letters, digits and the combining marks that belong to them, so a
  Gujarati or Gurmukhi word keeps its vowel signs and virama.
- Each phrase has a language. In a language Snowball has a stemmer for (English, Polish,
  Arabic) its words are compared by their stem in that language, so "school" matches
  "schools". In the others (Gujarati, Punjabi, Urdu, Somali) words are compared exactly.
- A word in a phrase that ends with `*` matches every word starting with it, in any language,
  for families the stemmer keeps apart ("exclu*" matches "excluded" and "exclusion") and for
  the endings of languages without a stemmer.
- A phrase of several words matches only those words in that order.

Every text is checked against the phrases of every language, whatever page it came from:
people mix languages and type English on a Polish page.

The matcher is built once from the word list and reused; it does no database work.
"""

import re
import unicodedata
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from django.core.cache import cache
from django.utils import timezone

# --- Normalising text ------------------------------------------------------------------------

ENGLISH = "en"

# Snowball's stemmers for the site's languages, by the language code before any region.
STEMMERS = {"en": "english", "pl": "polish", "ar": "arabic"}


# The Unicode category of every character of the Basic Multilingual Plane, read once.
_CATEGORIES = [unicodedata.category(chr(code)) for code in range(0x10000)]


def _normalise_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord("_"): " "}
    # Invisible format characters: ZWNJ, ZWJ, zero-width space, direction marks, soft hyphen,
    # byte order mark. Removed, so a word with one inside is still the word.
    for code, category in enumerate(_CATEGORIES):
        if category == "Cf":
            table[code] = None
    # Accents on Latin letters (after case folding): "ą" is "a", "ł" is "l".
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        base = unicodedata.normalize("NFD", chr(code))
        if base[0].isascii() and base[0].isalpha() and all(0x300 <= ord(c) < 0x370 for c in base[1:]):
            table[code] = base[0].lower()
    table.update({ord("ł"): "l", ord("ø"): "o", ord("đ"): "d", ord("ħ"): "h", ord("ı"): "i"})
    for code in range(0x300, 0x370):  # combining accents left over
        table[code] = None
    # The Arabic script: vowel marks (harakat), Quranic marks and the tatweel are removed ...
    for first, last in ((0x610, 0x61A), (0x64B, 0x65F), (0x670, 0x670), (0x6D6, 0x6DC), (0x6DF, 0x6E8)):
        for code in range(first, last + 1):
            table[code] = None
    for code in (*range(0x6EA, 0x6EE), 0x640):
        table[code] = None
    # ... and letters typed differently on Arabic, Persian and Urdu keyboards made one.
    variants = {
        "ا": "أإآٱٲٳ",  # alef with hamza or madda: often typed bare
        "ي": "یىئۍێےۓ",  # Farsi/Urdu yeh, alef maksura, yeh with hamza, Urdu yeh barree
        "ك": "کڪ",  # keheh (Urdu, Persian) and swash kaf
        "ه": "ہھۀۂەةۃ",  # heh goal, do-chashmi heh, teh marbuta (often typed as heh)
        "و": "ؤ",
        "ن": "ں",  # noon ghunna: a Persian or Arabic keyboard has only noon
    }
    for target, sources in variants.items():
        for source in sources:
            table[ord(source)] = target
    # Gurmukhi and Gujarati marks often left out when typing: the nukta (ਖ਼, ਜ਼, ਸ਼ come apart
    # into letter and nukta under NFKC) and Gurmukhi's addak; Gurmukhi's bindi and tippi, both
    # nasal, are one.
    table.update({0xA3C: None, 0xA71: None, 0xABC: None, 0xA02: "\u0a70"})
    # Digits of the Arabic, Urdu, Gujarati and Gurmukhi scripts are 0-9.
    for zero in (0x660, 0x6F0, 0xAE6, 0xA66):
        for digit in range(10):
            table[zero + digit] = str(digit)
    return table


_TABLE = _normalise_table()


def normalise(text: str) -> str:
    """The text as it is matched: NFKC, case folded, script variants and invisible characters
    made one (see the module's docstring)."""
    if text.isascii():
        return text.lower().replace("_", " ")
    return unicodedata.normalize("NFKC", text).casefold().translate(_TABLE)


def _class_ranges(codes) -> str:
    """Code points as regex class ranges, neighbours joined."""
    ranges: list[tuple[int, int]] = []
    for code in sorted(codes):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return "".join(f"\\u{first:04x}-\\u{last:04x}" for first, last in ranges)


# Every combining mark (Unicode categories Mn, Mc, Me): Python's \w leaves out the vowel signs
# and virama of Gujarati and Gurmukhi, which are part of words.
_MARKS = {code for code, category in enumerate(_CATEGORIES) if category[0] == "M"}

# A word is a run of letters, digits and combining marks ("_" is made a space by `normalise`).
_WORD = re.compile(f"[\\w{_class_ranges(_MARKS)}]+")


def words(text: str) -> list[str]:
    """The normalised words of a text."""
    return _WORD.findall(normalise(text))


# A word as typed: also the characters `normalise` removes (ZWNJ, vowel marks, tatweel), so the
# text splits into the same words before normalising as after.
_REMOVED = {code for code, target in _TABLE.items() if target is None}
_TYPED_WORD = re.compile(f"[\\w{_class_ranges(_MARKS | _REMOVED)}]+")


@lru_cache(maxsize=200_000)
def _word_normalised(word: str) -> str:
    """A word typed (already NFKC and case folded) as it is matched; kept, as words recur."""
    return word.translate(_TABLE)


def words_as_typed(text: str) -> tuple[list[str], list[str]]:
    """The words of a text as typed (NFKC, case folded) and normalised, side by side: matches
    are made on the normalised words and shown as typed, so an Urdu phrase reads as Urdu."""
    if text.isascii():
        found = words(text)
        return found, found
    typed = _TYPED_WORD.findall(unicodedata.normalize("NFKC", text).casefold().replace("_", " "))
    normalised = [_word_normalised(word) for word in typed]
    if "" in normalised:  # a "word" of invisible characters only
        kept = [(word, normal) for word, normal in zip(typed, normalised, strict=True) if normal]
        typed, normalised = [word for word, _ in kept], [normal for _, normal in kept]
    return typed, normalised


# --- Stemming, per language --------------------------------------------------------------------


# The script each stemmer works on.
STEMMER_SCRIPTS = {"english": "latin", "polish": "latin", "arabic": "arabic"}


def script_of(word: str) -> str:
    """ "latin", "arabic" or "other", by the word's first letter."""
    first = ord(word[0])
    if first < 0x370:
        return "latin"
    if 0x600 <= first < 0x780 or 0x8A0 <= first < 0x900 or 0xFB50 <= first < 0xFF00:
        return "arabic"
    return "other"


def stemmer_for(language: str) -> str | None:
    """The Snowball algorithm for a language code ("en-gb" -> "english"), or None."""
    return STEMMERS.get(language.split("-")[0].lower())


def _same(word: str) -> str:
    return word


_stem_functions: dict[str | None, Callable[[str], str]] = {None: _same}


def stem_function(algorithm: str | None) -> Callable[[str], str]:
    """A cached stemmer for the algorithm (None: words stay as they are)."""
    function = _stem_functions.get(algorithm)
    if function is None:
        stemmer = snowballstemmer.stemmer(algorithm)
        if hasattr(stemmer, "maxCacheSize"):
            stemmer.maxCacheSize = 0  # PyStemmer's own cache: the lru_cache below does that job
        function = lru_cache(maxsize=200_000)(stemmer.stemWord)
        _stem_functions[algorithm] = function
    return function


def stem(word: str) -> str:
    """A word's English stem."""
    return stem_function("english")(word)


def stem_cache_clear() -> None:
    """Forget every stem worked out so far, and every matcher's memo of words (for benchmarks)."""
    _word_normalised.cache_clear()
    for function in _stem_functions.values():
        if function is not _same:
            function.cache_clear()
    for matcher in list(_all_matchers):
        matcher.memo_clear()


def stems_cached() -> int:
    return sum(function.cache_info().currsize for function in _stem_functions.values() if function is not _same)


# --- Matching ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Pattern:
    value: str
    is_prefix: bool
    algorithm: str | None = None  # the stemmer its value was made with (None: the word itself)


@dataclass(frozen=True)
class Entry:
    """One phrase of a word list: what it signals (`key`), how strongly (`weight`) and the
    language it is written in (a code from settings.LANGUAGES)."""

    phrase: str
    key: object
    weight: float = 1.0
    language: str = ENGLISH


@dataclass(frozen=True)
class Hit:
    entry: Entry
    text: str  # the words of the text that matched, as typed (case folded)


def _compile(phrase: str, language: str = ENGLISH) -> tuple[_Pattern, ...]:
    algorithm = stemmer_for(language)
    stemmed = stem_function(algorithm)
    patterns = []
    for part in normalise(phrase).split():
        if part.endswith("*") and len(part) > 1:
            # "ex-offender*" is "ex" then the prefix "offender", as the text's words are split.
            *leading, last = _WORD.findall(part[:-1]) or [""]
            patterns.extend(_Pattern(stemmed(word), False, algorithm) for word in leading)
            patterns.append(_Pattern(last, True))
        else:
            for word in _WORD.findall(part):
                patterns.append(_Pattern(stemmed(word), False, algorithm))
    return tuple(patterns)


class Matcher:
    """Finds the phrases of a word list in texts. Build once, call `hits(text)` many times.

    Which phrases may start at a word depends on the word alone (its stem in each language, its
    prefixes), so that is worked out once per distinct word and kept: a text then costs one
    look-up per word, however many languages are loaded."""

    # Distinct words whose candidate phrases are kept; past this the memo starts again.
    MEMO_SIZE = 200_000

    def __init__(self, entries: Iterable[Entry]):
        # First word of each phrase -> the phrases starting with it, per stemmer.
        self._by_stem: dict[str | None, dict[str, list[tuple[Entry, tuple[_Pattern, ...]]]]] = {}
        self._by_prefix: dict[str, list[tuple[Entry, tuple[_Pattern, ...]]]] = {}
        for entry in entries:
            patterns = _compile(entry.phrase, entry.language)
            if not patterns or not patterns[0].value:
                continue
            first = patterns[0]
            index = self._by_prefix if first.is_prefix else self._by_stem.setdefault(first.algorithm, {})
            index.setdefault(first.value, []).append((entry, patterns))
        self._first_word = [
            (STEMMER_SCRIPTS.get(algorithm), stem_function(algorithm), index)
            for algorithm, index in self._by_stem.items()
        ]
        # The prefixes' lengths by their first letter: a word is only cut at lengths that can match.
        lengths: dict[str, set[int]] = {}
        for prefix in self._by_prefix:
            lengths.setdefault(prefix[0], set()).add(len(prefix))
        self._prefix_lengths = {letter: sorted(found) for letter, found in lengths.items()}
        self._memo: dict[str, tuple[tuple[Entry, tuple[_Pattern, ...]], ...]] = {}
        _all_matchers.add(self)

    def _starting_at(self, word: str) -> tuple[tuple[Entry, tuple[_Pattern, ...]], ...]:
        """The phrases whose first word matches this word."""
        candidates = self._memo.get(word)
        if candidates is None:
            found = []
            script = script_of(word)
            for stem_script, stemmed, index in self._first_word:
                # A stemmer leaves a word of another script as it is, so it cannot match there.
                if stem_script is None or stem_script == script:
                    found.extend(index.get(stemmed(word), ()))
            for length in self._prefix_lengths.get(word[0], ()):
                if length > len(word):
                    break
                found.extend(self._by_prefix.get(word[:length], ()))
            candidates = tuple(found)
            if len(self._memo) >= self.MEMO_SIZE:
                self._memo.clear()
            self._memo[word] = candidates
        return candidates

    def memo_clear(self) -> None:
        self._memo.clear()

    def hits(self, text: str) -> list[Hit]:
        """Every phrase found in the text, each once, with the words that matched it as typed."""
        typed, text_words = words_as_typed(text)
        count = len(text_words)
        found: dict[Entry, tuple[int, int]] = {}
        for i, word in enumerate(text_words):
            candidates = self._memo.get(word)
            if candidates is None:
                candidates = self._starting_at(word)
            for entry, patterns in candidates:
                if entry in found:
                    continue
                end = i + len(patterns)
                if end > count:
                    continue
                if all(
                    text_words[i + offset].startswith(pattern.value)
                    if pattern.is_prefix
                    else stem_function(pattern.algorithm)(text_words[i + offset]) == pattern.value
                    for offset, pattern in enumerate(patterns[1:], 1)
                ):
                    found[entry] = (i, end)
        return [Hit(entry=entry, text=" ".join(typed[i:end])) for entry, (i, end) in found.items()]


_all_matchers: weakref.WeakSet[Matcher] = weakref.WeakSet()


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
