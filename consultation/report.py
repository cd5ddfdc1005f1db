"""The results report of a survey: what an officer puts in front of a committee, and what the
public results summary shows of it.

The report is a list of sections (`Section`), each with its paragraphs and tables; a table
may be drawn as a bar chart too. The admin page, the print view, the Word document and the CSV
downloads all read the same sections, so they always hold the same figures; a new kind of
section (the equality summary, pinned quotes) is one more builder in `report_build`.

Aggregates only. Every count goes through core/disclosure.py: counts from 1 to 4 show as
"fewer than 5", and enough others are hidden that none can be worked out from a total. No
free text is ever in the report: free-text questions show how many answered and the themes
officers confirmed, with their counts. "Other, please say" shows as a count.

Counting happens in the database, in a fixed number of queries whatever the number of
responses: answers to the closed questions are grouped by question and stored value in one
query. A multiple-choice answer is stored as a JSON list, so it is grouped by the whole list
(one group per combination people chose, never more than the choices allow) and the lists
are split here. Free-text answers are counted per question, not read.

Questions render by kind (QUESTION_BUILDERS): a kind without its own builder gets a generic
table of its stored values and their counts. Breakdowns are by a `Dimension` (age band, ward):
another dimension, such as an equality question, is one more entry in DIMENSIONS.
"""

import statistics
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Max, Min, Q
from django.db.models.functions import TruncWeek
from django.utils import timezone
from django.utils.translation import gettext as _

from core.disclosure import Cell, SuppressedTable, row_suppress, table_suppress
from core.models import Ward

from .equality import QUESTIONS as EQUALITY_QUESTIONS
from .equality import EqualityQuestion
from .models import (
    OTHER,
    WARD_ANSWER_LABELS,
    AgeBand,
    Answer,
    AnswerCount,
    Feedback,
    Response,
    SurveyPage,
    SurveyQuestion,
    ThemedFeedback,
)
from .selectors import equality_breakdown_counts, equality_counts, pinned_quotes

NOT_GIVEN = "Not given"


# --- What a report is made of ---------------------------------------------------------------


@dataclass
class Table:
    """A table of the report. `rows` are [label, value, ...]; a value is a Cell (a count, maybe
    hidden) or text (a percentage). `chart` draws the table's first count column as bars."""

    slug: str
    title: str
    header: list[str]
    rows: list[list]
    chart: bool = False
    note: str = ""

    def chart_rows(self) -> list["ChartRow"]:
        """The bars: every row but the last, which is the total."""
        return [ChartRow(row[0], row[1]) for row in self.rows[:-1] if isinstance(row[1], Cell)]

    def text_rows(self) -> list[list[str]]:
        """Every cell as text: hidden counts say "fewer than 5"."""
        return [[value.text if isinstance(value, Cell) else str(value) for value in row] for row in self.rows]


@dataclass(frozen=True)
class ChartRow:
    """A bar: what the dashboard's bar chart (consultation/dashboard/charts.py) reads."""

    label: str
    cell: Cell

    @property
    def count(self) -> int:
        return self.cell.count

    @property
    def suppressed(self) -> bool:
        return self.cell.suppressed

    @property
    def text(self) -> str:
        return self.cell.text


@dataclass
class Section:
    """One section of the report: `kind` says which builder made it (and lets a template pick
    how to show it); `paragraphs` are plain text."""

    kind: str
    slug: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    # The figures tables as the public summary shows them (report_public)
    public_tables: list = field(default_factory=list)


@dataclass
class Report:
    survey: SurveyPage
    response_count: int
    demo_count: int
    sections: list[Section]
    draft: dict[str, list[str]] = field(default_factory=dict)

    def table(self, slug: str) -> Table | None:
        return next((t for s in self.sections for t in s.tables if t.slug == slug), None)

    def tables(self) -> list[Table]:
        return [table for section in self.sections for table in section.tables]


# --- Breakdown dimensions ---------------------------------------------------------------------


@dataclass(frozen=True)
class Dimension:
    """Something to break a question's answers down by: `field` is the path from an Answer to
    the stored value (for the database's GROUP BY); `categories` lists (stored value, label)
    in the order shown, the "not given" value last."""

    key: str
    label: str
    field: str
    categories: Callable[[], list[tuple[object, str]]]
    #: For a dimension that is not on the response (an equality question, kept apart): the
    #: (category, answer value, count) groups of a question's answers. One query.
    groups: Callable[[SurveyQuestion], object] | None = None


