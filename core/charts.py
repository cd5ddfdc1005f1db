"""What every chart drawn on the server as inline SVG shares: how a value becomes a length,
and how a number is written on the chart.

The feedback dashboard's bar and column charts (consultation/dashboard/charts.py) and the local
picture's line charts (localpicture/charts.py) draw their own marks, each in the form its page
writes out (CSS classes for the admin, presentation attributes for the public page), but measure
with the same scale and write numbers the same way, so a count reads alike on both.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass

# A rounded scale has this many steps between its ticks, from 0 to the top.
TICKS = 4


def number_text(value) -> str:
    """1,234 or 0.52: thousands separated, no trailing zeros."""
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def coordinate(value: float) -> str:
    """A coordinate as SVG wants it, never localised ("12.5", not "12,5")."""
    return f"{value:.1f}"


def _round_top(value: float) -> tuple[float, float]:
    """A round top for the axis at or above `value`, and the step between its TICKS ticks."""
    if value <= 0:
        return float(TICKS), 1.0
    raw = value / TICKS
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * magnitude
        if step >= raw:
            return step * TICKS, step
    return value, raw


@dataclass(frozen=True)
class Scale:
    """Values from 0 to `top` drawn over `length` units: a bar's length, or a point's height
    above the axis. `step` is the distance between ticks, on a rounded scale."""

    top: float
    length: float
    step: float | None = None

    @classmethod
    def to_largest(cls, values: Iterable, *, length: float) -> "Scale":
        """The largest value fills the length: for bars with their value written beside them.
        Never less than 1, so a chart of zeros draws nothing rather than dividing by zero."""
        return cls(top=max([*values, 1]), length=length)

    @classmethod
    def rounded(cls, values: Iterable, *, length: float) -> "Scale":
        """Topped at a round number, with TICKS round steps to read values off a gridline."""
        values = list(values)
        top, step = _round_top(float(max(values)) if values else 0.0)
        return cls(top=top, length=length, step=step)

    def __call__(self, value) -> float:
        return self.length * float(value) / self.top

    def ticks(self) -> list[float]:
        """The values of the gridlines, from 0 to the top (a rounded scale only)."""
        return [self.step * i for i in range(TICKS + 1)]
