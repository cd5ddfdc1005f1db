"""Full links for emails and exports, always on SITE_URL.

An email or a spreadsheet is read away from the request that made it, so a link in it must
not carry the host that request happened to use (127.0.0.1:8101 on a laptop, an internal
name behind a proxy). Every absolute link the site sends goes through `site_url`: a path is
put on SITE_URL, and a full address (a Wagtail page's `full_url`, a link django-allauth built
from the request) keeps its path and query but loses its scheme and host for SITE_URL's.
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_url(path_or_url: str = "/") -> str:
    """`path_or_url` as a full link on SITE_URL."""
    parts = urlsplit(path_or_url)
    path = parts.path or "/"
    if not path.startswith("/"):
        path = "/" + path
    link = settings.SITE_URL + path
    if parts.query:
        link += "?" + parts.query
    if parts.fragment:
        link += "#" + parts.fragment
    return link


def one_click_unsubscribe_headers(link: str) -> dict[str, str]:
    """The headers that let a mail program offer "Unsubscribe" for an email: `link` (a full link
    on SITE_URL, from `site_url`) takes a POST with no session and no CSRF token and stops the
    emails (RFC 8058 one-click). Every email people can stop carries them."""
    return {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
