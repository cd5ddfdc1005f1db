"""The theme suggester: the word list (core/matching.py, edited by officers as Theme keywords)
and the learned model (consultation/learning.py), combined by the model's rule.

- `texts_suggest` gives each text's suggested themes, each with the word-list phrases that
  matched and the words or fragments that weighed most in the model, with their weights.
- `theme_model_retrain` trains a new model version on reviewed feedback with confirmed themes
  (and, from the `themes_train` command, a CSV file), and keeps it only if its cross-validated
  macro-F1 is not lower than the version in use (or, before any, than the word list alone).
- `current_model` is the newest kept version. Every web and worker process loads it from the
  database and keeps it; a process checks which version is current through the cache (shared
  Redis in production) at most every THEME_MODEL_CHECK_SECONDS, and loads a new one when it changes:
  no restart needed.

The model never touches safeguarding: core/safeguarding.py reads the reviewed phrase lists only,
and feedback flagged for safeguarding is never a training example.

Plain work: nothing here queues a task (services -> tasks -> this module).
"""

import csv
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import numpy as np
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from core import matching
from core.models import Theme, site_languages_enabled

from . import learning
from .models import Feedback, ThemedFeedback, ThemeKeyword, ThemeModel

logger = logging.getLogger(__name__)

CURRENT_KEY = "consultation:theme-model:current"
TRAINING_LOCK_KEY = "consultation:theme-model:training"
TRAINING_LOCK_SECONDS = 30 * 60


# --- The word list --------------------------------------------------------------------------


def theme_matcher() -> matching.Matcher:
    """The theme keywords of every enabled language as one matcher keyed by theme slug, rebuilt
    when staff edit a word list."""
    return matching.matcher_cached(
        "themes-by-slug",
        lambda: [
            matching.Entry(phrase=phrase, key=slug, weight=weight, language=language)
            for phrase, slug, weight, language in ThemeKeyword.objects.filter(
                language__in=site_languages_enabled()
            ).values_list("phrase", "theme__slug", "weight", "language")
        ],
    )


def word_list_scores(
    matcher: matching.Matcher, texts: Sequence[str], slugs: list[str]
) -> tuple[np.ndarray, list[dict[str, list[str]]]]:
    """The word list's score of every text for every theme (texts x slugs), and per text the
    phrases matched for each theme."""
    index = {slug: j for j, slug in enumerate(slugs)}
    scores = np.zeros((len(texts), len(slugs)), dtype=np.float64)
    matched: list[dict[str, list[str]]] = []
    for i, text in enumerate(texts):
        found: dict[str, list[str]] = {}
        for hit in matcher.hits(text):
            j = index.get(hit.entry.key)
            if j is None:
                continue
            scores[i, j] += hit.entry.weight
            found.setdefault(hit.entry.key, []).append(hit.text)
        matched.append(found)
    return scores, matched


# --- The current model, shared by every process -----------------------------------------------

_loaded: dict = {"version": None, "model": None}
_loading = threading.Lock()


def _current_version() -> int:
    version = cache.get(CURRENT_KEY) if settings.THEME_MODEL_CHECK_SECONDS > 0 else None
    if version is None:
        version = (
            ThemeModel.objects.filter(kept=True).order_by("-created_at", "-pk").values_list("pk", flat=True).first()
            or 0
        )
        cache.set(CURRENT_KEY, version, settings.THEME_MODEL_CHECK_SECONDS)
    return version


def current_model() -> tuple[int | None, learning.Model | None]:
    """(version, model) in use, or (None, None) while no model has been kept. Loaded once per
    process per version."""
    version = _current_version()
    if _loaded["version"] != version:
        with _loading:
            if _loaded["version"] != version:
                data = ThemeModel.objects.filter(pk=version).values_list("data", flat=True).first() if version else None
                _loaded["model"] = learning.Model.from_bytes(data) if data else None
                _loaded["version"] = version
    return (version or None, _loaded["model"]) if _loaded["model"] is not None else (None, None)


def current_model_changed() -> None:
    """Tell every process to look again at which model is current."""
    cache.delete(CURRENT_KEY)


# --- Suggesting -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Suggested:
    """One theme suggested for a text, and why: the word-list phrases that matched and, when
    the model decides the theme, its probability and the words that weighed most."""

    slug: str
    score: float
    matched: tuple[str, ...]
    probability: float | None = None
    weighed: tuple[tuple[str, float], ...] = field(default=())


