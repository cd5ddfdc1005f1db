"""Reads that span the strategy's pages. Each runs a fixed number of queries, however many
recommendations there are (tests/strategy/test_queries.py holds them to it)."""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from django.db.models import Max, Prefetch
from django.utils.translation import gettext
from wagtail.models import Page, PageLogEntry

from core.links import site_url
from core.pagecache import kept_for_generation
from core.theme_names import theme_name, theme_name_is_translated
from core.translations import locale_default_id, page_of_record, pages_for_visitors, pages_of_record

from .models import (
    InitiativePage,
    ProgressUpdate,
    RecommendationPage,
    RecommendationStatus,
    StrategyPage,
    ThemePage,
)


@dataclass
class ThemeProgress:
    """How many of one theme's recommendations are in each status."""

    theme_page: ThemePage
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def text_summary(self) -> str:
        """The bar in words, for screen readers: "3 in progress, 1 at risk"."""
        parts = [f"{s['count']} {str(s['label']).lower()}" for s in self.segments if s["count"]]
        return ", ".join(parts) or gettext("no recommendations")

    @property
    def segments(self) -> list[dict]:
        """The status counts in order, each with its share of the bar (for the inline SVG)."""
        total = self.total
        segments, offset = [], 0.0
        for value, label in RecommendationStatus.choices:
            count = self.counts.get(value, 0)
            share = 100 * count / total if total else 0
            segments.append({"status": value, "label": label, "count": count, "x": offset, "width": share})
            offset += share
        return segments


@dataclass
class ReportRow:
    """One recommendation in the board's progress report (and its CSV)."""

    theme: str
    label: str
    title: str
    status: str
    status_label: str
    lead: str
    latest_update: str
    latest_update_date: date | None
    url: str
    latest_update_figure: str = ""  # the update's figure with what it counts: "58 young people engaged..."
    theme_in_english: bool = True  # the theme's name (in the visitor's language where it can be) is English


def strategy_page_for_site(*, home: Page) -> StrategyPage | None:
    """The live strategy page under the given home page, if there is one."""
    return StrategyPage.objects.child_of(home).live().first()


def theme_pages_live(*, strategy_page: StrategyPage):
    """The strategy's live theme pages in the themes' order."""
    return ThemePage.objects.child_of(strategy_page).live().select_related("theme").order_by("theme__sort_order")


def theme_names_in_locale(*, locale_id: int) -> dict[int, str]:
    """The themes' names in a language, by theme id: the title of each theme page's published
    translation into it (not an alias, not a translation never published), where that title
    is not still the English (the theme's name, or its English page's title). Themes with
    none are left out: they are named in English."""
    english: dict[int, set[str]] = {}
    for theme_id, title, name in ThemePage.objects.filter(locale_id=locale_default_id()).values_list(
        "theme_id", "title", "theme__name"
    ):
        english.setdefault(theme_id, {name.strip()}).add(title.strip())
    translated = ThemePage.objects.filter(
        locale_id=locale_id, live=True, alias_of__isnull=True, live_revision__isnull=False
    ).values_list("theme_id", "title", "theme__name")
    names = {}
    for theme_id, title, name in translated:
        title = title.strip()
        if title and title not in english.get(theme_id, {name.strip()}):
            names[theme_id] = title
    return names


def _recommendations_under(page: Page):
    return RecommendationPage.objects.descendant_of(page).live()


def progress_summary(*, strategy_page: StrategyPage) -> list[ThemeProgress]:
    """Per theme, the number of live recommendations in each status. Two queries, or none while
    the content has not changed."""
    return kept_for_generation(
        f"strategy:progress-summary:{strategy_page.pk}", lambda: _progress_summary(strategy_page=strategy_page)
    )


def _progress_summary(*, strategy_page: StrategyPage) -> list[ThemeProgress]:
    theme_pages = list(theme_pages_live(strategy_page=strategy_page))
    by_path = {theme_page.path: ThemeProgress(theme_page=theme_page) for theme_page in theme_pages}
    for rec_path, status in _recommendations_under(strategy_page).values_list("path", "status"):
        progress = by_path.get(rec_path[: -Page.steplen])
        if progress is not None:
            progress.counts[status] = progress.counts.get(status, 0) + 1
    return list(by_path.values())


