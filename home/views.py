"""Site search and robots.txt. Pages handle everything else through Wagtail."""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Page, Site

from core.languages import languages

MAX_QUERY_LENGTH = 200


def search(request):
    """Search every live, public page of the current site in the visitor's language tree, so
    each page is found once (Wagtail's database backend: PostgreSQL full-text search on
    PostgreSQL)."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        site = Site.find_for_request(request)
        home = site.root_page.localized if site is not None else None
        if home is not None:
            results = Page.objects.live().public().descendant_of(home, inclusive=True).specific().search(query)
    paginator = Paginator(results, 10)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page = paginator.page(1)
    return TemplateResponse(request, "search/search.html", {"query": query, "results": page})


# Kept out of search engines: staff pages, the members-only forum and its accounts, and the
# kiosk, whose pages are for a tablet at an event. Everything else is listed in the sitemap.
ROBOTS_DISALLOWED = ("/admin/", "/forum/", "/accounts/", "/*?kiosk=", "/*&kiosk=")
# The forum and accounts in every other language too (/ur/forum/ ...): core/languages.py.
ROBOTS_DISALLOWED_IN_EVERY_LANGUAGE = ("/forum/", "/accounts/")


def robots_txt(request):
    """robots.txt: what crawlers may skip, and where the sitemap is."""
    disallowed = [
        *ROBOTS_DISALLOWED,
        *(
            f"/{language.code}{path}"
            for language in languages()
            if not language.is_default
            for path in ROBOTS_DISALLOWED_IN_EVERY_LANGUAGE
        ),
    ]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallowed), ""]
    lines.append(f"Sitemap: {settings.SITE_URL}/sitemap.xml")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
