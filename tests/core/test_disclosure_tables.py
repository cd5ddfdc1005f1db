"""Small-number suppression of tables with their totals (core/disclosure.py): counts from 1 to
4 are hidden, and enough others that no hidden count can be worked out from a row or column
total."""

import itertools

import pytest

from core.disclosure import Cell, row_suppress, table_suppress


def _hidden(table) -> list[list[bool]]:
    return [[cell.suppressed for cell in row] for row in table.cells]


def _lines(table):
    """Every row and column with its total, the totals column and the totals row."""
    for r, row in enumerate(table.cells):
        yield [*row, table.row_totals[r]]
    for c in range(len(table.column_totals)):
        yield [*(row[c] for row in table.cells), table.column_totals[c]]
    yield [*table.row_totals, table.total]
    yield [*table.column_totals, table.total]


def _assert_no_line_gives_a_count_away(table):
    for line in _lines(table):
        hidden = [cell for cell in line if cell.suppressed and cell.count]
        assert len(hidden) != 1, f"One hidden count in {line} can be worked out from the others"


def test_counts_under_5_are_shown_as_fewer_than_5_and_zero_is_shown():
    table = row_suppress([0, 7, 9, 12])
    assert [cell.text for cell in table.cells[0]] == ["0", "7", "9", "12"]
    assert table.total.text == "28"
    assert Cell(4, suppressed=True).text == "fewer than 5" and Cell(1234).text == "1,234"


def test_a_row_with_one_small_count_hides_the_next_smallest_too():
    table = row_suppress([3, 10, 20])
    assert _hidden(table) == [[True, True, False]]
    assert table.total.text == "33"
    _assert_no_line_gives_a_count_away(table)


def test_two_small_counts_in_a_row_protect_each_other():
    table = row_suppress([3, 2, 20])
    assert _hidden(table) == [[True, True, False]]


def test_a_total_under_5_is_hidden_with_its_cells():
    table = row_suppress([3, 0])
    assert table.total.suppressed and table.cells[0][0].suppressed
    assert not table.cells[0][1].suppressed


def test_complementary_suppression_runs_over_rows_and_columns_until_stable():
    counts = [
        [2, 10, 11],
        [12, 13, 14],
        [15, 16, 17],
    ]
    table = table_suppress(counts)
    hidden = _hidden(table)
    assert hidden[0][0]
    # The row of the 2 hides its next smallest (10), the column of the 2 its next smallest (12);
    # then the column of the 10 and the row of the 12 each hold one hidden count, and so on.
    assert hidden[0][1] and hidden[1][0]
    _assert_no_line_gives_a_count_away(table)


def test_the_column_total_cannot_give_a_hidden_cell_away():
    table = table_suppress([[3], [30], [40]])
    assert _hidden(table) == [[True], [True], [False]]
    assert table.column_totals[0].text == "73"
    _assert_no_line_gives_a_count_away(table)


def test_a_row_total_hidden_for_being_small_is_protected_in_the_totals_column():
    table = table_suppress([[1, 2], [20, 30], [40, 50]])
    assert table.row_totals[0].suppressed
    _assert_no_line_gives_a_count_away(table)
    assert not table.total.suppressed


@pytest.mark.parametrize("seed", range(30))
def test_no_line_ever_has_exactly_one_hidden_count(seed):
    import random

    rng = random.Random(seed)  # noqa: S311 - repeatable test tables
    counts = [[rng.choice([0, 1, 2, 3, 4, 5, 6, 9, 15, 40]) for _ in range(4)] for _ in range(5)]
    _assert_no_line_gives_a_count_away(table_suppress(counts))


def test_the_same_counts_always_hide_the_same_cells():
    counts = [[3, 8, 8], [8, 8, 8]]
    assert _hidden(table_suppress(counts)) == _hidden(table_suppress([row[:] for row in counts]))


def test_without_sums_only_small_counts_are_hidden():
    table = row_suppress([3, 10, 20], total=25, additive=False)
    assert _hidden(table) == [[True, False, False]]
    assert table.total.count == 25 and not table.total.suppressed


def test_percentages_are_left_out_where_a_count_is_hidden():
    table = row_suppress([3, 10, 20, 17])
    cells = table.cells[0]
    assert [cell.percent_of(table.total) for cell in cells] == ["", "", "40%", "34%"]
    assert Cell(5).percent_of(0) == ""


def test_rows_must_be_as_long_as_each_other():
    with pytest.raises(ValueError):
        table_suppress([[1, 2], [3]])


def test_an_empty_table_is_all_zero():
    table = table_suppress([])
    assert table.cells == [] and table.total == Cell(0)
    assert not list(itertools.chain.from_iterable(table.cells))
