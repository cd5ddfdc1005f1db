"""A whole-page cache for anonymous visitors that any editorial change clears at once.

Django's own cache middleware cannot tell a logged-in editor from a visitor and has no way to
clear everything when a page is published, so this small middleware does both:

- Only GET and HEAD requests without a session cookie are answered from the cache, so anyone
  logged in (editors, forum members) always gets a fresh page.
- A response is stored only when it is a plain 200 that set no cookie and used no CSRF token,
  so pages with forms keep working: they are never cached.
- Every entry is stored with the cache "generation" it was made in. `page_cache_clear()`
  starts a new generation, which makes every earlier entry a miss. Both values are read in one
  round trip to the cache.

What clears it is said in one registry (`page_cache_clears_on`): each app names, in its
AppConfig.ready(), the models whose saves and deletes make pages stale; Wagtail's own content
(pages, revisions, images, documents, redirects, promotions, tags) is registered here. A page
published, unpublished or moved clears it too. A service that writes in bulk, which sends no
signal, calls `page_cache_clear_on_commit()`. Public submissions (feedback, bookings, forum
posts) are not registered and never clear it.

It is the first middleware, so a hit skips the rest of the stack; the stored response already
carries the headers that the other middleware added (CSP, HSTS, X-Frame-Options) when it was
made.

Browsers and shared caches cannot be cleared when an editor publishes, so HTML pages never tell
them to keep a page for long, whatever lifetime the page computed (the home page and the events
list say how long until their lists change with the clock, which can be weeks):

- `max-age` is at most BROWSER_CACHE_SECONDS (5 minutes by default), so a cancelled event or an
  unpublished page is gone from a visitor's browser within minutes;
- a page this cache stores also gets `s-maxage`: the time this cache keeps it (at most
  PAGE_CACHE_SECONDS), for a proxy or CDN in front of the site, and a hit carries `Age`, so such
  a cache counts from when the page was made, not from when it fetched it.
"""

import hashlib
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_max_age, patch_cache_control
from wagtail.signals import page_published, page_unpublished, post_page_move

from .languages import path_without_language

GENERATION_KEY = "pagecache:generation"
HEADER = "X-Page-Cache"
# Paths that are never cached: staff, accounts, anything private, and files that WhiteNoise
# or the web server already serve quickly.
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/forum/", "/accounts/", "/static/", "/media/")


def page_cache_clear() -> None:
    """Make every cached page stale, for example after a page is published."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def page_cache_clear_on_commit() -> None:
    """Clear the page cache once the current transaction commits (after a bulk write, which
    sends no model signal)."""
    transaction.on_commit(page_cache_clear)


# --- What clears it -----------------------------------------------------------------------------

# App labels whose every model is editorial content, and single models ("app_label.modelname").
_CLEARING_APPS: set[str] = {
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "wagtailsearchpromotions",
    "taggit",
}
_CLEARING_MODELS: set[str] = set()


def page_cache_clears_on(*labels: str) -> None:
    """Register editorial content: a save or delete of these models, or a change to their
    many-to-many links, clears the page cache. Each label is an app label (every model of the
    app) or a model label such as "events.BleedKit". Called from AppConfig.ready()."""
    for label in labels:
        if "." in label:
            _CLEARING_MODELS.add(label.lower())
        else:
            _CLEARING_APPS.add(label)


def _clears(model) -> bool:
    meta = model._meta
    if meta.app_label in _CLEARING_APPS or meta.label_lower in _CLEARING_MODELS:
        return True
    # A many-to-many link table made by Django: the model that declares the field decides.
    if meta.auto_created:
        return _clears(meta.auto_created)
    return False


def _on_model_change(sender, **kwargs):
    if _clears(sender):
        page_cache_clear()


def _on_page_change(**kwargs):
    page_cache_clear()


def page_cache_signals_connect() -> None:
    """Connect the receivers once, from CoreConfig.ready()."""
    post_save.connect(_on_model_change, dispatch_uid="pagecache_post_save")
    post_delete.connect(_on_model_change, dispatch_uid="pagecache_post_delete")
    m2m_changed.connect(_on_model_change, dispatch_uid="pagecache_m2m_changed")
    page_published.connect(_on_page_change, dispatch_uid="pagecache_published")
    page_unpublished.connect(_on_page_change, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(_on_page_change, dispatch_uid="pagecache_moved")


def page_cache_generation() -> str:
    """The current generation: anything cached under it is stale once an editor changes content."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY)
    return generation


def kept_for_generation(key: str, compute, *, timeout: int = 3600):
    """`compute()`, kept in the cache until an editor changes content (a new generation).

    For what pages build from editorial content (menus, settings, lists, the calendar feed),
    so that visitors the page cache passes by, such as anyone signed in, do not rebuild it on
    every request. `compute()` must not return None."""
    # Keyed on the language too: what is kept may hold links, which carry the language.
    key = f"{key}:{translation.get_language() or settings.LANGUAGE_CODE}:{page_cache_generation()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def _is_cacheable_request(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not path_without_language(request.path).startswith(EXCLUDED_PREFIXES)
    )


def _is_storable(request, response) -> bool:
    user = getattr(request, "user", None)
    cache_control = response.get("Cache-Control", "")
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        # get_token() was called (a form was rendered). Behind CsrfViewMiddleware the response
        # also sets the CSRF cookie, which the cookies check above catches.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (user is not None and user.is_authenticated)
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


def _key(request) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "pagecache:page:" + hashlib.sha256(address.encode()).hexdigest()


def _limit_html_lifetime(response, *, shared_seconds: int | None = None):
    """Keep an HTML page's browser lifetime short (BROWSER_CACHE_SECONDS at most) and, when this
    cache stores it for `shared_seconds`, let shared caches keep it that long (`s-maxage`).
    Responses that must not be cached (private, no-store, no-cache) and other content types
    (open data, the calendar feed) keep what their views said."""
    if not response.get("Content-Type", "").startswith("text/html"):
        return response
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return response
    browser = settings.BROWSER_CACHE_SECONDS
    if shared_seconds is not None:
        # patch_cache_control keeps the smaller of the page's own max-age and this one.
        patch_cache_control(response, max_age=min(shared_seconds, browser))
        if shared_seconds > get_max_age(response):
            patch_cache_control(response, s_maxage=shared_seconds)
    elif (get_max_age(response) or 0) > browser:
        patch_cache_control(response, max_age=browser)
    return response


class PageCacheMiddleware:
    """Answer anonymous GET requests from the cache; store fresh responses that are safe to."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_cacheable_request(request):
            return _limit_html_lifetime(self.get_response(request))

        key = _key(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or page_cache_generation()
        entry = found.get(key)
        if entry is not None and len(entry) == 5 and entry[0] == generation:
            _, stored_at, status, headers, content = entry
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response.headers[name] = value
            response["Age"] = str(max(0, int(time.time() - stored_at)))
            response[HEADER] = "hit"
            return response

        response = self.get_response(request)
        if not _is_storable(request, response):
            return _limit_html_lifetime(response)
        # A page may ask to be kept for less time (max-age), for example because
        # what it lists changes at a known moment.
        max_age = get_max_age(response)
        timeout = settings.PAGE_CACHE_SECONDS if max_age is None else min(max_age, settings.PAGE_CACHE_SECONDS)
        timeout = max(timeout, 0)
        _limit_html_lifetime(response, shared_seconds=timeout)
        if timeout > 0:
            response[HEADER] = "miss"
            # Plain values, not the response object: cheaper to pickle and unpickle.
            entry = (generation, time.time(), response.status_code, list(response.headers.items()), response.content)
            cache.set(key, entry, timeout)
        return response
