"""Rate limits, counted in the shared cache (Redis in production): per-IP limits for public
submissions, and counted windows for staff sign-in and password reset.

The IP address (and a submitted username or email address, hashed) is used only as a cache
key for a few minutes; it is never stored with what people wrote.
"""

import hashlib
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
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


# --- Counted windows (sign-in and password reset) --------------------------------------------
# django-ratelimit's windows are aligned to the clock, so two bursts either side of a boundary
# get twice the allowance. These windows start at the first hit and last the whole period,
# which is what "one reset email per address per 5 minutes" has to mean.


@dataclass(frozen=True)
class Rate:
    """A number of hits allowed in a period, written "5/15m" (count/period)."""

    count: int
    seconds: int

    @property
    def period_text(self) -> str:
        """The period in words, for messages such as "Try again in 15 minutes"."""
        for unit_seconds, unit in ((86_400, "day"), (3_600, "hour"), (60, "minute")):
            if self.seconds >= unit_seconds and self.seconds % unit_seconds == 0:
                amount = self.seconds // unit_seconds
                return f"{amount} {unit}{'s' if amount != 1 else ''}"
        return f"{self.seconds} seconds"


_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3_600, "d": 86_400}


def rate_parse(text: str) -> Rate:
    """Read "count/period" where the period is a number and s, m, h or d ("5/15m", "10/h")."""
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*", text)
    if match is None:
        raise ImproperlyConfigured(f"A rate is written like 5/15m (count/period), not {text!r}.")
    count, amount, unit = match.groups()
    return Rate(count=int(count), seconds=int(amount or 1) * _UNIT_SECONDS[unit])


def _window_key(scope: str, value: str) -> str:
    # Hashed: a username or email address typed by anyone never appears in the cache's keys.
    return f"rl:{scope}:{hashlib.sha256(value.encode()).hexdigest()}"


def window_hit(*, scope: str, value: str, rate: Rate) -> int:
    """Count one hit for `value` and return the hits in its current window (the window starts at
    the first hit). Returns 0 when the cache is down: like the other limits, it lets people in."""
    key = _window_key(scope, value)
    cache.add(key, 0, timeout=rate.seconds)
    try:
        return cache.incr(key) or 0
    except ValueError:
        # The window ended between add and incr: this hit starts a new one.
        cache.set(key, 1, timeout=rate.seconds)
        return 1


def window_clear(*, scope: str, value: str) -> None:
    """Forget the hits counted for `value`."""
    cache.delete(_window_key(scope, value))


def lock_set(*, scope: str, value: str, seconds: int) -> None:
    """Lock `value` for `seconds`, however it is used in the meantime."""
    cache.set(_window_key(f"{scope}:lock", value), True, timeout=seconds)


def is_locked(*, scope: str, value: str) -> bool:
    return bool(cache.get(_window_key(f"{scope}:lock", value)))


# --- The 429 page ------------------------------------------------------------------------------

# django-allauth's limited pages, by URL name, and the wording of templates/429.html they get.
_PLACE_BY_URL_NAME = {
    "account_login": "sign_in",
    "account_signup": "sign_up",
    "account_reset_password": "password_reset",
    "account_reset_password_from_key": "password_reset",
    "account_change_password": "account",
    "account_set_password": "account",
    "account_email": "account",
    "account_reauthenticate": "account",
}


def too_many_requests(request, exception=None):
    """The 429 page for django-allauth's rate limits (config.urls.handler429), worded for the
    page that was limited: a parent refused at sign-in reads about signing in, not surveys."""
    match = getattr(request, "resolver_match", None)
    place = _PLACE_BY_URL_NAME.get(match.url_name if match else "", "")
    response = render(request, "429.html", {"place": place}, status=429)
    add_never_cache_headers(response)
    return response
