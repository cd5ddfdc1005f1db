"""The base of every admin area that is not a snippet: a Wagtail ViewSet that one permission
opens. Its URLs and its menu item are registered together, by returning it from an app's
`register_admin_viewset` hook in `wagtail_hooks.py`, and the same permission decides both: every
view of the area refuses anyone without it, and the menu item shows only to those who hold it,
so the menu never offers a page the admin would then refuse.
https://docs.wagtail.org/en/stable/extending/admin_views.html
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.urls import URLPattern, path, reverse
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.viewsets.base import ViewSet

from .admin_views import PermissionMenuItem, forbidden_unless, user_has_permission


class PermissionViewSet(ViewSet):
    """An admin area: `name` is its URL namespace, `url_prefix` the path under /admin/ (by
    default the name), `get_routes` its views. Set `add_to_admin_menu = True` for a menu item of
    its own (`menu_label`, `icon`, `menu_order`); an area reached only from other pages, or
    placed in a ViewSetGroup's submenu, leaves it False."""

    #: "app_label.codename", or "is_superuser" for administrators only.
    permission = ""

    #: How a refusal looks. False: Wagtail's way, home to the dashboard with a message. True: a
    #: 403 page, for areas where a refusal must be plain to the browser, the logs and the tests
    #: (one person's personal data: core/personal_data_admin.py).
    refuse_with_403 = False

    #: More than one way into the area, each its own item in a submenu under `menu_label`:
    #: (label, view name, icon) in the order shown. Empty: one menu item, to the first route.
    menu_entries: tuple[tuple[str, str, str], ...] = ()

    def get_routes(self) -> list[URLPattern]:
        """The area's views, as `django.urls.path(...)`: the first is where its menu item goes."""
        return []

    def get_urlpatterns(self):
        # Wagtail's admin URLs already refuse anyone who may not use the admin at all; every
        # route here also refuses anyone without the area's permission, so a view cannot be
        # added to the area and forget to check it.
        return [
            path(str(route.pattern), self.permission_required(route.callback), route.default_args, name=route.name)
            for route in self.get_routes()
        ]

    def permission_required(self, view):
        permission = self.permission
        if self.refuse_with_403:
            return forbidden_unless(permission)(view)

        @wraps(view)
        def checked(request, *args, **kwargs):
            if not user_has_permission(request.user, permission):
                raise PermissionDenied  # Wagtail's admin sends the user home with its message
            return view(request, *args, **kwargs)

        return checked

    def get_menu_item(self, order=None):
        if not self.menu_entries:
            return PermissionMenuItem(
                self.menu_label,
                self.menu_url,
                name=self.menu_name,
                icon_name=self.menu_icon,
                order=self.get_menu_item_order(order),
                permission=self.permission,
            )
        entries = [
            PermissionMenuItem(
                label,
                reverse(self.get_url_name(view_name)),
                icon_name=icon,
                order=position,
                permission=self.permission,
            )
            for position, (label, view_name, icon) in enumerate(self.menu_entries, start=1)
        ]
        # A submenu shows only while one of its entries does.
        return SubmenuMenuItem(
            self.menu_label,
            Menu(items=entries),
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
        )
