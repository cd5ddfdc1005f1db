"""The routes of the events' pages, each a view of events/views.py. The pages do not import
their views, which book through the services that write the pages' own tables: the app
registers these in its AppConfig.ready() (core.routing.RegisteredRoutesMixin)."""

from django.urls import path

from . import views
from .models import BleedKitIndexPage, EventIndexPage, EventPage

PAGE_ROUTES = {
    EventIndexPage: [path("", views.event_index, name="index_route")],
    EventPage: [
        path("", views.event_serve, name="event_view"),
        path("booked/", views.event_booked, name="booked_view"),
        path("cancel/", views.booking_cancel_view, name="cancel_view"),
        path("feedback/", views.event_feedback_view, name="feedback_view"),
    ],
    BleedKitIndexPage: [path("", views.bleed_kits, name="index_route")],
}
