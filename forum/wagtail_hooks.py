"""The forum in the Wagtail admin: a "Parent forum" menu for moderators, with the queue,
members and the moderation log (see forum/admin_views.py), and the queue's counts on the admin
home."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from core.admin_views import PermissionMenuItem

from . import admin_home, admin_views


@hooks.register("register_admin_urls")
def _admin_urls():
    return admin_views.admin_urls


@hooks.register("register_admin_menu_item")
def _forum_menu():
    submenu = Menu(
        items=[
            PermissionMenuItem(
                "Moderation queue",
                reverse("forum_admin:queue"),
                icon_name="warning",
                order=1,
                permission=admin_views.MODERATE_PERMISSION,
            ),
            PermissionMenuItem(
                "Members",
                reverse("forum_admin:members"),
                icon_name="group",
                order=2,
                permission=admin_views.MODERATE_PERMISSION,
            ),
            PermissionMenuItem(
                "Moderation log",
                reverse("forum_admin:log"),
                icon_name="history",
                order=3,
                permission=admin_views.MODERATE_PERMISSION,
            ),
        ]
    )
    return SubmenuMenuItem("Parent forum", submenu, icon_name="group", order=260)


@hooks.register("construct_homepage_panels")
def _home_panels(request, panels):
    if request.user.has_perm(admin_views.MODERATE_PERMISSION):
        panels.append(admin_home.ModerationQueuePanel())
