"""Open data: anonymised counts of feedback by month, theme and source, for anyone to reuse.

    /open-data/                        what the files hold, their protection and licence
    /open-data/feedback-summary.csv
    /open-data/feedback-summary.json
    /open-data/feedback-by-language.csv
    /open-data/feedback-by-language.json

The summary: one row per month (Europe/London, "2025-03"), theme and source that has any feedback. Themes
are those officers confirmed; feedback with no confirmed theme yet is counted under
"No theme yet", so recent months are not shown as quieter than they were. A piece of feedback
with two themes is counted under each.

By language: one row per month and language the feedback was given in (the language of the
pages it was written on, or the one an officer chose for what they typed in). A table of its
own rather than a column of the summary, so that splitting every theme and source by language
does not leave most of the summary's counts small enough to be held back.

Nothing else leaves: no text, ward, age band, survey, question or date finer than the month.
What is published is protected three ways (core/disclosure.py), so that no one can learn
how many pieces of feedback are in a small cell, now or by comparing downloads over time:

- counts from 1 to 4 are suppressed;
- complementary suppression: within a month, no theme (across sources) and no source (across
  themes) is left with exactly one suppressed count, nor is any theme across the whole table
  (its total is on the theme's page): the smallest other count in it is suppressed too, until
  none is;
- every count that is published is rounded to the nearest 5 (5 to 7 show as 5, 8 to 12 as 10),
  so one piece of feedback moving from one theme to another rarely changes what is shown.

A suppressed count is "suppressed" in the CSV, and `"count": null, "suppressed": true` in the
JSON, whatever the reason, so a complementary cell cannot be told from a small one. No totals
are published.

Caching: the responses say `Cache-Control: public, max-age=600`. The page cache
(core/pagecache.py) keeps them for anonymous visitors for up to that long, and so may
browsers and proxies; the counted rows, suppressed and rounded, are also kept in the cache for
as long, so a request with an unusual query string (which the page cache keys apart) does not
count everything again. The counts can therefore be up to 10 minutes old. Nothing clears them sooner: counts
change with every piece of feedback, and a few minutes' delay does not matter here.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import TruncMonth
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from core.disclosure import ROUND_TO, SUPPRESS_BELOW, round_count, suppress_with_complements
from core.models import Theme, site_language_name
from core.spreadsheets import csv_response

from .models import Feedback, ThemedFeedback

LONDON = ZoneInfo("Europe/London")
MAX_AGE = 600
ROWS_CACHE_KEY = "consultation:open-data:feedback-summary-published"
NO_THEME = "No theme yet"
SUPPRESSED_CSV = "suppressed"
# The notes below are in the visitor's language on the Open data page, and in English in the
# JSON files, whose notes describe the data whichever address they are downloaded from.
# Their numbers are filled in by _filled().
NOTE_NUMBERS = {"largest_held_back": SUPPRESS_BELOW - 1, "round_to": ROUND_TO}
SUPPRESSION_NOTE = _(
    "Counts from 1 to %(largest_held_back)s are not published. So that they cannot be worked out from the "
    "others, more counts are held back until, within each month, no theme (across sources) and no source "
    "(across themes) has exactly one held back, and no theme across the whole table has exactly one: the "
    "smallest other count in it is held back too. A count held back for either reason is null, with "
    "suppressed true ('suppressed' in the CSV)."
)
ROUNDING_NOTE = _(
    "Every published count is rounded to the nearest %(round_to)s (5 to 7 show as 5, 8 to 12 as 10, 13 to 17 "
    "as 15), so that comparing the table at two times does not show single pieces of feedback moving. "
    "Adding rounded counts does not give exact totals."
)


DATASET_TITLE = _("Feedback by month, theme and source")
DATASET_DESCRIPTION = _(
    "Anonymised counts of what residents and young people told us, by the month it was received "
    "(UK time), the theme officers confirmed and where it came from. Feedback with more than one "
    "theme is counted under each; feedback not yet themed is under 'No theme yet'."
)
DATASET_FIELDS = {
    "month": _("Year and month, YYYY-MM, UK time"),
    "theme": _("A theme of the strategy, or 'No theme yet'"),
    "source": _("Where the feedback came from"),
    "count": _("Pieces of feedback, rounded to the nearest %(round_to)s, or null when suppressed"),
    "suppressed": _("True when the count is held back: from 1 to 4, or so that such a count cannot be worked out"),
}
LANGUAGE_ROWS_CACHE_KEY = "consultation:open-data:feedback-by-language-published"
LANGUAGE_DATASET_TITLE = _("Feedback by month and language")
LANGUAGE_DATASET_DESCRIPTION = _(
    "Anonymised counts of feedback by the month it was received (UK time) and the language it was given in: "
    "the language of the pages it was written on, or the one an officer chose for what they typed in. People "
    "mix languages, so this says which pages they used, not what every word is in."
)
LANGUAGE_DATASET_FIELDS = {
    "month": _("Year and month, YYYY-MM, UK time"),
    "language": _("The language's name in English, such as Urdu or Polish"),
    "count": _("Pieces of feedback, rounded to the nearest %(round_to)s, or null when suppressed"),
    "suppressed": _("True when the count is held back: from 1 to 4, or so that such a count cannot be worked out"),
}
LANGUAGE_SUPPRESSION_NOTE = _(
    "Counts from 1 to %(largest_held_back)s are not published. So that they cannot be worked out from the "
    "others, more counts are held back until no month (across languages) and no language (across months) has "
    "exactly one held back: the smallest other count in it is held back too. A count held back for either reason "
    "is null, with suppressed true ('suppressed' in the CSV)."
)
LICENCE_NAME = "Open Government Licence v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


def _filled(text) -> str:
    """A note in the active language, with its numbers (NOTE_NUMBERS) filled in."""
    return str(text) % NOTE_NUMBERS


def _month(value: datetime) -> str:
    if timezone.is_aware(value):
        value = value.astimezone(LONDON)
    return f"{value:%Y-%m}"


def feedback_summary_rows() -> list[dict]:
    """Counts by month, theme and source, oldest month first, then in the themes' order ("No
    theme yet" last) and the sources' order. Each row: month, theme, source, count. Three
    queries. Counts are exact here; the views suppress them."""
    themes = list(Theme.objects.order_by("sort_order", "name").values_list("pk", "name"))
    theme_order = {pk: i for i, (pk, _) in enumerate(themes)}
    theme_names = dict(themes)
    source_order = {source.value: i for i, source in enumerate(Feedback.Source)}
    source_labels = dict(Feedback.Source.choices)

    counts: dict[tuple[str, int | None, str], int] = {}
    themed = (
        ThemedFeedback.objects.annotate(month=TruncMonth("content_object__created_at", tzinfo=LONDON))
        .values_list("month", "tag_id", "content_object__source")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for month, theme_id, source, n in themed:
        key = (_month(month), theme_id, source)
        counts[key] = counts.get(key, 0) + n
    unthemed = (
        Feedback.objects.filter(~Exists(ThemedFeedback.objects.filter(content_object=OuterRef("pk"))))
        .annotate(month=TruncMonth("created_at", tzinfo=LONDON))
        .values_list("month", "source")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for month, source, n in unthemed:
        key = (_month(month), None, source)
        counts[key] = counts.get(key, 0) + n

    def order(key):
        month, theme_id, source = key
        theme_rank = len(theme_order) if theme_id is None else theme_order.get(theme_id, len(theme_order))
        return (month, theme_rank, source_order.get(source, len(source_order)))

    return [
        {
            "month": month,
            "theme": NO_THEME if theme_id is None else theme_names.get(theme_id, ""),
            "source": source_labels.get(source, source),
            "count": counts[(month, theme_id, source)],
        }
        for month, theme_id, source in sorted(counts, key=order)
    ]


def feedback_summary_snapshot() -> dict:
    """The published rows (suppressed and rounded) and when they were counted, counted at most
    once per MAX_AGE."""

    def count():
        return {"counted_at": timezone.now(), "rows": feedback_summary_published(feedback_summary_rows())}

    return cache.get_or_set(ROWS_CACHE_KEY, count, MAX_AGE)


def feedback_summary_published(rows: list[dict]) -> list[dict]:
    """The rows as they may be published: each with `suppressed`, and `count` rounded to the
    nearest ROUND_TO, or None when suppressed (see the module docstring for the rule).

    The lines checked for complementary suppression: each month's themes across sources and
    sources across themes (totals someone could publish or work out), and each theme across
    the whole table, whose all-time total the theme's page shows ("23 contributions").
    "No theme yet" has no such page, so it has no line of its own beyond its month's."""
    counts = {(row["month"], row["theme"], row["source"]): row["count"] for row in rows}
    lines: dict[tuple, list] = {}
    for key in counts:
        month, theme, source = key
        lines.setdefault(("month-theme", month, theme), []).append(key)
        lines.setdefault(("month-source", month, source), []).append(key)
        if theme != NO_THEME:
            lines.setdefault(("theme", theme), []).append(key)
    hidden = suppress_with_complements(counts=counts, lines=lines.values())
    published = []
    for row in rows:
        suppressed = (row["month"], row["theme"], row["source"]) in hidden
        count = None if suppressed else round_count(row["count"])
        published.append({**row, "count": count, "suppressed": suppressed})
    return published


