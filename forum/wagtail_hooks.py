"""The forum in the Wagtail admin: a "Parent forum" menu for moderators, with the queue,
members and the moderation log (see forum/admin_views.py)."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from . import admin_views


class _ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.MODERATE_PERMISSION)


@hooks.register("register_admin_urls")
def _admin_urls():
    return admin_views.admin_urls


@hooks.register("register_admin_menu_item")
def _forum_menu():
    submenu = Menu(
        items=[
            _ModeratorMenuItem("Moderation queue", reverse("forum_admin:queue"), icon_name="warning", order=1),
            _ModeratorMenuItem("Members", reverse("forum_admin:members"), icon_name="group", order=2),
            _ModeratorMenuItem("Moderation log", reverse("forum_admin:log"), icon_name="history", order=3),
        ]
    )
    return SubmenuMenuItem("Parent forum", submenu, icon_name="group", order=260)
