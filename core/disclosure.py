"""Small-number suppression: counts from 1 to 4 are never shown as numbers where they could
single someone out (by ward or age band on the dashboard, on the public pages and in the open
data). Zero is shown: it says nothing about anyone.

One rule for everything that publishes counts, so the threshold and the words never drift apart.

Tables published to anyone (the open data) also need protection against working a hidden count
out from the others: `suppress_with_complements` hides more cells so that no row or column
holds exactly one hidden count, and `round_count` rounds what is shown, so the same table at
two times does not show a single piece of feedback moving from one cell to another.
"""

from collections.abc import Hashable, Iterable, Mapping

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
