"""Bar charts as PNG images, for documents that cannot hold the pages' inline SVG (the Word
report). The same measure as the SVG charts (core/charts.py): the largest shown count fills
the bar's length, a hidden count is a hatched block of fixed width, never to scale, and every
bar has its value written beside it.

Drawn with Pillow, which Wagtail already needs for its images, and its bundled font: a chart
library such as matplotlib would add a large dependency (and NumPy's build) for a few
rectangles and labels.
"""

import io
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from .charts import Scale

WIDTH = 1200
LABEL_WIDTH = 470
BAR_MAX = 560
ROW_HEIGHT = 44
BAR_HEIGHT = 28
MARGIN = 12
SUPPRESSED_MARK = 26
FONT_SIZE = 22
BAR_COLOUR = (0, 125, 126)  # the admin's secondary colour, as the dashboard's bars
TEXT_COLOUR = (11, 12, 12)


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    text: str
    suppressed: bool = False


def _fitted(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> str:
    """The text, cut short with an ellipsis if it is wider than `width`."""
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"


def bar_chart_png(bars: Sequence[Bar]) -> bytes:
    """Horizontal bars, one per row, as a PNG: the label on the left, then the bar, then its
    value ("fewer than 5" beside a hatched mark for a hidden count)."""
    height = MARGIN * 2 + max(len(bars), 1) * ROW_HEIGHT
    image = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=FONT_SIZE)
    scale = Scale.to_largest((bar.count for bar in bars if not bar.suppressed), length=BAR_MAX)
    for i, bar in enumerate(bars):
        top = MARGIN + i * ROW_HEIGHT
        middle = top + BAR_HEIGHT / 2
        label = _fitted(draw, bar.label, font, LABEL_WIDTH - 20)
        draw.text((LABEL_WIDTH - 12, middle), label, fill=TEXT_COLOUR, font=font, anchor="rm")
        x = LABEL_WIDTH
        if bar.suppressed:
            draw.rectangle((x, top, x + SUPPRESSED_MARK, top + BAR_HEIGHT), outline=TEXT_COLOUR, width=2)
            for offset in range(-BAR_HEIGHT, SUPPRESSED_MARK, 8):
                draw.line(
                    (
                        x + max(offset, 0),
                        top + max(-offset, 0),
                        x + min(offset + BAR_HEIGHT, SUPPRESSED_MARK),
                        top + min(BAR_HEIGHT, SUPPRESSED_MARK - offset),
                    ),
                    fill=TEXT_COLOUR,
                    width=2,
                )
            x += SUPPRESSED_MARK
        else:
            length = scale(bar.count)
            if length >= 1:
                draw.rectangle((x, top, x + length, top + BAR_HEIGHT), fill=BAR_COLOUR)
            x += length
        draw.text((x + 10, middle), bar.text, fill=TEXT_COLOUR, font=font, anchor="lm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
