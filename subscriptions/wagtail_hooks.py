"""Admin registration: an "Email updates" menu with the subscriber counts and "Send a message
to subscribers" (Editors) and the export of addresses (Data protection); each item shown only to
those who may open it."""

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from . import admin_views


class EmailUpdatesMenu(ViewSetGroup):
    menu_label = "Email updates"
    menu_icon = "mail"
    menu_order = 170
    items = (
        admin_views.SubscriberCountsViewSet,
        admin_views.AnnouncementViewSet,
        admin_views.SubscriberExportViewSet,
    )


@hooks.register("register_admin_viewset")
def _admin_areas():
    return EmailUpdatesMenu()
