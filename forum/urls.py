from django.urls import path

from . import views

app_name = "forum"

urlpatterns = [
    path("", views.index, name="index"),
    path("join/", views.join, name="join"),
    path("c/<slug:slug>/", views.category, name="category"),
    path("c/<slug:slug>/new/", views.thread_new, name="thread_new"),
    path("t/<int:pk>/", views.thread, name="thread"),
    path("t/<int:pk>/reply/", views.reply, name="reply"),
    path("t/<int:pk>/follow/", views.follow, name="follow"),
    path("p/<int:pk>/", views.post_link, name="post"),
    path("p/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("p/<int:pk>/delete/", views.post_delete, name="post_delete"),
    path("p/<int:pk>/report/", views.post_report, name="post_report"),
]

# The parent's own account pages, beside django-allauth's under /accounts/.
account_urlpatterns = [
    path("profile/", views.profile, name="forum_profile"),
    path("delete/", views.account_delete, name="forum_account_delete"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="forum_unsubscribe"),
]
