"""Admin registration of the ground floor's own area: Data protection (core/personal_data_admin.py)
and its panel on the admin home. The retention schedule's setting registers itself
(core/models.py, Settings > Data retention). One fix to Wagtail's editor for screen readers, and
the page explorer's searches across languages without the aliases (core/admin_page_search.py)."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from .admin_page_search import explorer_search_without_aliases
from .personal_data import PERMISSION
from .personal_data_admin import DataProtectionPanel, DataProtectionViewSetGroup


@hooks.register("register_admin_viewset")
def _data_protection_viewsets():
    return DataProtectionViewSetGroup()


@hooks.register("construct_homepage_panels")
def _data_protection_panel(request, panels):
    if request.user.has_perm(PERMISSION):
        panels.append(DataProtectionPanel())


@hooks.register("insert_global_admin_js")
def _rich_text_boxes_named():
    """Name Wagtail's rich text boxes by their fields' labels, for screen readers
    (static/js/admin-richtext-names.js says why)."""
    return format_html('<script src="{}"></script>', static("js/admin-richtext-names.js"))


hooks.register("construct_explorer_page_queryset", explorer_search_without_aliases)
