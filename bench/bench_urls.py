"""The site's URLs plus /bench/ok/, a view that does no work, as the baseline for bench/pages.py."""

from django.http import HttpResponse
from django.urls import include, path


def ok(request):
    return HttpResponse("ok", content_type="text/plain")


# Before the site's URLs: Wagtail's page serving catches every path it is given.
urlpatterns = [
    path("bench/ok/", ok, name="bench_ok"),
    path("", include("config.urls")),
]
