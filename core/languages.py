"""The site's languages, as the rest of the site needs them: which one a request is in, the
same page's address in each language, and an address without its language prefix.

English lives at /, the others under their code (/gu/, /pa/, /ur/, /pl/, /so/, /ar/): Django's
`i18n_patterns` with `prefix_default_language=False` in config/urls.py, and LocaleMiddleware,
which reads the language from the address only. No cookie or browser setting changes it, so an
address always means one language, and the page cache can key on the address alone.
"""

import re
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in its own language and script
    bidi: bool

    @property
    def tag(self) -> str:
        """The BCP 47 tag for `lang` and `hreflang`: "en-gb" -> "en-GB"."""
        base, _, region = self.code.partition("-")
        return f"{base}-{region.upper()}" if region else base

    @property
    def is_default(self) -> bool:
        """English, the language the site's pages are written in."""
        return self.code == settings.LANGUAGE_CODE

    @property
    def direction(self) -> str:
        return "rtl" if self.bidi else "ltr"

    def words_marked(self, words) -> str:
        """`words` (escaped) in a `<span>` marked with this language and its direction: words
        in this language inside a sentence in another."""
        return format_html('<span lang="{}" dir="{}">{}</span>', self.tag, self.direction, words)


@cache
def _languages() -> tuple[Language, ...]:
    return tuple(
        Language(code=code, name=name, bidi=translation.get_language_info(code)["bidi"])
        for code, name in settings.LANGUAGES
    )


def languages() -> tuple[Language, ...]:
    """Every language of the site, English first."""
    return _languages()


def language_current() -> Language:
    """The language this request is in (English outside a request)."""
    code = translation.get_language() or settings.LANGUAGE_CODE
    for language in _languages():
        if language.code == code:
            return language
    return _languages()[0]


def language_is_default() -> bool:
    return language_current().code == settings.LANGUAGE_CODE


@cache
def _prefix_pattern() -> re.Pattern:
    codes = "|".join(re.escape(code) for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE)
    return re.compile(rf"^/({codes})(?=/)")


def path_without_language(path: str) -> str:
    """ "/ur/forum/" -> "/forum/"; an English path is returned as it is."""
    return _prefix_pattern().sub("", path, count=1) or "/"


def page_in_languages(full_path: str) -> list[tuple[Language, str]]:
    """The same page's address in every language, for the language switcher and hreflang
    links. An address that has no translation (such as the admin) stays as it is."""
    return [(language, translate_url(full_path, language.code)) for language in _languages()]


def language_for_record(code: str | None) -> str:
    """The code to keep on a record (a booking, a forum member) for the language its person
    used: one of the site's languages, English for anything else (an empty or unknown code)."""
    code = (code or "").lower()
    return code if any(language.code == code for language in _languages()) else settings.LANGUAGE_CODE


def in_language(code: str | None):
    """`with in_language(record.language):` renders an email (subject, body and the links in
    it, which keep the language's prefix) in the language its person used on the site. Tasks
    run outside any request, so without it every email would be in English."""
    return translation.override(language_for_record(code))


def language_code_current() -> str:
    """The code of the language this request is in, to record with what a person sends."""
    return language_current().code


def path_in_language(path: str, code: str | None) -> str:
    """An English address ("/events/walk/", as a page's `url` or a stored link gives it) in the
    language `code`: "/ur/events/walk/". For emails sent in a person's language; an address the
    site does not route (another site's) stays as it is."""
    with translation.override(settings.LANGUAGE_CODE):
        return translate_url(path, language_for_record(code))
