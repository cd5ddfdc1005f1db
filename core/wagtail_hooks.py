"""Admin registration of the ground floor's own area: Data protection (core/personal_data_admin.py).
The retention schedule's setting registers itself (core/models.py, Settings > Data retention)."""

from wagtail import hooks

from .personal_data_admin import DataProtectionViewSetGroup


@hooks.register("register_admin_viewset")
def _data_protection_viewsets():
    return DataProtectionViewSetGroup()
