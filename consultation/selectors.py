"""Reads that span the consultation's models."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone
from django.utils.formats import date_format

from core.models import Ward
from core.translations import pages_for_visitors, pages_of_record

from .equality import FIELDS as EQUALITY_FIELDS
from .equality import QUESTIONS, QUESTIONS_BY_FIELD
from .models import (
    OTHER,
    WARD_ANSWER_LABELS,
    AgeBand,
    Answer,
    EqualityMonitoring,
    ExportJob,
    Feedback,
    PinnedQuote,
    Response,
    SurveyPage,
    SurveyQuestion,
    YouthVoicePage,
)

NOT_ASKED = "Not asked"


def answer_text(
    question: SurveyQuestion, value, other: str = "", ward_names: dict | None = None, *, for_export: bool = False
) -> str:
    """An answer as a person reads it: labels instead of stored codes, "Other: ..." spelled out.
    A date reads "27 March 2007", or "2007-03-27" `for_export`; a ranking "1. A; 2. B"; a grid
    "statement: label" per statement answered."""
    if value in (None, "", []):
        return ""
    kind = question.kind
    # Choices are stored in English; a question shown in a translation's words reads them so.
    words = dict(zip(question.choice_list, question.choice_labels, strict=False))
    if kind == SurveyQuestion.Kind.AGE_BAND:
        value = AgeBand(value).label if value in AgeBand.values else value
    elif kind == SurveyQuestion.Kind.WARD:
        if ward_names is None:
            ward_names = dict(Ward.objects.values_list("pk", "name"))
        value = WARD_ANSWER_LABELS.get(value) or (ward_names.get(int(value), value) if str(value).isdigit() else value)
    elif kind == SurveyQuestion.Kind.YES_NO:
        value = {"yes": "Yes", "no": "No"}.get(value, value)
    elif kind == SurveyQuestion.Kind.RATING and question.scale.strip():
        value = dict(question.scale_points).get(str(value), value)
    elif kind == SurveyQuestion.Kind.DATE:
        try:
            date = datetime.date.fromisoformat(str(value))
        except ValueError:
            return str(value)
        return date.isoformat() if for_export else date_format(date, "j F Y")
    elif kind == SurveyQuestion.Kind.RANKING and isinstance(value, list):
        return "; ".join(f"{rank}. {words.get(item, item)}" for rank, item in enumerate(value, start=1))
    elif kind == SurveyQuestion.Kind.GRID and isinstance(value, list):
        labels = dict(question.scale_points)
        return "; ".join(
            f"{statement}: {labels.get(str(point), point)}"
            for statement, point in zip(question.statement_labels, value, strict=False)
            if point
        )
    if isinstance(value, list):
        value = "; ".join("Other" if item == OTHER else str(words.get(item, item)) for item in value)
    elif value == OTHER:
        value = "Other"
    elif kind in SurveyQuestion.CHOICE_KINDS:
        value = words.get(value, value)
    return f"{value}: {other}" if other else str(value)


def survey_response_rows(*, survey: SurveyPage, include_equality: bool = False):
    """(header, rows) for the survey's responses CSV: one row per response, a column per
    question (a grid: a column per statement). No contact details.

    A question the person was not shown (skip logic) reads "Not asked"; one they were shown and
    left empty is an empty cell.

    The equality monitoring answers (special category data) are added as columns at the end
    only with `include_equality`, which only the view that checks `export_equality_data` and
    logs the export passes."""
    questions = [q for q in survey.questions.all() if q.kind != SurveyQuestion.Kind.SECTION]
    header = ["Response", "Submitted at", "Age band", "Ward"]
    for question in questions:
        if question.kind == SurveyQuestion.Kind.GRID:
            header += [f"{question.label}: {statement}" for statement in question.statement_list]
            continue
        header.append(question.label)
        if question.allow_other and question.kind in SurveyQuestion.CHOICE_KINDS:
            header.append(f"{question.label} (other)")
    if include_equality:
        header += [f"About you: {question.label}" for question in QUESTIONS]

    ward_names = dict(Ward.objects.values_list("pk", "name"))
    equality = {}
    if include_equality:
        equality = {
            row["response_id"]: row
            for row in EqualityMonitoring.objects.filter(response__survey=survey).values(
                "response_id", *EQUALITY_FIELDS
            )
        }

    def cells(question: SurveyQuestion, response: Response, answer: Answer | None) -> list:
        width = len(question.statement_list) if question.kind == SurveyQuestion.Kind.GRID else 1
        has_other = question.allow_other and question.kind in SurveyQuestion.CHOICE_KINDS
        if not response.was_asked(question.pk):
            return [NOT_ASKED] * (width + (1 if has_other else 0))
        if question.kind == SurveyQuestion.Kind.GRID:
            labels = dict(question.scale_points)
            points = answer.value if answer is not None and isinstance(answer.value, list) else []
            return [
                labels.get(str(points[i]), points[i]) if i < len(points) and points[i] else "" for i in range(width)
            ]
        row = [answer_text(question, answer.value, ward_names=ward_names, for_export=True) if answer else ""]
        if has_other:
            row.append(answer.other_text if answer else "")
        return row

    def rows():
        responses = (
            Response.objects.filter(survey=survey)
            .select_related("ward")
            .prefetch_related(
                Prefetch("answers", queryset=Answer.objects.only("response_id", "question_id", "value", "other_text"))
            )
            .order_by("submitted_at")
        )
        for response in responses.iterator(chunk_size=500):
            by_question = {answer.question_id: answer for answer in response.answers.all()}
            row = [
                response.pk,
                timezone.localtime(response.submitted_at).strftime("%Y-%m-%d %H:%M"),
                response.get_age_band_display() if response.age_band else "",
                response.ward.name if response.ward else "",
            ]
            for question in questions:
                row += cells(question, response, by_question.get(question.pk))
            if include_equality:
                given = equality.get(response.pk, {})
                row += [question.label_for(given.get(question.field, "")) for question in QUESTIONS]
            yield row

    return header, rows()


def safeguarding_flagged():
    """Flagged feedback, the ones nobody has handled yet first."""
    return (
        Feedback.objects.filter(safeguarding_flag=True)
        .select_related("survey", "ward")
        .order_by("safeguarding_handled_at", "-created_at")
    )


def safeguarding_unhandled():
    """Flagged feedback nobody has recorded as handled yet, oldest first: the longest waiting is
    the most urgent."""
    return (
        Feedback.objects.filter(safeguarding_flag=True, safeguarding_handled_at__isnull=True)
        .select_related("survey")
        .order_by("created_at", "pk")
    )


def feedback_awaiting_review() -> dict:
    """How many pieces of feedback wait for an officer's review, and the one waiting longest."""
    waiting = Feedback.objects.filter(reviewed=False)
    return {"count": waiting.count(), "oldest": waiting.order_by("created_at", "pk").first()}


