"""Feedback in the Wagtail admin: the listing, the inspect view and the edit view.

- A listing with filters and search (consultation/filters.py), with buttons to add offline
  feedback and to export exactly the rows on screen.
- A row of the list opens the inspect view (the context, the suggestions and the words that
  triggered them, and the history); officers go on from there to the edit view.
- Officers confirm themes (six checkboxes) and add free tags in the edit view; what people wrote
  is never editable. The inspect view's buttons accept the suggestions or mark it reviewed.
"""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from taggit.forms import TagField, TagWidget
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic import InspectView
from wagtail.admin.widgets import HeaderButton
from wagtail.models import ModelLogEntry
from wagtail.snippets.views.snippets import EditView, IndexView

from core.admin_snippets import StaffSnippetViewSet
from core.models import Theme
from core.viewsets import PermissionViewSet

from .. import services
from ..filters import FeedbackFilterSet, feedback_search
from ..models import Feedback
from .export_views import EXPORT_PERMISSION
from .quotes import PIN_PERMISSION, UNPIN_PERMISSION, pin_context


class FeedbackIndexView(IndexView):
    """The list, with Export buttons that carry the current filters."""

    @property
    def header_buttons(self):
        # Wagtail's own "Add" button is replaced by the offline form's.
        add_url = reverse("wagtailsnippets_consultation_feedback:add")
        buttons = [button for button in super().header_buttons if getattr(button, "url", None) != add_url]
        user = self.request.user
        if user.has_perm("consultation.add_feedback"):
            buttons.append(
                HeaderButton("Add offline feedback", reverse("consultation_offline:add"), icon_name="plus", priority=20)
            )
        if user.has_perm(EXPORT_PERMISSION):
            query = self.request.GET.urlencode()
            for file_format, label in (("csv", "Export CSV"), ("xlsx", "Export Excel")):
                url = reverse("consultation_exports:export", args=[file_format]) + (f"?{query}" if query else "")
                buttons.append(HeaderButton(label, url, icon_name="download", priority=30))
        return buttons

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("survey", "ward")
            .prefetch_related("themes", "suggestions__theme")
        )

    def search_queryset(self, queryset):
        # The same search as exports use, so an export holds exactly the rows on screen.
        return feedback_search(queryset, self.search_query) if self.is_searching else queryset

    def _get_title_column(self, *args, **kwargs):
        # Wagtail links the title to the edit form for anyone who may change the item. A row here
        # opens the inspect view instead: the text with its context, suggestions and history,
        # and a button to the edit form for those who may change themes.
        column = super()._get_title_column(*args, **kwargs)
        column._get_url_func = lambda instance: self.get_inspect_url(instance) or self.get_edit_url(instance)
        return column


class TagListWidget(TagWidget):
    """A plain text box of tags separated by commas, shown as they would be typed: "bus station,
    lighting" rather than taggit's `"bus station", lighting`, which quotes a name with a space.
    A name with a comma or a quotation mark in it keeps taggit's quoting, so it reads back whole."""

    def format_value(self, value):
        if value is not None and not isinstance(value, str):
            names = sorted(tag.name for tag in value)
            if not any("," in name or '"' in name for name in names):
                return ", ".join(names)
        return super().format_value(value)