def _age_bands() -> list[tuple[object, str]]:
    return [(value, label) for value, label in AgeBand.choices] + [("", NOT_GIVEN)]


def _wards() -> list[tuple[object, str]]:
    return [*Ward.objects.order_by("name").values_list("pk", "name"), (None, NOT_GIVEN)]


def _equality_dimension(question: EqualityQuestion) -> Dimension:
    return Dimension(
        key=f"equality_{question.field}",
        label=f"About you: {question.label}",
        field="",
        categories=lambda: [*((code, str(label)) for code, label in question.flat_choices), (None, NOT_GIVEN)],
        groups=lambda asked: equality_breakdown_counts(question=asked, field=question.field),
    )


DIMENSIONS: dict[str, Dimension] = {
    "age_band": Dimension("age_band", "Age band", "response__age_band", _age_bands),
    "ward": Dimension("ward", "Ward", "response__ward_id", _wards),
}
# The "About you" questions, for surveys that ask them (special category data: the breakdown
# is suppressed like every other table, and shows no one's answers).
EQUALITY_DIMENSIONS: dict[str, Dimension] = {
    dimension.key: dimension for dimension in (_equality_dimension(question) for question in EQUALITY_QUESTIONS)
}


def dimensions_for(survey: SurveyPage) -> dict[str, Dimension]:
    """What the survey's questions can be broken down by."""
    return {**DIMENSIONS, **(EQUALITY_DIMENSIONS if survey.equality_monitoring else {})}


# --- Counting -----------------------------------------------------------------------------


def _is_empty(value) -> bool:
    return value in (None, "", [])


def _items(value) -> list:
    return value if isinstance(value, list) else [value]


def _value_counts(groups) -> tuple[Counter, int]:
    """(count per stored item, number of people who answered) from (value, n) groups."""
    counter: Counter = Counter()
    answered = 0
    for value, n in groups:
        if _is_empty(value):
            continue
        answered += n
        for item in _items(value):
            counter[str(item)] += n
    return counter, answered


def _choices(question: SurveyQuestion, ward_names: dict) -> list[tuple[str, str]]:
    """(stored item, label) of a closed question, in the order shown; None for a kind that has
    no fixed list (the generic table shows what was stored)."""
    kind = SurveyQuestion.Kind
    if question.kind in SurveyQuestion.CHOICE_KINDS:
        return [(c, c) for c in question.choice_list] + ([(OTHER, "Other")] if question.allow_other else [])
    if question.kind == kind.RATING:
        return question.scale_points
    if question.kind == kind.YES_NO:
        return [("yes", "Yes"), ("no", "No")]
    if question.kind == kind.AGE_BAND:
        return list(AgeBand.choices)
    if question.kind == kind.WARD:
        return [(str(pk), name) for pk, name in ward_names.items()] + list(WARD_ANSWER_LABELS.items())
    return None


def _additive(question: SurveyQuestion) -> bool:
    """Each person gives one answer, so the counts add up to the people who answered."""
    return question.kind != SurveyQuestion.Kind.MULTIPLE_CHOICE


def _counts_table(slug, title, labels, counts, answered, *, additive, chart=True, note="") -> Table:
    table = row_suppress(counts, total=answered, additive=additive)
    # Labels as text: some are lazy translations (the age bands), which the Word file and the
    # chart images cannot take.
    rows = [
        [str(label), cell, cell.percent_of(table.total)] for label, cell in zip(labels, table.cells[0], strict=True)
    ]
    rows.append(["People who answered", table.total, ""])
    return Table(slug=slug, title=title, header=["Answer", "Count", "Per cent"], rows=rows, chart=chart, note=note)


# --- Question sections, by kind -------------------------------------------------------------


@dataclass
class QuestionData:
    """What the queries found for one question."""

    question: SurveyQuestion
    groups: list[tuple[object, int]] = field(default_factory=list)
    answered: int = 0
    themes: list[tuple[str, int]] = field(default_factory=list)
    themed: int = 0


