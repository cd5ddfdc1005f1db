"""Signed links in subscription emails (django.core.signing's TimestampSigner).

Each link carries the subscriber's random `key`, never the address or the row's id, signed with
a salt per purpose, so a confirmation link cannot unsubscribe and a link for a row since deleted
never works for a later sign-up with the same address. Only confirmation links expire (after
`CONFIRM_DAYS`): the manage and unsubscribe links must keep working for as long as emails come.
"""

from django.core import signing
from django.urls import reverse

from core.links import site_url

CONFIRM_DAYS = 7
CONFIRM_SALT = "subscriptions.confirm"
MANAGE_SALT = "subscriptions.manage"
UNSUBSCRIBE_SALT = "subscriptions.unsubscribe"


class LinkExpired(Exception):
    """The link was right but is too old."""


class LinkBroken(Exception):
    """The link was changed, cut short or made up."""


def token_make(*, key: str, salt: str) -> str:
    return signing.TimestampSigner(salt=salt).sign(key)


def token_read(*, token: str, salt: str, max_age_days: int | None = None) -> str:
    """The key a token carries, or LinkExpired / LinkBroken."""
    signer = signing.TimestampSigner(salt=salt)
    try:
        if max_age_days is None:
            return signer.unsign(token)
        return signer.unsign(token, max_age=max_age_days * 24 * 60 * 60)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkBroken from error


def confirm_link(subscriber) -> str:
    return site_url(reverse("subscriptions:confirm", args=[token_make(key=subscriber.key, salt=CONFIRM_SALT)]))


def manage_link(subscriber) -> str:
    return site_url(reverse("subscriptions:manage", args=[token_make(key=subscriber.key, salt=MANAGE_SALT)]))


def unsubscribe_link(subscriber) -> str:
    return site_url(reverse("subscriptions:unsubscribe", args=[token_make(key=subscriber.key, salt=UNSUBSCRIBE_SALT)]))
