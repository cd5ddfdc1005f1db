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

It is the first middleware, so a hit skips the rest of the stack; the stored response already
carries the headers that the other middleware added (CSP, HSTS, X-Frame-Options) when it was
made.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_max_age

GENERATION_KEY = "pagecache:generation"
HEADER = "X-Page-Cache"
# Paths that are never cached: staff, accounts, anything private, and files that WhiteNoise
# or the web server already serve quickly.
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/forum/", "/accounts/", "/static/", "/media/")


def page_cache_clear() -> None:
    """Make every cached page stale, for example after a page is published."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


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
    key = f"{key}:{page_cache_generation()}"
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
        and not request.path.startswith(EXCLUDED_PREFIXES)
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


class PageCacheMiddleware:
    """Answer anonymous GET requests from the cache; store fresh responses that are safe to."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_cacheable_request(request):
            return self.get_response(request)

        key = _key(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or page_cache_generation()
        entry = found.get(key)
        if entry is not None and entry[0] == generation:
            _, status, headers, content = entry
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response.headers[name] = value
            response[HEADER] = "hit"
            return response

        response = self.get_response(request)
        if _is_storable(request, response):
            # A page may ask to be kept for less time (max-age), for example because
            # what it lists changes at a known moment.
            max_age = get_max_age(response)
            timeout = settings.PAGE_CACHE_SECONDS if max_age is None else min(max_age, settings.PAGE_CACHE_SECONDS)
            if timeout > 0:
                response[HEADER] = "miss"
                # Plain values, not the response object: cheaper to pickle and unpickle.
                entry = (generation, response.status_code, list(response.headers.items()), response.content)
                cache.set(key, entry, timeout)
        return response
