"""Admin registration: the word lists, feedback and "You said, we did" as snippets; the admin
areas (safeguarding alerts, survey results, the feedback dashboard, offline input, exports and
the export log), each a ViewSet with its URLs and menu item; the panels of the admin home; and
"You said, we did" on the strategy's pages."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem as ActionMenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.admin_snippets import StaffSnippetViewSet
from core.matching import wordlists_changed
from core.models import SafeguardingPhrase
from core.translations import page_of_record
from strategy.hooks import RECOMMENDATION_PAGE_CONTEXT, THEME_PAGE_CONTEXT

from . import admin_home, admin_views
from .admin_feedback import bulk_actions, export_views, offline, quotes, redact, viewset
from .dashboard.views import DashboardViewSet, ThemeModelViewSet
from .models import SurveyPage, ThemeKeyword, ThemeSummary
from .summaries import theme_summaries_for_recommendation, theme_summary_for_theme_page


class ThemeKeywordViewSet(StaffSnippetViewSet):
    model = ThemeKeyword
    icon = "tag"
    menu_label = "Theme keywords"
    list_display = ["phrase", "theme", "language", "weight"]
    has_chooser = False  # nothing chooses a keyword
    list_filter = ["theme", "language"]
    search_fields = ["phrase"]


class SafeguardingPhraseViewSet(StaffSnippetViewSet):
    model = SafeguardingPhrase
    icon = "warning"
    menu_label = "Safeguarding phrases"
    list_display = ["phrase", "language", "category", Column("review_status", label="Review"), "active"]
    has_chooser = False  # nothing chooses a phrase
    list_filter = ["language", "category", "reviewed", "active"]
    search_fields = ["phrase"]


class WordListGroup(SnippetViewSetGroup):
    items = (ThemeKeywordViewSet, SafeguardingPhraseViewSet)
    menu_icon = "list-ul"
    menu_label = "Word lists"
    menu_order = 210


class ThemeSummaryViewSet(StaffSnippetViewSet):
    model = ThemeSummary
    icon = "openquote"
    menu_label = "You said, we did"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["theme", BooleanColumn("published"), "updated_at"]
    list_filter = ["published"]
    has_chooser = False  # nothing chooses a summary


register_snippet(WordListGroup)
register_snippet(viewset.FeedbackViewSet)
register_snippet(ThemeSummaryViewSet)
for _action in bulk_actions.BULK_ACTIONS:
    hooks.register("register_bulk_action", _action)


def _word_list_changed(request, instance):
    if isinstance(instance, ThemeKeyword | SafeguardingPhrase):
        wordlists_changed()


for _hook in ("after_create_snippet", "after_edit_snippet"):
    hooks.register(_hook, _word_list_changed)


@hooks.register("after_delete_snippet")
def _word_list_deleted(request, instances):
    if any(isinstance(instance, ThemeKeyword | SafeguardingPhrase) for instance in instances):
        wordlists_changed()


@hooks.register("register_admin_viewset")
def _admin_areas():
    return [
        admin_views.SafeguardingViewSet(),
        admin_views.SurveyResultsViewSet(),
        DashboardViewSet(),
        ThemeModelViewSet(),
        offline.OfflineFeedbackViewSet(),
        viewset.FeedbackActionsViewSet(),
        redact.FeedbackRedactViewSet(),
        quotes.QuotesViewSet(),
        export_views.ExportsViewSet(),
        export_views.ExportLogViewSet(),
    ]


@hooks.register("register_log_actions")
def _feedback_log_actions(actions):
    class ThemeAdded(LogFormatter):
        label = "Theme confirmed"

        def format_message(self, log_entry):
            return f"Theme confirmed: {log_entry.data.get('theme', '')}"

    class ThemeRemoved(LogFormatter):
        label = "Theme removed"

        def format_message(self, log_entry):
            return f"Theme removed: {log_entry.data.get('theme', '')}"

    class Tagged(LogFormatter):
        label = "Tag added"

        def format_message(self, log_entry):
            return f"Tag added: {log_entry.data.get('tag', '')}"

    actions.register_action("consultation.theme_added")(ThemeAdded)
    actions.register_action("consultation.theme_removed")(ThemeRemoved)
    actions.register_action("consultation.tagged")(Tagged)
    actions.register_action("consultation.reviewed", "Marked reviewed", "Marked reviewed")
    actions.register_action("consultation.added_offline", "Added offline", "Added from offline input")
    actions.register_action("consultation.paper_entered", "Paper response entered", "Paper response entered")

    class Redacted(LogFormatter):
        label = "Personal details removed"

        def format_message(self, log_entry):
            removed = log_entry.data.get("removed", "")
            return f"Personal details removed ({removed}): {log_entry.data.get('reason', '')}"

    actions.register_action("consultation.redacted")(Redacted)

    class QuotePinned(LogFormatter):
        label = "Quote pinned"

        def format_message(self, log_entry):
            return f"Quote pinned for the report: {log_entry.data.get('theme', '')}"

    class QuoteUnpinned(LogFormatter):
        label = "Quote unpinned"

        def format_message(self, log_entry):
            return f"Quote unpinned: {log_entry.data.get('theme', '')}"

    actions.register_action("consultation.quote_pinned")(QuotePinned)
    actions.register_action("consultation.quote_unpinned")(QuoteUnpinned)


@hooks.register("construct_homepage_panels")
def _home_panels(request, panels):
    user = request.user
    if user.has_perm(admin_views.SAFEGUARDING_PERMISSION):
        panels.append(admin_home.SafeguardingAlertsPanel())
    if user.has_perm("consultation.change_feedback"):
        panels.append(admin_home.FeedbackReviewPanel())
    if user.has_perm(admin_views.RESULTS_PERMISSION):
        panels.append(admin_home.OpenSurveysPanel())
    if user.has_perm(export_views.EXPORT_PERMISSION):
        panels.append(admin_home.RecentExportsPanel())


def _results_button(page, user, priority):
    if isinstance(page.specific_deferred, SurveyPage) and user.has_perm(admin_views.RESULTS_PERMISSION):
        # A translation's answers are the English survey's (SurveyPage.survey_of_record).
        survey = page_of_record(page.specific_deferred)
        yield ActionMenuItem(
            "Results", reverse("consultation_results:index", args=[survey.pk]), icon_name="list-ul", priority=priority
        )


@hooks.register("register_page_header_buttons")
def _survey_results_header_button(page, user, view_name=None, next_url=None):
    yield from _results_button(page, user, priority=12)


@hooks.register("register_page_listing_more_buttons")
def _survey_results_listing_button(page, user, next_url=None):
    yield from _results_button(page, user, priority=5)


# --- "You said, we did" on the strategy's pages ----------------------------------------------


@hooks.register(THEME_PAGE_CONTEXT)
def _theme_page_summary(*, theme_page) -> dict:
    return {"theme_summary": theme_summary_for_theme_page(theme_page=theme_page)}


@hooks.register(RECOMMENDATION_PAGE_CONTEXT)
def _recommendation_page_summaries(*, recommendation) -> dict:
    return {"theme_summaries": theme_summaries_for_recommendation(recommendation=recommendation)}