def _theme_slugs() -> list[str]:
    return list(Theme.objects.order_by("sort_order", "name").values_list("slug", flat=True))


def texts_suggest(
    texts: Sequence[str], *, model: learning.Model | None = None, use_current: bool = True
) -> list[list[Suggested]]:
    """Suggested themes for each text, best first. With no model (none kept yet, or
    use_current=False and none given), the word list alone suggests."""
    if model is None and use_current:
        _, model = current_model()
    return suggest_with(theme_matcher(), _theme_slugs(), model, texts)


def suggest_with(
    matcher: matching.Matcher,
    slugs: list[str],
    model: learning.Model | None,
    texts: Sequence[str],
    *,
    explain: bool = True,
) -> list[list[Suggested]]:
    """`texts_suggest` with the word list, the themes and the model given: no database. Without
    `explain`, the suggestions carry no model words (`weighed` is empty): for measuring.

    One text at a time, in plain Python around the model's few NumPy calls: the same word-list
    scores as `word_list_scores` and the same rule as `learning.combine` (the same float64
    arithmetic in the same order), without NumPy's overhead on arrays of six numbers."""
    if model is not None:
        slugs = list(model.themes) + [slug for slug in slugs if slug not in model.themes]
    learned = model.learned if model is not None else []
    learned_column = {slug: k for k, slug in enumerate(learned)}
    rule = model.rule if learned else None
    known = set(slugs)
    results = []
    for text in texts:
        scores: dict[str, float] = {}
        matched: dict[str, list[str]] = {}
        for hit in matcher.hits(text):
            key = hit.entry.key
            if key in known:
                scores[key] = scores.get(key, 0.0) + hit.entry.weight
                matched.setdefault(key, []).append(hit.text)
        probabilities: list[float] = []
        if rule is not None:
            reading = model.read(text, [scores.get(slug, 0.0) for slug in model.themes])
            probabilities = (1.0 / (1.0 + np.exp(-reading.z))).tolist()
        chosen: list[tuple[str, float, int | None]] = []
        for slug in slugs:
            k = learned_column.get(slug)
            word_score = scores.get(slug, 0.0)
            if k is None:
                if word_score >= learning.WORD_LIST_THRESHOLD:
                    chosen.append((slug, word_score, None))
            else:
                score = rule.score(probabilities[k], word_score)
                if rule.suggests(score):
                    chosen.append((slug, score, k))
        reasons = (
            model.explain_reading(reading, [slug for slug, _, k in chosen if k is not None])
            if explain and rule is not None and chosen
            else {}
        )
        row = [
            Suggested(
                slug=slug,
                score=round(score, 3),
                matched=tuple(matched.get(slug, ())),
                probability=None if k is None else round(probabilities[k], 3),
                weighed=tuple(reasons.get(slug, ())),
            )
            for slug, score, k in chosen
        ]
        row.sort(key=lambda s: -s.score)
        results.append(row)
    return results


# --- Labelled CSV files (the commands) ----------------------------------------------------------


class LabelledFileError(ValueError):
    """A labelled CSV file that cannot be used, with a message that says why and where."""


def labelled_csv_read(path: str | Path, *, slugs: Sequence[str]) -> list[tuple[str, set[str]]]:
    """Rows of a CSV file with the header `text,themes` (themes are slugs separated by `;`, as in
    tests/data/labelled_feedback.csv). Raises LabelledFileError for a missing file, another
    header, an empty text, a row without themes or an unknown theme."""
    path = Path(path)
    if not path.is_file():
        raise LabelledFileError(f"No such file: {path}")
    known = set(slugs)
    rows: list[tuple[str, set[str]]] = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None or [cell.strip().lower() for cell in header] != ["text", "themes"]:
                found = ",".join(header or []) or "nothing"
                raise LabelledFileError(f"{path}: the first line must be exactly 'text,themes', not '{found[:100]}'.")
            for line, row in enumerate(reader, start=2):
                if not row or not any(cell.strip() for cell in row):
                    continue
                if len(row) != 2:
                    raise LabelledFileError(
                        f"{path}, line {line}: expected 2 columns (text, themes), found {len(row)}."
                    )
                text, themes = row[0].replace("\x00", "").strip(), {t.strip() for t in row[1].split(";") if t.strip()}
                if not text:
                    raise LabelledFileError(f"{path}, line {line}: the text is empty.")
                if not themes:
                    raise LabelledFileError(f"{path}, line {line}: no themes given.")
                unknown = sorted(themes - known)
                if unknown:
                    raise LabelledFileError(
                        f"{path}, line {line}: unknown theme {', '.join(repr(u[:50]) for u in unknown)}; "
                        f"the themes are {', '.join(sorted(known))}."
                    )
                rows.append((text, themes))
    except UnicodeDecodeError as error:
        raise LabelledFileError(f"{path}: not a UTF-8 text file ({error.reason}).") from None
    except csv.Error as error:
        raise LabelledFileError(f"{path}: not a readable CSV file ({error}).") from None
    if not rows:
        raise LabelledFileError(f"{path}: no labelled rows under the header.")
    return rows


