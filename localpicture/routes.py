"""The routes of the local picture page, each a view of localpicture/views.py. The page does
not import its views, which read through the selectors that import the page's own models: the
app registers these in its AppConfig.ready() (core.routing.RegisteredRoutesMixin)."""

from django.urls import path

from . import views
from .models import LocalPicturePage

PAGE_ROUTES = {
    LocalPicturePage: [
        path("", views.local_picture, name="index_route"),
        path("data-csv/", views.data_csv, name="csv"),
    ],
}
