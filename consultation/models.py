"""Surveys, the youth voice page, and the Feedback store that every free-text comment lands in.

A submission is written by `consultation.services` in one transaction; theme suggestions and
safeguarding emails follow in Celery tasks (consultation/tasks.py). Processing state lives on
each Feedback row, so nothing is lost if the queue is down: a periodic task picks up whatever
was never processed.

The survey and youth voice pages take their answers in views (consultation/views.py), which
consultation/routes.py lists as the pages' routes: the views submit through the services,
which write these models.
"""

import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import RICH_TEXT_FEATURES
from core.models import Theme, Ward, site_language_choices, site_language_default
from core.routing import CachedViewRestrictionsMixin, LanguageTreeUrlMixin, RegisteredRoutesMixin
from core.translations import page_is_of_record, page_of_record

from .editor_forms import SurveyPageForm, SurveyQuestionsPanel
from .question_kinds import (
    CHOICE_KINDS,
    FREE_TEXT_KINDS,
    OTHER,  # noqa: F401 (imported from here elsewhere)
    RULE_KINDS,
    WARD_ANSWER_LABELS,  # noqa: F401 (imported from here elsewhere)
    WARD_OUTSIDE,  # noqa: F401 (imported from here elsewhere)
    WARD_PREFER_NOT,  # noqa: F401 (imported from here elsewhere)
    AgeBand,
    QuestionKind,
)

# Longest free-text answer accepted, in characters.
LONG_TEXT_MAX = 5000
SHORT_TEXT_MAX = 250


YOUTH_AGE_BANDS = [AgeBand.AGE_11_15, AgeBand.AGE_16_18, AgeBand.AGE_19_24, AgeBand.PREFER_NOT_TO_SAY]


# --- Pages --------------------------------------------------------------------------------