def _choice_section(data: QuestionData, context: dict) -> Section:
    question = data.question
    counter, answered = _value_counts(data.groups)
    choices = _choices(question, context["ward_names"])
    labels = [label for _, label in choices]
    counts = [counter.get(str(item), 0) for item, _ in choices]
    note = ""
    if question.kind == SurveyQuestion.Kind.MULTIPLE_CHOICE:
        note = "People could choose more than one answer, so the per cents add up to more than 100."
    table = _counts_table(f"q{question.pk}", question.label, labels, counts, answered, additive=_additive(question))
    table.note = note
    section = Section(kind="question", slug=f"q{question.pk}", title=question.label, tables=[table])
    section.paragraphs.append(_answered_text(answered, context["response_count"]))
    if question.kind == SurveyQuestion.Kind.RATING and answered >= 5:
        points = dict(question.scale_points)
        positions = [int(item) for item, n in counter.items() if item.isdigit() for _ in range(n)]
        if positions:
            median = str(statistics.median_low(positions))
            section.paragraphs.append(
                f"Median rating: {points.get(median, median)} (point {median} of {len(points)}, the first the lowest)."
            )
    return section


def _rating_section(data: QuestionData, context: dict) -> Section:
    return _choice_section(data, context)


def _free_text_section(data: QuestionData, context: dict) -> Section:
    question = data.question
    section = Section(kind="free_text", slug=f"q{question.pk}", title=question.label)
    section.paragraphs.append(_answered_text(data.answered, context["response_count"]))
    section.paragraphs.append(
        "Written answers are not shown here. These are the themes officers confirmed for them; an answer can "
        "have more than one theme."
    )
    labels = [name for name, _ in data.themes] + ["Not yet given a theme"]
    counts = [n for _, n in data.themes] + [max(0, data.answered - data.themed)]
    table = row_suppress(counts, total=data.answered, additive=False)
    rows = [[label, cell, cell.percent_of(table.total)] for label, cell in zip(labels, table.cells[0], strict=True)]
    rows.append(["Written answers", table.total, ""])
    section.tables.append(
        Table(
            slug=f"q{question.pk}",
            title=f"Themes in the answers to: {question.label}",
            header=["Theme", "Answers", "Per cent"],
            rows=rows,
            chart=True,
        )
    )
    return section


def _generic_section(data: QuestionData, context: dict) -> Section:
    """A kind with no builder of its own: its stored values and their counts."""
    question = data.question
    counter, answered = _value_counts(data.groups)
    items = sorted(counter.items())
    table = _counts_table(
        f"q{question.pk}",
        question.label,
        [item for item, _ in items],
        [n for _, n in items],
        answered,
        additive=False,
        chart=False,
    )
    section = Section(kind="question", slug=f"q{question.pk}", title=question.label, tables=[table])
    section.paragraphs.append(_answered_text(answered, context["response_count"]))
    return section


def _number_section(data: QuestionData, context: dict) -> Section:
    """Numbers: how many answered, and (from 5 answers) the smallest, largest, median and mean."""
    question = data.question
    numbers = [int(value) for value, n in data.groups if isinstance(value, int) for _ in range(n)]
    section = Section(kind="question_figures", slug=f"q{question.pk}", title=question.label)
    section.paragraphs.append(_answered_text(len(numbers), context["response_count"]))
    if len(numbers) >= 5:
        rows = [
            ["Smallest", f"{min(numbers):,}"],
            ["Largest", f"{max(numbers):,}"],
            ["Median", f"{statistics.median(numbers):,g}"],
            ["Mean", f"{statistics.fmean(numbers):,.1f}"],
            ["People who answered", Cell(len(numbers))],
        ]
        section.tables.append(
            Table(slug=f"q{question.pk}", title=question.label, header=["Figure", "Value"], rows=rows)
        )
    else:
        section.paragraphs.append("Fewer than 5 people answered, so no figures are shown.")
    return section


def _date_section(data: QuestionData, context: dict) -> Section:
    """Dates: how many fell in each month."""
    question = data.question
    months: Counter = Counter()
    for value, n in data.groups:
        if isinstance(value, str) and len(value) >= 7:
            months[value[:7]] += n
    labels = sorted(months)
    answered = sum(months.values())
    table = _counts_table(
        f"q{question.pk}", question.label, labels, [months[m] for m in labels], answered, additive=True
    )
    table.header = ["Month", "Count", "Per cent"]
    section = Section(kind="question", slug=f"q{question.pk}", title=question.label, tables=[table])
    section.paragraphs.append(_answered_text(answered, context["response_count"]))
    return section


