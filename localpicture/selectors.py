"""Reads of the local picture: monthly totals for the city, the year-on-year comparison, the
ward breakdown and the figure series, shaped for the page, its chart and its CSV."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Max, Min, Sum
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext

from core.charts import number_text

from .charts import line_chart
from .constants import crime_type_label
from .models import CrimeCount, FigureSeries, PoliceImport, WardLookup

# The chart and table show at most this many months, the latest ones.
MAX_MONTHS = 36


def month_add(month: date, months: int) -> date:
    index = month.year * 12 + month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_range(first: date, last: date) -> list[date]:
    months = []
    month = first
    while month <= last:
        months.append(month)
        month = month_add(month, 1)
    return months


def month_runs(months) -> list[tuple[date, date]]:
    """Months as runs of consecutive months: [(first, last), ...], in order."""
    runs: list[list[date]] = []
    for month in sorted(months):
        if runs and month_add(runs[-1][1], 1) == month:
            runs[-1][1] = month
        else:
            runs.append([month, month])
    return [(first, last) for first, last in runs]


def months_in_words(months) -> str:
    """'March 2024 to February 2026', or 'January 2023 and May 2023 to June 2023'; '' for none."""
    if not months:
        return ""
    parts = [
        format_date(first, "F Y")
        if first == last
        else gettext("%(first)s to %(last)s") % {"first": format_date(first, "F Y"), "last": format_date(last, "F Y")}
        for first, last in month_runs(months)
    ]
    if len(parts) == 1:
        return parts[0]
    return gettext("%(list)s and %(last)s") % {"list": ", ".join(parts[:-1]), "last": parts[-1]}


@dataclass
class MonthlyTable:
    """Monthly city totals: one row per month, one value per crime type (None: no data for
    that month was imported), and which months hold illustrative (made-up) figures rather than
    the police's."""

    crime_types: list[str]
    rows: list[tuple[date, list[int | None]]]
    illustrative_months: frozenset[date] = frozenset()

    @property
    def months(self) -> list[date]:
        return [month for month, _ in self.rows]

    @property
    def illustrative(self) -> bool:
        """Some months shown are illustrative."""
        return bool(self.illustrative_months)

    @property
    def all_illustrative(self) -> bool:
        """Every month with figures is illustrative: no police figures at all."""
        with_data = {month for month, values in self.rows if any(value is not None for value in values)}
        return bool(with_data) and with_data <= self.illustrative_months

    @property
    def crime_type_labels(self) -> list[str]:
        """The crime types' names in the language of the page (the data keeps the police's)."""
        return [crime_type_label(name) for name in self.crime_types]

    @property
    def illustrative_in_words(self) -> str:
        return months_in_words(self.illustrative_months) if self.illustrative_months else ""

    def series(self) -> list[tuple[str, list[int | None]]]:
        return [(name, [values[i] for _, values in self.rows]) for i, name in enumerate(self.crime_types)]


def monthly_table(*, crime_types: list[str], max_months: int = MAX_MONTHS) -> MonthlyTable:
    """The city's monthly counts of each crime type, for the latest `max_months` months."""
    span = CrimeCount.objects.aggregate(first=Min("month"), last=Max("month"))
    if span["last"] is None:
        return MonthlyTable(crime_types=list(crime_types), rows=[])
    first = max(span["first"], month_add(span["last"], -(max_months - 1)))
    months = month_range(first, span["last"])
    sources = {
        (row["month"], row["illustrative"])
        for row in CrimeCount.objects.filter(month__gte=first).values("month", "illustrative").distinct().order_by()
    }
    imported = {month for month, _ in sources}
    totals = {
        (row["month"], row["crime_type"]): row["total"]
        for row in CrimeCount.objects.filter(month__gte=first, crime_type__in=crime_types)
        .values("month", "crime_type")
        .annotate(total=Sum("count"))
        .order_by()
    }
    rows = [
        (month, [totals.get((month, name), 0) if month in imported else None for name in crime_types])
        for month in months
    ]
    illustrative = frozenset(month for month, is_illustrative in sources if is_illustrative)
    return MonthlyTable(crime_types=list(crime_types), rows=rows, illustrative_months=illustrative)


def change_in_words(*, before: int, after: int) -> str:
    """'up 12% (from 1,234 to 1,382)' and the like."""
    if after == before:
        return gettext("no change (%(count)s in both years)") % {"count": f"{after:,}"}
    if before == 0:
        return gettext("up from none to %(after)s") % {"after": f"{after:,}"}
    percent = round(abs(after - before) * 100 / before)
    numbers = {"percent": percent, "before": f"{before:,}", "after": f"{after:,}"}
    if after > before:
        if not percent:
            return gettext("up less than 1%% (from %(before)s to %(after)s)") % numbers
        return gettext("up %(percent)s%% (from %(before)s to %(after)s)") % numbers
    if not percent:
        return gettext("down less than 1%% (from %(before)s to %(after)s)") % numbers
    return gettext("down %(percent)s%% (from %(before)s to %(after)s)") % numbers