def surveys_with_response_counts():
    """Every survey, published or not, with its number of responses, newest first: the admin's
    way to each survey's results. Whether each is open is the page's own `status`."""
    return (
        pages_of_record(SurveyPage.objects.all())
        .annotate(response_count=Count("responses"))
        .order_by("-first_published_at", "-pk")
    )


def surveys_open() -> list[SurveyPage]:
    """Published surveys taking answers now, with their number of responses, closing soonest first."""
    now = timezone.now()
    surveys = [survey for survey in surveys_with_response_counts().live() if survey.is_open]
    return sorted(surveys, key=lambda survey: (survey.closes_at is None, survey.closes_at or now, survey.pk))


def export_jobs_recent(*, user, limit: int = 5):
    """The user's own background exports, newest first."""
    return ExportJob.objects.filter(user=user).order_by("-created_at", "-pk")[:limit]


def surveys_live():
    """Every published survey in the visitor's language tree, newest first (the home page keeps
    them and picks the open ones)."""
    return pages_for_visitors(SurveyPage.objects.live()).order_by("-first_published_at")


def youth_voice_page_for_site(*, home) -> YouthVoicePage | None:
    """The live youth voice page under the site's home page, if there is one."""
    return YouthVoicePage.objects.live().child_of(home).first()


# --- What the subscriptions app tells people about -------------------------------------------


def survey_announceable(*, page_id: int) -> SurveyPage | None:
    """The survey with this page id if subscribers may be told about it now: live, public, open
    and English (a translation or alias is the same survey, told about once). None otherwise
    (any other page, a draft, a survey not open yet or closed)."""
    survey = pages_of_record(SurveyPage.objects.live().public()).filter(pk=page_id).first()
    return survey if survey is not None and survey.is_open else None


def surveys_opened_since(*, since) -> list[SurveyPage]:
    """Live, public surveys open now that opened (their opening time, else their first
    publication) at or after `since`: those published early that have opened since."""
    surveys = pages_of_record(SurveyPage.objects.live().public()).order_by("pk")
    return [
        survey
        for survey in surveys
        if survey.is_open and (survey.opens_at or survey.first_published_at or since) >= since
    ]


def surveys_newest(*, limit: int = 50) -> list[SurveyPage]:
    """The most recently published live surveys, newest first (the Atom feed of consultations)."""
    return list(pages_for_visitors(SurveyPage.objects.live().public()).order_by("-first_published_at", "-pk")[:limit])


