"""/sitemap.xml: every page visitors can see, in every language, each address with the
addresses of the same page in the other languages (`<xhtml:link rel="alternate" hreflang>`,
and x-default for English), as Django's sitemaps write them with `i18n` and `alternates`.

The pages are the English (source) pages under the site's home page that are live and public
(the forum and the accounts are not pages, so they are never listed). Each language's address is
its copy's in that language's tree (core/translations.py): its translation, or its alias of the
English page. A language with no tree yet has the English address under its prefix, where the
site serves the English page in that language's frame; a page whose copy in a language's tree
is not live, or not public, is not listed in that language.

The copies are read in one query for the whole sitemap, and their addresses worked out from the
site's root paths (which Wagtail keeps in its cache), so the sitemap's queries do not grow with
the number of pages or languages.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils import translation
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.models import Page

from .languages import Language, languages, path_in_language
from .translations import locale_default_id


@dataclass(frozen=True)
class PageInLanguage:
    """One page's address in one language, with the addresses of all its languages."""

    page: Page
    language: Language
    location: str
    lastmod: datetime | None
    alternates: tuple[tuple[Language, str], ...]


def _url_parts(page: Page, request) -> tuple[str, str] | None:
    """A page's site address and path (Wagtail's, in its locale's language), without the
    language-tree routing of the site's page types, which would look its copy up again."""
    parts = Page.get_url_parts(page, request=request)
    if parts is None or parts[1] is None or parts[2] is None:
        return None
    return parts[1], parts[2]


def _lastmod(page: Page) -> datetime | None:
    return page.last_published_at or page.latest_revision_created_at


class LanguagesSitemap(Sitemap):
    """Wagtail's sitemap of the site's pages, in every language with its alternates."""

    def __init__(self, request=None):
        super().__init__(request)
        self._entries: list[PageInLanguage] | None = None

    def english_pages(self) -> list[Page]:
        """The pages listed: English, under the site's home page, live and public."""
        return list(
            self.get_wagtail_site()
            .root_page.get_descendants(inclusive=True)
            .live()
            .public()
            .filter(locale_id=locale_default_id())
            .order_by("path")
            .only("url_path", "translation_key", "last_published_at", "latest_revision_created_at")
        )

    def entries(self) -> list[PageInLanguage]:
        if self._entries is None:
            self._entries = self._read()
        return self._entries

    def _read(self) -> list[PageInLanguage]:
        pages = self.english_pages()
        if not pages:
            return []
        copies = {
            (copy.translation_key, copy.locale.language_code.lower()): copy
            for copy in Page.objects.live()
            .public()
            .filter(translation_key__in={page.translation_key for page in pages})
            .exclude(locale_id=locale_default_id())
            .select_related("locale")
            .only(
                "url_path",
                "translation_key",
                "locale__language_code",
                "last_published_at",
                "latest_revision_created_at",
            )
        }
        site_home = self.get_wagtail_site().root_page
        with_tree = {code for key, code in copies if key == site_home.translation_key}
        entries = []
        for page in pages:
            with translation.override(settings.LANGUAGE_CODE):
                english = _url_parts(page, self.request)
            if english is None:
                continue
            root_url, english_path = english
            addresses: list[tuple[Language, str, datetime | None]] = []
            for language in languages():
                if language.is_default:
                    addresses.append((language, root_url + english_path, _lastmod(page)))
                    continue
                copy = copies.get((page.translation_key, language.code))
                if copy is not None:
                    with translation.override(language.code):
                        parts = _url_parts(copy, self.request)
                    if parts is not None:
                        addresses.append((language, "".join(parts), _lastmod(copy) or _lastmod(page)))
                elif language.code not in with_tree:
                    # No tree in this language yet: the English page, in the language's frame.
                    path = path_in_language(english_path, language.code)
                    addresses.append((language, root_url + path, _lastmod(page)))
            alternates = tuple((language, url) for language, url, _ in addresses)
            entries.extend(
                PageInLanguage(page=page, language=language, location=url, lastmod=lastmod, alternates=alternates)
                for language, url, lastmod in addresses
            )
        return entries

    def _items(self):
        return self.entries()

    def _urls(self, page, protocol, domain):
        urls = []
        last_mods = set()
        for entry in self.paginator.page(page).object_list:
            alternates = [{"location": url, "lang_code": language.tag} for language, url in entry.alternates]
            english = next((url for language, url in entry.alternates if language.is_default), None)
            if english is not None:
                alternates.append({"location": english, "lang_code": "x-default"})
            urls.append(
                {"item": entry.page, "location": entry.location, "lastmod": entry.lastmod, "alternates": alternates}
            )
            last_mods.add(entry.lastmod)
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