def suggester_evaluate(
    examples: Sequence[tuple[str, set[str]]], *, model: learning.Model | None = None, use_current: bool = True
) -> dict[str, learning.ThemeFigures]:
    """Per theme figures of the suggester (the current one unless told otherwise) on examples."""
    texts = [text for text, _ in examples]
    results = texts_suggest(texts, model=model, use_current=use_current)
    if model is None and use_current:
        _, model = current_model()
    slugs = _theme_slugs()
    truth = learning.truth_matrix([themes for _, themes in examples], slugs)
    suggested = np.array([[any(s.slug == slug for s in row) for slug in slugs] for row in results], dtype=bool)
    return learning.figures(truth, suggested.reshape(len(texts), len(slugs)), slugs, model.learned if model else [])


# --- Training -----------------------------------------------------------------------------------


def training_examples() -> tuple[list[tuple[str, set[str]]], datetime | None]:
    """Reviewed feedback with confirmed themes, never feedback flagged for safeguarding, as
    (text, theme slugs); and when the newest of it was reviewed. One query."""
    by_feedback: dict[int, tuple[str, set[str]]] = {}
    newest = None
    rows = ThemedFeedback.objects.filter(
        content_object__reviewed=True, content_object__safeguarding_flag=False
    ).values_list("content_object_id", "content_object__text", "tag__slug", "content_object__reviewed_at")
    for feedback_id, text, slug, reviewed_at in rows.iterator(chunk_size=5000):
        by_feedback.setdefault(feedback_id, (text, set()))[1].add(slug)
        if reviewed_at is not None and (newest is None or reviewed_at > newest):
            newest = reviewed_at
    return list(by_feedback.values()), newest


def confirmations_since(since: datetime | None) -> int:
    """Reviewed feedback with confirmed themes (not flagged) reviewed after `since` (all without)."""
    rows = Feedback.objects.filter(reviewed=True, safeguarding_flag=False, themed_items__isnull=False)
    if since is not None:
        rows = rows.filter(reviewed_at__gt=since)
    return rows.values("pk").distinct().count()


def last_trained_until() -> datetime | None:
    """The newest confirmation any training run has seen, kept or not."""
    return ThemeModel.objects.aggregate(until=Max("confirmed_until"))["until"]


def current_row() -> ThemeModel | None:
    return ThemeModel.objects.filter(kept=True).order_by("-created_at", "-pk").defer("data").first()


@dataclass
class RetrainOutcome:
    """What a retraining request did: `row` is the new version (kept or not), or None when it
    did not train, with the reason in `message`."""

    message: str
    row: ThemeModel | None = None


