"""Admin registration of the ground floor's own area: Data protection (core/personal_data_admin.py)
and its panel on the admin home. The retention schedule's setting registers itself
(core/models.py, Settings > Data retention)."""

from wagtail import hooks

from .personal_data import PERMISSION
from .personal_data_admin import DataProtectionPanel, DataProtectionViewSetGroup


@hooks.register("register_admin_viewset")
def _data_protection_viewsets():
    return DataProtectionViewSetGroup()


@hooks.register("construct_homepage_panels")
def _data_protection_panel(request, panels):
    if request.user.has_perm(PERMISSION):
        panels.append(DataProtectionPanel())
