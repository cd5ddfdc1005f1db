"""A theme's name in the visitor's language.

Themes are one row each, in every language: feedback, tags, subscriptions and the equality
counts point at them, so they are never copied per language. A theme's name in another
language is the title of its theme page's translation into that language (the strategy's
ThemePage, translated with wagtail-localize like any page), and its English name where that
page is not translated, or its title there is still the English. The strategy app knows
theme pages and this app may not import it, so the strategy registers the look-up through
Wagtail's hook registry, in its `wagtail_hooks.py`:

    @hooks.register(THEME_NAMES)
    def theme_names(*, locale_id) -> dict[int, str]: ...  # theme id -> its name in that locale

Kept for the content generation, per language (core.pagecache.kept_for_generation).
https://docs.wagtail.org/en/stable/reference/hooks.html
"""

from wagtail import hooks

from .pagecache import kept_for_generation
from .translations import locale_current_id, locale_default_id

# fn(*, locale_id) -> dict[int, str]: the themes named in that locale's language, by id.
THEME_NAMES = "core_theme_names"


def theme_names_for_visitors() -> dict[int, str]:
    """The themes named in the visitor's language, by id: only those whose name there is
    not the English one. Empty in English."""
    locale_id = locale_current_id()
    if locale_id is None or locale_id == locale_default_id():
        return {}

    def read() -> dict[int, str]:
        names: dict[int, str] = {}
        for names_in in hooks.get_hooks(THEME_NAMES):
            names.update(names_in(locale_id=locale_id))
        return names

    return kept_for_generation("theme-names", read, timeout=24 * 60 * 60)


def theme_name(theme) -> str:
    """The theme's name in the visitor's language, its English name where it has none."""
    return theme_names_for_visitors().get(theme.pk, theme.name)


def theme_name_is_translated(theme) -> bool:
    """Whether the theme's name is shown in the visitor's language (not English)."""
    return theme.pk in theme_names_for_visitors()
