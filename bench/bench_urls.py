"""The site's URLs plus /bench/ok/, a view that does no work, as the baseline for bench/pages.py."""

from django.http import HttpResponse
from django.urls import path

from config import urls as site_urls


def ok(request):
    return HttpResponse("ok", content_type="text/plain")


# Before the site's URLs: Wagtail's page serving catches every path it is given. The site's
# patterns are added as they are, not included: Django allows i18n_patterns (the languages'
# prefixes) only in the root URLconf.
urlpatterns = [path("bench/ok/", ok, name="bench_ok"), *site_urls.urlpatterns]
handler429 = site_urls.handler429