def feedback_language_rows() -> list[dict]:
    """Counts by month and language, oldest month first, then the site's languages in their
    order (English first) and any no longer on the site. Each row: month, language, count. One
    query. Counts are exact here; the views suppress them."""
    order = {code: i for i, (code, _name) in enumerate(settings.LANGUAGES)}
    counts: dict[tuple[str, str], int] = {}
    grouped = (
        Feedback.objects.annotate(month=TruncMonth("created_at", tzinfo=LONDON))
        .values_list("month", "language")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for month, code, n in grouped:
        key = (_month(month), code)
        counts[key] = counts.get(key, 0) + n
    keys = sorted(counts, key=lambda key: (key[0], order.get(key[1], len(order)), key[1]))
    return [
        {"month": month, "language": site_language_name(code), "count": counts[(month, code)]} for month, code in keys
    ]


def feedback_language_published(rows: list[dict]) -> list[dict]:
    """The rows as they may be published: small counts suppressed, with complementary
    suppression along each month (across languages) and each language (across months), and the
    rest rounded to the nearest ROUND_TO, as the summary is."""
    counts = {(row["month"], row["language"]): row["count"] for row in rows}
    lines: dict[tuple, list] = {}
    for key in counts:
        month, language = key
        lines.setdefault(("month", month), []).append(key)
        lines.setdefault(("language", language), []).append(key)
    hidden = suppress_with_complements(counts=counts, lines=lines.values())
    published = []
    for row in rows:
        suppressed = (row["month"], row["language"]) in hidden
        published.append({**row, "count": None if suppressed else round_count(row["count"]), "suppressed": suppressed})
    return published


def feedback_language_snapshot() -> dict:
    """The published rows by language and when they were counted, counted at most once per
    MAX_AGE."""

    def count():
        return {"counted_at": timezone.now(), "rows": feedback_language_published(feedback_language_rows())}

    return cache.get_or_set(LANGUAGE_ROWS_CACHE_KEY, count, MAX_AGE)


def _cacheable(response):
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    response["Access-Control-Allow-Origin"] = "*"
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    return response


@dataclass(frozen=True)
class Dataset:
    """One published table: what the Open data page says of it, and its CSV and JSON files."""

    name: str  # the files' name, without extension
    url_key: str  # their URLs are named open_data_<url_key>_csv and _json (config/urls.py)
    title: str
    description: str
    rows_are: str  # what one row of the CSV is
    fields: dict[str, str]
    suppression: str
    snapshot: Callable[[], dict]

    @property
    def csv_url(self) -> str:
        return reverse(f"open_data_{self.url_key}_csv")  # in the page's language, as every link

    @property
    def json_url(self) -> str:
        return reverse(f"open_data_{self.url_key}_json")

    @property
    def header(self) -> list[str]:
        return [name for name in self.fields if name != "suppressed"]

    def words(self) -> dict:
        """What the page and the JSON file say of the table, in the active language."""
        return {
            "title": _filled(self.title),
            "description": _filled(self.description),
            "rows_are": _filled(self.rows_are),
            "fields": {name: _filled(meaning) for name, meaning in self.fields.items()},
            "suppression": _filled(self.suppression),
        }

    def csv_rows(self, rows: list[dict]):
        for row in rows:
            yield [row[name] for name in self.header[:-1]] + [SUPPRESSED_CSV if row["suppressed"] else row["count"]]

    def page_context(self) -> dict:
        snapshot = self.snapshot()
        months = sorted({row["month"] for row in snapshot["rows"]})
        return {
            "dataset": self,
            "words": self.words(),
            "counted_at": snapshot["counted_at"],
            "row_count": len(snapshot["rows"]),
            "first_month": months[0] if months else "",
            "last_month": months[-1] if months else "",
        }


SUMMARY = Dataset(
    name="feedback-summary",
    url_key="feedback",
    title=DATASET_TITLE,
    description=DATASET_DESCRIPTION,
    rows_are=_("one row per month, theme and source"),
    fields=DATASET_FIELDS,
    suppression=SUPPRESSION_NOTE,
    snapshot=feedback_summary_snapshot,
)
BY_LANGUAGE = Dataset(
    name="feedback-by-language",
    url_key="language",
    title=LANGUAGE_DATASET_TITLE,
    description=LANGUAGE_DATASET_DESCRIPTION,
    rows_are=_("one row per month and language"),
    fields=LANGUAGE_DATASET_FIELDS,
    suppression=LANGUAGE_SUPPRESSION_NOTE,
    snapshot=feedback_language_snapshot,
)
DATASETS = (SUMMARY, BY_LANGUAGE)


def _csv_view(dataset: Dataset):
    @require_safe
    def view(request):
        rows = dataset.csv_rows(dataset.snapshot()["rows"])
        return _cacheable(csv_response(filename=f"{dataset.name}.csv", header=dataset.header, rows=rows))

    return view


def _json_view(dataset: Dataset):
    @require_safe
    def view(request):
        snapshot = dataset.snapshot()
        with translation.override(settings.LANGUAGE_CODE):
            words = dataset.words()
            rounding = _filled(ROUNDING_NOTE)
        data = {
            "title": words["title"],
            "description": words["description"],
            "licence": {"name": LICENCE_NAME, "url": LICENCE_URL},
            "counted_at": snapshot["counted_at"].isoformat(timespec="seconds"),
            "suppression": words["suppression"],
            "rounding": rounding,
            "fields": words["fields"],
            "rows": snapshot["rows"],
        }
        return _cacheable(JsonResponse(data, json_dumps_params={"ensure_ascii": False}))

    return view


feedback_summary_csv = _csv_view(SUMMARY)
feedback_summary_json = _json_view(SUMMARY)
feedback_language_csv = _csv_view(BY_LANGUAGE)
feedback_language_json = _json_view(BY_LANGUAGE)


@require_safe
def open_data_index(request):
    """The Open data page: what each file holds, how it is protected, when it was counted and
    its licence."""
    context = {
        "datasets": [dataset.page_context() for dataset in DATASETS],
        "rounding": _filled(ROUNDING_NOTE),
        "refresh_minutes": MAX_AGE // 60,
        "licence_name": LICENCE_NAME,
        "licence_url": LICENCE_URL,
    }
    return TemplateResponse(request, "consultation/open_data.html", context)
