"""Admin registration: the events listing with places taken (for page editors), the attendee
pages and their own list of events (for whoever may see bookings), the bleed-control kits
snippet, the events panel of the admin home, and the email to attendees when an event is
cancelled. https://docs.wagtail.org/en/stable/extending/custom_page_listings.html"""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus import MenuItem as ActionMenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet

from core.admin_snippets import EnglishFirstIndexView, StaffSnippetViewSet
from core.queue import queue_after_commit

from . import admin_home, admin_views, tasks
from .models import BleedKit, EventPage
from .selectors import events_with_places_taken


class EventListingView(IndexView):
    def annotate_queryset(self, pages):
        return events_with_places_taken(super().annotate_queryset(pages))


class PageEditorsMenuItem(MenuItem):
    """Shown only to those the page listing lets in (Wagtail's page IndexView asks for any page
    permission); officers reach events through "Event attendees" instead."""

    def is_shown(self, request):
        return user_has_any_page_permission(request.user)


class EventPageListingViewSet(PageListingViewSet):
    """Every event in one list, soonest first, with the places taken."""

    menu_item_class = PageEditorsMenuItem

    model = EventPage
    icon = "date"
    menu_label = "Events"
    menu_order = 120
    add_to_admin_menu = True
    index_view_class = EventListingView
    columns = [
        *IndexView.base_columns[:2],
        DateColumn("start_at", label="Starts", sort_key="start_at", width="16%"),
        admin_views.PlacesTakenColumn("places_taken", label="Places taken", width="16%"),
        Column("venue_name", label="Venue", width="16%"),
        *[column for column in IndexView.base_columns[2:] if column.name in ("status",)],
    ]


@hooks.register("register_admin_viewset")
def _admin_areas():
    return [EventPageListingViewSet("events"), admin_views.AttendeesViewSet()]


class BleedKitViewSet(StaffSnippetViewSet):
    model = BleedKit
    index_view_class = EnglishFirstIndexView
    icon = "pick"
    menu_label = "Bleed-control kits"
    add_to_admin_menu = True
    menu_order = 125
    list_display = ["name", "ward", "postcode", "is_sample", "last_checked_on"]
    list_filter = ["ward", "is_sample"]
    search_fields = ["name", "postcode"]
    has_chooser = False  # nothing chooses a kit


register_snippet(BleedKitViewSet)


@hooks.register("construct_homepage_panels")
def _home_panels(request, panels):
    if request.user.has_perm(admin_views.VIEW_PERMISSION):
        panels.append(admin_home.UpcomingEventsPanel())


def _attendees_button(page, user, priority):
    if isinstance(page.specific_deferred, EventPage) and user.has_perm(admin_views.VIEW_PERMISSION):
        yield ActionMenuItem(
            "Attendees", reverse("events_attendees:index", args=[page.pk]), icon_name="group", priority=priority
        )


@hooks.register("register_page_header_buttons")
def _attendees_header_button(page, user, view_name=None, next_url=None):
    yield from _attendees_button(page, user, priority=12)


@hooks.register("register_page_listing_more_buttons")
def _attendees_listing_button(page, user, next_url=None):
    yield from _attendees_button(page, user, priority=5)


@hooks.register("after_publish_page")
def _cancelled_event_published(request, page):
    # Attendees hear about a cancellation as soon as it is published; the periodic task
    # catches any whose email could not be sent.
    if isinstance(page, EventPage) and page.cancelled:
        queue_after_commit(tasks.event_cancelled_notify, page.pk)
