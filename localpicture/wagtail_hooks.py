"""Admin registration: a "Local picture" menu with police data imports, the months of figures
stored (to remove a month or a source), the figures the police share (a snippet, with a CSV
upload) and the ward lookup; each item shown only to those who may use it. Removing months is
logged (Wagtail's log, action `localpicture.months_removed`)."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets import HeaderButton
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView

from core.admin_snippets import StaffSnippetViewSet

from . import admin_views, services
from .models import FigureSeries


class FigureSeriesIndexView(IndexView):
    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.request.user.has_perm(admin_views.FIGURES_PERMISSION):
            buttons.append(
                HeaderButton(
                    "Upload values from CSV", reverse("localpicture_figures:upload"), icon_name="upload", priority=20
                )
            )
        return buttons


# The "Local picture" submenu: its own areas are the group's items; the figures, a snippet and
# so registered with register_snippet, join it through this hook.
LOCAL_PICTURE_MENU_HOOK = "register_local_picture_menu_item"


class FigureSeriesViewSet(StaffSnippetViewSet):
    model = FigureSeries
    icon = "table"
    menu_label = "Figures the police share"
    menu_hook = LOCAL_PICTURE_MENU_HOOK
    menu_order = 20
    menu_item_is_registered = False  # still listed under Snippets too
    index_view_class = FigureSeriesIndexView
    list_display = ["title", "unit", "source"]
    search_fields = ["title"]
    has_chooser = False  # the local picture page ticks series in a list


register_snippet(FigureSeriesViewSet)


class LocalPictureMenu(ViewSetGroup):
    menu_label = "Local picture"
    menu_icon = "table"
    menu_order = 160
    submenu_hook = LOCAL_PICTURE_MENU_HOOK
    items = (admin_views.PoliceImportsViewSet, admin_views.PoliceMonthsViewSet, admin_views.WardLookupViewSet)


@hooks.register("register_admin_viewset")
def _admin_areas():
    return [LocalPictureMenu(), admin_views.FigureUploadViewSet()]


@hooks.register("register_log_actions")
def _local_picture_log_actions(actions):
    class MonthsRemoved(LogFormatter):
        label = "Months of police data removed"

        def format_message(self, log_entry):
            months = log_entry.data.get("months") or []
            span = f"{months[0]} to {months[-1]}" if len(months) > 1 else "".join(months)
            return f"Removed {len(months)} month(s) of {log_entry.data.get('source', '')} figures: {span}"

    actions.register_action(services.MONTHS_REMOVED)(MonthsRemoved)