class SurveyIndexPage(LanguageTreeUrlMixin, CachedViewRestrictionsMixin, Page):
    """The list of consultations: open ones first, then closed ones with their outcomes."""

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["consultation.SurveyPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        surveys = list(SurveyPage.objects.child_of(self).live().order_by("-first_published_at"))
        context["open_surveys"] = [s for s in surveys if s.status == SurveyPage.Status.OPEN]
        context["upcoming_surveys"] = [s for s in surveys if s.status == SurveyPage.Status.UPCOMING]
        context["closed_surveys"] = [s for s in surveys if s.status == SurveyPage.Status.CLOSED]
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # Which surveys are open changes with the clock: keep the page cache out.
        response["Cache-Control"] = "no-cache"
        return response


class SurveyPage(LanguageTreeUrlMixin, CachedViewRestrictionsMixin, RegisteredRoutesMixin, Page):
    """A consultation survey that residents answer, one section at a time.

    Questions are edited in the admin in order; a "Section" row starts a new step. After the
    last step the resident checks their answers and submits. Nothing is saved until then.

    Routes (consultation/routes.py): the survey's front page, `answer/<step>/`, `check/` and
    `thank-you/`.
    """

    class Status(models.TextChoices):
        UPCOMING = "upcoming", "Not open yet"
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    # About the survey
    intro = models.TextField(help_text="What the survey is about and how long it takes.")
    privacy_notice = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="What we collect, why, who sees it and how long we keep it.",
    )
    # When it is open (Europe/London)
    opens_at = models.DateTimeField(null=True, blank=True, help_text="Leave empty to open it when published.")
    closes_at = models.DateTimeField(null=True, blank=True, help_text="Leave empty to keep it open until you close it.")
    accepting_responses = models.BooleanField(
        default=True, help_text="Untick to close the survey now, whatever the dates say."
    )
    # Contact details, only with consent
    ask_for_contact = models.BooleanField(
        default=False,
        verbose_name="offer to be contacted",
        help_text="Adds an optional last step asking for contact details, with explicit consent.",
    )
    # Equality monitoring (consultation/equality.py), optional for the person answering
    equality_monitoring = models.BooleanField(
        default=False,
        verbose_name="include the equality monitoring questions",
        help_text='Adds the council\'s optional "About you" step (age, sex, gender identity, ethnic group, '
        "religion, disability, sexual orientation, caring) before the end. The answers are kept apart from the "
        "other answers and reported only as counts.",
    )
    thank_you_text = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    # We asked, you said, we did
    we_asked = RichTextField(features=RICH_TEXT_FEATURES, blank=True, verbose_name="we asked")
    you_said = RichTextField(features=RICH_TEXT_FEATURES, blank=True, verbose_name="you said")
    we_did = RichTextField(features=RICH_TEXT_FEATURES, blank=True, verbose_name="we did")
    # The public results summary (route `results/`): counts only, suppressed, once closed
    results_published = models.BooleanField(
        default=False,
        verbose_name="publish a results summary",
        help_text=(
            "Once the survey has closed: show everyone the counts per answer, with small numbers hidden. "
            "Never any written answers."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("privacy_notice"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]), FieldPanel("accepting_responses")],
            heading="When it is open",
        ),
        SurveyQuestionsPanel("questions", heading="Questions", label="Question"),
        FieldPanel("equality_monitoring"),
        FieldPanel("ask_for_contact"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldPanel("we_asked"), FieldPanel("you_said"), FieldPanel("we_did")],
            heading="We asked, you said, we did",
            help_text="Publish the outcome here once the survey has closed.",
        ),
        FieldPanel("results_published"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("we_asked"),
        index.SearchField("you_said"),
        index.SearchField("we_did"),
    ]

    base_form_class = SurveyPageForm

    parent_page_types = ["consultation.SurveyIndexPage"]
    subpage_types: list[str] = []

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": "The survey must close after it opens."})
        if self.results_published and self.status != self.Status.CLOSED:
            raise ValidationError(
                {"results_published": "A results summary can be published only once the survey has closed."}
            )

    @property
    def results_public(self) -> bool:
        """The public results summary is shown: published, and the survey has closed."""
        return self.results_published and self.status == self.Status.CLOSED

    @property
    def status(self) -> str:
        """Open, closed or not open yet: the English survey's dates and switch decide for
        every language (a translation keeps the dates it was last synchronised with)."""
        if self.locale_id is not None and not page_is_of_record(self):
            return self.survey_of_record().status if self.survey_of_record().pk != self.pk else self._own_status()
        return self._own_status()

    def _own_status(self) -> str:
        now = timezone.now()
        if not self.accepting_responses or (self.closes_at and now >= self.closes_at):
            return self.Status.CLOSED
        if self.opens_at and now < self.opens_at:
            return self.Status.UPCOMING
        return self.Status.OPEN

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def has_outcome(self) -> bool:
        return bool(self.we_asked or self.you_said or self.we_did)

    def steps(self, answers: dict | None = None) -> list[dict]:
        """The questions split into steps at each Section row:
        [{"title", "intro", "section", "questions"}].

        Without `answers`, every step and question. With the answers given so far (question id,
        as a string, to {"value", ...}), only what those answers lead to: a section or question
        whose "Show if" rule is not met is skipped, and so is anything that depends on a skipped
        question's answer (its answer no longer counts)."""
        steps: list[dict] = []
        current = {"title": "", "intro": "", "section": None, "questions": []}
        questions = self.questions_to_answer()
        ids_by_key = {question.key: question.pk for question in questions}
        kept: dict = {}  # the answers to questions shown so far
        section_shown = True
        for question in questions:
            shown = answers is None or question_rule_met(question, kept, ids_by_key)
            if question.kind == SurveyQuestion.Kind.SECTION:
                if current["questions"] or current["title"]:
                    steps.append(current)
                current = {"title": question.label, "intro": question.hint, "section": question, "questions": []}
                section_shown = shown
                continue
            if not (section_shown and shown):
                continue
            current["questions"].append(question)
            if answers is not None and str(question.pk) in answers:
                kept[str(question.pk)] = answers[str(question.pk)]
        if current["questions"]:
            steps.append(current)
        return [step for step in steps if step["questions"]]

    def survey_of_record(self) -> "SurveyPage":
        """The English survey that responses given on this page are recorded against: itself,
        or for a translation or an alias in another language's tree, its English page
        (core/translations.py), so results, exports and the dashboard count every language
        together."""
        if not hasattr(self, "_survey_of_record"):
            self._survey_of_record = page_of_record(self)
        return self._survey_of_record

    def translation_ready(self) -> bool:
        """Whether this translation's questions can stand in for the English ones: every English
        question has its translation (same `key`) with as many choices, scale labels and
        statements, in the same order. Where not (a translator added or lost a line), the
        survey is not ready in this language: its questions are shown in English
        (`questions_to_answer`), so an answer can never land on the wrong choice."""
        source = self.survey_of_record()
        if source.pk == self.pk or self.alias_of_id:
            return True
        own = {question.key: question for question in self.questions.all()}
        for question in source.questions.all():
            translated = own.get(question.key)
            if translated is None:
                return False
            for lines in ("choice_list", "statement_list"):
                if len(getattr(translated, lines)) != len(getattr(question, lines)):
                    return False
            if len(_lines(translated.scale)) != len(_lines(question.scale)):
                return False
        return True

    def questions_to_answer(self) -> list["SurveyQuestion"]:
        """The questions people answer on this page, in order: always the English survey's
        (their ids, stored values and skip rules), in this page's words where it is a
        translation that is ready (`translation_ready`). A choice is stored as the English
        choice at the same position, whatever language it was chosen in. Read once a page."""
        if hasattr(self, "_questions_to_answer"):
            return self._questions_to_answer
        source = self.survey_of_record()
        questions = list(source.questions.all())
        if source.pk != self.pk and not self.alias_of_id and self.translation_ready():
            own = {question.key: question for question in self.questions.all()}
            for question in questions:
                question.words_from(own[question.key])
        self._questions_to_answer = questions
        return questions

    def questions_asked(self, answers: dict) -> list["SurveyQuestion"]:
        """The questions these answers lead to, in order (every question shown, answered or not)."""
        return [question for step in self.steps(answers) for question in step["questions"]]