def recommendations_for_theme_page(*, theme_page: ThemePage):
    """The theme's live recommendations in the editors' order, with their updates."""
    return (
        RecommendationPage.objects.child_of(theme_page)
        .live()
        .order_by("path")
        .prefetch_related(Prefetch("updates", queryset=ProgressUpdate.objects.order_by("-date", "-pk")))
    )


def initiatives_for_theme_page(*, theme_page: ThemePage):
    """The theme's live initiatives with their key figures."""
    return InitiativePage.objects.child_of(theme_page).live().order_by("path").prefetch_related("figures")


def theme_page_lists(*, theme_page: ThemePage) -> tuple[list, list]:
    """A theme page's recommendations (with their updates) and initiatives (with their
    figures), kept for the content generation."""
    return kept_for_generation(
        f"strategy:theme-page-lists:{theme_page.pk}",
        lambda: (
            list(recommendations_for_theme_page(theme_page=theme_page)),
            list(initiatives_for_theme_page(theme_page=theme_page)),
        ),
    )


def recommendation_page_lists(*, recommendation: RecommendationPage) -> dict:
    """What a recommendation's page shows beside its own fields, kept for the content
    generation: its theme page (one query, where get_parent().specific takes two), its themes,
    its updates newest first and the live initiatives that deliver it."""

    def read():
        return {
            "theme_page": ThemePage.objects.get(path=recommendation.path[: -Page.steplen]),
            "themes": list(recommendation.themes.all()),
            "updates": progress_updates_with_anchors(list(recommendation.updates.order_by("-date", "-pk"))),
            # Initiatives name English recommendations (every language's copy of an initiative
            # links the same ones): those of this page's language tree, each once.
            "initiatives": list(
                InitiativePage.objects.live()
                .filter(recommendations=page_of_record(recommendation), locale_id=recommendation.locale_id)
                .order_by("path")
            ),
        }

    return kept_for_generation(f"strategy:recommendation-page-lists:{recommendation.pk}", read)


def progress_report_rows(*, strategy_page: StrategyPage, request=None) -> list[ReportRow]:
    """Every live recommendation with its status and latest update, grouped by theme in the
    themes' order. A fixed number of queries, or none while the content has not changed."""
    host = request.get_host() if request is not None else ""
    return kept_for_generation(
        f"strategy:progress-report:{strategy_page.pk}:{host}",
        lambda: _progress_report_rows(strategy_page=strategy_page, request=request),
    )


def _progress_report_rows(*, strategy_page: StrategyPage, request=None) -> list[ReportRow]:
    theme_pages = list(theme_pages_live(strategy_page=strategy_page))
    recommendations = (
        _recommendations_under(strategy_page)
        .order_by("path")
        .prefetch_related(Prefetch("updates", queryset=ProgressUpdate.objects.order_by("-date", "-pk")))
    )
    by_parent: dict[str, list[RecommendationPage]] = {}
    for recommendation in recommendations:
        by_parent.setdefault(recommendation.path[: -Page.steplen], []).append(recommendation)

    rows = []
    for theme_page in theme_pages:
        for recommendation in by_parent.get(theme_page.path, []):
            updates = list(recommendation.updates.all())
            latest = updates[0] if updates else None
            rows.append(
                ReportRow(
                    theme=theme_name(theme_page.theme),
                    theme_in_english=not theme_name_is_translated(theme_page.theme),
                    label=recommendation.label,
                    title=recommendation.title,
                    status=recommendation.status,
                    status_label=recommendation.get_status_display(),
                    lead=recommendation.lead,
                    latest_update=latest.text if latest else "",
                    latest_update_date=latest.date if latest else None,
                    url=site_url(recommendation.get_url(request)),
                    latest_update_figure=" ".join(filter(None, [latest.figure, latest.figure_label])) if latest else "",
                )
            )
    return rows


# What counts as a person's work on a page, for "Your pages" on the admin home.
PAGE_WORK_ACTIONS = ("wagtail.create", "wagtail.edit", "wagtail.publish")


