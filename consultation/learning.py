"""The learned half of the theme suggester: one linear classifier per theme, trained on the themes
officers confirmed, combined with the word list by a rule chosen by cross-validation.

Plain work, with no database: `theme_model_train` takes texts with their themes and a function
giving the word list's scores, and returns a `Trained` (the model, its cross-validated figures and the
rule); `Model.suggest` and `Model.explain` use it. consultation/suggester.py stores models, loads
the current one and scores feedback; the tasks and commands call that.

How it learns
    Each text becomes TF-IDF weights of its words and word pairs, and of the fragments of 3 to 5
    letters inside its words (`char_wb` n-grams: they also serve misspellings, slang and other
    languages). One logistic regression per theme (fitted by stochastic gradient descent) reads
    those weights and gives a probability.
    Each classifier also reads the word list's score of the text for every theme (capped at 1:
    `word_list_features`), so it learns how far to trust each theme's phrases and what one
    theme's phrases say about another (a school word lowers Young People a little, say).
    Nested cross-validation on the training comments chose this over the text features alone
    (bench/README.md).
    A linear model keeps it explainable: a text's score for a theme is the sum, over the words
    and fragments in it, of weight in the text x weight in the model, plus the word list's
    scores x their weights, so the few words and fragments that weighed most can be listed for
    the officer with their share (`Model.explain`), beside the word-list phrases that matched.

How it combines with the word list (the documented rule)
    For a theme with a classifier:  suggested when (1 - a) * p + a * min(w, 1) >= t,
    where p is the model's probability, w the word list's score (the weights of its matched
    phrases: 1 for a clear word, 0.5 for a hint) and a, t two numbers chosen by cross-validation:
    every pair on a grid is tried on predictions for texts the model was not trained on, and the
    pair with the best macro-F1 wins (a tie goes to the larger a, the more explainable rule). a = 0
    is the model alone; a = 1 with t > 0.5 is the word list alone, so the rule can only choose
    the model where it helps. A theme with fewer than `min_examples` confirmations has no
    classifier: it is suggested by the word list alone (w >= 1), as before.

The model never reads or decides safeguarding: disclosures are found by the reviewed phrase
lists (core/safeguarding.py) alone.
"""

import io
import math
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import NamedTuple

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer, strip_accents_unicode
from sklearn.linear_model import SGDClassifier
from sklearn.model_selection import KFold

# Word-list score that suggests a theme by itself (core.matching.SUGGESTION_THRESHOLD).
WORD_LIST_THRESHOLD = 1.0
# The grid the combination rule is chosen from.
ALPHAS = tuple(round(a * 0.1, 1) for a in range(11))
THRESHOLDS = tuple(round(0.2 + t * 0.05, 2) for t in range(13))  # 0.2 .. 0.8
FOLDS = 5
# With more examples than this, the vocabulary and the cross-validation use a random sample of
# this many (the final fit uses them all).
SAMPLE_LIMIT = 10_000
SEED = 2022
# The most features kept of each kind: enough for a city's comments, small enough to load fast.
MAX_WORD_FEATURES = 40_000
MAX_CHAR_FEATURES = 60_000
# Each theme's classifier: logistic regression fitted by stochastic gradient descent, which
# trains on 100,000 items in seconds; ALPHA is its regularisation (smaller trusts the training
# data more), chosen by cross-validation on the labelled comments; EPOCHS passes over the data.
ALPHA = 1e-4
EPOCHS = 15
# Passes enough for this many updates, between 3 and EPOCHS: many examples need fewer passes.
UPDATES = 200_000


