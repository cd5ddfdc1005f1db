"""Template tags shared by every public page: the main navigation, breadcrumbs, the language
switcher and the page's language, and the page's description for search engines."""

from django import template
from django.conf import settings
from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext
from wagtail.models import Page, Site

from core.languages import Language, language_current, languages, page_in_languages
from core.models import LanguageSettings
from core.pagecache import kept_for_generation
from core.theme_names import theme_name as theme_name_for_visitors
from core.theme_names import theme_name_is_translated
from core.translations import content_language_code, locale_default_id, page_url_parts_in_language

register = template.Library()


def _menu(site: Site, request) -> list[dict]:
    """The site's menu as plain values, cached until an editor changes content."""

    def read():
        # The home page of the visitor's language tree (core/translations.py), as Wagtail routes.
        home = site.root_page.localized
        return [
            {
                "url": item.get_url(request),
                "title": gettext("Home") if item.pk == home.pk else (getattr(item, "short_title", "") or item.title),
                "pk": item.pk,
                "path": item.path,
                "is_home": item.pk == home.pk,
            }
            for item in [home, *home.get_children().live().in_menu().specific()]
        ]

    return kept_for_generation(f"main-nav:{site.pk}", read, timeout=24 * 60 * 60)


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    """The home page and its children marked "show in menus", with the current section marked."""
    request = context.get("request")
    current = context.get("page")
    site = Site.find_for_request(request) if request else None
    items = []
    for item in _menu(site, request) if site is not None else []:
        state = None
        if isinstance(current, Page):
            if item["pk"] == current.pk:
                state = "page"
            elif not item["is_home"] and current.path.startswith(item["path"]):
                state = "true"
        items.append({**item, "current": state})
    return {"items": items, "request": request, "titles_in_english": not language_current().is_default}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """Links to the current page's ancestors, from the home page down."""
    page = context.get("page")
    if page is None:
        return {"ancestors": []}
    request = context.get("request")

    def read():
        return [
            {"url": ancestor.get_url(request), "title": ancestor.title, "is_home": ancestor.depth == 2}
            for ancestor in page.get_ancestors().filter(depth__gt=1)
        ]

    # Titles are what editors wrote, so they are kept as written and marked with their language;
    # "Home" is the interface's word, translated on every request (the cache holds no language).
    return {
        "ancestors": [
            {**ancestor, "title": gettext("Home")} if ancestor["is_home"] else ancestor
            for ancestor in kept_for_generation(f"breadcrumbs:{page.pk}", read, timeout=24 * 60 * 60)
        ],
        "content_language": content_language(page),
    }


@register.simple_tag
def page_language() -> Language:
    """The language the page is in, for `<html lang dir>`."""
    return language_current()


def content_language(item=None) -> Language | None:
    """The language of what editors wrote (a page, a snippet), when it differs from the page's
    language: None when they are the same. A page's language is its locale's once it is
    translated and published; an alias of an English page in another language's tree, and
    anything not translatable, is English (core/translations.py)."""
    code = content_language_code(item)
    current = language_current()
    if code == current.code:
        return None
    for language in languages():
        if language.code == code:
            return language
    return languages()[0]


@register.simple_tag
def content_lang(item=None) -> str:
    """` lang="en-GB" dir="ltr"` for an element that holds what editors wrote (titles, rich
    text, questions), when that is not in the page's language, so that screen readers
    pronounce it right and it reads in its own direction; nothing when it is in the page's
    language. `item` is the page or snippet the words come from."""
    language = content_language(item)
    if language is None:
        return ""
    return format_html(' lang="{}" dir="{}"', language.tag, language.direction)


@register.simple_tag
def content_text(item, text) -> str:
    """What editors wrote (`text`, from the page or snippet `item`) inside a translated
    sentence or link: in a `<span>` marked with its language when that is not the page's, as
    it is otherwise."""
    language = content_language(item)
    if language is None:
        return conditional_escape(text)
    return language.words_marked(text)


@register.filter
def theme_name(theme) -> str:
    """A theme's name in the visitor's language (its theme page's title there), its English
    name where it has none (core/theme_names.py). For plain text: an attribute, an option."""
    return theme_name_for_visitors(theme)


