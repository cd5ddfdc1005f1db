"""Admin registration: a "Local picture" menu with police data imports, the months of figures
stored (to remove a month or a source), the figures the police share (a snippet, with a CSV
upload) and the ward lookup; each item shown only to those who may use it. Removing months is
logged (Wagtail's log, action `localpicture.months_removed`)."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.widgets import HeaderButton
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView

from core.admin_snippets import StaffSnippetViewSet
from core.admin_views import PermissionMenuItem

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


class FigureSeriesViewSet(StaffSnippetViewSet):
    model = FigureSeries
    icon = "table"
    menu_label = "Figures the police share"
    add_to_admin_menu = False
    index_view_class = FigureSeriesIndexView
    list_display = ["title", "unit", "source"]
    search_fields = ["title"]
    has_chooser = False  # the local picture page ticks series in a list


register_snippet(FigureSeriesViewSet)


@hooks.register("register_admin_urls")
def _admin_urls():
    return [
        path("local-picture/imports/", include(admin_views.import_urls)),
        path("local-picture/months/", include(admin_views.month_urls)),
        path("local-picture/figures/", include(admin_views.figure_urls)),
        path("local-picture/wards/", include(admin_views.ward_urls)),
    ]


@hooks.register("register_admin_menu_item")
def _local_picture_menu():
    menu = Menu(
        items=[
            PermissionMenuItem(
                "Police data",
                reverse("localpicture_imports:index"),
                icon_name="upload",
                order=10,
                permission=admin_views.IMPORT_PERMISSION,
            ),
            PermissionMenuItem(
                "Months of police data",
                reverse("localpicture_months:index"),
                icon_name="date",
                order=15,
                permission=admin_views.IMPORT_PERMISSION,
            ),
            PermissionMenuItem(
                "Figures the police share",
                reverse("wagtailsnippets_localpicture_figureseries:list"),
                icon_name="table",
                order=20,
                permission="localpicture.view_figureseries",
            ),
            PermissionMenuItem(
                "Ward lookup",
                reverse("localpicture_wards:index"),
                icon_name="site",
                order=30,
                permission=admin_views.WARDS_PERMISSION,
            ),
        ]
    )
    return SubmenuMenuItem("Local picture", menu, icon_name="table", order=160)


@hooks.register("register_log_actions")
def _local_picture_log_actions(actions):
    class MonthsRemoved(LogFormatter):
        label = "Months of police data removed"

        def format_message(self, log_entry):
            months = log_entry.data.get("months") or []
            span = f"{months[0]} to {months[-1]}" if len(months) > 1 else "".join(months)
            return f"Removed {len(months)} month(s) of {log_entry.data.get('source', '')} figures: {span}"

    actions.register_action(services.MONTHS_REMOVED)(MonthsRemoved)