def theme_model_retrain(
    *,
    trigger: str,
    user=None,
    csv_examples: Sequence[tuple[str, set[str]]] = (),
    csv_only: bool = False,
    force: bool = False,
    now: datetime | None = None,
) -> RetrainOutcome:
    """Train a new version when at least THEME_MODEL_MIN_NEW_CONFIRMATIONS confirmations are new
    since the last training (or always, with `force`), and keep it if its cross-validated
    macro-F1 is not lower than the current version's (before any version: the word list's
    alone on the same examples). Every run that trains is recorded, kept or not. Two runs never
    train at once: a second returns at once."""
    now = now or timezone.now()
    needed = settings.THEME_MODEL_MIN_NEW_CONFIRMATIONS
    new = confirmations_since(last_trained_until())
    if not force and new < needed:
        return RetrainOutcome(f"Not trained: {new} new confirmation(s) since the last training, {needed} needed.")
    if not cache.add(TRAINING_LOCK_KEY, now.isoformat(), TRAINING_LOCK_SECONDS):
        return RetrainOutcome("Not trained: another training run is under way.")
    try:
        database_examples, until = ([], None) if csv_only else training_examples()
        examples = [*database_examples, *csv_examples]
        if not examples:
            return RetrainOutcome("Not trained: there are no examples with confirmed themes.")
        slugs = _theme_slugs()
        texts = [text for text, _ in examples]
        matcher = theme_matcher()
        trained = learning.theme_model_train(
            texts=texts,
            labels=[themes for _, themes in examples],
            word_scores=lambda some: word_list_scores(matcher, some, slugs)[0],
            themes=slugs,
            min_examples=settings.THEME_MODEL_MIN_EXAMPLES_PER_THEME,
        )
        current = current_row()
        if current is not None:
            baseline, against = current.macro_f1, f"version {current.pk}'s {current.macro_f1:.3f}"
        else:
            baseline, against = trained.word_list_macro_f1, f"the word list's {trained.word_list_macro_f1:.3f}"
        kept = trained.macro_f1 >= baseline - 1e-9
        decision = (
            f"Kept: macro-F1 {trained.macro_f1:.3f}, not lower than {against}."
            if kept
            else f"Not kept: macro-F1 {trained.macro_f1:.3f}, lower than {against}."
        )
        with transaction.atomic():
            row = ThemeModel.objects.create(
                created_at=now,
                trigger=trigger,
                started_by=user,
                examples=trained.examples,
                csv_examples=len(csv_examples),
                confirmed_until=until or last_trained_until(),
                figures={
                    slug: {
                        "examples": f.examples,
                        "precision": round(f.precision, 4),
                        "recall": round(f.recall, 4),
                        "f1": round(f.f1, 4),
                        "learned": f.learned,
                    }
                    for slug, f in trained.per_theme.items()
                },
                macro_f1=trained.macro_f1,
                word_list_macro_f1=trained.word_list_macro_f1,
                model_alone_macro_f1=trained.model_alone_macro_f1,
                rule_alpha=trained.model.rule.alpha,
                rule_threshold=trained.model.rule.threshold,
                seconds=trained.seconds,
                kept=kept,
                decision=decision,
                data=trained.model.to_bytes() if kept else b"",
            )
            if kept:
                transaction.on_commit(current_model_changed)
        logger.info("Theme model version %s trained on %s examples. %s", row.pk, row.examples, decision)
        return RetrainOutcome(f"Version {row.pk} trained on {row.examples} examples. {decision}", row=row)
    finally:
        cache.delete(TRAINING_LOCK_KEY)


# --- What the admin shows ---------------------------------------------------------------------


@dataclass
class ThemeRow:
    slug: str
    name: str
    examples: int
    precision: float | None
    recall: float | None
    f1: float | None
    learned: bool


@dataclass
class ModelStatus:
    """The current version with its figures per theme, the history, and how many new
    confirmations there are against how many a retraining needs."""

    current: ThemeModel | None
    rule: str
    themes: list[ThemeRow]
    history: list[ThemeModel]
    new_confirmations: int
    needed: int
    min_examples: int

    @property
    def can_retrain(self) -> bool:
        return self.new_confirmations >= self.needed


def theme_model_status(*, history: int = 20) -> ModelStatus:
    current = current_row()
    names = dict(Theme.objects.order_by("sort_order", "name").values_list("slug", "name"))
    themes = []
    if current is not None:
        for slug, name in names.items():
            row = current.figures.get(slug)
            themes.append(
                ThemeRow(
                    slug=slug,
                    name=name,
                    examples=row["examples"] if row else 0,
                    precision=row["precision"] if row else None,
                    recall=row["recall"] if row else None,
                    f1=row["f1"] if row else None,
                    learned=bool(row and row["learned"]),
                )
            )
        rule = learning.Rule(current.rule_alpha, current.rule_threshold).describe()
    else:
        rule = "the word list alone"
    return ModelStatus(
        current=current,
        rule=rule,
        themes=themes,
        history=list(
            ThemeModel.objects.select_related("started_by").defer("data").order_by("-created_at", "-pk")[:history]
        ),
        new_confirmations=confirmations_since(last_trained_until()),
        needed=settings.THEME_MODEL_MIN_NEW_CONFIRMATIONS,
        min_examples=settings.THEME_MODEL_MIN_EXAMPLES_PER_THEME,
    )
