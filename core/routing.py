"""Find the page for a URL in two queries, however deep it is.

Wagtail's `Page.route` walks down the tree one URL segment at a time, with two queries per
level (the child by slug, then its specific page), so a recommendation four levels down costs
eight queries before any of its content is read, which was a third of the time to serve it.
Every page already stores its full `url_path`, so all the pages on the way can be read at once;
only the last one is then loaded as its specific type.

The result is the same as Wagtail's walk, which `route_from_url_path` keeps step for step:

- a page is reached through its parents whether or not they are live; the page itself must be
  live (or answer through a route of its own);
- a live routable page on the way (RoutablePageMixin) answers the rest of the URL with its
  own routes before its children are looked at;
- where the URL goes past the deepest page found, that page is given the rest to route.

The home page calls it from its `route` method; see
https://docs.wagtail.org/en/stable/reference/pages/model_recipes.html#custom-page-routing

Below it, the routes of the routable pages whose answers are views of their app
(`RegisteredRoutesMixin`), and the cache of every page's view restrictions.
"""

import threading

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from core.pagecache import kept_for_generation


def _answers_itself(model, path_components: list[str]) -> bool:
    """Whether a routable page type has a route of its own for the rest of the URL."""
    path = "/" + "".join(component + "/" for component in path_components)
    try:
        model.get_resolver().resolve(path)
    except Resolver404:
        return False
    return True


def route_from_url_path(root: Page, request, path_components: list[str]):
    """Route `path_components` below `root` as `Page.route` would, in two queries."""
    if not path_components:
        return Page.route(root, request, path_components)

    prefixes = [
        root.url_path + "".join(part + "/" for part in path_components[:depth])
        for depth in range(1, 1 + len(path_components))
    ]
    found = {
        url_path: (pk, content_type_id, live)
        for pk, url_path, content_type_id, live in Page.objects.filter(url_path__in=prefixes).values_list(
            "pk", "url_path", "content_type_id", "live"
        )
    }
    chain = []
    for prefix in prefixes:
        if prefix not in found:
            break
        chain.append(found[prefix])
    if not chain:
        raise Http404

    for depth, (pk, content_type_id, live) in enumerate(chain):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            raise Http404  # a page whose type's code has gone
        remaining = path_components[depth + 1 :]
        is_last = depth == len(chain) - 1
        if is_last or (live and issubclass(model, RoutablePageMixin) and _answers_itself(model, remaining)):
            try:
                page = model.objects.get(pk=pk)
            except model.DoesNotExist as error:
                raise Http404 from error
            return page.route(request, remaining)
    raise Http404  # not reached: the last page in the chain always routes


# --- Routes that are views of the page's app ----------------------------------------------

_registered_routes: dict[type, tuple] = {}


def page_routes_register(routes: dict) -> None:
    """Give pages their routes: {page model: [django.urls.path(...), ...]}. Each app calls it
    from its AppConfig.ready(), where its views can be imported (see RegisteredRoutesMixin)."""
    for model, patterns in routes.items():
        if not issubclass(model, RegisteredRoutesMixin):
            raise ImproperlyConfigured(f"{model.__name__} takes no registered routes: it is no RegisteredRoutesMixin")
        _registered_routes[model] = tuple(patterns)


class RegisteredRoutesMixin(RoutablePageMixin):
    """A routable page whose routes are views of its app, which the app registers.

    Wagtail's routable pages carry their routes as methods. A page that answers with its app's
    forms, services and selectors cannot: those import the page's own models module, which
    would then import them back. So the page imports nothing above it, and its app registers
    the views as its routes in AppConfig.ready() (`page_routes_register`, listed in the app's
    routes.py), as it registers what clears the page cache. Wagtail calls each view as it would
    a method of the page: with the page first, then the request and the route's arguments.
    https://docs.wagtail.org/en/stable/reference/contrib/routablepage.html
    """

    @classmethod
    def get_subpage_urls(cls):
        try:
            return _registered_routes[cls]
        except KeyError:
            raise ImproperlyConfigured(
                f"{cls.__name__} has no routes: its app registers them in AppConfig.ready() (page_routes_register)"
            ) from None


class CachedViewRestrictionsMixin:
    """Keep a page's view restrictions (its own and its ancestors') in the cache.

    Wagtail checks them on every request to a page, in two queries. They change only when an
    editor changes a page's privacy or moves a page, and either starts a new page cache
    generation (core/pagecache.py), so they are kept for the generation."""

    def get_view_restrictions(self):
        return _Restrictions(
            kept_for_generation(
                f"page-view-restrictions:{self.pk}",
                lambda: list(super(CachedViewRestrictionsMixin, self).get_view_restrictions()),
            )
        )


class _Restrictions(list):
    """The cached restrictions, answering `exists()` as the queryset Wagtail expects does
    (copying a page into another language's tree asks it)."""

    def exists(self) -> bool:
        return bool(self)


# --- Addresses in the visitor's language ----------------------------------------------------


class LanguageTreeUrlMixin:
    """Links to a page keep the visitor's language.

    With translations switched on, Wagtail writes a page's address in the page's own language:
    an English page's is /..., an Urdu page's /ur/.... Lists a visitor sees are read from their
    language's tree (core/translations.py), so their links are already in it. An English page
    reached another way (a booking's event in an email sent in Urdu, a link an editor chose)
    links to its copy in the active language's tree: its translation, or its alias. Where the
    language has no tree yet (a new language), the English page's address gets the language's
    prefix, so the visitor stays in their language and sees the page in English, with the
    notice."""

    class _SlugKeptInEveryLanguage:
        """wagtail-localize's fields to translate (`translatable_fields`): its own choice for the
        page type, with the slug kept the same as the English page's instead of translated.

        Every language's address of a page is then the English one under the language's prefix,
        which the language bar, the hreflang alternates and a link shared between languages all
        rely on; a translated slug would also make addresses in scripts a browser shows
        percent-encoded. wagtail-localize works out a page type's fields only when it has no
        `translatable_fields` of its own, so this attribute steps aside (AttributeError) while
        it asks for them; the result is kept per page type."""

        def __init__(self):
            self._asking = threading.local()
            self._fields = {}

        def __get__(self, instance, owner):
            asking = self._asking.__dict__.setdefault("owners", set())
            if owner in asking:
                raise AttributeError("translatable_fields")
            if owner not in self._fields:
                from wagtail_localize.fields import SynchronizedField, get_translatable_fields

                asking.add(owner)
                try:
                    fields = get_translatable_fields(owner)
                finally:
                    asking.discard(owner)
                self._fields[owner] = [
                    SynchronizedField("slug") if field.field_name == "slug" else field for field in fields
                ]
            return self._fields[owner]

    translatable_fields = _SlugKeptInEveryLanguage()

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request=request)
        if parts is None or parts[2] is None:
            return parts
        from django.conf import settings
        from django.utils import translation

        from core.translations import locale_default_id, page_url_parts_in_language

        code = translation.get_language() or settings.LANGUAGE_CODE
        if code == settings.LANGUAGE_CODE or self.locale_id != locale_default_id():
            return parts
        return page_url_parts_in_language(self, parts, code, request=request)
