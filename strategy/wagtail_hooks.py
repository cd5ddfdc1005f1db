"""Admin registration: the six themes (reorderable) and the wards as snippets, and the page
panels of the admin home (strategy/admin_home.py).
https://docs.wagtail.org/en/stable/topics/snippets/customising.html"""

from wagtail import hooks
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.snippets.models import register_snippet

from core.admin_snippets import StaffSnippetViewSet
from core.models import Theme, Ward
from core.theme_names import THEME_NAMES

from . import admin_home
from .selectors import theme_names_in_locale


class ThemeViewSet(StaffSnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = "Themes"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    sort_order_field = "sort_order"
    search_fields = ["name"]


class WardViewSet(StaffSnippetViewSet):
    model = Ward
    icon = "site"
    menu_label = "Wards"
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(ThemeViewSet)
register_snippet(WardViewSet)


@hooks.register("construct_homepage_panels")
def _home_page_panels(request, panels):
    # Wagtail's page panels only for those who may work on pages; for them "Your pages", which
    # also says what it is for while it is still empty, replaces "Your most recent edits".
    may_edit_pages = user_has_any_page_permission(request.user)
    removed = admin_home.WAGTAIL_PAGE_PANELS if not may_edit_pages else {"recent_edits"}
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in removed]
    if may_edit_pages:
        panels.append(admin_home.YourPagesPanel())


@hooks.register(THEME_NAMES)
def _theme_names(*, locale_id):
    # A theme's name in another language is its theme page's title there (core/theme_names.py).
    return theme_names_in_locale(locale_id=locale_id)
