"""The forum in the Wagtail admin: a "Parent forum" menu for moderators, with the queue,
members and the moderation log (ForumModerationViewSet in forum/admin_views.py), and the
queue's counts on the admin home."""

from wagtail import hooks

from . import admin_home, admin_views


@hooks.register("register_admin_viewset")
def _admin_areas():
    return admin_views.ForumModerationViewSet()


@hooks.register("construct_homepage_panels")
def _home_panels(request, panels):
    if request.user.has_perm(admin_views.MODERATE_PERMISSION):
        panels.append(admin_home.ModerationQueuePanel())
