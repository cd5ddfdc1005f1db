"""Small-number suppression: counts from 1 to 4 are never shown as numbers where they could
single someone out (by ward or age band on the dashboard, on the public pages and in the open
data). Zero is shown: it says nothing about anyone.

One rule for everything that publishes counts, so the threshold and the words never drift apart.

Tables published to anyone (the open data) also need protection against working a hidden count
out from the others: `suppress_with_complements` hides more cells so that no row or column
holds exactly one hidden count, and `round_count` rounds what is shown, so the same table at
two times does not show a single piece of feedback moving from one cell to another.
`table_suppress` and `row_suppress` do the same for a table with its row, column and grand
totals (the survey results report, the public results summary), giving each count as a `Cell`
that knows how it may be shown.
"""

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

SUPPRESS_BELOW = 5
SUPPRESSED_TEXT = "fewer than 5"
# Published counts in open tables are rounded to the nearest multiple of this.
ROUND_TO = 5


def is_suppressed(count: int | None) -> bool:
    """True for 1 to 4: a count too small to show."""
    return count is not None and 0 < count < SUPPRESS_BELOW


def count_text(count: int) -> str:
    """The count as it may be shown: "fewer than 5" for 1 to 4, else the number ("1,234")."""
    return SUPPRESSED_TEXT if is_suppressed(count) else f"{count:,}"