def _ranking_section(data: QuestionData, context: dict) -> Section:
    """Rankings: each choice's mean rank (1 is first), shown when at least 5 people ranked it."""
    question = data.question
    totals: Counter = Counter()
    counts: Counter = Counter()
    answered = 0
    for value, n in data.groups:
        if not isinstance(value, list) or not value:
            continue
        answered += n
        for rank, choice in enumerate(value, start=1):
            totals[str(choice)] += rank * n
            counts[str(choice)] += n
    rows = []
    for choice in question.choice_list:
        ranked = counts.get(choice, 0)
        mean = f"{totals[choice] / ranked:.1f}" if ranked >= 5 else "not shown"
        rows.append([choice, mean, Cell(ranked, suppressed=0 < ranked < 5)])
    rows.sort(key=lambda row: (row[1] == "not shown", row[1]))
    rows.append(["People who ranked", "", Cell(answered, suppressed=0 < answered < 5)])
    section = Section(kind="question_figures", slug=f"q{question.pk}", title=question.label)
    section.paragraphs.append(_answered_text(answered, context["response_count"]))
    section.paragraphs.append("A mean rank of 1 would mean everyone put that choice first.")
    section.tables.append(
        Table(slug=f"q{question.pk}", title=question.label, header=["Choice", "Mean rank", "Ranked by"], rows=rows)
    )
    return section


def _grid_section(data: QuestionData, context: dict) -> Section:
    """Grids: a table per statement of how many chose each point of the scale."""
    question = data.question
    points = question.scale_points
    per_statement = [Counter() for _ in question.statement_list]
    answered = 0
    for value, n in data.groups:
        if not isinstance(value, list):
            continue
        answered += n
        for i, point in enumerate(value[: len(per_statement)]):
            if point:
                per_statement[i][str(point)] += n
    section = Section(kind="question_figures", slug=f"q{question.pk}", title=question.label)
    section.paragraphs.append(_answered_text(answered, context["response_count"]))
    for i, (statement, counter) in enumerate(zip(question.statement_list, per_statement, strict=True), start=1):
        table = _counts_table(
            f"q{question.pk}-{i}",
            f"{question.label}: {statement}",
            [label for _, label in points],
            [counter.get(value, 0) for value, _ in points],
            sum(counter.values()),
            additive=True,
        )
        section.tables.append(table)
    return section


Kind = SurveyQuestion.Kind
QUESTION_BUILDERS: dict[str, Callable[[QuestionData, dict], Section]] = {
    Kind.SINGLE_CHOICE: _choice_section,
    Kind.MULTIPLE_CHOICE: _choice_section,
    Kind.YES_NO: _choice_section,
    Kind.AGE_BAND: _choice_section,
    Kind.WARD: _choice_section,
    Kind.RATING: _rating_section,
    Kind.SHORT_TEXT: _free_text_section,
    Kind.LONG_TEXT: _free_text_section,
    Kind.NUMBER: _number_section,
    Kind.DATE: _date_section,
    Kind.RANKING: _ranking_section,
    Kind.GRID: _grid_section,
}


def _answered_text(answered: int, responses: int) -> str:
    shown = Cell(answered, suppressed=0 < answered < 5)
    return f"{shown.text} of {responses:,} people answered this question."


# --- The headline -------------------------------------------------------------------------


def _when(value) -> str:
    return f"{timezone.localtime(value):%-d %B %Y}" if value else ""


def _headline(survey: SurveyPage, stats: dict, channels: dict, weeks: list[tuple[date, int]]) -> Section:
    count = stats["count"]
    opened = survey.opens_at or survey.first_published_at
    closed = survey.closes_at if survey.status == SurveyPage.Status.CLOSED and survey.closes_at else None
    section = Section(kind="headline", slug="headline", title="Headline")
    section.paragraphs.append(f"{count:,} {'person' if count == 1 else 'people'} responded.")
    if opened:
        if closed:
            section.paragraphs.append(f"The survey was open from {_when(opened)} to {_when(closed)}.")
        elif survey.status == SurveyPage.Status.CLOSED:
            section.paragraphs.append(f"The survey opened on {_when(opened)} and has closed.")
        else:
            section.paragraphs.append(f"The survey opened on {_when(opened)} and is still open.")
    if stats["first"]:
        section.paragraphs.append(
            f"The first response came on {_when(stats['first'])}, the last on {_when(stats['last'])}."
        )
    if stats["demo"]:
        section.paragraphs.append(
            f"{stats['demo']:,} of these responses are demo data, made up for the demo site: they are not real answers."
        )
    labels = [label for _, label in Response.Channel.choices]
    counts = [channels.get(value, 0) for value, _ in Response.Channel.choices]
    channel_table = _counts_table("channels", "How people responded", labels, counts, count, additive=True)
    channel_table.header = ["How", "Responses", "Per cent"]
    channel_table.rows[-1][0] = "All responses"
    section.tables.append(channel_table)
    if weeks:
        suppressed = row_suppress([n for _, n in weeks])
        rows = [[f"w/c {week:%-d %b %Y}", cell] for (week, _), cell in zip(weeks, suppressed.cells[0], strict=True)]
        rows.append(["All responses", suppressed.total])
        section.tables.append(
            Table(
                slug="weeks",
                title="Responses per week",
                header=["Week commencing", "Responses"],
                rows=rows,
                chart=True,
            )
        )
    return section