@register.simple_tag
def theme_lang(theme) -> str:
    """` lang="en-GB" dir="ltr"` for an element holding only a theme's name, when the name is
    the English one on a page in another language; nothing otherwise."""
    return "" if theme_name_is_translated(theme) else content_lang(None)


@register.simple_tag
def theme_text(theme) -> str:
    """A theme's name in the visitor's language; its English name in a `<span>` marked as
    English where it has none on a page in another language."""
    if theme_name_is_translated(theme):
        return conditional_escape(theme_name_for_visitors(theme))
    return content_text(None, theme.name)


@register.inclusion_tag("includes/content_language_notice.html", takes_context=True)
def content_language_notice(context):
    """On a page whose fixed words are translated: a one-line notice, in the visitor's language,
    when the page shows what editors wrote (a Wagtail page in the context) in another language."""
    page = context.get("page")
    language = content_language(page) if isinstance(page, Page) else None
    return {"language": language_current(), "shown": language is not None}


@register.simple_tag
def language_reviewed(language: Language) -> bool:
    """English, or a language whose translation the council's translators have checked
    (Settings > Languages)."""
    return language.is_default or language.code in LanguageSettings.reviewed_codes()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this same page in each language, each named in its own language and script.
    Plain links, so they work without JavaScript; a survey's answers so far stay in the session,
    so switching on a survey step keeps them."""
    request = context.get("request")
    if request is None:
        return {"options": []}
    current = language_current()
    return {
        "options": [
            {"language": language, "url": url, "current": language.code == current.code}
            for language, url in page_in_languages(request.get_full_path())
        ]
    }


@register.inclusion_tag("includes/language_alternates.html", takes_context=True)
def language_alternates(context):
    """`<link rel="alternate" hreflang>` for the page in each language, for search engines."""
    request = context.get("request")
    if request is None:
        return {"options": []}
    return {
        "options": [
            {"language": language, "url": request.build_absolute_uri(url)}
            for language, url in page_in_languages(request.get_full_path())
        ]
    }


# Where a page's description comes from, in order: what the editor wrote for search engines,
# then the page's own introduction or summary, then a recommendation's words.
DESCRIPTION_FIELDS = ("search_description", "intro", "summary", "full_text")
DESCRIPTION_LENGTH = 160


@register.simple_tag
def meta_description(page) -> str:
    """The page's `<meta name="description">` text, plain and at most 160 characters."""
    for name in DESCRIPTION_FIELDS:
        text = " ".join(strip_tags(str(getattr(page, name, "") or "")).split())
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return ""


@register.simple_tag
def tel_link(number: str) -> str:
    """A phone number as a link that dials it, read left to right in every language, for use in
    a translated sentence ("Call {{ link }}.")."""
    return format_html('<a href="tel:{}" class="ltr">{}</a>', "".join(str(number).split()), number)


@register.simple_tag
def site_link(url: str) -> str:
    """A link to another website, shown without its scheme, for use in a translated sentence."""
    shown = str(url).removeprefix("https://").removeprefix("http://")
    return format_html('<a href="{}" rel="noopener" class="ltr">{}</a>', url, shown)


@register.simple_tag(takes_context=True)
def localized_pageurl(context, page) -> str:
    """`{% pageurl %}` for a page chosen in settings (a plain Wagtail page, such as the privacy
    notice's): the address of its copy in the visitor's language tree, so a link from a page in
    Urdu stays in Urdu (core/routing.LanguageTreeUrlMixin does this for the site's own page
    types)."""
    request = context.get("request")
    parts = page.get_url_parts(request=request)
    if parts is None or parts[2] is None:
        return ""
    code = language_current().code
    if code != settings.LANGUAGE_CODE and page.locale_id == locale_default_id():
        parts = page_url_parts_in_language(page, parts, code, request=request)
    site_id, root_url, page_path = parts
    current_site = Site.find_for_request(request) if request is not None else None
    if current_site is not None and current_site.pk == site_id:
        return page_path
    return (root_url or "") + page_path
