"""The theme suggester that learns (consultation/learning.py, consultation/suggester.py): training
on officers' confirmed themes with the clock and the data set up, the rule that keeps a worse
model out, the word list alone for themes with too few examples, explanations, the stored model
every process shares, and the themes_train and themes_evaluate commands."""

import csv
import io
import re
from datetime import timedelta
from io import StringIO
from pathlib import Path

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from consultation import learning, suggester, tasks
from consultation.models import Feedback, ThemeModel, ThemeSuggestion
from consultation.processing import feedback_suggest_themes
from core.models import Theme

from .factories import FeedbackFactory

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent.parent / "data"
LABELLED = DATA / "labelled_feedback.csv"
LABELLED_MORE = DATA / "labelled_feedback_more.csv"
SLUGS = [
    "education",
    "young-people",
    "communities",
    "partnership-working",
    "employment-and-training",
    "policy-and-process",
]


def _labelled(path: Path = LABELLED) -> list[tuple[str, set[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["text"], set(row["themes"].split(";"))) for row in csv.DictReader(handle)]


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.THEME_MODEL_MIN_NEW_CONFIRMATIONS = 30
    settings.THEME_MODEL_MIN_EXAMPLES_PER_THEME = 10
    settings.THEME_MODEL_CHECK_SECONDS = 30


@pytest.fixture
def no_feedback(db):
    Feedback.objects.all().delete()


def _confirm(examples, *, reviewed_at, flagged: bool = False) -> list[Feedback]:
    """Reviewed feedback with these confirmed themes, reviewed at a set time."""
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    rows = []
    for text, slugs in examples:
        feedback = FeedbackFactory(text=text, reviewed=True, reviewed_at=reviewed_at, safeguarding_flag=flagged)
        feedback.themes.add(*(themes[slug] for slug in slugs))
        rows.append(feedback)
    return rows


def _train(examples, *, min_examples: int = 10) -> learning.Trained:
    matcher = suggester.theme_matcher()
    return learning.theme_model_train(
        texts=[text for text, _ in examples],
        labels=[themes for _, themes in examples],
        word_scores=lambda some: suggester.word_list_scores(matcher, some, SLUGS)[0],
        themes=SLUGS,
        min_examples=min_examples,
    )


# --- Retraining, with the clock and the data set up ---------------------------------------------


def test_nightly_run_trains_only_once_enough_new_confirmations_exist(no_feedback, django_capture_on_commit_callbacks):
    labelled = _labelled()
    monday = timezone.now() - timedelta(days=7)
    _confirm(labelled[:120], reviewed_at=monday)

    with django_capture_on_commit_callbacks(execute=True):
        first = tasks.theme_model_retrain()
    version_1 = ThemeModel.objects.get()
    assert first.startswith(f"Version {version_1.pk} trained on 120 examples")
    assert version_1.kept and version_1.trigger == ThemeModel.Trigger.NIGHTLY and version_1.started_by is None
    assert version_1.confirmed_until == monday
    assert suggester.current_model()[0] == version_1.pk

    # The next night nothing new has been confirmed: nothing is trained.
    assert tasks.theme_model_retrain() == "Not trained: 0 new confirmation(s) since the last training, 30 needed."
    # Officers confirm 20 more on Tuesday: still too few.
    _confirm(labelled[120:140], reviewed_at=monday + timedelta(days=1))
    assert tasks.theme_model_retrain().startswith("Not trained: 20 new confirmation(s)")
    # 15 more on Wednesday, and one flagged for safeguarding that never counts: 35, enough.
    _confirm(labelled[140:155], reviewed_at=monday + timedelta(days=2))
    _confirm(labelled[155:156], reviewed_at=monday + timedelta(days=2), flagged=True)
    with django_capture_on_commit_callbacks(execute=True):
        tasks.theme_model_retrain()
    version_2 = ThemeModel.objects.order_by("-pk").first()
    assert version_2.pk != version_1.pk and version_2.examples == 155
    assert version_2.confirmed_until == monday + timedelta(days=2)
    if version_2.kept:
        # This process notices the new version without a restart.
        assert suggester.current_model()[0] == version_2.pk
    assert ThemeModel.objects.count() == 2


def test_flagged_feedback_is_never_learned_from(no_feedback):
    labelled = _labelled()
    _confirm(labelled[:3], reviewed_at=timezone.now())
    _confirm(labelled[3:5], reviewed_at=timezone.now(), flagged=True)
    examples, _ = suggester.training_examples()
    assert sorted(text for text, _ in examples) == sorted(text for text, _ in labelled[:3])


def test_unreviewed_feedback_is_never_learned_from(no_feedback):
    feedback = FeedbackFactory(text="More youth clubs please", reviewed=False)
    feedback.themes.add(Theme.objects.get(slug="young-people"))
    assert suggester.training_examples() == ([], None)
    assert suggester.confirmations_since(None) == 0


def test_an_officer_starts_training_from_the_dashboard(no_feedback, client, django_capture_on_commit_callbacks):
    from django.contrib.auth import get_user_model

    officer = get_user_model().objects.get(username="officer")
    client.force_login(officer)
    _confirm(_labelled()[:40], reviewed_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("consultation_theme_model:retrain"))
    assert response.status_code == 302
    row = ThemeModel.objects.get()
    assert row.trigger == ThemeModel.Trigger.ADMIN and row.started_by == officer
    page = client.get(reverse("consultation_dashboard:index")).content.decode()
    assert "How the suggester learns" in page
    assert f"Version {row.pk}" in page and "Every training run, newest first" in page


def test_the_dashboard_refuses_to_train_without_enough_new_confirmations(no_feedback, client):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="officer"))
    _confirm(_labelled()[:5], reviewed_at=timezone.now())
    response = client.post(reverse("consultation_theme_model:retrain"), follow=True)
    assert not ThemeModel.objects.exists()
    assert "Not started: the suggester learns again once 30 reviewed pieces" in response.content.decode()
    assert client.get(reverse("consultation_theme_model:retrain")).status_code == 405


