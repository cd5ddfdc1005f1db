"""Bulk actions on feedback: officers tick pieces in the listing and change them all at once.

Every action does the same thing: for each piece ticked, call one service with the officer and
what the action's form asked for, and the service logs the change on the piece. They differ only
in that call, their form and their labels, so they are one class, FeedbackBulkAction, and a table
of what each does. Wagtail registers a bulk action as a class, one per action type
(https://docs.wagtail.org/en/stable/extending/custom_bulk_actions.html), so each row of the table
becomes a subclass that holds only its row.
"""

from collections.abc import Callable

from django import forms
from django.utils.functional import classproperty
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from core.models import Theme

from .. import services
from ..models import Feedback


class ThemeChoiceForm(forms.Form):
    theme = forms.ModelChoiceField(queryset=Theme.objects.all(), label="Theme")


class TagForm(forms.Form):
    tag = forms.CharField(max_length=100, label="Tag")


class FeedbackBulkAction(SnippetBulkAction):
    """Bulk actions on feedback: officers only, each change logged on each item."""

    template_name = "consultation/admin/feedback_bulk_confirm.html"
    # What the action does to one piece: called with the piece, the officer and the values of
    # the action's form as keyword arguments.
    apply: Callable[..., object]

    @classproperty
    def models(cls):
        return [Feedback]

    @classmethod
    def declare(
        cls,
        action_type: str,
        display_name: str,
        *,
        aria_label: str,
        priority: int,
        apply: Callable[..., object],
        form_class: type[forms.Form] = forms.Form,
    ) -> type["FeedbackBulkAction"]:
        """The class Wagtail registers for one action: AddThemeBulkAction for "add_theme"."""
        name = "".join(word.title() for word in action_type.split("_")) + "BulkAction"
        attributes = {
            "action_type": action_type,
            "display_name": display_name,
            "aria_label": aria_label,
            "action_priority": priority,
            "form_class": form_class,
            "apply": staticmethod(apply),
        }
        return type(name, (cls,), attributes)

    @classmethod
    def is_offered_to(cls, user) -> bool:
        # The listing's bar offers the action only to those check_perm would let through.
        return user.has_perm("consultation.change_feedback")

    def check_perm(self, obj):
        return self.is_offered_to(self.request.user)

    @classmethod
    def execute_action(cls, objects, **kwargs):
        view = kwargs["self"]
        values = view.cleaned_form.cleaned_data
        for feedback in objects:
            cls.apply(feedback, view.request.user, **values)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"{self.display_name}: done for {num_parent_objects} item(s)."


BULK_ACTIONS = [
    FeedbackBulkAction.declare(
        "accept_suggestions",
        "Accept suggested themes",
        aria_label="Accept suggested themes for the selected feedback",
        priority=10,
        apply=lambda feedback, user: services.feedback_accept_suggestions(feedback=feedback, user=user),
    ),
    FeedbackBulkAction.declare(
        "add_theme",
        "Add a theme",
        aria_label="Add a theme to the selected feedback",
        priority=20,
        form_class=ThemeChoiceForm,
        apply=lambda feedback, user, theme: services.feedback_theme(feedback=feedback, add=[theme], user=user),
    ),
    FeedbackBulkAction.declare(
        "remove_theme",
        "Remove a theme",
        aria_label="Remove a theme from the selected feedback",
        priority=30,
        form_class=ThemeChoiceForm,
        apply=lambda feedback, user, theme: services.feedback_theme(feedback=feedback, remove=[theme], user=user),
    ),
    FeedbackBulkAction.declare(
        "add_tag",
        "Add a tag",
        aria_label="Add a tag to the selected feedback",
        priority=40,
        form_class=TagForm,
        apply=lambda feedback, user, tag: services.feedback_tag(feedback=feedback, tag=tag, user=user),
    ),
    FeedbackBulkAction.declare(
        "mark_reviewed",
        "Mark reviewed",
        aria_label="Mark reviewed: the selected feedback",
        priority=50,
        apply=lambda feedback, user: services.feedback_mark_reviewed(feedback=feedback, user=user),
    ),
]
