"""Line charts drawn on the server as inline SVG: no JavaScript, nothing from another host.

The SVG has role="img", a <title> and a <desc> that says what it shows in words, and labelled
axes. Its viewBox is small (400 wide) with 14-unit text, so at 320 px the text is still about
11 px. Lines differ by dash pattern as well as colour. Every point carries its series, month
and value in data attributes, which is how the tests check that the chart and the table agree.
Colours are presentation attributes, not style attributes, which the CSP would block. The value
scale and the way numbers are written are the ones every chart uses (core/charts.py).
"""

from datetime import date

from django.utils.dateformat import format as format_date
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from core.charts import Scale, number_text

WIDTH, HEIGHT = 400, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 14, 12, 50
FONT = 14
# Dark enough on white for 3:1 (graphics) and told apart by dash pattern too.
STYLES = [
    ("#1d4ed8", ""),
    ("#b91c1c", "8 4"),
    ("#047857", "2 3"),
    ("#6d28d9", "10 3 2 3"),
    ("#92400e", "4 4"),
    ("#374151", "1 5"),
]
MAX_X_LABELS = 4


def month_label(month: date) -> str:
    """ "Jun 2024", with the month's name in the language of the page."""
    return format_date(month, "M Y")


SHADE = "#e5e7eb"


def line_chart(
    *,
    chart_id: str,
    title: str,
    months: list[date],
    series: list[tuple[str, list]],
    y_label: str,
    shaded: frozenset[date] = frozenset(),
    shaded_label: str = "",
) -> dict:
    """An accessible SVG line chart of monthly values. Returns {"svg", "legend", "description"}:
    the legend is shown as HTML beside the chart (readable at any width). Months in `shaded`
    get a grey band behind the lines (the local picture's illustrative months), named in the
    description by `shaded_label`."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    scale = Scale.rounded((v for _, numbers in series for v in numbers if v is not None), length=plot_h)
    count = len(months)

    def x(i: int) -> float:
        return LEFT + (plot_w * i / (count - 1) if count > 1 else plot_w / 2)

    def y(value) -> float:
        return TOP + plot_h - scale(value)

    parts = []
    # Bands behind the shaded months, each as wide as its months' share of the axis.
    half = (plot_w / (count - 1) if count > 1 else plot_w) / 2
    shaded_runs = []
    run: list[int] = []
    for i, month in enumerate(months):
        if month in shaded:
            run = [run[0], i] if run else [i, i]
        elif run:
            shaded_runs.append(run)
            run = []
    if run:
        shaded_runs.append(run)
    for first, last in shaded_runs:
        left, right = max(LEFT, x(first) - half), min(WIDTH - RIGHT, x(last) + half)
        parts.append(
            f'<rect x="{left:.1f}" y="{TOP}" width="{right - left:.1f}" height="{plot_h}" fill="{SHADE}" '
            f'data-shaded="{months[first]:%Y-%m} {months[last]:%Y-%m}"/>'
        )
    # Gridlines and the value axis.
    for tick in scale.ticks():
        ty = y(tick)
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{ty:.1f}" y2="{ty:.1f}" stroke="#d1d5db"/>')
        label = number_text(int(tick) if float(tick).is_integer() else tick)
        parts.append(
            f'<text x="{LEFT - 6}" y="{ty + 5:.1f}" text-anchor="end" font-size="{FONT}" fill="#1f2937">{label}</text>'
        )
    parts.append(
        f'<text transform="translate(14 {TOP + plot_h / 2:.1f}) rotate(-90)" text-anchor="middle" '
        f'font-size="{FONT}" fill="#1f2937">{escape(y_label)}</text>'
    )
    # The month axis: a few labels, first and last always.
    parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" stroke="#4b5563"/>')
    if count:
        shown = sorted({round(i * (count - 1) / (MAX_X_LABELS - 1)) for i in range(MAX_X_LABELS)}) if count > 1 else [0]
        for i in shown:
            anchor = "start" if i == 0 and count > 1 else "end" if i == count - 1 and count > 1 else "middle"
            parts.append(
                f'<text x="{x(i):.1f}" y="{TOP + plot_h + 20}" text-anchor="{anchor}" font-size="{FONT}" '
                f'fill="#1f2937">{month_label(months[i])}</text>'
            )
    parts.append(
        f'<text x="{LEFT + plot_w / 2:.1f}" y="{HEIGHT - 6}" text-anchor="middle" font-size="{FONT}" '
        f'fill="#1f2937">{escape(gettext("Month"))}</text>'
    )
    # The lines, broken where a month has no data, and a point per month.
    legend = []
    for number, (name, numbers) in enumerate(series):
        colour, dash = STYLES[number % len(STYLES)]
        legend.append({"name": name, "colour": colour, "dash": dash})
        path, pen_down = [], False
        points = []
        for i, value in enumerate(numbers):
            if value is None:
                pen_down = False
                continue
            path.append(f"{'L' if pen_down else 'M'}{x(i):.1f} {y(value):.1f}")
            pen_down = True
            points.append(
                f'<circle cx="{x(i):.1f}" cy="{y(value):.1f}" r="2.5" fill="{colour}" '
                f'data-series="{escape(name)}" data-month="{months[i]:%Y-%m}" data-value="{value}"/>'
            )
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<path d="{" ".join(path)}" fill="none" stroke="{colour}" stroke-width="2.5"{dash_attr} '
            f'data-series="{escape(name)}"/>'
        )
        parts.extend(points)

    description = _describe(months, series, y_label)
    if shaded_runs and shaded_label:
        description += " " + gettext("Shaded: %(label)s.") % {"label": shaded_label}
    svg = (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>' + "".join(parts) + "</svg>"
    )
    return {"svg": mark_safe(svg), "legend": legend, "description": description}  # noqa: S308 - every text escaped above


def _describe(months: list[date], series: list[tuple[str, list]], y_label: str) -> str:
    if not months:
        return gettext("No figures yet.")
    sentences = [
        ngettext(
            "Line chart of %(what)s each month, %(count)s month from %(first)s to %(last)s.",
            "Line chart of %(what)s each month, %(count)s months from %(first)s to %(last)s.",
            len(months),
        )
        % {
            "what": y_label.lower(),
            "count": len(months),
            "first": month_label(months[0]),
            "last": month_label(months[-1]),
        }
    ]
    for name, numbers in series:
        known = [(value, months[i]) for i, value in enumerate(numbers) if value is not None]
        if not known:
            continue
        high = max(known, key=lambda pair: pair[0])
        low = min(known, key=lambda pair: pair[0])
        latest = known[-1]
        sentences.append(
            gettext(
                "%(name)s: %(latest)s in %(latest_month)s; "
                "highest %(high)s in %(high_month)s, lowest %(low)s in %(low_month)s."
            )
            % {
                "name": name,
                "latest": number_text(latest[0]),
                "latest_month": month_label(latest[1]),
                "high": number_text(high[0]),
                "high_month": month_label(high[1]),
                "low": number_text(low[0]),
                "low_month": month_label(low[1]),
            }
        )
    sentences.append(gettext("The figures are in the table below."))
    return " ".join(sentences)