def question_rule_met(question, answers: dict, ids_by_key: dict) -> bool:
    """Whether a question's (or section's) "Show if" rule is met by the answers so far.

    No rule: shown. A rule whose question is not on the survey any more (the editor refuses
    saving one, but an old revision may hold it): shown, so nobody misses a question. Otherwise
    shown when the answer, or for a multiple choice any of its items, is one of the values."""
    target = ids_by_key.get(question.show_if_key) if question.show_if_key else None
    if target is None:
        return True
    answer = answers.get(str(target))
    if not answer:
        return False
    value = answer.get("value")
    items = value if isinstance(value, list) else [value]
    wanted = {str(item) for item in question.show_if_values or []}
    return any(str(item) in wanted for item in items)


# Limits the editor can set within (and the public forms check against).
RANKING_MAX = 7
SCALE_MAX = 11
GRID_STATEMENTS_MAX = 10
NUMBER_LIMIT = 10**12


def question_key_new() -> str:
    return uuid.uuid4().hex


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class SurveyQuestion(TranslatableMixin, Orderable):
    """One question of a survey, or a "Section" row that starts a new step.

    Translated with its survey (wagtail-localize): the words people read are translated, what
    the answers and rules depend on is the English question's (`translatable_fields`). Answers
    given on a translation are recorded against the English survey's question with the same
    `key`, with the English choice at the same position (SurveyPage.questions_to_answer)."""

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("hint"),
        TranslatableField("choices"),
        TranslatableField("scale"),
        TranslatableField("statements"),
        SynchronizedField("kind"),
        SynchronizedField("required"),
        SynchronizedField("allow_other"),
        SynchronizedField("min_value"),
        SynchronizedField("max_value"),
        SynchronizedField("key"),
        SynchronizedField("show_if_key"),
        SynchronizedField("show_if_values"),
    ]

    Kind = QuestionKind
    FREE_TEXT_KINDS = FREE_TEXT_KINDS
    CHOICE_KINDS = CHOICE_KINDS
    RULE_KINDS = RULE_KINDS

    page = ParentalKey(SurveyPage, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.LONG_TEXT)
    label = models.CharField(max_length=255, verbose_name="question", help_text="For a section: its heading.")
    hint = models.CharField(max_length=255, blank=True, help_text="For a section: a sentence under its heading.")
    required = models.BooleanField(default=False)
    choices = models.TextField(blank=True, help_text="Choice and ranking questions only: one choice per line.")
    allow_other = models.BooleanField(default=False, help_text='Choice questions only: add "Other, please say".')
    # Rating and grid questions: the scale
    scale = models.TextField(
        blank=True,
        help_text=(
            "Rating and grid questions: the scale's labels, one per line, in the order people see them "
            "(2 to 11 labels). Leave empty on a rating for 1 (lowest) to 5 (highest)."
        ),
    )
    statements = models.TextField(blank=True, help_text="Grid questions only: one statement per line (up to 10).")
    # Number questions: the range accepted (whole numbers)
    min_value = models.BigIntegerField(
        null=True, blank=True, verbose_name="smallest number", help_text="Number questions only."
    )
    max_value = models.BigIntegerField(
        null=True, blank=True, verbose_name="largest number", help_text="Number questions only."
    )
    # Skip logic: shown only when an earlier question's answer is one of these values (no rule:
    # always shown). For a section, the whole step is shown or skipped. The rule is chosen in
    # the editor from earlier questions' answers (consultation/editor_forms.py), never typed.
    # It names the earlier question by its `key`, which a draft revision keeps too, so a rule
    # can point at a question saved in a draft that has no database id yet.
    key = models.CharField(max_length=32, default=question_key_new, editable=False)
    show_if_key = models.CharField(max_length=32, blank=True, editable=False)
    show_if_values = models.JSONField(default=list, blank=True, editable=False)

    panels = [
        FieldPanel("kind"),
        FieldPanel("label"),
        FieldPanel("hint"),
        FieldPanel("required"),
        FieldPanel("choices"),
        FieldPanel("allow_other"),
        FieldPanel("scale"),
        FieldPanel("statements"),
        FieldRowPanel([FieldPanel("min_value"), FieldPanel("max_value")]),
        FieldPanel("show_if", heading="Show only if"),
    ]

    def clean(self):
        super().clean()
        errors = {}
        if self.kind in self.CHOICE_KINDS and len(self.choice_list) < 2:
            errors["choices"] = "Give at least two choices, one per line."
        if self.kind == self.Kind.RANKING and not 2 <= len(self.choice_list) <= RANKING_MAX:
            errors["choices"] = f"Give 2 to {RANKING_MAX} choices to rank, one per line."
        if self.kind == self.Kind.GRID:
            if not 1 <= len(self.statement_list) <= GRID_STATEMENTS_MAX:
                errors["statements"] = f"Give 1 to {GRID_STATEMENTS_MAX} statements, one per line."
            if not 2 <= len(self.scale_list) <= SCALE_MAX:
                errors["scale"] = f"Give the scale: 2 to {SCALE_MAX} labels, one per line."
        if self.kind == self.Kind.RATING and self.scale.strip() and not 2 <= len(self.scale_list) <= SCALE_MAX:
            errors["scale"] = f"Give 2 to {SCALE_MAX} labels, one per line, or leave it empty for 1 to 5."
        for name in ("min_value", "max_value"):
            value = getattr(self, name)
            if value is not None and abs(value) > NUMBER_LIMIT:
                errors[name] = f"Give a number between {-NUMBER_LIMIT:,} and {NUMBER_LIMIT:,}."
        if (
            self.kind == self.Kind.NUMBER
            and self.min_value is not None
            and self.max_value is not None
            and self.min_value >= self.max_value
            and "max_value" not in errors
        ):
            errors["max_value"] = "The largest number must be more than the smallest."
        if errors:
            raise ValidationError(errors)

    @property
    def choice_list(self) -> list[str]:
        """The choices as stored: the English survey's words, whatever language is shown."""
        return _lines(self.choices)

    @property
    def statement_list(self) -> list[str]:
        return _lines(self.statements)

    def words_from(self, translated: "SurveyQuestion") -> None:
        """Show this (English) question in the words of its translation: label, hint, and the
        choices', scale's and statements' labels, position for position (SurveyPage checks the
        counts match). What is stored stays this question's: its id and its English choices."""
        self.label = translated.label
        self.hint = translated.hint
        self.words_language_id = translated.locale_id
        self._choice_labels = translated.choice_list
        self._statement_labels = translated.statement_list
        self._scale_labels = _lines(translated.scale)

    @property
    def choice_labels(self) -> list[str]:
        """What people read for each choice in `choice_list`, in the same order."""
        return getattr(self, "_choice_labels", None) or self.choice_list

    @property
    def statement_labels(self) -> list[str]:
        return getattr(self, "_statement_labels", None) or self.statement_list

    @property
    def scale_list(self) -> list[str]:
        """The scale's labels, lowest position first. A rating without labels is 1 to 5."""
        labels = _lines(self.scale)
        if not labels and self.kind == self.Kind.RATING:
            return [str(n) for n in range(1, 6)]
        return labels

    @property
    def scale_points(self) -> list[tuple[str, str]]:
        """(stored value, label) per point of the scale: the value is the position, "1" first,
        so answers given before the labels could be edited (1 to 5) stay valid."""
        labels = getattr(self, "_scale_labels", None) or self.scale_list
        if self.kind == self.Kind.RATING and not self.scale.strip():
            return [("1", "1 (lowest)"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5 (highest)")]
        return [(str(n), label) for n, label in enumerate(labels, start=1)]

    @property
    def field_name(self) -> str:
        return f"q{self.pk}"

    class Meta(TranslatableMixin.Meta):
        # The primary key breaks ties, so questions made without an order keep the order they
        # were made in on every database.
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.label


class YouthVoicePage(LanguageTreeUrlMixin, CachedViewRestrictionsMixin, RegisteredRoutesMixin, Page):
    """The "Have your say" page: young people say, anonymously, what would make them feel safer.

    Phone-first, one short page. `?kiosk=1` is for youth workers at events: the form comes
    back empty after each person, and nothing of theirs can be reached with Back.
    """

    intro = models.TextField()
    thank_you_text = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    privacy_text = RichTextField(
        features=RICH_TEXT_FEATURES, help_text="Plain words: what happens to what they write, and who sees it."
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("privacy_text"),
        FieldPanel("thank_you_text"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count = 1


# --- Responses ----------------------------------------------------------------------------

# Half-finished answers wait in the person's session for this long, then expire (the privacy
# notice says so, from this figure).
DRAFT_SECONDS = 2 * 60 * 60


class Response(models.Model):
    """One person's submitted answers to a survey. Anonymous: no name, email or IP address.

    `channel` says how the answers came in, for the report's headline. Every response so far
    was given online, which is the default; kiosk and paper are for answers given at an event
    or on a paper form and typed in by an officer. `is_demo` marks the made-up responses the
    demo site is seeded with (consultation/seeding.py), which the report labels as such."""

    class Channel(models.TextChoices):
        ONLINE = "online", "Online"
        KIOSK = "kiosk", "Kiosk at an event"
        PAPER = "paper", "Paper, entered by an officer"

    survey = models.ForeignKey(SurveyPage, null=True, on_delete=models.SET_NULL, related_name="responses")
    survey_title = models.CharField(max_length=255, help_text="The survey's title when it was answered.")
    # Stops the same submission being saved twice (double click, refresh, back and resubmit).
    submission_token = models.CharField(max_length=64, unique=True)
    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)
    age_band = models.CharField(max_length=20, choices=AgeBand.choices, blank=True)
    ward = models.ForeignKey(Ward, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # The language of the pages it was given on (their address says which): "en-gb", "ur"...
    language = models.CharField(
        max_length=10, choices=site_language_choices, default=site_language_default, db_index=True
    )
    # The ids of the questions this person was shown (skip logic leaves some out), so results
    # tell "not asked" from "not answered". Null on responses from before skip logic: every
    # question was asked then.
    asked = models.JSONField(null=True, blank=True)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    is_demo = models.BooleanField(default=False, help_text="Made up for the demo site, not a real response.")

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"Response {self.pk} to {self.survey_title}"

    def was_asked(self, question_id: int) -> bool:
        return self.asked is None or question_id in self.asked


class Answer(models.Model):
    """One answer in a response. `value` is a string, or a list for multiple choice."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, null=True, on_delete=models.SET_NULL, related_name="answers")
    question_text = models.CharField(max_length=255)
    value = models.JSONField(default=str, blank=True)
    other_text = models.TextField(blank=True)

    def __str__(self):
        return f"{self.question_text}: {self.value}"


class AnswerCount(models.Model):
    """How many answers one closed question has with one stored value (a multiple-choice answer
    counts under the whole list of choices made). Kept as answers are saved, in the same
    transaction (`consultation.services.answer_counts_add`), so the results report reads a few
    hundred of these rows instead of every answer: its speed no longer depends on the number
    of responses. Free-text answers are not counted here (their values are all different).

    `digest` is the SHA-1 of the value's canonical JSON, so the pair (question, value) is
    unique however long a list of choices is. Answers are never deleted or changed one by one
    (redaction changes only written text); deleting a question deletes its counts with it.
    `answer_counts_rebuild` counts a survey's answers afresh, for data saved before the counts
    existed."""

    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="+")
    digest = models.CharField(max_length=40)
    value = models.JSONField(null=True, blank=True)
    n = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["question", "digest"], name="answer_count_unique")]

    def __str__(self):
        return f"{self.question_id}: {self.value} x {self.n}"


class EqualityMonitoring(models.Model):
    """One person's answers to a survey's "About you" equality monitoring questions
    (consultation/equality.py holds the questions and their codes).

    Special category data (UK GDPR Article 9), so kept apart from the answers: its own table,
    linked to the response by the response's id alone. The response has no way back to it
    (`related_name="+"`), so nothing that reads responses, answers or feedback reaches it by
    accident. It is read as counts by the selectors (consultation/selectors.py), in a
    per-response export only with `export_equality_data` (logged), deleted with its response,
    and deleted by the retention schedule (rule "equality_monitoring").

    Each field holds one of its question's codes, or is empty when the question was not
    answered. A row exists only when at least one question was answered."""

    response = models.OneToOneField(Response, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    age_band = models.CharField(max_length=40, blank=True)
    sex = models.CharField(max_length=40, blank=True)
    gender_identity = models.CharField(max_length=40, blank=True)
    ethnic_group = models.CharField(max_length=40, blank=True)
    religion = models.CharField(max_length=40, blank=True)
    disability = models.CharField(max_length=40, blank=True)
    disability_impact = models.CharField(max_length=40, blank=True)
    sexual_orientation = models.CharField(max_length=40, blank=True)
    carer = models.CharField(max_length=40, blank=True)

    class Meta:
        verbose_name = "equality monitoring answers"
        verbose_name_plural = "equality monitoring answers"
        default_permissions = ()
        permissions = [
            (
                "export_equality_data",
                "Can include equality monitoring answers (special category data) in per-response exports",
            )
        ]

    def __str__(self):
        return f"Equality monitoring answers {self.pk}"


# --- Feedback: the one store of everything people said -----------------------------------


class ThemedFeedback(TaggedItemBase):
    """A theme an officer confirmed for a piece of feedback."""

    tag = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="themed_feedback")
    content_object = models.ForeignKey("Feedback", on_delete=models.CASCADE, related_name="themed_items")


class TaggedFeedback(TaggedItemBase):
    """A free tag an officer added to a piece of feedback."""

    content_object = models.ForeignKey("Feedback", on_delete=models.CASCADE, related_name="tagged_items")


class Feedback(models.Model):
    """One piece of free text from anyone: a survey answer, a youth voice, an event comment,
    or a forum post an officer chose to include. Never holds a name or email address."""

    class Source(models.TextChoices):
        SURVEY = "survey", "Survey"
        YOUTH_VOICE = "youth_voice", "Youth voice"
        EVENT = "event", "Event"
        FORUM = "forum", "Forum"
        OTHER = "other", "Other"

    # Where it came from
    source = models.CharField(max_length=20, choices=Source.choices, db_index=True)
    survey = models.ForeignKey(SurveyPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="feedback")
    question = models.ForeignKey(
        SurveyQuestion, null=True, blank=True, on_delete=models.SET_NULL, related_name="feedback"
    )
    question_text = models.CharField(max_length=255, blank=True)
    response = models.ForeignKey(Response, null=True, blank=True, on_delete=models.CASCADE, related_name="feedback")
    # What was said, and by whom (in broad terms only)
    text = models.TextField()
    age_band = models.CharField(max_length=20, choices=AgeBand.choices, blank=True)
    ward = models.ForeignKey(Ward, null=True, blank=True, on_delete=models.SET_NULL, related_name="feedback")
    # The language of the pages it was written on; officers choose it for what they type in.
    # People mix languages, so this says where they were, not what every word is in.
    language = models.CharField(
        max_length=10, choices=site_language_choices, default=site_language_default, db_index=True
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # Safeguarding: matched at submission; the alert email is sent by a task
    safeguarding_flag = models.BooleanField(default=False, db_index=True)
    safeguarding_matches = models.JSONField(default=list, blank=True)
    safeguarding_handled_at = models.DateTimeField(null=True, blank=True)
    safeguarding_handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    safeguarding_note = models.TextField(blank=True, help_text="What was done. Seen only by the Safeguarding group.")
    # Processing state, so work the queue never did is picked up later
    suggested_at = models.DateTimeField(null=True, blank=True)
    alerted_at = models.DateTimeField(null=True, blank=True)
    # Officers' work
    reviewed = models.BooleanField(default=False, db_index=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    themes = TaggableManager(
        through=ThemedFeedback, blank=True, verbose_name="confirmed themes", related_name="confirmed_feedback"
    )
    tags = TaggableManager(through=TaggedFeedback, blank=True, verbose_name="tags", related_name="tagged_feedback")
    # The confirmed and the suggested themes again, each as a set of the themes' bits
    # (Theme.bit), so the dashboard counts by theme in one pass over this table instead of
    # joining two others. Kept in step with them by consultation/theme_bits.py.
    confirmed_theme_bits = models.BigIntegerField(default=0, editable=False)
    suggested_theme_bits = models.BigIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "feedback"
        indexes = [
            # The untriaged backlog, oldest first (the dashboard's oldest and median wait)
            models.Index(fields=["created_at"], condition=models.Q(reviewed=False), name="feedback_backlog_idx"),
        ]
        permissions = [
            ("view_safeguarding", "Can see and handle safeguarding alerts, with any contact details"),
            ("export_feedback", "Can export feedback as CSV or Excel"),
            ("export_personal_data", "Can include personal data such as contact details in exports"),
        ]

    def __str__(self):
        return f"{self.get_source_display()} feedback {self.pk}"

    @property
    def excerpt(self) -> str:
        """The start of the text, for lists."""
        return self.text if len(self.text) <= 120 else self.text[:117] + "..."

    excerpt.fget.short_description = "What they said"

    @property
    def needs_processing(self) -> bool:
        return self.suggested_at is None or (self.safeguarding_flag and self.alerted_at is None)


class ThemeSuggestion(models.Model):
    """A theme the automatic suggester proposed for a piece of feedback, with its score and the
    words that triggered it. Kept apart from confirmed themes until an officer accepts it."""

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="suggestions")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="suggestions")
    score = models.FloatField()
    matched = models.JSONField(default=list, help_text="The words or phrases that triggered it.")
    # The learned model's part, when it had one: its probability, and the words and fragments of
    # the text that weighed most for the theme, as [[term, weight], ...].
    probability = models.FloatField(null=True, blank=True)
    weighed = models.JSONField(default=list, blank=True)
    model = models.ForeignKey("ThemeModel", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-score"]
        constraints = [models.UniqueConstraint(fields=["feedback", "theme"], name="one_suggestion_per_theme")]

    def __str__(self):
        return f"{self.theme} ({self.score:.1f})"


class PinnedQuote(models.Model):
    """A quote an officer chose, from a piece of survey feedback, to stand for a theme in the
    survey's report and public results summary: the feedback's text, or an excerpt of it.

    At most `PINNED_QUOTES_PER_THEME` per theme per survey (consultation/services.py). Before
    pinning, the text is checked for names, phone numbers and email addresses
    (consultation/quotes.py); if any is found the officer must tick that they have checked it,
    and `warning_acknowledged` records that they did. Who pinned it is kept for the record; what
    the check found is not."""

    survey = models.ForeignKey(SurveyPage, on_delete=models.CASCADE, related_name="pinned_quotes")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="pinned_quotes")
    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="pinned_quotes")
    text = models.TextField()
    warning_acknowledged = models.BooleanField(default=False)
    pinned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    pinned_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["theme__sort_order", "pinned_at", "pk"]
        default_permissions = ("add", "delete", "view")
        constraints = [
            models.UniqueConstraint(fields=["survey", "theme", "feedback"], name="one_pin_per_feedback_and_theme")
        ]

    def __str__(self):
        return f"Pinned quote {self.pk}"


PINNED_QUOTES_PER_THEME = 5


class ContactRequest(models.Model):
    """Someone asked to be contacted and consented to it. Personal data: kept apart from their
    feedback, seen only by the Safeguarding group, and never in exports without permission."""

    feedback = models.ForeignKey(Feedback, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts")
    response = models.ForeignKey(Response, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=120)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    consent = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Contact request {self.pk}"


# --- Word lists, edited in the admin ------------------------------------------------------


class ThemeKeyword(models.Model):
    """A word or phrase that suggests a theme, with a weight, in one of the site's languages.
    Words are compared by their stem in that language where it has one (English, Polish,
    Arabic), so "school" also matches "schools", and exactly otherwise; end a word with * to
    match every word that starts with it ("exclu*" matches "excluded" and "exclusion"). Every
    text is checked against every language's keywords."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="keywords")
    phrase = models.CharField(max_length=100)
    language = models.CharField(
        max_length=10,
        choices=site_language_choices,
        default=site_language_default,
        help_text="The language the phrase is written in. Every text is checked against every language.",
    )
    weight = models.FloatField(default=1.0, help_text="1 for a clear signal, 0.5 for a weak one.")

    panels = [FieldPanel("theme"), FieldPanel("phrase"), FieldPanel("language"), FieldPanel("weight")]

    class Meta:
        ordering = ["theme__sort_order", "language", "phrase"]
        constraints = [
            models.UniqueConstraint(fields=["theme", "language", "phrase"], name="one_keyword_per_theme_and_language")
        ]

    def __str__(self):
        return f"{self.phrase} ({self.theme})"


class ExportJob(models.Model):
    """A large export made in the background. The file is kept outside the public media folder,
    downloaded only by the officer who asked for it, and deleted after the export files' period
    (Settings > Data retention).

    A worker makes it under a lease (consultation/exports.py): `attempts` counts the claims,
    `lease_expires_at` is renewed as rows are written, and a job whose lease runs out is made
    again from the beginning. `email_sent_at` is claimed before the officer's email goes, so
    they get exactly one."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting"
        RUNNING = "running", "Being made"
        RETRYING = "retrying", "Retrying"
        DONE = "done", "Ready"
        FAILED = "failed", "Failed"
        EXPIRED = "expired", "Expired"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    format = models.CharField(max_length=4, choices=[("csv", "CSV"), ("xlsx", "Excel")])
    filters = models.JSONField(default=dict, blank=True)
    include_personal_data = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    file_name = models.CharField(max_length=200, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    lease_expires_at = models.DateTimeField(null=True, blank=True, db_index=True)
    email_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Export {self.pk} ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        return int(100 * self.rows_done / self.rows_total) if self.rows_total else 0


class ThemeSummary(models.Model):
    """The "You said, we did" for one theme: what people told us and what it changed, written by an
    officer and shown on the theme's page once published, with the recommendations it informed."""

    theme = models.OneToOneField(Theme, on_delete=models.CASCADE, related_name="summary")
    you_said = RichTextField(features=RICH_TEXT_FEATURES, verbose_name="you said")
    we_did = RichTextField(features=RICH_TEXT_FEATURES, verbose_name="we did")
    recommendations = models.ManyToManyField(
        "strategy.RecommendationPage",
        blank=True,
        related_name="theme_summaries",
        help_text="The recommendations this feedback informed.",
    )
    published = models.BooleanField(default=False, help_text="Show it on the theme's page.")
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("theme"),
        FieldPanel("you_said"),
        FieldPanel("we_did"),
        FieldPanel("recommendations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("published"),
    ]

    class Meta:
        ordering = ["theme__sort_order"]
        verbose_name = "you said, we did summary"
        verbose_name_plural = "you said, we did summaries"

    def __str__(self):
        return f"You said, we did: {self.theme}"


class ThemeModel(models.Model):
    """One trained version of the theme suggester's learned model (consultation/learning.py):
    when and from how many examples it was trained, who started it, its cross-validated
    figures, and whether it was kept. Every process suggests with the newest kept version
    (consultation/suggester.py), so the model lives here, in the database, not in a process.

    A version that scored lower than the one in use is recorded, with its figures, but not kept:
    its arrays are not stored."""

    class Trigger(models.TextChoices):
        NIGHTLY = "nightly", "Nightly run"
        ADMIN = "admin", "Started in the admin"
        COMMAND = "command", "Training command"

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    trigger = models.CharField(max_length=10, choices=Trigger.choices)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # What it learned from
    examples = models.PositiveIntegerField(help_text="Texts with confirmed themes it was trained on.")
    csv_examples = models.PositiveIntegerField(default=0, help_text="Of those, how many came from a CSV file.")
    confirmed_until = models.DateTimeField(
        null=True, blank=True, help_text="When the newest reviewed feedback it learned from was reviewed."
    )
    # How well it did, by cross-validation on those examples
    figures = models.JSONField(
        default=dict, help_text="Per theme slug: examples, precision, recall, f1, and learned (False: word list alone)."
    )
    macro_f1 = models.FloatField()
    word_list_macro_f1 = models.FloatField(help_text="The word list alone on the same examples.")
    model_alone_macro_f1 = models.FloatField(help_text="The model alone on the same examples.")
    rule_alpha = models.FloatField()
    rule_threshold = models.FloatField()
    seconds = models.FloatField(default=0)
    # The decision
    kept = models.BooleanField(default=False, db_index=True)
    decision = models.CharField(max_length=255, blank=True)
    data = models.BinaryField(blank=True, default=b"", editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "theme suggester model"

    def __str__(self):
        return f"Theme model version {self.pk}"

    @property
    def version(self) -> int:
        return self.pk