def _local_date(value) -> date:
    """A week's start as a date: TruncWeek gives a time (UK time) on a DateTimeField."""
    return timezone.localtime(value).date() if hasattr(value, "hour") else value


def _weeks_filled(rows: list[tuple[date, int]]) -> list[tuple[date, int]]:
    """Every week from the first to the last, quiet weeks as 0."""
    if not rows:
        return []
    by_week = dict(rows)
    week, last, filled = rows[0][0], rows[-1][0], []
    while week <= last:
        filled.append((week, by_week.get(week, 0)))
        week += timedelta(days=7)
    return filled


# --- Breakdown ----------------------------------------------------------------------------


def breakdown_questions(survey: SurveyPage) -> list[SurveyQuestion]:
    """The closed questions a breakdown can be made of."""
    return [q for q in survey.questions.all() if q.kind in QUESTION_BUILDERS and q.kind not in _NOT_CLOSED]


_NOT_CLOSED = (Kind.SECTION, Kind.SHORT_TEXT, Kind.LONG_TEXT)


def breakdown_build(*, question: SurveyQuestion, dimension: Dimension) -> Section:
    """A question's answers by a dimension: a row per category, a column per answer, small
    counts and those that would give them away hidden. Two queries."""
    ward_names = dict(Ward.objects.order_by("name").values_list("pk", "name"))
    choices = _choices(question, ward_names) or []
    categories = dimension.categories()
    if dimension.groups is not None:
        # An unanswered equality question is None (no row) or "" (a row left blank): one category.
        groups = [(category or None, value, n) for category, value, n in dimension.groups(question)]
    else:
        groups = (
            Answer.objects.filter(question=question)
            .values_list(dimension.field, "value")
            .annotate(n=Count("id"))
            .order_by()
        )
    cells: dict[object, Counter] = defaultdict(Counter)
    answered: Counter = Counter()
    for category, value, n in groups:
        if _is_empty(value):
            continue
        answered[category] += n
        for item in _items(value):
            cells[category][str(item)] += n
    counts = [[cells[value].get(str(item), 0) for item, _ in choices] for value, _ in categories]
    totals = [answered[value] for value, _ in categories]
    table: SuppressedTable = table_suppress(counts, row_totals=totals, additive=_additive(question))
    header = [dimension.label, *(label for _, label in choices), "People who answered"]
    rows = [[label, *table.cells[r], table.row_totals[r]] for r, (_, label) in enumerate(categories)]
    rows.append(["All", *table.column_totals, table.total])
    slug = f"breakdown-q{question.pk}-{dimension.key}"
    by = dimension.label if dimension.groups is not None else dimension.label.lower()
    section = Section(kind="breakdown", slug="breakdown", title=f"{question.label}, by {by}")
    section.paragraphs.append(
        "Counts from 1 to 4 show as “fewer than 5”, and so do other counts that would let them be worked out "
        "from a total."
    )
    if not _additive(question):
        section.paragraphs.append(
            "People could choose more than one answer, so a row can add up to more than its total."
        )
    section.tables.append(Table(slug=slug, title=section.title, header=header, rows=rows))
    return section


# --- The draft "We asked, you said, we did" ----------------------------------------------


