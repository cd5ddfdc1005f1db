"""Every cookie the site sets, read from the settings that name them, for the cookies page.

All of them are strictly necessary (The Privacy and Electronic Communications Regulations 2003,
regulation 6(4)): they keep a form's answers between steps, stop forged form posts, carry a
message to the next page, and keep staff signed in. The language needs none: it is in the
address (/ur/...: core/languages.py). None tracks anyone or is read by anyone else, so the
site asks for no consent and shows no banner.

`site_cookies()` is the one list. The cookies page prints it, and the test suite fails any
response that sets a cookie not in it (tests/conftest.py), so the page cannot drift from what
the site does. Its words are in the visitor's language (site_cookies() is called while a page
is drawn, in that page's language).
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Wagtail's admin remembers whether a member of staff folded its menu away, in this cookie, set
# by its own script when they press the button (wagtail/admin/templatetags/wagtailadmin_tags.py
# reads it under this name).
WAGTAIL_SIDEBAR_COOKIE = "wagtail_sidebar_collapsed"


@dataclass(frozen=True)
class Cookie:
    """One cookie: its name, why it is there, how long it lasts and who gets it."""

    name: str
    purpose: str
    lasts: str
    who: str


def seconds_in_words(seconds: int) -> str:
    """ "2 weeks", "1 year", "2 hours", "90 minutes": the largest whole unit, in the active language."""
    units = (
        (365 * 86400, lambda count: ngettext("%(count)s year", "%(count)s years", count)),
        (7 * 86400, lambda count: ngettext("%(count)s week", "%(count)s weeks", count)),
        (86400, lambda count: ngettext("%(count)s day", "%(count)s days", count)),
        (3600, lambda count: ngettext("%(count)s hour", "%(count)s hours", count)),
        (60, lambda count: ngettext("%(count)s minute", "%(count)s minutes", count)),
    )
    for size, words in units:
        if seconds >= size and seconds % size == 0:
            count = seconds // size
            return words(count) % {"count": count}
    return ngettext("%(count)s second", "%(count)s seconds", seconds) % {"count": seconds}


def _messages_use_cookie() -> bool:
    storage = getattr(settings, "MESSAGE_STORAGE", "django.contrib.messages.storage.fallback.FallbackStorage")
    return storage.rsplit(".", 1)[-1] in ("FallbackStorage", "CookieStorage")


def site_cookies() -> list[Cookie]:
    """Every cookie the site can set, as the settings name them today."""
    if settings.SESSION_EXPIRE_AT_BROWSER_CLOSE:
        session_lasts = _("Until you close your browser")
    else:
        session_lasts = _(
            "At most %(age)s. While you answer a survey, a few hours: "
            "the privacy notice says how long unsent answers are kept"
        ) % {"age": seconds_in_words(settings.SESSION_COOKIE_AGE)}
    cookies = [
        Cookie(
            name=settings.SESSION_COOKIE_NAME,
            purpose=_(
                "Keeps your answers while you move between a survey's steps, and keeps you signed in to "
                "the parent forum or, for staff, to the admin. It holds a random number, not your answers."
            ),
            lasts=session_lasts,
            who=_("Anyone who starts a survey or youth voice answer, books an event, or signs in"),
        ),
    ]
    if not settings.CSRF_USE_SESSIONS:
        cookies.append(
            Cookie(
                name=settings.CSRF_COOKIE_NAME,
                purpose=_("Stops another website sending a form to this one in your name."),
                lasts=(
                    seconds_in_words(settings.CSRF_COOKIE_AGE)
                    if settings.CSRF_COOKIE_AGE
                    else _("Until you close your browser")
                ),
                who=_("Anyone who opens a page with a form"),
            )
        )
    if _messages_use_cookie():
        cookies.append(
            Cookie(
                name=CookieStorage.cookie_name,
                purpose=_("Carries a short message, such as “Your booking is cancelled”, to the next page you see."),
                lasts=_("Until the message is shown, or you close your browser"),
                who=_("Anyone shown such a message"),
            )
        )
    cookies.append(
        Cookie(
            name=WAGTAIL_SIDEBAR_COOKIE,
            purpose=_("Remembers whether a member of staff folded the admin's menu away."),
            lasts=_("Until you close your browser"),
            who=_("Staff, in the admin, once they fold the menu"),
        )
    )
    return cookies


def site_cookie_names() -> set[str]:
    return {cookie.name for cookie in site_cookies()}
