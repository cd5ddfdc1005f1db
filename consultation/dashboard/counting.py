"""What the feedback dashboard counts, and how: the figures and the queries that count them.

What has been said: confirmed themes by source, the last 12 months, wards and age bands, the
untriaged backlog and its age, and how well the suggested themes agree with the themes officers
confirm.

Everything is counted in the database with a fixed number of aggregate queries (six on
PostgreSQL, seven elsewhere), however many rows there are (tests/consultation/test_dashboard.py
holds it to that), none of them joining another table to the feedback: each piece's themes are
read from the bits kept on its row (consultation/theme_bits.py). At 100,000 pieces of feedback
on PostgreSQL, counting takes about 130 ms (bench/export.py).

Counts by ward and by age band from 1 to 4 are shown as "fewer than 5"
(core/disclosure.py), in the tables and the charts, so the page is safe to share.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection
from django.db.models import Case, Count, IntegerField, Min, Q, Value, When
from django.utils import timezone

from core.disclosure import count_text, is_suppressed
from core.models import Theme, Ward, site_language_name

from ..models import AgeBand, Feedback

LONDON = ZoneInfo("Europe/London")
MONTHS_SHOWN = 12
NO_THEME = "No theme yet"
NOT_GIVEN = "Not given"
# How long untriaged feedback has been waiting: (label, from days, to days or None).
BACKLOG_BUCKETS = [
    ("Under a week", 0, 7),
    ("1 to 4 weeks", 7, 28),
    ("4 weeks or more", 28, None),
]


# --- The figures ------------------------------------------------------------------------


def percent_text(share: float | None) -> str:
    """A share as a whole percentage ("83%"), or "not applicable" when there was nothing to divide."""
    return "not applicable" if share is None else f"{round(100 * share)}%"


@dataclass
class CountRow:
    """One labelled count. With `suppress`, 1 to 4 is shown as "fewer than 5"."""

    label: str
    count: int
    suppress: bool = False
    #: Where the row's feedback is listed, if anywhere (the feedback list, filtered).
    url: str = ""

    @property
    def suppressed(self) -> bool:
        return self.suppress and is_suppressed(self.count)

    @property
    def text(self) -> str:
        return count_text(self.count) if self.suppress else f"{self.count:,}"


@dataclass
class ThemeSourceRow:
    """One theme (or "No theme yet") with its count of feedback from each source."""

    label: str
    counts: list[int]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass
class ThemeSourceTable:
    """Confirmed themes by source. A piece of feedback may have several themes, so the theme
    rows can add up to more than `source_totals`, which count each piece once."""

    sources: list[str]
    rows: list[ThemeSourceRow]
    source_totals: list[int]

    @property
    def total(self) -> int:
        return sum(self.source_totals)


@dataclass
class MonthCount:
    month: datetime  # the first moment of the month, Europe/London
    count: int

    @property
    def label(self) -> str:
        return f"{self.month:%B %Y}"


@dataclass
class Backlog:
    """Feedback no officer has reviewed yet, and how long it has waited (whole days)."""

    count: int
    oldest_on: date | None
    oldest_days: int | None
    median_days: int | None
    buckets: list[CountRow]


@dataclass
class ThemeAgreement:
    """How often the suggester was right about one theme.

    precision: of the pieces it suggested the theme for, the share an officer confirmed it on.
    recall: of the pieces an officer confirmed the theme on, the share it had been suggested for.
    """

    theme: str
    suggested: int
    confirmed: int
    both: int

    @property
    def precision(self) -> float | None:
        return self.both / self.suggested if self.suggested else None

    @property
    def recall(self) -> float | None:
        return self.both / self.confirmed if self.confirmed else None

    @property
    def precision_text(self) -> str:
        return percent_text(self.precision)

    @property
    def recall_text(self) -> str:
        return percent_text(self.recall)


@dataclass
class Agreement:
    """Suggested against confirmed themes, over reviewed feedback that has both."""

    compared: int
    exact: int
    themes: list[ThemeAgreement]

    @property
    def share(self) -> float | None:
        return self.exact / self.compared if self.compared else None

    @property
    def share_text(self) -> str:
        return percent_text(self.share)


# --- Selectors: a fixed number of aggregate queries --------------------------------------
#
# None of them joins another table to the feedback: each piece's themes are read from the bits
# kept on its row (consultation/theme_bits.py). They are:
# - feedback counted by source, ward and age band, and by source, reviewed or not, confirmed
#   and suggested themes (from which both the theme table and the agreement are added up).
#   On PostgreSQL both come from one pass over the table (GROUPING SETS), elsewhere from two;
# - feedback per month shown, grouped by the month it falls in;
# - the backlog per age bucket and its oldest piece, and its middle one or two pieces for the
#   median, both read through a partial index on unreviewed feedback;
# - the themes, and the wards.
# Six queries on PostgreSQL, seven elsewhere, however many rows.


@dataclass
class ThemeSets:
    """Feedback counted by its themes (as sets of Theme.bit): by source and confirmed themes;
    and, for reviewed feedback that has both, by confirmed and suggested themes."""

    by_source: Counter = field(default_factory=Counter)  # (source, confirmed): count
    compared: Counter = field(default_factory=Counter)  # (confirmed, suggested): count

    def add(self, source: str, reviewed: bool, confirmed: int, suggested: int, n: int) -> None:
        self.by_source[source, confirmed] += n
        if reviewed and confirmed and suggested:
            self.compared[confirmed, suggested] += n


@dataclass
class FeedbackCounts:
    """Feedback counted by source, by ward (None: not given), by age band ("": not given), by
    the language it was given in, and by its themes."""

    by_source: Counter = field(default_factory=Counter)
    by_ward: Counter = field(default_factory=Counter)
    by_age_band: Counter = field(default_factory=Counter)
    by_language: Counter = field(default_factory=Counter)
    themes: ThemeSets = field(default_factory=ThemeSets)

    def add(self, source: str, ward_id: int | None, age_band: str, language: str, n: int) -> None:
        self.by_source[source] += n
        self.by_ward[ward_id] += n
        self.by_age_band[age_band] += n
        self.by_language[language] += n


def feedback_counts() -> FeedbackCounts:
    """Feedback counted by source, ward, age band and language, and by its themes. One query on
    PostgreSQL, two elsewhere."""
    if connection.vendor == "postgresql":
        return _feedback_counts_one_pass()
    return _feedback_counts_two_passes()


def _feedback_counts_two_passes() -> FeedbackCounts:
    """The two groupings as two queries, for databases without GROUPING SETS (SQLite)."""
    counts = FeedbackCounts()
    grouped = Feedback.objects.values_list("source", "ward_id", "age_band", "language")
    for row in grouped.annotate(n=Count("pk")).order_by():
        counts.add(*row)
    theme_rows = (
        Feedback.objects.values_list("source", "reviewed", "confirmed_theme_bits", "suggested_theme_bits")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in theme_rows:
        counts.themes.add(*row)
    return counts


def _feedback_counts_one_pass() -> FeedbackCounts:
    """The same two groupings in one pass over the table, with PostgreSQL's GROUPING SETS;
    GROUPING(ward) tells the second grouping's rows (1) from the first's (0)."""
    meta = Feedback._meta
    quote = connection.ops.quote_name

    def column(name: str) -> str:
        return quote(meta.get_field(name).column)

    source, ward, age_band, language = column("source"), column("ward"), column("age_band"), column("language")
    reviewed, confirmed, suggested = column("reviewed"), column("confirmed_theme_bits"), column("suggested_theme_bits")
    # Only column and table names, quoted, go into the text: nothing from a request.
    columns = f"{source}, {ward}, {age_band}, {language}, {reviewed}, {confirmed}, {suggested}"
    sets = f"({source}, {ward}, {age_band}, {language}), ({source}, {reviewed}, {confirmed}, {suggested})"
    table = quote(meta.db_table)
    query = f"SELECT GROUPING({ward}), {columns}, COUNT(*) FROM {table} GROUP BY GROUPING SETS ({sets})"  # noqa: S608
    counts = FeedbackCounts()
    with connection.cursor() as cursor:
        cursor.execute(query)
        for by_themes, source_value, ward_id, band, code, is_reviewed, confirmed_bits, suggested_bits, n in cursor:
            if by_themes:
                counts.themes.add(source_value, is_reviewed, confirmed_bits, suggested_bits, n)
            else:
                counts.add(source_value, ward_id, band, code, n)
    return counts


def feedback_by_theme_and_source(
    *, themes: list[Theme], by_source: dict[str, int], sets: ThemeSets
) -> ThemeSourceTable:
    """Per confirmed theme (and "No theme yet"), the feedback from each source."""
    sources = list(Feedback.Source)
    column = {source.value: i for i, source in enumerate(sources)}
    masks = [theme.mask for theme in themes]
    counts = [[0] * len(sources) for _ in range(len(themes) + 1)]  # the themes, then "No theme yet"
    for (source, confirmed), n in sets.by_source.items():
        if source not in column:
            continue
        if not confirmed:
            counts[-1][column[source]] += n
        for i, mask in enumerate(masks):
            if confirmed & mask:
                counts[i][column[source]] += n

    rows = [ThemeSourceRow(label=theme.name, counts=row) for theme, row in zip(themes, counts[:-1], strict=True)]
    rows.append(ThemeSourceRow(label=NO_THEME, counts=counts[-1]))
    return ThemeSourceTable(
        sources=[source.label for source in sources],
        rows=rows,
        source_totals=[by_source.get(source.value, 0) for source in sources],
    )


def theme_agreement(*, themes: list[Theme], sets: ThemeSets) -> Agreement:
    """Suggested against confirmed themes, over reviewed feedback that has both: the share whose
    confirmed themes are exactly the suggested ones, and per theme how often a suggestion was
    confirmed (precision) and a confirmed theme had been suggested (recall)."""
    masks = [theme.mask for theme in themes]
    suggested, confirmed, both = [0] * len(themes), [0] * len(themes), [0] * len(themes)
    for (confirmed_bits, suggested_bits), n in sets.compared.items():
        for i, mask in enumerate(masks):
            if suggested_bits & mask:
                suggested[i] += n
                if confirmed_bits & mask:
                    both[i] += n
            if confirmed_bits & mask:
                confirmed[i] += n
    return Agreement(
        compared=sum(sets.compared.values()),
        exact=sum(n for (c, s), n in sets.compared.items() if c == s),
        themes=[
            ThemeAgreement(theme=theme.name, suggested=suggested[i], confirmed=confirmed[i], both=both[i])
            for i, theme in enumerate(themes)
        ],
    )


def feedback_by_ward(*, by_ward: dict[int | None, int]) -> list[CountRow]:
    """Feedback per ward (every ward, then "Not given"), small counts suppressed. One query."""
    rows = [
        CountRow(label=name, count=by_ward.get(pk, 0), suppress=True)
        for pk, name in Ward.objects.order_by("name").values_list("pk", "name")
    ]
    rows.append(CountRow(label=NOT_GIVEN, count=by_ward.get(None, 0), suppress=True))
    return rows


def feedback_by_age_band(*, by_age_band: dict[str, int]) -> list[CountRow]:
    """Feedback per age band, in the bands' order, then "Not given"; small counts suppressed."""
    rows = [CountRow(label=band.label, count=by_age_band.get(band.value, 0), suppress=True) for band in AgeBand]
    rows.append(CountRow(label=NOT_GIVEN, count=by_age_band.get("", 0), suppress=True))
    return rows