def _draft(survey: SurveyPage, headline: Section, questions: list[Section], response_count: int) -> dict:
    asked = [s.title for s in questions]
    we_asked = [
        f"We asked people for their views in our consultation “{survey.title}”. "
        f"It asked {len(asked)} question{'s' if len(asked) != 1 else ''}.",
    ]
    if len(headline.paragraphs) > 1:
        we_asked.append(headline.paragraphs[1])
    you_said = [f"{response_count:,} {'person' if response_count == 1 else 'people'} responded."]
    for section in questions:
        if not section.tables:
            continue
        table = section.tables[0]
        rows = [row for row in table.rows[:-1] if isinstance(row[1], Cell) and not row[1].suppressed and row[1].count]
        if not rows:
            continue
        top = max(rows, key=lambda row: row[1].count)
        if section.kind == "free_text":
            if top[0] != "Not yet given a theme":
                you_said.append(f"Asked “{section.title}”, the theme people raised most was {top[0].lower()}.")
        elif top[2]:
            you_said.append(f"Asked “{section.title}”, {top[2]} answered “{top[0]}”.")
    return {"we_asked": we_asked, "you_said": you_said}


# --- The whole report ---------------------------------------------------------------------


def report_build(*, survey: SurveyPage, breakdown: tuple[SurveyQuestion, Dimension] | None = None) -> Report:
    """The survey's report: the headline, a section per question, the breakdown asked for (if
    any) and the draft "We asked, you said". A fixed number of queries, whatever the number of
    responses."""
    questions = [q for q in survey.questions.all() if q.kind != Kind.SECTION]
    responses = Response.objects.filter(survey=survey)
    stats = responses.aggregate(
        count=Count("id"), demo=Count("id", filter=Q(is_demo=True)), first=Min("submitted_at"), last=Max("submitted_at")
    )
    channels = dict(responses.values_list("channel").annotate(n=Count("id")).order_by())
    weeks = list(
        responses.annotate(week=TruncWeek("submitted_at")).values_list("week").annotate(n=Count("id")).order_by("week")
    )
    weeks = _weeks_filled(
        [(timezone.localtime(week).date() if hasattr(week, "hour") else week, n) for week, n in weeks]
    )
    ward_names = dict(Ward.objects.order_by("name").values_list("pk", "name"))

    data = {q.pk: QuestionData(question=q) for q in questions}
    free_ids = [q.pk for q in questions if q.kind in SurveyQuestion.FREE_TEXT_KINDS]
    closed_ids = [q.pk for q in questions if q.pk not in free_ids]
    if closed_ids:
        # Kept as answers are saved (AnswerCount): a few rows per question, never the answers.
        groups = AnswerCount.objects.filter(question_id__in=closed_ids, n__gt=0).values_list(
            "question_id", "value", "n"
        )
        for question_id, value, n in groups:
            data[question_id].groups.append((value, n))
    if free_ids:
        answered = (
            Answer.objects.filter(question_id__in=free_ids)
            .exclude(value="")
            .values_list("question_id")
            .annotate(n=Count("id"))
            .order_by()
        )
        for question_id, n in answered:
            data[question_id].answered = n
        themed = (
            Feedback.objects.filter(question_id__in=free_ids, survey=survey)
            .exclude(confirmed_theme_bits=0)
            .values_list("question_id")
            .annotate(n=Count("id"))
            .order_by()
        )
        for question_id, n in themed:
            data[question_id].themed = n
        themes = (
            ThemedFeedback.objects.filter(content_object__question_id__in=free_ids, content_object__survey=survey)
            .values_list("content_object__question_id", "tag__name", "tag__sort_order")
            .annotate(n=Count("content_object", distinct=True))
            .order_by("tag__sort_order", "tag__name")
        )
        for question_id, name, _, n in themes:
            data[question_id].themes.append((name, n))

    # Who was not asked each question (skip logic): the responses grouped by the list of
    # questions they were shown, few lists whatever the number of responses.
    not_asked: Counter = Counter()
    for asked, n in responses.exclude(asked=None).values_list("asked").annotate(n=Count("id")).order_by():
        shown = set(asked or [])
        for question in questions:
            if question.pk not in shown:
                not_asked[question.pk] += n

    context = {"response_count": stats["count"], "ward_names": ward_names}
    headline = _headline(survey, stats, channels, weeks)
    question_sections = []
    for question in questions:
        section = QUESTION_BUILDERS.get(question.kind, _generic_section)(data[question.pk], context)
        if not_asked[question.pk]:
            skipped = Cell(not_asked[question.pk], suppressed=0 < not_asked[question.pk] < 5)
            section.paragraphs.append(
                f"{skipped.text} people were not asked it: the survey's rules skipped it after their earlier answers."
            )
        question_sections.append(section)
    sections = [headline, *question_sections]
    if survey.equality_monitoring:
        sections.append(_equality_section(survey))
    quotes = _quotes_section(survey)
    if quotes is not None:
        sections.append(quotes)
    if breakdown is not None:
        sections.append(breakdown_build(question=breakdown[0], dimension=breakdown[1]))
    report = Report(
        survey=survey,
        response_count=stats["count"],
        demo_count=stats["demo"],
        sections=sections,
    )
    report.draft = _draft(survey, headline, question_sections, stats["count"])
    return report


