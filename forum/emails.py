"""The forum's emails: how every one is sent, and the ones its tasks send (reply notifications
and digests, the safeguarding alert for a flagged post, the moderators' digest of held posts).

Emails never contain what anyone wrote: only a thread title and a link. Each task-sent email
goes once, through the outbox (core/outbox.py): its row is claimed before the email goes and
released if sending fails, so a periodic task can try again.

Services queue the tasks; the tasks call this module; nothing here queues a task, so the
imports run one way: forum.services -> forum.tasks -> forum.emails.
"""

import logging
from contextlib import nullcontext

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.languages import in_language
from core.links import one_click_unsubscribe_headers, site_url
from core.outbox import email_failure_is_permanent, send_once, send_once_recorded
from core.safeguarding import safeguarding_alert_send, safeguarding_languages, safeguarding_recipients
from core.staff_groups import FORUM_MODERATORS
from core.textguard import email_subject

from .models import Follow, HeldPostsDigest, Member, Notification, Post, Thread

logger = logging.getLogger(__name__)

MODERATORS_GROUP = FORUM_MODERATORS
UNSUBSCRIBE_SALT = "forum.unsubscribe"


# --- Sending -------------------------------------------------------------------------------


def site_link(url_name: str, *args) -> str:
    """A full link on SITE_URL to a forum page, for an email."""
    return site_url(reverse(url_name, args=args))


def email_send(
    *,
    subject,
    template: str,
    context: dict,
    to: list[str],
    headers: dict | None = None,
    language: str | None = None,
    subject_values: dict | None = None,
) -> None:
    """Every forum email goes through here. The body is `forum/emails/<template>.txt`; the
    subject may hold a thread title (in `subject_values`, for a translated subject such as
    "New reply: %(title)s"), so it is made one line. `language` is the member's: the subject
    and body are written in it. Emails to staff have none and stay in English."""
    with in_language(language) if language else nullcontext():
        subject = str(subject) % subject_values if subject_values else str(subject)
        body = render_to_string(f"forum/emails/{template}.txt", context)
    EmailMessage(subject=email_subject(subject), body=body, to=to, headers=headers or {}).send()


def member_email(member: Member) -> list[str]:
    """Where to email a member: nowhere once their account is closed, or if it has no address."""
    return [member.user.email] if member.user and member.user.email else []