def feedback_by_language(*, by_language: dict[str, int], list_url: str = "") -> list[CountRow]:
    """Feedback per language it was given in, the site's languages in their order (English
    first), then any no longer on the site; small counts suppressed. With `list_url` (the
    feedback list), each row links to the list filtered by its language."""
    codes = [code for code, _name in settings.LANGUAGES]
    codes += sorted(code for code in by_language if code not in codes)
    return [
        CountRow(
            label=site_language_name(code),
            count=by_language.get(code, 0),
            suppress=True,
            url=f"{list_url}?{urlencode({'language': code})}" if list_url else "",
        )
        for code in codes
    ]


def _day_start(day: date) -> datetime:
    """Midnight at the start of a UK day."""
    return datetime(day.year, day.month, day.day, tzinfo=LONDON)


def _month_starts(now: datetime, count: int) -> list[datetime]:
    """The first moments (Europe/London) of the `count` months up to and including now's."""
    local = timezone.localtime(now, LONDON)
    year, month = local.year, local.month
    starts = []
    for _ in range(count):
        starts.append(datetime(year, month, 1, tzinfo=LONDON))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


def _next_month(start: datetime) -> datetime:
    year, month = (start.year, start.month + 1) if start.month < 12 else (start.year + 1, 1)
    return datetime(year, month, 1, tzinfo=LONDON)