def _epochs(examples: int) -> int:
    return max(3, min(EPOCHS, -(-UPDATES // max(examples, 1))))


_WORD_PARAMS = {
    "analyzer": "word",
    "ngram_range": (1, 2),
    "lowercase": True,
    "sublinear_tf": True,
    "strip_accents": "unicode",
    "token_pattern": r"(?u)\b\w+\b",
    "dtype": np.float32,
}
_CHAR_PARAMS = {
    "analyzer": "char_wb",
    "ngram_range": (3, 5),
    "lowercase": True,
    "sublinear_tf": True,
    "strip_accents": "unicode",
    "dtype": np.float32,
}


def _vectorizers() -> tuple[TfidfVectorizer, TfidfVectorizer]:
    # A feature must occur in two texts: a word one person wrote once (a name, say) is never kept.
    min_df = 2
    return (
        TfidfVectorizer(min_df=min_df, max_features=MAX_WORD_FEATURES, **_WORD_PARAMS),
        TfidfVectorizer(min_df=min_df, max_features=MAX_CHAR_FEATURES, **_CHAR_PARAMS),
    )


@dataclass(frozen=True)
class Rule:
    """The combination rule: suggested when (1 - alpha) * p + alpha * min(w, 1) >= threshold."""

    alpha: float
    threshold: float

    def score(self, probability: float, word_score: float) -> float:
        """The combined score of one theme of one text (`combine` does the same for arrays)."""
        return (1 - self.alpha) * probability + self.alpha * min(word_score, 1.0)

    def suggests(self, score: float) -> bool:
        return score >= self.threshold - 1e-9

    def describe(self) -> str:
        if self.alpha == 0:
            return f"the model alone: suggested when its probability is at least {self.threshold:.2f}"
        if self.alpha == 1:
            return "the word list alone"
        return (
            f"{1 - self.alpha:.1f} x the model's probability + {self.alpha:.1f} x the word list's score "
            f"(at most 1) at least {self.threshold:.2f}"
        )


@dataclass(frozen=True)
class ThemeFigures:
    """Precision, recall and F1 of one theme, with how many confirmations it had."""

    examples: int
    precision: float
    recall: float
    f1: float
    learned: bool  # False: too few confirmations, suggested by the word list alone


Row = tuple[np.ndarray, np.ndarray]  # one text's feature indices and TF-IDF weights


def word_list_features(word_scores: np.ndarray) -> np.ndarray:
    """What the classifiers read of the word list: each theme's score, capped at 1 (texts x themes)."""
    return np.minimum(np.asarray(word_scores, dtype=np.float64), 1.0)


def _preprocess(text: str) -> str:
    """What the vectorizers do first (lowercase=True, strip_accents="unicode")."""
    return strip_accents_unicode(text.lower())


_WORD_TOKEN = re.compile(_WORD_PARAMS["token_pattern"])
_CACHE_LIMIT = 200_000


def _char_grams(chunk: str) -> list[str]:
    """A whitespace-separated chunk's fragments, as sklearn's char_wb analyzer makes them: the
    chunk padded with a space each side, 3 to 5 characters at a time; a chunk shorter than n
    gives itself, padded, once, and no longer fragments."""
    padded = f" {chunk} "
    length = len(padded)
    low, high = _CHAR_PARAMS["ngram_range"]
    grams = []
    for n in range(low, high + 1):
        if length <= n:
            grams.append(padded)
            break
        grams.extend(padded[offset : offset + n] for offset in range(length - n + 1))
    return grams


class _Chunks(dict):
    """chunk -> what a whitespace-separated chunk of a text gives the model, worked out on first
    sight and kept, as a worker sees the same words over and over (emptied past _CACHE_LIMIT):
    the vocabulary indices of its words and of the word pairs inside it, its first and last word
    (for the pairs that span two chunks) and the indices of its fragments.

    Words never span whitespace (the token pattern's word boundaries fall at every space), so a
    text's words are its chunks' words in order; only the pairs across a chunk boundary
    (including across punctuation: "shops. bring" pairs "shops bring") are looked up per text."""

    def __init__(self, word_index: dict[str, int], char_index: dict[str, int]):
        super().__init__()
        self._word_index = word_index
        self._char_index = char_index

    def __missing__(self, chunk: str) -> tuple[tuple[int, ...], str | None, str | None, tuple[int, ...]]:
        words, chars = self._word_index, self._char_index
        tokens = _WORD_TOKEN.findall(chunk)
        terms = [*tokens, *(f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False))]
        found = (
            tuple(words[term] for term in terms if term in words),
            tokens[0] if tokens else None,
            tokens[-1] if tokens else None,
            tuple(chars[gram] for gram in _char_grams(chunk) if gram in chars),
        )
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        self[chunk] = found
        return found


def _largest_first(item: tuple[float, int]) -> tuple[float, int]:
    return -item[0], item[1]


class Reading(NamedTuple):
    """One text as the model read it: `z`, the decision value per learned theme, and for the
    explanation its features (words, then fragments): their indices, their tf / norm (the text's
    TF-IDF weight is that x IDF) and their rows of the model's table (IDF, then IDF x weight per
    learned theme)."""

    z: np.ndarray
    features: int
    indices: np.ndarray | None
    scale: np.ndarray | None
    rows: np.ndarray | None


@dataclass
class Model:
    """A trained model: the vocabulary and IDF weights of words (and word pairs) and of
    fragments, a classifier per learned theme, and the rule. `themes` lists every theme slug in
    order; `learned` those with a classifier, in the order of the columns of `coef_t`.

    It turns texts into features itself, exactly as the training's TfidfVectorizers do
    (tests/consultation/test_suggester.py checks they agree), but faster: each whitespace-
    separated chunk's words and fragments are looked up once and kept, as a worker sees the same
    words over and over. `rows` gives the features for training; `read` scores one text for
    suggesting, in float64 from a table of IDF x weight per feature, equal to scikit-learn's
    decision_function on the same features within 1e-9 (tested), at a fixed handful of NumPy
    calls per text: one text at a time is then as fast as a batch."""

    themes: list[str]
    learned: list[str]
    word_vocabulary: list[str]
    word_idf: np.ndarray
    char_vocabulary: list[str]
    char_idf: np.ndarray
    coef_t: np.ndarray  # (features, len(learned)): words first, then fragments
    intercept: np.ndarray  # (len(learned),)
    rule: Rule
    # (len(themes), len(learned)): each classifier's weights on the word list's scores of every
    # theme (`word_list_features`); None (a model stored before they were read) is all zeros.
    word_list_coef: np.ndarray | None = None
    _word_index: dict = field(default_factory=dict, repr=False)
    _char_index: dict = field(default_factory=dict, repr=False)

    def __post_init__(self):
        self._word_index = {term: i for i, term in enumerate(self.word_vocabulary)}
        offset = len(self.word_vocabulary)
        self._char_index = {term: offset + i for i, term in enumerate(self.char_vocabulary)}
        self._idf = np.concatenate([self.word_idf, self.char_idf]).astype(np.float32)
        self._words = len(self.word_vocabulary)
        self.coef_t = np.ascontiguousarray(self.coef_t, dtype=np.float32)
        if self.word_list_coef is None:
            self.word_list_coef = np.zeros((len(self.themes), len(self.learned)), dtype=np.float32)
        self.word_list_coef = np.asarray(self.word_list_coef, dtype=np.float32).reshape(
            len(self.themes), len(self.learned)
        )
        self._prepare_reading()

    # --- Features -----------------------------------------------------------------------------

    def rows(self, texts: Sequence[str]) -> list[Row]:
        """Each text's features: indices and TF-IDF weights (sublinear tf, L2-normalised for
        words and for fragments separately, as the two vectorizers do)."""
        result = []
        word_index = self._word_index
        for text in texts:
            clean = _preprocess(text)
            tokens = _WORD_TOKEN.findall(clean)
            word_ids = [word_index[t] for t in tokens if t in word_index]
            word_ids += [
                word_index[pair]
                for pair in (f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False))
                if pair in word_index
            ]
            word_ids.extend(chain.from_iterable(self._chunks[chunk][3] for chunk in clean.split()))
            counts = Counter(word_ids)  # words, then fragments
            if not counts:
                result.append((np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)))
                continue
            indices = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            values = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))) * self._idf[
                indices
            ]
            # Words and fragments are normalised apart, as two vectorizers would.
            is_word = indices < self._words
            squares = values * values
            word_norm = np.sqrt(squares[is_word].sum())
            char_norm = np.sqrt(squares[~is_word].sum())
            values /= np.where(is_word, word_norm or 1.0, char_norm or 1.0)
            result.append((indices, values))
        return result

    # --- Use -------------------------------------------------------------------------------

    def _prepare_reading(self) -> None:
        """The tables the one-text-at-a-time path reads: per feature its IDF and IDF x weight for
        each learned theme, in float64 from the stored weights, so a text's scores are the exact
        sum the TF-IDF features and the linear model give (within float64 rounding)."""
        idf = np.concatenate([np.asarray(self.word_idf, dtype=np.float64), np.asarray(self.char_idf, dtype=np.float64)])
        coef = np.asarray(self.coef_t, dtype=np.float64).reshape(len(idf), len(self.learned))
        self._table = np.ascontiguousarray(np.hstack([idf[:, None], idf[:, None] * coef]))
        self._intercept64 = np.asarray(self.intercept, dtype=np.float64).reshape(len(self.learned))
        self._word_list64 = np.asarray(self.word_list_coef, dtype=np.float64)
        self.reads_word_list = bool(self._word_list64.any())
        self._learned_column = {theme: 1 + k for k, theme in enumerate(self.learned)}
        self._stripped: list[str] | None = None
        self._chunks = _Chunks(self._word_index, self._char_index)

    def _word_list_part(self, word_scores: Sequence[float] | None) -> np.ndarray:
        """The intercept plus what the word list's scores (one per theme of `themes`) add to each
        learned theme's decision."""
        if word_scores is None:
            if self.reads_word_list:
                raise ValueError("This model reads the word list's scores: give them.")
            return self._intercept64.copy()
        if len(word_scores) != len(self.themes):
            raise ValueError(f"Expected {len(self.themes)} word-list scores, got {len(word_scores)}.")
        if not any(word_scores):
            return self._intercept64.copy()
        capped = [min(float(score), 1.0) for score in word_scores]
        return self._intercept64 + np.dot(capped, self._word_list64)

    def read(self, text: str, word_scores: Sequence[float] | None = None) -> "Reading":
        """One text's decision values for every learned theme (the linear model's
        decision_function: the intercept plus the weights of its TF-IDF features and of the word
        list's scores, `word_scores`, one per theme of `themes`, needed when the model reads
        them) and what `explain_reading` needs. The per-feature work is lookups in dicts and
        counting in C; the arithmetic is a few NumPy calls per text, however long it is, which is
        what keeps suggesting one text at a time fast."""
        get = self._word_index.get
        chunks = self._chunks
        word_ids: list[int] = []
        char_ids: list[int] = []
        last = None
        for chunk in _preprocess(text).split():
            ids, first, end, fragments = chunks[chunk]
            word_ids += ids
            char_ids += fragments
            if first is not None:
                if last is not None:
                    pair = get(f"{last} {first}")
                    if pair is not None:
                        word_ids.append(pair)
                last = end
        counts = Counter(word_ids)
        words = len(counts)  # a Counter keeps its order: words first, then fragments
        counts.update(char_ids)
        n = len(counts)
        base = self._word_list_part(word_scores)
        if not n:
            return Reading(base, 0, None, None, None)
        indices = np.fromiter(counts, dtype=np.intp, count=n)
        scale = np.fromiter(counts.values(), dtype=np.float64, count=n)
        np.log(scale, out=scale)
        scale += 1.0  # sublinear tf
        rows = self._table.take(indices, axis=0)
        weights = scale * rows[:, 0]
        # Words and fragments are L2-normalised apart, as the two vectorizers do.
        if words:
            scale[:words] /= math.sqrt(weights[:words] @ weights[:words])
        if words < n:
            scale[words:] /= math.sqrt(weights[words:] @ weights[words:])
        return Reading(scale @ rows[:, 1:] + base, n, indices, scale, rows)

    def decisions(self, texts: Sequence[str], word_scores: np.ndarray | None = None) -> np.ndarray:
        """(texts, learned themes) decision values: the log-odds the probabilities come from;
        `word_scores` is the word list's (texts x themes), needed when the model reads it."""
        result = np.empty((len(texts), len(self.learned)), dtype=np.float64)
        for i, text in enumerate(texts):
            result[i] = self.read(text, None if word_scores is None else word_scores[i].tolist()).z
        return result

    def probabilities(self, texts: Sequence[str], word_scores: np.ndarray | None = None) -> np.ndarray:
        """(texts, learned themes) probabilities."""
        return 1.0 / (1.0 + np.exp(-self.decisions(texts, word_scores)))

    def combined(self, probabilities: np.ndarray, word_scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(scores, suggested) for every theme of `themes`, from the model's probabilities and the
        word list's scores (texts x themes)."""
        return combine(self.rule, self.themes, self.learned, probabilities, word_scores)

    def explain(self, text: str, theme: str, top: int = 6) -> list[tuple[str, float]]:
        """The words and fragments of `text` that weighed most for `theme`, with their weights
        (weight in the text x weight in the model), largest first; only those that pushed towards
        the theme. Empty for a theme the model does not decide. (The word list's part of the
        decision is its matched phrases, which the suggestion lists beside these.)"""
        # The explanation reads the text's features only, not the decision values.
        return self.explain_reading(self.read(text, [0.0] * len(self.themes)), [theme], top=top)[theme]

    def explain_reading(
        self, reading: "Reading", themes: Sequence[str], top: int = 6
    ) -> dict[str, list[tuple[str, float]]]:
        """`explain` for several themes of one text's reading at once."""
        result: dict[str, list[tuple[str, float]]] = {theme: [] for theme in themes}
        learned = [theme for theme in themes if theme in self._learned_column]
        if not learned or not reading.features:
            return result
        columns = [self._learned_column[theme] for theme in learned]
        # Each feature's share of each theme's decision: its weight in the text x in the model.
        shares = reading.rows[:, columns]
        shares *= reading.scale[:, None]
        # A fragment and a word can read the same once stripped of their padding: take a few
        # more than needed (the largest, unordered), then keep the first of each.
        keep = 2 * top
        if reading.features > keep:
            candidates = np.argpartition(shares, reading.features - keep, axis=0)[-keep:]
            values = shares[candidates, np.arange(len(columns))].T.tolist()
            positions = candidates.T.tolist()
        else:
            values = shares.T.tolist()
            positions = [list(range(reading.features))] * len(columns)
        indices = reading.indices
        terms = self._terms()
        for theme, theme_positions, theme_values in zip(learned, positions, values, strict=True):
            found = result[theme]
            seen: set[str] = set()
            # Largest first; equal shares in the order the text gave the features.
            for value, position in sorted(zip(theme_values, theme_positions, strict=True), key=_largest_first):
                weight = round(value, 3)
                if weight <= 0 or len(found) >= top:
                    break
                term = terms[indices[position]]
                if term and term not in seen:
                    seen.add(term)
                    found.append((term, weight))
        return result

    def _terms(self) -> list[str]:
        """Every feature as an officer reads it (a fragment without its padding), made once."""
        if self._stripped is None:
            self._stripped = [term.strip() for term in (*self.word_vocabulary, *self.char_vocabulary)]
        return self._stripped

    # --- Storage: arrays only, no pickle -----------------------------------------------------

    def to_bytes(self) -> bytes:
        """The model as a compressed .npz of plain arrays (strings and numbers): loading it runs
        no code, unlike a pickle, so a copy of the database cannot carry a program."""
        buffer = io.BytesIO()
        np.savez_compressed(
            buffer,
            themes=np.array(self.themes, dtype=str),
            learned=np.array(self.learned, dtype=str),
            word_vocabulary=np.array(self.word_vocabulary, dtype=str),
            word_idf=np.asarray(self.word_idf, dtype=np.float32),
            char_vocabulary=np.array(self.char_vocabulary, dtype=str),
            char_idf=np.asarray(self.char_idf, dtype=np.float32),
            coef_t=self.coef_t,
            intercept=np.asarray(self.intercept, dtype=np.float32),
            rule=np.array([self.rule.alpha, self.rule.threshold], dtype=np.float64),
            word_list_coef=self.word_list_coef,
        )
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> "Model":
        with np.load(io.BytesIO(bytes(data)), allow_pickle=False) as arrays:
            alpha, threshold = (float(v) for v in arrays["rule"])
            return cls(
                themes=arrays["themes"].tolist(),
                learned=arrays["learned"].tolist(),
                word_vocabulary=arrays["word_vocabulary"].tolist(),
                word_idf=arrays["word_idf"],
                char_vocabulary=arrays["char_vocabulary"].tolist(),
                char_idf=arrays["char_idf"],
                coef_t=arrays["coef_t"],
                intercept=arrays["intercept"],
                rule=Rule(alpha=alpha, threshold=threshold),
                # Models stored before the classifiers read the word list have none.
                word_list_coef=arrays["word_list_coef"] if "word_list_coef" in arrays.files else None,
            )


def combine(
    rule: Rule, themes: list[str], learned: list[str], probabilities: np.ndarray, word_scores: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(scores, suggested), texts x themes: the rule for learned themes, the word list alone for
    the others (score = the word list's score, suggested at 1 or more)."""
    scores = word_scores.astype(np.float64)
    suggested = word_scores >= WORD_LIST_THRESHOLD
    if learned:
        columns = [themes.index(theme) for theme in learned]
        combined = (1 - rule.alpha) * probabilities + rule.alpha * np.minimum(word_scores[:, columns], 1.0)
        scores[:, columns] = combined
        suggested[:, columns] = combined >= rule.threshold - 1e-9
    return scores, suggested


# --- Measuring ------------------------------------------------------------------------------


def figures(truth: np.ndarray, suggested: np.ndarray, themes: list[str], learned: list[str]) -> dict[str, ThemeFigures]:
    """Per theme figures of suggestions against confirmed themes (both texts x themes booleans)."""
    result = {}
    for j, theme in enumerate(themes):
        tp = int(np.sum(truth[:, j] & suggested[:, j]))
        fp = int(np.sum(~truth[:, j] & suggested[:, j]))
        fn = int(np.sum(truth[:, j] & ~suggested[:, j]))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
        result[theme] = ThemeFigures(
            examples=int(truth[:, j].sum()), precision=precision, recall=recall, f1=f1, learned=theme in learned
        )
    return result


def macro_f1(per_theme: dict[str, ThemeFigures]) -> float:
    return sum(row.f1 for row in per_theme.values()) / len(per_theme) if per_theme else 0.0


def _macro_f1_fast(truth: np.ndarray, suggested: np.ndarray) -> float:
    tp = np.sum(truth & suggested, axis=0)
    wrong = np.sum(truth ^ suggested, axis=0)
    denominator = 2 * tp + wrong
    f1 = np.where(denominator > 0, 2 * tp / np.maximum(denominator, 1), 0.0)
    return float(f1.mean())


# --- Training -------------------------------------------------------------------------------


@dataclass
class Trained:
    """What a training run gives: the model fitted on every example, and its cross-validated
    figures (per theme, with the chosen rule), beside the word list's alone on the same texts."""

    model: Model
    examples: int
    per_theme: dict[str, ThemeFigures]
    macro_f1: float
    word_list_macro_f1: float
    model_alone_macro_f1: float
    model_alone_rule: Rule  # the model alone, at its best threshold: for comparisons
    seconds: float


def truth_matrix(labels: Sequence[set[str]], themes: list[str]) -> np.ndarray:
    return np.array([[theme in label for theme in themes] for label in labels], dtype=bool).reshape(
        len(labels), len(themes)
    )


def _fit_classifiers(x, truth: np.ndarray, columns: list[int]) -> tuple[np.ndarray, np.ndarray]:
    coef = np.zeros((len(columns), x.shape[1]), dtype=np.float32)
    intercept = np.zeros(len(columns), dtype=np.float32)
    for row, j in enumerate(columns):
        y = truth[:, j]
        if y.all() or not y.any():
            intercept[row] = 10.0 if y.all() else -10.0  # one class only: nothing to learn
            continue
        classifier = SGDClassifier(
            loss="log_loss",
            alpha=ALPHA,
            class_weight="balanced",
            max_iter=_epochs(x.shape[0]),
            tol=None,
            random_state=SEED,
        )
        classifier.fit(x, y)
        coef[row] = classifier.coef_[0]
        intercept[row] = classifier.intercept_[0]
    return coef, intercept


def _probabilities(x, coef: np.ndarray, intercept: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(x @ coef.T + intercept)))


def choose_rule(
    truth: np.ndarray, probabilities: np.ndarray, word_scores: np.ndarray, themes: list[str], learned: list[str]
) -> Rule:
    """The (alpha, threshold) of the grid with the best macro-F1 on out-of-fold predictions; a
    tie goes to the larger alpha (more word list), then the higher threshold."""
    best: tuple[float, float, float] | None = None
    for alpha in ALPHAS:
        for threshold in THRESHOLDS:
            _, suggested = combine(Rule(alpha, threshold), themes, learned, probabilities, word_scores)
            key = (round(_macro_f1_fast(truth, suggested), 6), alpha, threshold)
            if best is None or key > best:
                best = key
    return Rule(alpha=best[1], threshold=best[2])


def theme_model_train(
    *,
    texts: Sequence[str],
    labels: Sequence[set[str]],
    word_scores: Callable[[Sequence[str]], np.ndarray],
    themes: list[str],
    min_examples: int,
    folds: int = FOLDS,
) -> Trained:
    """Train on `texts` with their confirmed themes (`labels`, sets of slugs); `word_scores`
    gives the word list's score of texts for every theme (texts x themes). Themes with fewer
    than `min_examples` confirmations (or fewer texts without them) get no classifier.

    The vocabulary and its IDF weights are learned from the texts (a random SAMPLE_LIMIT of them
    when there are more) without reading any theme, so the folds learn nothing of each other's
    themes from it. Each classifier reads the text's features and the word list's scores of every
    theme (`word_list_features`). The classifiers are cross-validated in `folds` folds (on a
    random SAMPLE_LIMIT of the examples when there are more), the rule is chosen on their
    out-of-fold predictions, and the model is then fitted on every example."""
    started = time.perf_counter()
    truth = truth_matrix(labels, themes)
    counts = truth.sum(axis=0)
    learned = [
        theme for j, theme in enumerate(themes) if counts[j] >= min_examples and len(texts) - counts[j] >= min_examples
    ]
    columns = [themes.index(theme) for theme in learned]
    if len(texts) > SAMPLE_LIMIT:
        # The figures, the rule and the vocabulary are as sure from a random SAMPLE_LIMIT
        # examples, and five fits and a vocabulary count on all of them would take minutes.
        sample = np.sort(np.random.default_rng(SEED).choice(len(texts), SAMPLE_LIMIT, replace=False))
    else:
        sample = np.arange(len(texts))
    sample_texts = [texts[i] for i in sample]

    empty = np.zeros(0, dtype=np.float32)
    if learned:
        word, char = _vectorizers()
        word.fit(sample_texts)
        char.fit(sample_texts)
        features = Model(
            themes=list(themes),
            learned=learned,
            word_vocabulary=word.get_feature_names_out().tolist(),
            word_idf=word.idf_,
            char_vocabulary=char.get_feature_names_out().tolist(),
            char_idf=char.idf_,
            coef_t=np.zeros((len(word.idf_) + len(char.idf_), len(learned)), dtype=np.float32),
            intercept=np.zeros(len(learned), dtype=np.float32),
            rule=Rule(1.0, 1.0),
        )
        # In slices, so the features of all the texts are never held twice.
        width = features.coef_t.shape[0]
        all_scores = np.asarray(word_scores(texts), dtype=np.float64)
        capped = word_list_features(all_scores).astype(np.float32)
        # The word list's scores are the last len(themes) columns.
        x = sparse.vstack(
            [
                sparse.hstack(
                    [rows_matrix(features.rows(texts[i : i + 5000]), width), sparse.csr_matrix(capped[i : i + 5000])],
                    format="csr",
                )
                for i in range(0, len(texts), 5000)
            ],
            format="csr",
        )
        scores_cv = all_scores[sample]
    else:
        features = None
        x = sparse.csr_matrix((len(texts), 0), dtype=np.float32)
        scores_cv = word_scores(sample_texts)

    x_cv, truth_cv = x[sample], truth[sample]
    out_of_fold = np.zeros((len(sample), len(learned)), dtype=np.float64)
    if learned:
        splitter = KFold(n_splits=min(folds, len(sample)), shuffle=True, random_state=SEED)
        for train_index, test_index in splitter.split(x_cv):
            coef, intercept = _fit_classifiers(x_cv[train_index], truth_cv[train_index], columns)
            out_of_fold[test_index] = _probabilities(x_cv[test_index], coef, intercept)
        rule = choose_rule(truth_cv, out_of_fold, scores_cv, themes, learned)
        coef, intercept = _fit_classifiers(x, truth, columns)
        model = Model(
            themes=list(themes),
            learned=learned,
            word_vocabulary=features.word_vocabulary,
            word_idf=features.word_idf,
            char_vocabulary=features.char_vocabulary,
            char_idf=features.char_idf,
            coef_t=coef[:, :width].T,
            intercept=intercept,
            rule=rule,
            word_list_coef=coef[:, width:].T,
        )
    else:
        rule = Rule(alpha=1.0, threshold=1.0)
        model = Model(
            themes=list(themes),
            learned=[],
            word_vocabulary=[],
            word_idf=empty,
            char_vocabulary=[],
            char_idf=empty,
            coef_t=np.zeros((0, 0), dtype=np.float32),
            intercept=empty,
            rule=rule,
        )

    _, suggested = combine(rule, themes, learned, out_of_fold, scores_cv)
    per_theme = figures(truth_cv, suggested, themes, learned)
    _, word_only = combine(Rule(1.0, 1.0), themes, [], out_of_fold[:, :0], scores_cv)
    alone_rule = Rule(0.0, _best_threshold(truth_cv, out_of_fold, scores_cv, themes, learned))
    _, alone = combine(alone_rule, themes, learned, out_of_fold, scores_cv)
    return Trained(
        model=model,
        examples=len(texts),
        per_theme=per_theme,
        macro_f1=macro_f1(per_theme),
        word_list_macro_f1=macro_f1(figures(truth_cv, word_only, themes, [])),
        model_alone_macro_f1=macro_f1(figures(truth_cv, alone, themes, learned)),
        model_alone_rule=alone_rule,
        seconds=time.perf_counter() - started,
    )


def rows_matrix(rows: list[Row], width: int) -> sparse.csr_matrix:
    """Texts' features (Model.rows) as one sparse matrix."""
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum([len(indices) for indices, _ in rows], out=indptr[1:])
    if not rows or not indptr[-1]:
        return sparse.csr_matrix((len(rows), width), dtype=np.float32)
    return sparse.csr_matrix(
        (np.concatenate([v for _, v in rows]), np.concatenate([i for i, _ in rows]).astype(np.int32), indptr),
        shape=(len(rows), width),
        dtype=np.float32,
    )


def _best_threshold(truth, probabilities, word_scores, themes, learned) -> float:
    best = max(
        THRESHOLDS,
        key=lambda t: _macro_f1_fast(truth, combine(Rule(0.0, t), themes, learned, probabilities, word_scores)[1]),
    )
    return best
