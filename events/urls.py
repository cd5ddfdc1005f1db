"""Calendar files. Wagtail's page routes cannot end in a file name, so these are plain Django
URLs, included before Wagtail's catch-all."""

from django.urls import path

from . import views

urlpatterns = [
    path("events/feed.ics", views.feed_ics, name="events_feed_ics"),
    path("events/<slug:slug>/event.ics", views.event_ics, name="event_ics"),
]