# --- Equality monitoring: counts only (consultation/equality.py) ---------------------------------
# Raw, exact counts, not suppressed: whoever publishes or shows them applies small-number
# suppression first (counts under 5, and the complementary cells). Nothing here returns one
# person's answers with anything else about them.


@dataclass
class EqualityCount:
    """One answer of an equality question: its code (empty for "not answered"), its words, and
    how many responses gave it."""

    code: str
    label: str
    count: int


@dataclass
class EqualityQuestionCounts:
    """One equality question's counts for a survey: every answer in the question's order
    ("Prefer not to say" among them), then "Not answered". `heading` is the ethnic group's
    heading of each answer (empty for the other questions). The not-answered count covers every
    response to the survey, including those that skipped the whole section."""

    field: str
    label: str
    counts: list[EqualityCount]
    headings: dict[str, str] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(row.count for row in self.counts)


def equality_counts(*, survey: SurveyPage) -> dict:
    """Counts per answer of every equality question for the survey, in two queries whatever the
    number of responses: {"responses": int, "answered_any": int, "questions": [EqualityQuestionCounts]}.

    "answered_any" is the number of responses with at least one equality answer. Not answered
    = responses - those that gave any answer to the question (the disability follow-up counts
    everyone who did not answer it, including those who said "No" to the question before)."""
    response_count = Response.objects.filter(survey=survey).count()
    aggregates = {"answered_any": Count("pk")}
    for question in QUESTIONS:
        for code in question.codes:
            aggregates[f"{question.field}|{code}"] = Count("pk", filter=Q(**{question.field: code}))
    figures = EqualityMonitoring.objects.filter(response__survey=survey).aggregate(**aggregates)
    questions = []
    for question in QUESTIONS:
        counts = [
            EqualityCount(code=code, label=str(label), count=figures[f"{question.field}|{code}"] or 0)
            for code, label in question.flat_choices
        ]
        answered = sum(row.count for row in counts)
        counts.append(EqualityCount(code="", label="Not answered", count=response_count - answered))
        headings = {}
        if question.grouped:
            for heading, options in question.choices:
                if isinstance(options, list | tuple):
                    headings.update({code: str(heading) for code, _label in options})
        questions.append(
            EqualityQuestionCounts(field=question.field, label=str(question.label), counts=counts, headings=headings)
        )
    return {"responses": response_count, "answered_any": figures["answered_any"] or 0, "questions": questions}


def equality_answer_by_response(*, survey: SurveyPage, field: str):
    """Each response to the survey with its answer code to one equality question, as a queryset
    of Response annotated with `equality_answer` (None when not answered or the section was
    skipped): one query, however many responses. For example, responses by ethnic group:

        equality_answer_by_response(survey=survey, field="ethnic_group")
            .values("equality_answer").annotate(n=Count("pk"))

    Raises KeyError for a field that is not an equality question (consultation/equality.py)."""
    QUESTIONS_BY_FIELD[field]  # KeyError for anything else
    answer = EqualityMonitoring.objects.filter(response=OuterRef("pk")).values(field)[:1]
    return Response.objects.filter(survey=survey).annotate(equality_answer=Subquery(answer))


def equality_breakdown_counts(*, question: SurveyQuestion, field: str):
    """(equality answer code, answer value, number of answers) for a closed question, grouped in
    the database in one query: the report splits a multiple choice answer's list into its
    items. The code is None (or "") for a response that did not answer the equality question."""
    QUESTIONS_BY_FIELD[field]
    group = EqualityMonitoring.objects.filter(response=OuterRef("response_id")).values(field)[:1]
    return (
        Answer.objects.filter(question=question)
        .annotate(equality_answer=Subquery(group))
        .values_list("equality_answer", "value")
        .annotate(n=Count("id"))
        .order_by()
    )


# --- Pinned quotes -------------------------------------------------------------------------------


@dataclass
class ThemeQuotes:
    theme: object
    quotes: list[str]


def pinned_quotes(*, survey: SurveyPage) -> list[ThemeQuotes]:
    """The survey's pinned quotes grouped by theme, in the themes' order and each theme's in the
    order they were pinned (at most five a theme): the only free text the report and the public
    results summary show. Only the quotes' words: nothing about who said them. One query."""
    grouped: dict[int, ThemeQuotes] = {}
    for quote in (
        PinnedQuote.objects.filter(survey=survey)
        .select_related("theme")
        .order_by("theme__sort_order", "theme__name", "pinned_at", "pk")
    ):
        grouped.setdefault(quote.theme_id, ThemeQuotes(theme=quote.theme, quotes=[])).quotes.append(quote.text)
    return list(grouped.values())
