"""The feedback dashboard's charts: inline SVG, no inline styles (CSP).

The geometry is worked out here, in the SVG's own units; the template only writes it out
(templates/consultation/admin/includes/chart.html). Colours come from CSS classes in
static/css/admin-dashboard.css; text uses currentColor, so it follows the admin's theme. Each
chart's aria-label says its numbers in words, and the same numbers are in a table beside it.
The scale and the way numbers are written are the ones every chart uses (core/charts.py).
"""

from dataclasses import dataclass, field
from typing import NamedTuple

from core.charts import Scale, coordinate, number_text

from .counting import CountRow, MonthCount, ThemeSourceTable


@dataclass
class Chart:
    id: str
    label: str  # aria-label: the chart's numbers in words
    width: int
    height: int
    rects: list[dict] = field(default_factory=list)
    texts: list[dict] = field(default_factory=list)


CHART_WIDTH = 640
LABEL_WIDTH = 230  # theme, ward and age band names, right-aligned
BAR_MAX = 310  # the longest bar; room is left after it for its value
ROW_HEIGHT = 26
BAR_HEIGHT = 16
# A count that is not shown is marked with a hatched block of this fixed width, never to scale.
SUPPRESSED_MARK = 14


class Segment(NamedTuple):
    """A stretch of a horizontal bar, in the chart's units, with its CSS class."""

    length: float
    css: str
    hatched: bool = False


SUPPRESSED = Segment(SUPPRESSED_MARK, "dash-chart__suppressed", hatched=True)


def _rect(x, y, width, height, css, *, hatched=False) -> dict:
    return {
        "x": coordinate(x),
        "y": coordinate(y),
        "width": coordinate(width),
        "height": coordinate(height),
        "css": css,
        "hatched": hatched,
    }


def _text(x, y, text, css="dash-chart__text", anchor="start") -> dict:
    return {"x": coordinate(x), "y": coordinate(y), "text": text, "css": css, "anchor": anchor}


def _in_words(title: str, parts: list[str], separator: str = ", ") -> str:
    """The aria-label: the title, then each part."""
    return f"{title}: {separator.join(parts)}."


def _bar_rows(chart_id: str, label: str, rows: list[tuple[str, list[Segment], str]]) -> Chart:
    """One row per (name, segments, value): the name right-aligned on the left, the segments
    end to end (one of length 0 is not drawn), then the value."""
    chart = Chart(id=chart_id, label=label, width=CHART_WIDTH, height=len(rows) * ROW_HEIGHT + 8)
    for i, (name, segments, value) in enumerate(rows):
        top = 4 + i * ROW_HEIGHT
        middle = top + BAR_HEIGHT / 2 + 4
        chart.texts.append(_text(LABEL_WIDTH - 8, middle, name, anchor="end"))
        x = LABEL_WIDTH
        for segment in segments:
            if segment.length:
                chart.rects.append(_rect(x, top, segment.length, BAR_HEIGHT, segment.css, hatched=segment.hatched))
                x += segment.length
        chart.texts.append(_text(x + 6, middle, value, css="dash-chart__value"))
    return chart


def bar_chart(chart_id: str, title: str, rows: list[CountRow]) -> Chart:
    """Horizontal bars, one per row. A suppressed count gets a hatched mark, not a bar."""
    scale = Scale.to_largest((row.count for row in rows if not row.suppressed), length=BAR_MAX)
    return _bar_rows(
        chart_id,
        _in_words(title, [f"{row.label} {row.text}" for row in rows]),
        [
            (row.label, [SUPPRESSED if row.suppressed else Segment(scale(row.count), "dash-chart__bar")], row.text)
            for row in rows
        ],
    )


def theme_source_chart(table: ThemeSourceTable) -> Chart:
    """One bar per theme, in segments by source (CSS classes dash-fill--0 to --4)."""
    scale = Scale.to_largest((row.total for row in table.rows), length=BAR_MAX)
    words = []
    for row in table.rows:
        parts = [
            f"{source} {number_text(count)}" for source, count in zip(table.sources, row.counts, strict=True) if count
        ]
        words.append(f"{row.label} {number_text(row.total)}" + (f" ({', '.join(parts)})" if parts else ""))
    return _bar_rows(
        "theme-source",
        _in_words("Feedback by confirmed theme and source", words, separator="; "),
        [
            (
                row.label,
                [Segment(scale(count), f"dash-fill--{j}") for j, count in enumerate(row.counts)],
                number_text(row.total),
            )
            for row in table.rows
        ],
    )


def month_chart(months: list[MonthCount]) -> Chart:
    """A column per month, oldest on the left, each labelled with its count."""
    height, top, plot = 250, 24, 170
    chart = Chart(
        id="months",
        label=_in_words(
            f"Feedback received in each of the last {len(months)} months",
            [f"{m.label} {number_text(m.count)}" for m in months],
        ),
        width=CHART_WIDTH,
        height=height,
    )
    slot = (CHART_WIDTH - 16) / max(len(months), 1)
    column = slot * 0.6
    scale = Scale.to_largest((m.count for m in months), length=plot)
    baseline = top + plot
    for i, item in enumerate(months):
        centre = 8 + slot * i + slot / 2
        bar = scale(item.count)
        if bar:
            chart.rects.append(_rect(centre - column / 2, baseline - bar, column, bar, "dash-chart__bar"))
        chart.texts.append(
            _text(centre, baseline - bar - 6, number_text(item.count), css="dash-chart__value", anchor="middle")
        )
        chart.texts.append(_text(centre, baseline + 20, f"{item.month:%b}", anchor="middle"))
        chart.texts.append(_text(centre, baseline + 38, f"{item.month:%Y}", css="dash-chart__small", anchor="middle"))
    chart.rects.append(_rect(8, baseline, CHART_WIDTH - 16, 1, "dash-chart__axis"))
    return chart
