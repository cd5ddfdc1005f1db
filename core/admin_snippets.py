"""The base of every snippet in the admin: choosers ask for the same permission as the listing,
models that nothing chooses have no chooser, and a listing's bulk action bar offers only the
actions the user may take (bulk_action_offered).

Wagtail's snippet choosers (`/admin/snippets/choose/<app>/<model>/`) check only that the user
may use the admin, so any staff member could list every safeguarding phrase or every piece of
feedback through them. https://docs.wagtail.org/en/stable/topics/snippets/customising.html
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from wagtail.models import Locale, Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

# The actions that open a snippet's listing (Wagtail's IndexView.any_permission_required).
LISTING_ACTIONS = ["add", "change", "delete", "view"]


def user_may_list(user, model) -> bool:
    """Whether the user may open the model's listing in the admin."""
    policy = policy_registry.get_by_type(model) or ModelPermissionPolicy(model)
    return policy.user_has_any_permission(user, LISTING_ACTIONS)


def bulk_action_offered(action_class, *, user, model) -> bool:
    """Whether a listing's bulk action bar offers the action to the user.

    Wagtail offers every registered bulk action to everyone who can see the listing and checks
    only once the action runs, so an officer was offered "Delete" on feedback and then told no.
    An action may say who it is for with an `is_offered_to(user)` class method; Wagtail's own
    "Delete" (snippets, images, documents, users) asks the model's permission policy for
    "delete". Page actions check each page's own permissions, so they are left as Wagtail has them.
    """
    is_offered_to = getattr(action_class, "is_offered_to", None)
    if is_offered_to is not None:
        return is_offered_to(user)
    if action_class.action_type == "delete" and not issubclass(model, Page):
        policy = policy_registry.get_by_type(model) or ModelPermissionPolicy(model)
        return policy.user_has_permission(user, "delete")
    return True


class ListingPermissionChooserViewSet(SnippetChooserViewSet):
    """A snippet chooser whose every view (choose, results, chosen, create) refuses anyone who
    may not open the snippet's listing."""

    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)
        model = self.model

        @wraps(view)
        def checked(request, *args, **kwargs):
            if not user_may_list(request.user, model):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return checked


class StaffSnippetViewSet(SnippetViewSet):
    """Set `has_chooser = False` on a model that no form chooses: it then has no chooser URLs."""

    chooser_viewset_class = ListingPermissionChooserViewSet
    has_chooser = True

    def register_chooser_viewset(self):
        if self.has_chooser:
            super().register_chooser_viewset()


class EnglishFirstIndexView(IndexView):
    """The listing of a translatable snippet: its English items unless the Locale filter says
    otherwise (Wagtail lists every language's together), so that each item is listed once and
    its translations are reached through it ("Translate", and the language switcher of its
    edit page)."""

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if "locale" not in kwargs["data"]:
            data = kwargs["data"].copy()
            data["locale"] = Locale.get_default().language_code
            kwargs["data"] = data
        return kwargs
