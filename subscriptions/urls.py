"""Subscriptions' pages and the Atom feeds: plain Django URLs, included before Wagtail's
catch-all."""

from django.urls import path

from . import feeds, views

app_name = "subscriptions"

urlpatterns = [
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/check-your-email/", views.check_email, name="check_email"),
    path("subscribe/manage/", views.manage_link, name="manage_link"),
    path("subscribe/confirm/<str:token>/", views.confirm, name="confirm"),
    path("subscribe/manage/<str:token>/", views.manage, name="manage"),
    path("subscribe/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("consultations/feed.atom", feeds.ConsultationsFeed(), name="feed_consultations"),
    path("events/feed.atom", feeds.EventsFeed(), name="feed_events"),
    path("strategy/progress.atom", feeds.ProgressFeed(), name="feed_progress"),
]