def moderator_emails() -> list[str]:
    """Active members of the Forum moderators group with an email address."""
    return list(
        get_user_model()
        .objects.filter(groups__name=MODERATORS_GROUP, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )


# --- Safeguarding --------------------------------------------------------------------------


def post_safeguarding_alert(*, post: Post) -> bool:
    """Email the Safeguarding group a link to a flagged post (never its text). Sends once."""
    return safeguarding_alert_send(
        rows=Post.objects.filter(pk=post.pk),
        stamp_field="safeguarding_alerted_at",
        link=site_link("forum_admin:post", post.pk),
        item="a parent forum post",
        what="A post in the parent forum",
        note="It is held and nobody else can see it.",
        languages=safeguarding_languages(texts=[post.body]),
    )


# --- Telling moderators about held posts ---------------------------------------------------


# A reminder goes at most this often while posts stay held.
HELD_DIGEST_EVERY = timezone.timedelta(hours=24)


def _held_digest_occasion(*, oldest_held: Post) -> str:
    """Why a digest is due now, or "" if none is. Due when:
    - the queue rose from zero: every post held now came in after the last digest (the
      moderators dealt with everything they were last told about), or there never was one; or
    - posts are still held a day after the last digest (a daily reminder).
    The occasion names the post or digest it follows, so it is the same for every worker."""
    last = HeldPostsDigest.objects.first()
    if last is None or oldest_held.created_at > last.created_at:
        occasion = f"new:{oldest_held.pk}"
        if not HeldPostsDigest.objects.filter(occasion=occasion).exists():
            return occasion
    if last is not None and timezone.now() - last.created_at >= HELD_DIGEST_EVERY:
        return f"reminder:{last.pk}"
    return ""


def held_posts_digest_send() -> bool:
    """Email the Forum moderators how many posts wait for them, and the Safeguarding group too
    when any was held by the safeguarding word list. Counts and a link to the queue only: no
    text, no names. Sent once per occasion (see `_held_digest_occasion`): the digest's row,
    unique on its occasion, is the claim; run by beat."""
    held = Post.objects.filter(status=Post.Status.HELD)
    oldest = held.order_by("created_at", "pk").first()
    if oldest is None:
        return False
    occasion = _held_digest_occasion(oldest_held=oldest)
    if not occasion:
        return False
    counts = held.aggregate(total=Count("pk"), flagged=Count("pk", filter=Q(safeguarding_flag=True)))
    recipients = moderator_emails()
    if counts["flagged"]:
        recipients += [email for email in safeguarding_recipients() if email not in recipients]
    if not recipients:
        logger.error("%s held forum posts, and nobody in the Forum moderators group to tell", counts["total"])
        return False

    def send(digest: HeldPostsDigest) -> None:
        email_send(
            subject="Parent forum: posts waiting for a moderator",
            template="held_posts_digest",
            context={
                "total": counts["total"],
                "flagged": counts["flagged"],
                "oldest": oldest,
                "link": site_link("forum_admin:queue"),
            },
            to=recipients,
        )

    record = HeldPostsDigest(occasion=occasion, held_count=counts["total"], flagged_count=counts["flagged"])
    return send_once_recorded(record=record, send=send)


# --- Replies: one email each, or a daily digest ---------------------------------------------


def unsubscribe_token(*, member: Member) -> str:
    return signing.dumps({"m": member.pk}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_member(*, token: str) -> Member | None:
    """The member a signed unsubscribe link belongs to (None if the link was tampered with)."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return Member.objects.filter(pk=data.get("m")).first()


def _unsubscribe_headers(member: Member) -> tuple[str, dict]:
    link = site_link("forum_unsubscribe", unsubscribe_token(member=member))
    return link, one_click_unsubscribe_headers(link)


def _failure_reason(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:300]


def _failed_for_good(error: Exception) -> dict:
    """What the outbox writes with the release when trying again cannot help: the notifications
    are marked failed, moderators see them in the queue, and no task retries them."""
    if not email_failure_is_permanent(error):
        return {}
    return {"failed_at": timezone.now(), "failure_reason": _failure_reason(error)}


def _failure_logged(what: str, error: Exception) -> None:
    """Called while handling the error, after the outbox released (or marked) the notifications."""
    if email_failure_is_permanent(error):
        logger.error("Forum %s cannot be sent and will not be retried: %s", what, _failure_reason(error))
    else:
        logger.exception("Could not send forum %s; it will be retried", what)


def _notifications_send_once(*, rows, send, what: str) -> bool:
    """Send an email about notifications once, through the outbox; a failure is logged, not
    raised, so one member's refused address does not stop the others' emails."""
    try:
        return send_once(
            rows=rows, stamp_field="sent_at", when=Q(failed_at__isnull=True), failed=_failed_for_good, send=send
        )
    except Exception as error:
        _failure_logged(what, error)
        return False


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


def _reply_send(notification: Notification) -> bool:
    member, thread = notification.member, notification.post.thread
    with in_language(member.language):
        unsubscribe, headers = _unsubscribe_headers(member)
        link = site_link("forum:post", notification.post_id)

    def send(claimed) -> None:
        email_send(
            subject=_("New reply: %(title)s"),
            subject_values={"title": thread.title},
            template="reply",
            context={"member": member, "thread": thread, "link": link, "unsubscribe": unsubscribe},
            to=[member.user.email],
            headers=headers,
            language=member.language,
        )

    return _notifications_send_once(
        rows=Notification.objects.filter(pk=notification.pk), send=send, what=f"notification {notification.pk}"
    )


def notifications_send(*, post_id: int | None = None) -> int:
    """Email members who want an email for each reply. Safe to run twice: each notification is
    sent once through the outbox, and released if sending fails, unless it failed for good
    (see `email_failure_is_permanent`)."""
    pending = Notification.objects.filter(
        sent_at__isnull=True, failed_at__isnull=True, member__notify=Member.Notify.EACH
    ).exclude(member__user__isnull=True)
    if post_id is not None:
        pending = pending.filter(post_id=post_id)
    pending = pending.select_related("member__user", "post__thread")[:500]
    return sum(_reply_send(notification) for notification in pending)


def _digest_send(member: Member) -> bool:
    with in_language(member.language):
        unsubscribe, headers = _unsubscribe_headers(member)

    def send(claimed) -> None:
        ids = list(claimed.values_list("pk", flat=True))
        threads = (
            Thread.objects.filter(posts__notifications__pk__in=ids)
            .annotate(new=Count("posts__notifications", filter=Q(posts__notifications__pk__in=ids)))
            .order_by("-last_post_at")
            .distinct()
        )
        with in_language(member.language):
            links = [(thread, site_link("forum:thread", thread.pk)) for thread in threads]
        email_send(
            subject=_("Parent forum: new replies today"),
            template="replies_digest",
            context={"member": member, "threads": links, "unsubscribe": unsubscribe},
            to=[member.user.email],
            headers=headers,
            language=member.language,
        )

    return _notifications_send_once(
        rows=Notification.objects.filter(member=member), send=send, what=f"reply digest of member {member.pk}"
    )


def digests_send() -> int:
    """One email a day per digest member: the threads with new replies, titles and links only.
    Safe to run twice: the notifications it lists are claimed first."""
    member_ids = (
        Notification.objects.filter(sent_at__isnull=True, failed_at__isnull=True, member__notify=Member.Notify.DIGEST)
        .exclude(member__user__isnull=True)
        .values_list("member_id", flat=True)
        .distinct()
    )
    members = Member.objects.select_related("user").filter(pk__in=list(member_ids))
    return sum(_digest_send(member) for member in members)


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