def feedback_by_month(*, now: datetime) -> list[MonthCount]:
    """Feedback received in each of the last 12 months (Europe/London), oldest first. One query:
    the feedback of those months grouped by which one it falls in (the latest month that
    started before it)."""
    starts = _month_starts(now, MONTHS_SHOWN)
    which = Case(
        *[When(created_at__gte=start, then=Value(i)) for i, start in reversed(list(enumerate(starts)))],
        output_field=IntegerField(),
    )
    counts = dict(
        Feedback.objects.filter(created_at__gte=starts[0], created_at__lt=_next_month(starts[-1]))
        .annotate(month=which)
        .values_list("month")
        .annotate(n=Count("*"))  # COUNT(*): PostgreSQL can answer from the created_at index alone
        .order_by()
    )
    return [MonthCount(month=start, count=counts.get(i, 0)) for i, start in enumerate(starts)]


def _waiting_filters(now: datetime) -> list[Q]:
    """Per BACKLOG_BUCKETS, feedback that has waited that many whole UK days: arrived on or
    after the first day of the range and before the day after its last. Feedback dated in the
    future counts as arrived today."""
    today = timezone.localtime(now, LONDON).date()
    filters = []
    for _label, low, high in BACKLOG_BUCKETS:
        condition = Q()
        if high is not None:
            condition &= Q(created_at__gte=_day_start(today - timedelta(days=high - 1)))
        if low > 0:
            condition &= Q(created_at__lt=_day_start(today - timedelta(days=low - 1)))
        filters.append(condition)
    return filters