def round_count(count: int) -> int:
    """The count rounded to the nearest multiple of ROUND_TO, halves up: 5 to 7 give 5, 8 to 12
    give 10, 13 gives 15. Only counts of SUPPRESS_BELOW and more are published, so nothing shown
    is ever rounded down to 0."""
    return ROUND_TO * ((count + ROUND_TO // 2) // ROUND_TO)


def suppress_with_complements(*, counts: Mapping[Hashable, int], lines: Iterable[Iterable[Hashable]]) -> set:
    """The keys of `counts` not to publish: every count from 1 to 4 (primary suppression), and
    enough others that none can be worked out by subtraction (complementary suppression).

    A line is a group of cells whose total is, or could one day be, published: a row or a
    column of a table, or a slice whose total another page shows. A line with exactly one hidden
    cell gives that cell away (total minus the others), so the smallest shown cell in it is
    hidden too, and the lines are checked again until none has exactly one hidden cell. Cells of
    0 are not in `counts` (nothing is published for them, and hiding one would protect nothing).
    Lines are checked in a fixed order (sorted by their cells), and ties go to the cell that
    sorts first, so the same counts always hide the same cells, whatever order they came in:
    which cells a pass hides depends on the order lines are checked in, and a different order
    could show a cell that was hidden before."""
    suppressed = {key for key, count in counts.items() if is_suppressed(count)}
    lines = sorted(
        (sorted((key for key in line if counts.get(key, 0) > 0), key=repr) for line in lines),
        key=lambda line: [repr(key) for key in line],
    )
    changed = bool(suppressed)
    while changed:
        changed = False
        for line in lines:
            hidden = sum(1 for key in line if key in suppressed)
            if hidden != 1:
                continue
            shown = [key for key in line if key not in suppressed]
            if shown:
                suppressed.add(min(shown, key=lambda key: counts[key]))
                changed = True
    return suppressed


# --- Tables with their totals ----------------------------------------------------------------
#
# What a report, a public results summary or an equality summary shows when it counts people by
# one or two things: a table with row and column totals and a grand total. The table is read as
# lines, each a set of cells whose sum is shown: every row with its row total, every column with
# its column total, the column of row totals and the row of column totals, each with the grand
# total. suppress_with_complements then hides counts from 1 to 4 and enough others that no line
# holds exactly one hidden cell. A total is a cell like any other: a total from 1 to 4 is hidden,
# and a total can be hidden to protect a line.
#
# Some tables have no sums across a row: the choices of a multiple-choice question, where a
# person can pick several, so the row's total is the people who answered, not the sum of its
# cells. `additive=False` says so: then only counts from 1 to 4 are hidden, since nothing can be
# subtracted.
#
# Hand-written: the statistical disclosure control tools (sdcTable, tau-Argus) are R and Java
# programs for national statistics offices; there is no maintained Python library for cell
# suppression of small tables, and the rule here is short.


@dataclass(frozen=True)
class Cell:
    """One count as it may be shown: `suppressed` counts are never shown as numbers."""

    count: int
    suppressed: bool = False

    @property
    def text(self) -> str:
        return SUPPRESSED_TEXT if self.suppressed else f"{self.count:,}"

    @property
    def shown(self) -> int | None:
        """The count, or None where it is hidden (for CSV and JSON)."""
        return None if self.suppressed else self.count

    def percent_of(self, total: "Cell | int") -> str:
        """ "12%" of the total, or "" when either is hidden or the total is 0: a percentage of a
        hidden count would give the count away."""
        if isinstance(total, Cell):
            if total.suppressed:
                return ""
            total = total.count
        if self.suppressed or not total:
            return ""
        return f"{round(100 * self.count / total)}%"


@dataclass(frozen=True)
class SuppressedTable:
    """A table of counts after suppression: `cells[row][column]`, the totals of each row and
    column and the grand total, each a Cell."""

    cells: list[list[Cell]]
    row_totals: list[Cell]
    column_totals: list[Cell]
    total: Cell

    @property
    def suppressed_any(self) -> bool:
        every = [cell for row in self.cells for cell in row] + self.row_totals + self.column_totals + [self.total]
        return any(cell.suppressed for cell in every)


def table_suppress(
    counts: Sequence[Sequence[int]], *, row_totals: Sequence[int] | None = None, additive: bool = True
) -> SuppressedTable:
    """Suppress a table of counts (a list of rows, each a list of counts, all rows as long) and
    its totals, so that no hidden count can be worked out from what is shown (see the module
    docstring). Each row's total is the sum of its counts unless `row_totals` are given: with
    `additive=False` the cells of a row do not add up to their total, and only counts from 1 to
    4 are hidden."""
    totals = [sum(row) for row in counts] if row_totals is None else list(row_totals)
    return _suppress(counts, row_totals=totals, additive=additive)


def row_suppress(counts: Sequence[int], *, total: int | None = None, additive: bool = True) -> SuppressedTable:
    """One row of counts with its total: a question's answers. `total` defaults to the sum; give
    it when the row is not additive (the people who answered a multiple-choice question)."""
    row_total = sum(counts) if total is None else total
    return _suppress([list(counts)], row_totals=[row_total], additive=additive)


def _suppress(counts: Sequence[Sequence[int]], *, row_totals: list[int], additive: bool) -> SuppressedTable:
    rows = [list(row) for row in counts]
    width = max((len(row) for row in rows), default=0)
    if any(len(row) != width for row in rows):
        raise ValueError("Every row of a table must have as many counts as the others.")
    values: dict[tuple, int] = {}
    for r, row in enumerate(rows):
        for c, count in enumerate(row):
            values[("cell", r, c)] = count
        values[("row", r)] = row_totals[r]
    for c in range(width):
        values[("column", c)] = sum(row[c] for row in rows)
    values[("total",)] = sum(row_totals)

    if additive:
        lines = [[("cell", r, c) for c in range(width)] + [("row", r)] for r in range(len(rows))]
        lines += [[("cell", r, c) for r in range(len(rows))] + [("column", c)] for c in range(width)]
        lines.append([("row", r) for r in range(len(rows))] + [("total",)])
        lines.append([("column", c) for c in range(width)] + [("total",)])
        hidden = suppress_with_complements(counts=values, lines=lines)
    else:
        hidden = {key for key, count in values.items() if is_suppressed(count)}

    def cell(key) -> Cell:
        return Cell(count=values[key], suppressed=key in hidden)

    return SuppressedTable(
        cells=[[cell(("cell", r, c)) for c in range(width)] for r in range(len(rows))],
        row_totals=[cell(("row", r)) for r in range(len(rows))],
        column_totals=[cell(("column", c)) for c in range(width)],
        total=cell(("total",)),
    )