def pages_of_user(*, user, limit: int = 10) -> list[tuple[datetime | None, Page]]:
    """Pages the user created, edited or published, or owns, with when they last touched each
    (or when it last changed, for a page they own but never edited), most recent first."""
    touched = (
        PageLogEntry.objects.filter(user=user, action__in=PAGE_WORK_ACTIONS)
        .values("page_id")
        .annotate(latest=Max("timestamp"))
        .order_by("-latest")[:limit]
    )
    when = {entry["page_id"]: entry["latest"] for entry in touched}
    owned = (
        Page.objects.filter(owner=user, alias_of__isnull=True)
        .exclude(pk__in=list(when))
        .order_by("-latest_revision_created_at", "-pk")
        .values_list("pk", "latest_revision_created_at")[:limit]
    )
    when.update(owned)
    pages = Page.objects.filter(pk__in=list(when)).in_bulk()
    found = [(when[pk], pages[pk]) for pk in when if pk in pages]
    never = datetime.min.replace(tzinfo=UTC)
    return sorted(found, key=lambda item: item[0] or never, reverse=True)[:limit]


# --- What the subscriptions app tells people about -------------------------------------------


def progress_updates_announceable(*, page_id: int, since: date) -> list[ProgressUpdate]:
    """Progress updates dated `since` or later on the live, public recommendation with this page
    id (none for any other page), with the recommendation and its themes loaded."""
    live = pages_of_record(RecommendationPage.objects.live().public()).filter(pk=page_id)
    return list(
        ProgressUpdate.objects.filter(page__in=live, date__gte=since)
        .select_related("page")
        .prefetch_related("page__themed_items__tag")
        .order_by("date", "pk")
    )


def progress_updates_newest(*, limit: int = 50) -> list[ProgressUpdate]:
    """The newest progress updates on live recommendations (the Atom feed of progress)."""
    live = pages_of_record(RecommendationPage.objects.live().public())
    return list(ProgressUpdate.objects.filter(page__in=live).select_related("page").order_by("-date", "-pk")[:limit])


# --- Progress updates' anchors, the same in every language ----------------------------------


def progress_updates_with_anchors(updates: list[ProgressUpdate]) -> list[ProgressUpdate]:
    """`updates` (one recommendation's, all of them) with `anchor` set on each: its id in the
    page, from its date ("update-2026-05-04", then "update-2026-05-04-2" for a second that day,
    in the order they were added). A page's copies in other languages have their own copies of
    the updates, made again each time the English page is published, so an anchor from the
    database id would differ between languages and change; this one is the same in each."""
    seen: dict[date, int] = {}
    for update in sorted(updates, key=lambda update: (update.date, update.sort_order or 0, update.pk)):
        seen[update.date] = seen.get(update.date, 0) + 1
        number = seen[update.date]
        update.anchor = f"update-{update.date:%Y-%m-%d}" + (f"-{number}" if number > 1 else "")
    return updates


@dataclass(frozen=True)
class ProgressEntry:
    """A progress update as the visitor's language shows it: `page` is the recommendation's copy
    in their language's tree (its translation, or an alias of the English page) and `link` the
    update on that page. The update's words are not translated (they are the English page's, on
    every copy), so they are `update.text`, in English."""

    update: ProgressUpdate
    page: RecommendationPage
    link: str


def progress_entries_newest(*, limit: int = 50) -> list[ProgressEntry]:
    """The newest progress updates (each once: the English page's), each on its recommendation's
    copy in the visitor's language, for the Atom feed of progress. Four queries, however many
    entries."""
    updates = progress_updates_newest(limit=limit)
    ordered = Prefetch("updates", queryset=ProgressUpdate.objects.order_by("pk"))
    english = RecommendationPage.objects.filter(pk__in={update.page_id for update in updates})
    anchors = {
        update.pk: update.anchor
        for page in english.prefetch_related(ordered)
        for update in progress_updates_with_anchors(list(page.updates.all()))
    }
    copies = {
        page.translation_key: page
        for page in pages_for_visitors(
            RecommendationPage.objects.live()
            .public()
            .filter(translation_key__in={update.page.translation_key for update in updates})
        ).prefetch_related(ordered)
    }
    anchors_on: dict[int, set[str]] = {}  # each copy's anchors, worked out once per copy
    entries = []
    for update in updates:
        copy = copies.get(update.page.translation_key, update.page)
        if copy.pk not in anchors_on:
            anchors_on[copy.pk] = {c.anchor for c in progress_updates_with_anchors(list(copy.updates.all()))}
        copy_anchors = anchors_on[copy.pk]
        anchor = anchors.get(update.pk)
        # A copy that has not caught up with the English page yet: its page, without the anchor.
        link = f"{copy.url or '/'}#{anchor}" if anchor in copy_anchors else copy.url or "/"
        entries.append(ProgressEntry(update=update, page=copy, link=link))
    return entries
