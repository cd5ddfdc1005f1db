"""Telling members about replies in the threads they follow: one email per reply or a daily
digest, as each member chose, with a one-click unsubscribe. Emails never contain what anyone
wrote: only a thread title and a link. Each email is sent once: the notification is claimed (a
timestamp set) before the email goes, and released if sending fails, so a periodic task can try
again."""

import logging
import smtplib

from django.core import signing
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from ..models import Follow, Member, Notification, Post, Thread
from .common import _link, _send
from .moderation import post_safeguarding_alert

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "forum.unsubscribe"


# --- Following and unsubscribing -----------------------------------------------------------


def follow_set(*, member: Member, thread: Thread, following: bool) -> None:
    if following:
        Follow.objects.get_or_create(member=member, thread=thread)
    else:
        Follow.objects.filter(member=member, thread=thread).delete()


def unsubscribe_token(*, member: Member) -> str:
    return signing.dumps({"m": member.pk}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_member(*, token: str) -> Member | None:
    """The member a signed unsubscribe link belongs to (None if the link was tampered with)."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return Member.objects.filter(pk=data.get("m")).first()


def notifications_stop(*, member: Member) -> None:
    """One-click unsubscribe: no more forum emails about replies."""
    member.notify = Member.Notify.OFF
    member.save(update_fields=["notify"])
    Notification.objects.filter(member=member, sent_at__isnull=True).delete()


# --- Sending -------------------------------------------------------------------------------


def email_failure_is_permanent(error: Exception) -> bool:
    """Whether sending failed for a reason that trying again cannot fix: a header or address
    the mail library refuses (BadHeaderError and bad addresses are ValueErrors), or every
    recipient refused by the mail server with a permanent (5xx) code. Anything else, such as
    the server being unreachable, may pass, so it is retried."""
    if isinstance(error, ValueError):
        return True
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return bool(error.recipients) and all(code >= 500 for code, _ in error.recipients.values())
    return False


def _notifications_failed(notification_ids: list[int], error: Exception) -> None:
    """Release the claim, or mark the notifications failed for good (and log it) when trying
    again cannot help: moderators see those in the queue, and no task retries them."""
    if not email_failure_is_permanent(error):
        Notification.objects.filter(pk__in=notification_ids).update(sent_at=None)
        logger.exception("Could not send forum notifications %s; they will be retried", notification_ids)
        return
    reason = f"{type(error).__name__}: {error}"[:300]
    Notification.objects.filter(pk__in=notification_ids).update(
        sent_at=None, failed_at=timezone.now(), failure_reason=reason
    )
    logger.error("Forum notifications %s cannot be sent and will not be retried: %s", notification_ids, reason)


def post_notify(*, post: Post) -> int:
    """Create one notification per follower for a visible post (not for its author, nor for
    members who turned emails off), then send the "each reply" ones. Returns how many were created."""
    claimed = Post.objects.filter(pk=post.pk, status=Post.Status.VISIBLE, notified_at__isnull=True).update(
        notified_at=timezone.now()
    )
    if not claimed:
        return 0
    followers = (
        Follow.objects.filter(thread_id=post.thread_id, member__status=Member.Status.APPROVED)
        .exclude(member_id=post.author_id)
        .exclude(member__notify=Member.Notify.OFF)
        .values_list("member_id", flat=True)
    )
    rows = [Notification(member_id=member_id, post=post) for member_id in followers]
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    notifications_send(post_id=post.pk)
    return len(rows)


def _unsubscribe_headers(member: Member) -> tuple[str, dict]:
    link = _link("forum_unsubscribe", unsubscribe_token(member=member))
    return link, {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def _claim(notification_ids: list[int]) -> list[int]:
    """Claim unsent notifications for sending; returns the ids this call may send."""
    with transaction.atomic():
        ids = list(
            Notification.objects.select_for_update(skip_locked=True)
            .filter(pk__in=notification_ids, sent_at__isnull=True, failed_at__isnull=True)
            .values_list("pk", flat=True)
        )
        Notification.objects.filter(pk__in=ids).update(sent_at=timezone.now())
    return ids


def notifications_send(*, post_id: int | None = None) -> int:
    """Email members who want an email for each reply. Safe to run twice: a notification is
    claimed (sent_at set) before its email goes, and released if sending fails, unless it
    failed for good (see `_notifications_failed`)."""
    pending = Notification.objects.filter(
        sent_at__isnull=True, failed_at__isnull=True, member__notify=Member.Notify.EACH
    ).exclude(member__user__isnull=True)
    if post_id is not None:
        pending = pending.filter(post_id=post_id)
    sent = 0
    for notification_id in _claim(list(pending.values_list("pk", flat=True)[:500])):
        notification = Notification.objects.select_related("member__user", "post__thread").get(pk=notification_id)
        member, thread = notification.member, notification.post.thread
        unsubscribe, headers = _unsubscribe_headers(member)
        try:
            _send(
                subject=f"New reply: {thread.title}",
                template="reply",
                context={
                    "member": member,
                    "thread": thread,
                    "link": _link("forum:post", notification.post_id),
                    "unsubscribe": unsubscribe,
                },
                to=[member.user.email],
                headers=headers,
            )
        except Exception as error:
            _notifications_failed([notification_id], error)
            continue
        sent += 1
    return sent


def digests_send() -> int:
    """One email a day per digest member: the threads with new replies, titles and links only.
    Safe to run twice: the notifications it lists are claimed first."""
    member_ids = (
        Notification.objects.filter(sent_at__isnull=True, failed_at__isnull=True, member__notify=Member.Notify.DIGEST)
        .exclude(member__user__isnull=True)
        .values_list("member_id", flat=True)
        .distinct()
    )
    sent = 0
    for member_id in list(member_ids):
        ids = _claim(
            list(
                Notification.objects.filter(
                    member_id=member_id, sent_at__isnull=True, failed_at__isnull=True
                ).values_list("pk", flat=True)
            )
        )
        if not ids:
            continue
        member = Member.objects.select_related("user").get(pk=member_id)
        threads = (
            Thread.objects.filter(posts__notifications__pk__in=ids)
            .annotate(new=Count("posts__notifications", filter=Q(posts__notifications__pk__in=ids)))
            .order_by("-last_post_at")
            .distinct()
        )
        links = [(thread, _link("forum:thread", thread.pk)) for thread in threads]
        unsubscribe, headers = _unsubscribe_headers(member)
        try:
            _send(
                subject="Parent forum: new replies today",
                template="replies_digest",
                context={"member": member, "threads": links, "unsubscribe": unsubscribe},
                to=[member.user.email],
                headers=headers,
            )
        except Exception as error:
            _notifications_failed(ids, error)
            continue
        sent += 1
    return sent


def pending_work_retry() -> None:
    """Pick up what a lost task left undone: safeguarding alerts, followers not yet told, emails not sent."""
    cutoff = timezone.now() - timezone.timedelta(minutes=2)
    for post in Post.objects.filter(
        safeguarding_flag=True, safeguarding_alerted_at__isnull=True, created_at__lte=cutoff
    ):
        post_safeguarding_alert(post=post)
    for post in Post.objects.filter(status=Post.Status.VISIBLE, notified_at__isnull=True, created_at__lte=cutoff):
        post_notify(post=post)
    notifications_send()