def year_comparison(table: MonthlyTable) -> dict:
    """The last 12 months against the 12 before, per crime type: totals and the change in
    words. `complete` is False when any of those 24 months has no data."""
    rows = table.rows[-24:]
    if len(rows) < 24 or any(value is None for _, values in rows for value in values):
        return {"complete": False}
    earlier, later = rows[:12], rows[12:]
    lines = []
    for i, name in enumerate(table.crime_types):
        before = sum(values[i] for _, values in earlier)
        after = sum(values[i] for _, values in later)
        lines.append(
            {
                "crime_type": crime_type_label(name),
                "before": before,
                "after": after,
                "words": change_in_words(before=before, after=after),
            }
        )
    return {
        "complete": True,
        "later_from": later[0][0],
        "later_to": later[-1][0],
        "earlier_from": earlier[0][0],
        "earlier_to": earlier[-1][0],
        "lines": lines,
    }


def ward_breakdown(*, crime_types: list[str], months: list[date]) -> dict | None:
    """Counts by ward over `months`, per crime type, once a lookup has been uploaded. LSOAs that
    the lookup does not know are counted under 'Not matched to a ward'."""
    if not months or not WardLookup.objects.exists():
        return None
    wards = dict(WardLookup.objects.values_list("lsoa_code", "ward_name"))
    totals: dict[str, list[int]] = {}
    unmatched = gettext("Not matched to a ward")
    index = {name: i for i, name in enumerate(crime_types)}
    for row in (
        CrimeCount.objects.filter(month__in=months, crime_type__in=crime_types)
        .values("lsoa_code", "crime_type")
        .annotate(total=Sum("count"))
        .order_by()
    ):
        ward = wards.get(row["lsoa_code"], unmatched)
        totals.setdefault(ward, [0] * len(crime_types))[index[row["crime_type"]]] += row["total"]
    rows = sorted(((ward, values) for ward, values in totals.items() if ward != unmatched), key=lambda r: r[0])
    if unmatched in totals:
        rows.append((unmatched, totals[unmatched]))
    return {"rows": rows, "from": months[0], "to": months[-1]}


def figure_series_data(series: FigureSeries) -> dict:
    values = list(series.values.all())
    months = [value.month for value in values]
    numbers = [value.value for value in values]
    chart = None
    if values:
        chart = line_chart(
            chart_id=f"figure-{series.pk}",
            title=series.title,
            months=months,
            series=[(series.title, numbers)],
            y_label=series.unit,
        )
    rows = [(value.month, number_text(value.value)) for value in values]
    return {"series": series, "rows": rows, "chart": chart}


def police_months() -> list[dict]:
    """Every month of police figures stored, newest first, with its source (illustrative or
    police, and the import that brought it), rows and crimes: for the officers' admin page."""
    months: dict[date, dict] = {}
    for row in (
        CrimeCount.objects.values("month", "illustrative", "police_import")
        .annotate(rows=Count("pk"), crimes=Sum("count"))
        .order_by("-month")
    ):
        entry = months.setdefault(
            row["month"], {"month": row["month"], "illustrative": False, "imports": [], "rows": 0, "crimes": 0}
        )
        entry["illustrative"] |= row["illustrative"]
        entry["rows"] += row["rows"]
        entry["crimes"] += row["crimes"]
        if row["police_import"] is not None:
            entry["imports"].append(row["police_import"])
    jobs = PoliceImport.objects.in_bulk({pk for entry in months.values() for pk in entry["imports"]})
    for entry in months.values():
        entry["imports"] = [jobs[pk] for pk in entry["imports"] if pk in jobs]
    return list(months.values())


def latest_import() -> PoliceImport | None:
    return PoliceImport.objects.filter(status=PoliceImport.Status.DONE).order_by("-finished_at").first()


def local_picture_context(*, page) -> dict:
    """Everything the local picture page shows."""
    crime_types = page.chosen_crime_types()
    table = monthly_table(crime_types=crime_types)
    chart = None
    if table.rows:
        chart = line_chart(
            chart_id="police-monthly",
            title=gettext("Crimes recorded by the police in the city each month"),
            months=table.months,
            series=[(crime_type_label(name), numbers) for name, numbers in table.series()],
            y_label=gettext("Crimes recorded"),
            shaded=table.illustrative_months if not table.all_illustrative else frozenset(),
            shaded_label=gettext("illustrative figures, not police data (%(months)s)")
            % {"months": table.illustrative_in_words},
        )
    last_12 = [month for month, values in table.rows[-12:] if any(v is not None for v in values)]
    comparison = year_comparison(table) if table.rows else {"complete": False}
    if comparison["complete"]:
        compared = set(table.months[-24:])
        comparison["illustrative"] = months_in_words(compared & table.illustrative_months)
    wards = ward_breakdown(crime_types=crime_types, months=last_12) if page.show_ward_breakdown else None
    if wards:
        wards["illustrative"] = bool(set(last_12) & table.illustrative_months)
    return {
        "table": table,
        "chart": chart,
        "comparison": comparison,
        "wards": wards,
        "figures": [figure_series_data(series) for series in page.figure_series.all().prefetch_related("values")],
        "latest_month": table.months[-1] if table.rows else None,
        "latest_import": latest_import(),
    }