# --- Keeping only a model that scores no lower ------------------------------------------------


def _stored(trained: learning.Trained, *, macro_f1: float) -> ThemeModel:
    return ThemeModel.objects.create(
        trigger=ThemeModel.Trigger.COMMAND,
        examples=trained.examples,
        figures={},
        macro_f1=macro_f1,
        word_list_macro_f1=trained.word_list_macro_f1,
        model_alone_macro_f1=trained.model_alone_macro_f1,
        rule_alpha=trained.model.rule.alpha,
        rule_threshold=trained.model.rule.threshold,
        kept=True,
        data=trained.model.to_bytes(),
        created_at=timezone.now() - timedelta(days=1),
    )


def test_a_worse_model_is_not_promoted(no_feedback, django_capture_on_commit_callbacks):
    current = _stored(_train(_labelled()), macro_f1=0.99)
    _confirm(_labelled()[:60], reviewed_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        outcome = suggester.theme_model_retrain(trigger=ThemeModel.Trigger.NIGHTLY)
    assert outcome.row is not None and not outcome.row.kept
    assert outcome.row.macro_f1 < 0.99
    assert outcome.row.decision.startswith("Not kept: macro-F1")
    assert f"version {current.pk}'s 0.990" in outcome.row.decision
    assert bytes(outcome.row.data) == b""  # a version not kept does not keep its model
    assert suggester.current_model()[0] == current.pk
    # Its figures are still recorded, for the history.
    assert set(outcome.row.figures) == set(SLUGS)


def test_a_model_that_scores_no_lower_is_promoted(no_feedback, django_capture_on_commit_callbacks):
    current = _stored(_train(_labelled()), macro_f1=0.10)
    assert suggester.current_model()[0] == current.pk
    _confirm(_labelled()[:60], reviewed_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        outcome = suggester.theme_model_retrain(trigger=ThemeModel.Trigger.NIGHTLY)
    assert outcome.row.kept
    assert suggester.current_model()[0] == outcome.row.pk


def test_the_first_model_must_score_no_lower_than_the_word_list(no_feedback):
    _confirm(_labelled()[:60], reviewed_at=timezone.now())
    outcome = suggester.theme_model_retrain(trigger=ThemeModel.Trigger.NIGHTLY)
    row = outcome.row
    assert row.kept == (row.macro_f1 >= row.word_list_macro_f1 - 1e-9)
    assert "the word list's" in row.decision


# --- Themes with too few examples --------------------------------------------------------------


def test_a_theme_with_too_few_examples_falls_back_to_the_word_list():
    examples = _labelled() + _labelled(LABELLED_MORE)
    few = [(text, themes) for text, themes in examples if "employment-and-training" not in themes]
    few += [(text, themes) for text, themes in examples if themes == {"employment-and-training"}][:5]
    trained = _train(few, min_examples=10)
    model = trained.model
    assert "employment-and-training" not in model.learned and len(model.learned) == 5
    assert trained.per_theme["employment-and-training"].learned is False

    # The word list's own words suggest it, with no model part...
    [row] = suggester.texts_suggest(["Apprenticeships for school leavers"], model=model, use_current=False)
    employment = next(s for s in row if s.slug == "employment-and-training")
    assert employment.probability is None and employment.weighed == ()
    assert employment.matched == ("apprenticeships",)
    assert employment.score == 1.0
    # ...and nothing else does, however the model would weigh the text.
    text = "Lads round here need a trade and a decent living"
    [row] = suggester.texts_suggest([text], model=model, use_current=False)
    assert "employment-and-training" not in {s.slug for s in row}
    assert model.explain("Apprenticeships for school leavers", "employment-and-training") == []


def test_the_dashboard_says_which_themes_use_the_word_list_alone(no_feedback, client, settings):
    from django.contrib.auth import get_user_model

    settings.THEME_MODEL_MIN_EXAMPLES_PER_THEME = 25
    labelled = _labelled()
    _confirm(labelled[:80], reviewed_at=timezone.now())
    outcome = suggester.theme_model_retrain(trigger=ThemeModel.Trigger.NIGHTLY, force=True)
    few = [slug for slug, row in outcome.row.figures.items() if not row["learned"]]
    assert few, outcome.row.figures
    client.force_login(get_user_model().objects.get(username="officer"))
    page = re.sub(r"\s+", " ", client.get(reverse("consultation_dashboard:index")).content.decode())
    for slug in few:
        name = Theme.objects.get(slug=slug).name
        count = outcome.row.figures[slug]["examples"]
        assert re.search(
            rf"{re.escape(name)}</th>.*?<strong>Word list alone</strong>: {count} confirmed example", page
        ), name


# --- Explanations ------------------------------------------------------------------------------


def test_explanations_name_words_that_occur_in_the_text():
    model = _train(_labelled() + _labelled(LABELLED_MORE)).model
    texts = [
        "The youth club on our estate closed and now the teenagers hang about the shops at night",
        "Teachers keep excluding pupils and they end up in the pupil referral unit with nothing to do",
        "Apprenticeships and proper jobs with a decent wage for lads leaving college",
        "The police and the council should work together with the NHS",
    ]
    explained = 0
    for text, row in zip(texts, suggester.texts_suggest(texts, model=model, use_current=False), strict=True):
        for suggestion in row:
            for term, weight in suggestion.weighed:
                assert term and term in text.lower(), (term, text)
                assert weight > 0
                explained += 1
            weights = [weight for _, weight in suggestion.weighed]
            assert weights == sorted(weights, reverse=True)
    assert explained >= 10


def test_a_stored_model_loads_with_the_same_answers_and_runs_no_code():
    model = _train(_labelled()).model
    data = model.to_bytes()
    assert b"pickle" not in data
    loaded = learning.Model.from_bytes(data)
    texts = [text for text, _ in _labelled()[:50]]
    scores, _ = suggester.word_list_scores(suggester.theme_matcher(), texts, SLUGS)
    assert np.allclose(model.probabilities(texts, scores), loaded.probabilities(texts, scores), atol=1e-5)
    assert loaded.rule == model.rule and loaded.learned == model.learned
    assert np.array_equal(loaded.word_list_coef, model.word_list_coef)
    assert loaded.explain(texts[0], loaded.learned[0]) == model.explain(texts[0], model.learned[0])


def test_the_classifiers_read_the_word_lists_scores():
    """Each theme's classifier weighs the word list's score of every theme: its own theme's
    phrases count for it, and the same text scores higher with them than without."""
    model = _train(_labelled() + _labelled(LABELLED_MORE)).model
    assert model.reads_word_list and model.word_list_coef.shape == (len(SLUGS), len(model.learned))
    for k, slug in enumerate(model.learned):
        assert model.word_list_coef[SLUGS.index(slug), k] > 0, slug
    text = "Somewhere to go in the evenings"
    column = model.learned.index("young-people")
    own = [1.0 if slug == "young-people" else 0.0 for slug in SLUGS]
    assert model.read(text, own).z[column] > model.read(text, [0.0] * len(SLUGS)).z[column]


def test_a_model_stored_before_the_classifiers_read_the_word_list_still_loads():
    """A model stored without the word list's weights reads the text alone, as it did."""
    model = _train(_labelled()).model
    with np.load(io.BytesIO(model.to_bytes()), allow_pickle=False) as arrays:
        older = {name: arrays[name] for name in arrays.files if name != "word_list_coef"}
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **older)
    loaded = learning.Model.from_bytes(buffer.getvalue())
    assert not loaded.reads_word_list and not loaded.word_list_coef.any()
    texts = [text for text, _ in _labelled()[:20]]
    # Without the word list's weights, the same text features give the same decisions as the
    # newer model does with no phrase matched.
    zero = np.zeros((len(texts), len(SLUGS)))
    assert np.abs(loaded.decisions(texts) - model.decisions(texts, zero)).max() < 1e-9
    [row] = suggester.suggest_with(suggester.theme_matcher(), SLUGS, loaded, ["The youth club closed"])
    assert all(isinstance(s, suggester.Suggested) for s in row)


def test_the_model_reads_texts_exactly_as_the_training_vectorizers_do():
    examples = _labelled()
    texts = [text for text, _ in examples]
    model = _train(examples).model
    word, char = learning._vectorizers()
    expected = sparse.hstack([word.fit_transform(texts), char.fit_transform(texts)], format="csr")
    unusual = ["Café naïve ÉCOLE  youth\tclub", "", "!!!", "a", "x" * 300]
    expected = sparse.vstack([expected, sparse.hstack([word.transform(unusual), char.transform(unusual)])]).toarray()
    for i, (indices, values) in enumerate(model.rows([*texts, *unusual])):
        got = np.zeros(expected.shape[1], dtype=np.float32)
        got[indices] = values
        assert np.allclose(got, expected[i], atol=1e-5), (texts + unusual)[i]


def _reference_decisions(
    model: learning.Model, texts: list[str], word_scores: np.ndarray
) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Decision values as scikit-learn computes them, in float64: TfidfVectorizers with the model's
    vocabularies and IDF weights and the word list's scores capped at 1, then the linear model."""
    parts = []
    for params, vocabulary, idf in (
        (learning._WORD_PARAMS, model.word_vocabulary, model.word_idf),
        (learning._CHAR_PARAMS, model.char_vocabulary, model.char_idf),
    ):
        vectorizer = TfidfVectorizer(vocabulary=vocabulary, **{**params, "dtype": np.float64})
        vectorizer.fit(texts)
        vectorizer.idf_ = np.asarray(idf, dtype=np.float64)
        parts.append(vectorizer.transform(texts))
    x = sparse.hstack(parts, format="csr")
    word_list = np.minimum(word_scores, 1.0) @ np.asarray(model.word_list_coef, dtype=np.float64)
    return x, x @ np.asarray(model.coef_t, dtype=np.float64) + word_list + np.asarray(model.intercept, dtype=np.float64)


def test_the_fast_path_gives_the_models_own_decisions_and_probabilities():
    """Model.read works one text at a time in plain Python with a few NumPy calls; it must give
    what scikit-learn's vectorizers and the linear model give, and suggest_with the same themes
    and scores as the documented rule (learning.combine) on those probabilities."""
    examples = _labelled() + _labelled(LABELLED_MORE)
    model = _train(examples).model
    texts = [text for text, _ in examples] + [
        "Café naïve ÉCOLE  youth\tclub",
        "",
        "!!!",
        "a",
        "x" * 300,
        "shops. bring back the youth club,the youth club!!",
        "the the the the youth youth",
        "Szkoła i młodzież, żeby dzieci były bezpieczne",
    ]
    matcher = suggester.theme_matcher()
    word_scores, _ = suggester.word_list_scores(matcher, texts, SLUGS)
    assert model.themes == SLUGS and word_scores.max() > 1  # capped at 1 for the model
    x, expected = _reference_decisions(model, texts, word_scores)
    assert np.abs(model.decisions(texts, word_scores) - expected).max() < 1e-9
    assert np.abs(model.probabilities(texts, word_scores) - 1 / (1 + np.exp(-expected))).max() < 1e-9
    with pytest.raises(ValueError, match="word list"):
        model.read(texts[0])
    scores, suggested = learning.combine(model.rule, SLUGS, model.learned, 1 / (1 + np.exp(-expected)), word_scores)
    results = suggester.suggest_with(matcher, SLUGS, model, texts)
    assert any(results)
    coef = np.asarray(model.coef_t, dtype=np.float64)
    for i, row in enumerate(results):
        assert {s.slug for s in row} == {slug for j, slug in enumerate(SLUGS) if suggested[i, j]}, texts[i]
        for suggestion in row:
            assert suggestion.score == round(float(scores[i, SLUGS.index(suggestion.slug)]), 3)
            if suggestion.weighed:
                # The weights shown are the features' own shares of the decision.
                column = model.learned.index(suggestion.slug)
                shares = x[i].multiply(coef[:, column]).toarray().ravel()
                assert suggestion.weighed[0][1] == round(float(shares.max()), 3)


def test_suggestions_stored_for_feedback_carry_the_model_and_its_reasons(no_feedback):
    row = _stored(_train(_labelled() + _labelled(LABELLED_MORE)), macro_f1=0.9)
    feedback = FeedbackFactory(text="Nothing for teenagers to do in the evenings, open the youth club again")
    feedback_suggest_themes(feedback=feedback)
    suggestion = ThemeSuggestion.objects.get(feedback=feedback, theme__slug="young-people")
    assert suggestion.model_id == row.pk and 0 < suggestion.probability <= 1
    assert suggestion.weighed and all(term in feedback.text.lower() for term, _ in suggestion.weighed)
    assert "youth" in suggestion.matched or "youth club" in suggestion.matched


def test_the_model_never_changes_the_safeguarding_flag(no_feedback):
    from consultation import services

    _stored(_train(_labelled()), macro_f1=0.9)
    feedback = services.feedback_create(
        source=Feedback.Source.OTHER, text="They said they're going to stab me after school", created_at=timezone.now()
    )
    assert feedback.safeguarding_flag
    assert feedback.safeguarding_matches


# --- The commands -------------------------------------------------------------------------------


def _write(tmp_path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_themes_evaluate_prints_figures_and_a_last_line_with_the_macro_f1():
    out = StringIO()
    call_command("themes_evaluate", "--csv", str(LABELLED), stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert re.fullmatch(r"macro-F1 0\.\d{3}", lines[-1]), lines[-1]
    for slug in SLUGS:
        assert any(line.startswith(slug) for line in lines), slug
    assert "word list alone (no model kept yet)" in lines[0]


def test_themes_train_trains_from_the_file_alone_and_evaluate_uses_the_new_model(no_feedback, tmp_path):
    _confirm(_labelled()[:10], reviewed_at=timezone.now())
    out = StringIO()
    call_command("themes_train", "--csv", str(LABELLED_MORE), "--csv-only", stdout=out)
    row = ThemeModel.objects.get()
    more = len(_labelled(LABELLED_MORE))
    assert row.examples == more and row.csv_examples == more and row.trigger == ThemeModel.Trigger.COMMAND
    assert f"Version {row.pk} trained on {more} examples" in out.getvalue()
    if row.kept:
        out = StringIO()
        call_command("themes_evaluate", "--csv", str(LABELLED), stdout=out)
        assert f"model version {row.pk}" in out.getvalue().splitlines()[0]


def test_themes_train_adds_the_confirmed_feedback_unless_told_not_to(no_feedback):
    _confirm(_labelled()[:10], reviewed_at=timezone.now())
    call_command("themes_train", "--csv", str(LABELLED_MORE), stdout=StringIO())
    row = ThemeModel.objects.get()
    assert row.examples == len(_labelled(LABELLED_MORE)) + 10


@pytest.mark.parametrize("command", ["themes_train", "themes_evaluate"])
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "No such file"),
        ("words,labels\nMore youth clubs,young-people\n", "the first line must be exactly 'text,themes'"),
        ("text,themes\nMore youth clubs,young-people;knives\n", "line 2: unknown theme 'knives'"),
        ("text,themes\nMore youth clubs,\n", "line 2: no themes given"),
        ("text,themes\n", "no labelled rows"),
        ("text,themes\nMore youth clubs,young-people,extra\n", "line 2: expected 2 columns"),
    ],
)
def test_the_commands_refuse_bad_files_with_a_clear_message(tmp_path, command, content, message):
    path = tmp_path / "missing.csv" if content is None else _write(tmp_path, "labelled.csv", content)
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command(command, "--csv", str(path), stdout=StringIO())
    assert not ThemeModel.objects.exists()


def test_the_commands_refuse_a_file_that_is_not_text(tmp_path):
    path = tmp_path / "labelled.csv"
    path.write_bytes(b"text,themes\n\xff\xfe\x00broken,education\n")
    with pytest.raises(CommandError, match="not a UTF-8 text file"):
        call_command("themes_evaluate", "--csv", str(path), stdout=StringIO())


def test_a_bad_file_exits_non_zero_from_the_command_line(tmp_path, capsys):
    from consultation.management.commands.themes_evaluate import Command

    path = _write(tmp_path, "labelled.csv", "text,themes\nMore youth clubs,knives\n")
    with pytest.raises(SystemExit) as exit_:
        Command().run_from_argv(["manage.py", "themes_evaluate", "--csv", str(path)])
    assert exit_.value.code == 1
    assert "unknown theme 'knives'" in capsys.readouterr().err