def _equality_section(survey: SurveyPage) -> Section:
    """The "About you" answers, each question's counts suppressed like any other's: special
    category data, reported only in aggregate. Two queries."""
    figures = equality_counts(survey=survey)
    section = Section(
        kind="equality", slug="equality-monitoring", title="Equality monitoring: about the people who responded"
    )
    section.paragraphs.append(
        "Every question was optional. Counts from 1 to 4, and counts that would let one be worked out, show as "
        "“fewer than 5”."
    )
    for question in figures["questions"]:
        labels = [row.label for row in question.counts]
        counts = [row.count for row in question.counts]
        table = _counts_table(
            f"equality-{question.field}", question.label, labels, counts, figures["responses"], additive=True
        )
        table.rows[-1][0] = "People who responded"
        section.tables.append(table)
    return section


def _quotes_section(survey: SurveyPage) -> Section | None:
    """The quotes officers pinned, by theme: the only written words the report shows, each
    checked for names, phone numbers and email addresses when it was pinned."""
    themes = pinned_quotes(survey=survey)
    if not themes:
        return None
    section = Section(kind="quotes", slug="quotes", title="In their own words")
    for group in themes:
        for quote in group.quotes:
            section.paragraphs.append(f"{group.theme.name}: “{quote}”")
    return section


def report_public(*, survey: SurveyPage) -> Report:
    """What the public results summary shows: the headline, the closed questions' counts,
    suppressed, the figures of numbers, rankings and grids, and the quotes officers pinned. No
    other free text, no themes (they summarise free text), no breakdowns, no equality
    monitoring (special category data stays in the council's own report). A number question
    shows its median and mean only: its smallest and largest answers are one person's each."""
    report = report_build(survey=survey)
    report.sections = [s for s in report.sections if s.kind in ("headline", "question", "question_figures", "quotes")]
    for section in report.sections:
        if section.kind == "question_figures":
            section.public_tables = [_public_table(table) for table in section.tables]
    return report


@dataclass
class PublicTable:
    """A figures table as the public summary shows it: every cell already text, in the
    visitor's language where it is the report's own word, small counts hidden."""

    title: str
    header: list[str]
    # {"label", "ours" (the label is the report's own word, in the visitor's language; else it
    # is what editors wrote, a choice or a statement), "cells"}
    rows: list[dict]


# The report's own words in its figures tables, as the public summary says them.
_PUBLIC_WORDS = {
    "Answer": lambda: _("Answer"),
    "Count": lambda: _("Count"),
    "Per cent": lambda: _("Per cent"),
    "Figure": lambda: _("Figure"),
    "Value": lambda: _("Value"),
    "Median": lambda: _("Median"),
    "Mean": lambda: _("Mean"),
    "Choice": lambda: _("Choice"),
    "Mean rank": lambda: _("Mean rank"),
    "Ranked by": lambda: _("Ranked by"),
    "not shown": lambda: _("not shown"),
    "People who answered": lambda: _("People who answered"),
    "People who ranked": lambda: _("People who ranked"),
}
_NOT_PUBLIC = ("Smallest", "Largest")


def _public_word(value: str) -> str:
    word = _PUBLIC_WORDS.get(value)
    return word() if word else value


def _public_cell(value) -> str:
    if isinstance(value, Cell):
        return _("fewer than 5") if value.suppressed else f"{value.count:,}"
    return _public_word(str(value))


def _public_table(table: Table) -> PublicTable:
    return PublicTable(
        title=table.title,
        header=[_public_word(cell) for cell in table.header],
        rows=[
            {
                "label": _public_word(str(row[0])),
                "ours": str(row[0]) in _PUBLIC_WORDS,
                "cells": [_public_cell(cell) for cell in row[1:]],
            }
            for row in table.rows
            if row[0] not in _NOT_PUBLIC
        ],
    )
