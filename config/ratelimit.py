"""Per-IP rate limits for public submissions, counted in the shared cache (Redis in production).

The IP address is used only as a cache key for a few minutes; it is never stored with what
people wrote.
"""

from django.conf import settings
from django_ratelimit.core import is_ratelimited


def client_ip(group, request) -> str:
    """The visitor's address. Behind a TLS proxy, the address the proxy saw (the last entry it
    appended to X-Forwarded-For); otherwise the connection's address."""
    if settings.BEHIND_TLS_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def submission_limited(request, *, group: str) -> bool:
    """Count this POST against the visitor's submission limit; True once it is exceeded."""
    return is_ratelimited(
        request, group=group, key=client_ip, rate=settings.SUBMISSION_RATE_LIMIT, method="POST", increment=True
    )
