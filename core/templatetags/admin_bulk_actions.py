"""The bulk action bar of the admin's listings, offering only the actions the user may take.

Wagtail's `bulk_action_choices` tag lists every action registered for the model, to everyone;
this is the same bar (the first four as buttons, the rest under "More") with the actions the
user may not take left out (core.admin_snippets.bulk_action_offered). Used by
templates/wagtailadmin/bulk_actions/footer.html.
"""

from django import template
from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.widgets import Button, ButtonWithDropdown
from wagtail.admin.widgets.button import ListingButton

from core.admin_snippets import bulk_action_offered

register = template.Library()

BUTTONS_SHOWN = 4  # as Wagtail: the rest go under "More"


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def permitted_bulk_action_choices(context, app_label, model_name):
    actions = sorted(
        bulk_action_registry.get_bulk_actions_for_model(app_label, model_name), key=lambda a: a.action_priority
    )
    request = context.get("request")
    if request is not None:
        model = apps.get_model(app_label, model_name)
        actions = [action for action in actions if bulk_action_offered(action, user=request.user, model=model)]

    def url(action):
        return reverse("wagtail_bulk_action", args=[app_label, model_name, action.action_type])

    # No 'next' parameter: Wagtail's JavaScript adds it (the bar is not re-rendered after a search).
    buttons = [
        ListingButton(
            action.display_name,
            url(action),
            attrs={"aria-label": action.aria_label, "data-bulk-action-button": ""},
            priority=action.action_priority,
            classname=" ".join(action.classes | {"bulk-action-btn"}),
        )
        for action in actions[:BUTTONS_SHOWN]
    ]
    if more := actions[BUTTONS_SHOWN:]:
        buttons.append(
            ButtonWithDropdown(
                label=_("More"),
                attrs={"title": _("More bulk actions")},
                classname="button button-secondary button-small",
                buttons=[
                    Button(
                        label=action.display_name,
                        url=url(action),
                        attrs={"aria-label": action.aria_label, "data-bulk-action-button": ""},
                        priority=action.action_priority,
                    )
                    for action in more
                ],
            )
        )
    return {"buttons": buttons}