def backlog_counts(*, now: datetime) -> tuple[list[int], datetime | None]:
    """Unreviewed feedback per BACKLOG_BUCKETS, and when the oldest piece arrived. One query."""
    filters = _waiting_filters(now)
    totals = Feedback.objects.filter(reviewed=False).aggregate(
        oldest=Min("created_at"),
        # Counting created_at (never null), the indexed column, lets PostgreSQL read the index alone
        **{f"waiting_{i}": Count("created_at", filter=condition) for i, condition in enumerate(filters)},
    )
    return [totals[f"waiting_{i}"] for i in range(len(filters))], totals["oldest"]


def backlog_middle(*, count: int) -> list[datetime]:
    """When the middle one or two of `count` pieces of unreviewed feedback arrived, in order of
    arrival. One query, which walks the backlog's partial index to the middle."""
    first = max((count - 1) // 2, 0)
    return list(
        Feedback.objects.filter(reviewed=False)
        .order_by("created_at")
        .values_list("created_at", flat=True)[first : count // 2 + 1]
    )


def untriaged_backlog(*, now: datetime) -> Backlog:
    """Feedback waiting for an officer's review: how much, how long the oldest and the median
    piece have waited, and how much has waited under a week, up to 4 weeks and longer. Two
    queries.

    Waits are in whole days, from the day it arrived to today (UK dates); a date in the future
    counts as today. The median of an even number is halfway between the middle two, rounded
    down."""
    today = timezone.localtime(now, LONDON).date()
    waiting, oldest = backlog_counts(now=now)
    middle = backlog_middle(count=sum(waiting))

    def waited(moment: datetime) -> int:
        return max((today - timezone.localtime(moment, LONDON).date()).days, 0)

    oldest_days = waited(oldest) if oldest is not None else None
    middle_days = [waited(moment) for moment in middle]
    return Backlog(
        count=sum(waiting),
        oldest_on=today - timedelta(days=oldest_days) if oldest_days is not None else None,
        oldest_days=oldest_days,
        median_days=sum(middle_days) // len(middle_days) if middle_days else None,
        buckets=[
            CountRow(label=label, count=n) for (label, _low, _high), n in zip(BACKLOG_BUCKETS, waiting, strict=True)
        ],
    )