class FeedbackEditForm(WagtailAdminModelForm):
    """Themes as six checkboxes, and free tags in a plain labelled text box.

    The themes are a fixed list, so a tick box each: nothing typed can be lost, as a theme typed
    into a tag box but not picked from its suggestions was. They are set by FeedbackEditView
    through services.feedback_themes_set, which logs each change (left to the model form, they
    would be set with no record of who did it), so the form itself does not save them."""

    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Themes",
        help_text="Tick each theme this feedback speaks to. Untick one to remove it.",
    )
    tags = TagField(
        required=False,
        widget=TagListWidget,
        label="Tags",
        help_text="Your own words for finding it again, such as lighting or bus station. Separate them with commas.",
    )

    class Meta:
        exclude = ["themes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "themes" not in self.initial:
            self.initial["themes"] = list(self.instance.themes.all())


class FeedbackEditView(EditView):
    """Wagtail's edit view, with the ticked themes set through the service that logs them, and
    the officer taken back to the item's inspect view to see the result."""

    def save_instance(self):
        with transaction.atomic():
            instance = super().save_instance()
            services.feedback_themes_set(
                feedback=instance, themes=self.form.cleaned_data["themes"], user=self.request.user
            )
        return instance

    def get_success_url(self):
        return reverse("wagtailsnippets_consultation_feedback:inspect", args=[self.object.pk])


class FeedbackInspectView(InspectView):
    """The text, where it came from, the suggestions with their words, and the history."""

    template_name = "consultation/admin/feedback_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        feedback = self.object
        context.update(
            {
                "feedback": feedback,
                "suggestions": feedback.suggestions.select_related("theme"),
                "confirmed": list(feedback.themes.all()),
                "tags": list(feedback.tags.all()),
                "history": feedback_history(feedback),
                "can_change": self.request.user.has_perm("consultation.change_feedback"),
                "edit_url": reverse("wagtailsnippets_consultation_feedback:edit", args=[feedback.pk]),
                "can_pin": self.request.user.has_perm(PIN_PERMISSION),
                "can_unpin": self.request.user.has_perm(UNPIN_PERMISSION),
                **pin_context(feedback),
            }
        )
        return context


def feedback_history(feedback: Feedback):
    return ModelLogEntry.objects.for_instance(feedback).select_related("user").order_by("-timestamp")[:50]


def _theme_names(feedback: Feedback) -> str:
    return ", ".join(theme.name for theme in feedback.themes.all()) or "None yet"


def _suggested_names(feedback: Feedback) -> str:
    return ", ".join(s.theme.name for s in feedback.suggestions.all()) or "None"


class SafeguardingFlagColumn(Column):
    """A flagged piece reads as a warning, in words, not as Wagtail's green tick for True."""

    cell_template_name = "consultation/admin/includes/safeguarding_cell.html"


class FeedbackViewSet(StaffSnippetViewSet):
    model = Feedback
    icon = "comment"
    menu_label = "Feedback"
    menu_order = 140
    add_to_admin_menu = True
    index_view_class = FeedbackIndexView
    inspect_view_enabled = True
    inspect_view_class = FeedbackInspectView
    edit_view_class = FeedbackEditView
    edit_template_name = "consultation/admin/feedback_edit.html"
    filterset_class = FeedbackFilterSet
    search_fields = ["text"]
    search_backend_name = None  # searched in the database (consultation/filters.py), so new feedback is found at once
    list_per_page = 50
    list_display = [
        # The first column links each row to the item (a title column).
        "excerpt",
        Column("source", label="Source", accessor="get_source_display"),
        DateColumn("created_at", label="Received"),
        Column("language", label="Language", accessor="get_language_display"),
        Column("confirmed", label="Confirmed themes", accessor=_theme_names),
        Column("suggested", label="Suggested themes", accessor=_suggested_names),
        BooleanColumn("reviewed", label="Reviewed"),
        SafeguardingFlagColumn("safeguarding_flag", label="Safeguarding"),
    ]
    # What people wrote is never edited: officers confirm themes, tag and review.
    edit_handler = ObjectList(
        [
            HelpPanel(template="consultation/admin/feedback_edit_help.html", heading="What they said"),
            FieldPanel("themes"),
            FieldPanel("tags"),
        ],
        base_form_class=FeedbackEditForm,
    )
    copy_view_enabled = False
    has_chooser = False  # nothing chooses feedback

    @property
    def add_view(self):
        # Feedback is added through the offline form, which checks it like any other
        # submission; Wagtail's generic form would save it without text or source.
        return lambda request: redirect("consultation_offline:add")


def feedback_action(request, pk: int, action: str):
    """The inspect view's buttons: accept the suggestions, or mark reviewed (POST only)."""
    feedback = get_object_or_404(Feedback, pk=pk)
    if request.method != "POST":
        raise Http404
    if action == "accept":
        services.feedback_accept_suggestions(feedback=feedback, user=request.user)
        messages.success(request, "Suggested themes confirmed.")
    elif action == "reviewed":
        services.feedback_mark_reviewed(feedback=feedback, user=request.user)
        messages.success(request, "Marked as reviewed.")
    else:
        raise Http404
    return redirect("wagtailsnippets_consultation_feedback:inspect", pk)


class FeedbackActionsViewSet(PermissionViewSet):
    """The inspect view's buttons, for those who may change feedback. No menu item."""

    name = "consultation_feedback_actions"
    url_prefix = "feedback-actions"
    permission = "consultation.change_feedback"

    def get_routes(self):
        return [path("<int:pk>/<str:action>/", feedback_action, name="action")]
