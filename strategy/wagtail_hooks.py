"""Admin registration: the six themes (reorderable) and the wards as snippets.
https://docs.wagtail.org/en/stable/topics/snippets/customising.html"""

from wagtail.snippets.models import register_snippet

from .admin_snippets import StaffSnippetViewSet
from .models import Theme, Ward


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
