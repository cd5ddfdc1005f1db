"""Writes of the subscriptions app: sign up, confirm, change, leave; record what was published;
staff messages. Views and the signal receivers call these; they queue the tasks.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from core.languages import language_for_record
from core.queue import queue_after_commit

from . import items, links, tasks
from .models import Item, Subscriber, Suppression, Topic, email_hash

# --- Signing up -----------------------------------------------------------------------------


def subscription_request(*, email: str, choices: dict, language: str) -> None:
    """Someone asked to subscribe. Everything that depends on whether the address is known
    happens in the background task, so the answer and its timing are the same for every
    address (see signup.signup_process)."""
    queue_after_commit(tasks.signup_process, email, choices, language)


def manage_link_request(*, email: str) -> None:
    """Someone asked for a link to manage their subscription: answered the same way for every
    address, in the background (signup.manage_link_process)."""
    queue_after_commit(tasks.manage_link_process, email)


# --- Following a link -----------------------------------------------------------------------


@dataclass(frozen=True)
class LinkResult:
    """What following a link found: `state` is "ok", "done" (used before), "expired",
    "broken" or "gone" (the subscription no longer exists)."""

    state: str
    subscriber: Subscriber | None = None


def _subscriber_for(token: str, *, salt: str, max_age_days: int | None = None) -> LinkResult:
    try:
        key = links.token_read(token=token, salt=salt, max_age_days=max_age_days)
    except links.LinkExpired:
        return LinkResult("expired")
    except links.LinkBroken:
        return LinkResult("broken")
    subscriber = Subscriber.objects.filter(key=key).first()
    return LinkResult("ok", subscriber) if subscriber else LinkResult("gone")


def subscription_confirm(*, token: str) -> LinkResult:
    """Confirm a sign-up from its emailed link (valid for CONFIRM_DAYS days). A second use
    changes nothing and says it is already confirmed. Confirming lifts any suppression of the
    address: the person has just asked for the emails themselves."""
    result = _subscriber_for(token, salt=links.CONFIRM_SALT, max_age_days=links.CONFIRM_DAYS)
    if result.state != "ok":
        return result
    with transaction.atomic():
        confirmed = Subscriber.objects.filter(pk=result.subscriber.pk, status=Subscriber.Status.PENDING).update(
            status=Subscriber.Status.CONFIRMED, confirmed_at=timezone.now()
        )
        if not confirmed:
            return LinkResult("done", result.subscriber)
        Suppression.objects.filter(email_sha256=email_hash(result.subscriber.email)).delete()
    result.subscriber.refresh_from_db()
    return result


def subscription_for_confirm(*, token: str) -> LinkResult:
    """The subscription a confirmation link belongs to, without confirming it (the page with the
    button)."""
    return _subscriber_for(token, salt=links.CONFIRM_SALT, max_age_days=links.CONFIRM_DAYS)


def unsubscribe_token(*, subscriber: Subscriber) -> str:
    """For the manage page's "Unsubscribe" button."""
    return links.token_make(key=subscriber.key, salt=links.UNSUBSCRIBE_SALT)


def subscription_for_manage(*, token: str) -> LinkResult:
    """The subscription a manage link belongs to."""
    return _subscriber_for(token, salt=links.MANAGE_SALT)


def subscription_for_unsubscribe(*, token: str) -> LinkResult:
    """The subscription an unsubscribe link belongs to ("gone" once it has been used)."""
    return _subscriber_for(token, salt=links.UNSUBSCRIBE_SALT)


def subscription_update(*, subscriber: Subscriber, choices: dict, language: str | None = None) -> None:
    """Change what a subscriber hears about and how often (from the manage page), and, when
    given, the language of their emails: that of the page they saved their choices on."""
    from .signup import choices_apply

    with transaction.atomic():
        if language:
            subscriber.language = language_for_record(language)
        choices_apply(subscriber, choices)


def subscription_cancel(*, subscriber: Subscriber) -> None:
    """Unsubscribe at once: the address, its choices and what it was owed are deleted; only
    the address's SHA-256 is kept, so an import cannot add it back."""
    with transaction.atomic():
        Suppression.objects.get_or_create(email_sha256=email_hash(subscriber.email))
        Subscriber.objects.filter(pk=subscriber.pk).delete()


def address_suppressed(*, email: str) -> bool:
    """Whether this address unsubscribed (for anything that adds addresses in bulk)."""
    return Suppression.objects.filter(email_sha256=email_hash(email)).exists()


# --- What was published ---------------------------------------------------------------------


def page_published_record(*, page_id: int) -> list[Item]:
    """A page was published: record the event, consultation or progress updates it brings (once
    each), and tell their subscribers once the publication has committed."""
    new_items = items.items_record_for_page(page_id=page_id)
    for item in new_items:
        queue_after_commit(tasks.item_deliver, item.pk)
    return new_items


# --- Messages from staff --------------------------------------------------------------------


def announcement_send(*, user, topic: str, title: str, summary: str, message: str, link: str = "") -> Item:
    """A one-off message from staff to everyone subscribed to `topic`. The Item is the log:
    who sent it, when, what it said and to how many."""
    from .selectors import subscriber_count_for_topic

    item = Item.objects.create(
        kind=Item.Kind.ANNOUNCEMENT,
        ref=f"announcement:{timezone.now():%Y%m%d%H%M%S%f}:{user.pk if user else 0}",
        topic=Topic(topic),
        title=title,
        summary=summary,
        message=message,
        link=link,
        created_by=user,
        recipient_count=subscriber_count_for_topic(topic=topic),
    )
    queue_after_commit(tasks.item_deliver, item.pk)
    return item
