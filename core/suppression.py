"""Small-number suppression of whole tables, with their totals: what a report, a public results
summary or an equality summary shows when it counts people by one or two things.

A count from 1 to 4 is shown as "fewer than 5" (primary suppression, core/disclosure.py). A
table also shows totals, so a hidden count could be worked out by subtraction: a row of
[3, 12] with its total 15 gives the 3 away. So the table is read as lines, each a set of cells
whose sum is shown or known: every row with its row total, every column with its column total,
the column of row totals and the row of column totals, each with the grand total. No line may
hold exactly one hidden cell: when one does, its smallest shown cell is hidden too (secondary,
or complementary, suppression), and every line is checked again until none changes
(core.disclosure.suppress_with_complements does the iterating, in a fixed order so that the
same figures always hide the same cells). A total is a cell like any other: a total from 1 to
4 is hidden, and a total can be hidden to protect a line.

Some tables have no sums across a row: the choices of a multiple-choice question, where a
person can pick several, so the "total" is the people who answered, not the sum of the cells.
`additive=False` says so: then only counts from 1 to 4 are hidden, since nothing can be
subtracted.

Hand-written on top of core/disclosure.py: the statistical disclosure control packages
(sdcTable, tau-Argus) are R and Java programs made for national statistics offices; there is no
maintained Python library for cell suppression of small tables, and the rule here is short.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from .disclosure import SUPPRESSED_TEXT, is_suppressed, suppress_with_complements


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
