"""Wagtail's users app with the staff user screens of strategy/users_admin.py.

Kept apart from the viewset: Django reads this while the app registry is still loading, before
Wagtail's views can be imported.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class StaffUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's users app; its user screens leave usernames out of their messages."""

    user_viewset = "core.users_admin.UserViewSet"
