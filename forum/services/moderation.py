"""What moderators do to posts and threads, and what tells them there is something to do:
reports, the safeguarding alert for a held post, and the digest of posts waiting for them."""

import logging

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from core.safeguarding import safeguarding_recipients

from ..models import HeldPostsDigest, Member, ModerationAction, Post, Report, Thread
from .common import ForumError, _link, _log, _member_email, _send, _send_on_commit, moderator_emails
from .posting import _after_post_saved, _thread_refresh

logger = logging.getLogger(__name__)


# --- Posts and threads ---------------------------------------------------------------------


def _log_post(*, actor, action: str, post: Post, reason: str = "") -> ModerationAction:
    """A moderator's action on a post is logged against its thread and author too, so each of
    their histories shows it."""
    return _log(actor=actor, action=action, post=post, thread=post.thread, member=post.author, reason=reason)


@transaction.atomic
def post_approve(*, post: Post, actor) -> Post:
    """Let a held post appear. Followers hear about it."""
    post.status = Post.Status.VISIBLE
    post.hidden_reason = ""
    post.approved_at = post.approved_at or timezone.now()
    post.save(update_fields=["status", "hidden_reason", "approved_at"])
    _thread_refresh(post.thread)
    _log_post(actor=actor, action=ModerationAction.Action.POST_APPROVE, post=post)
    _after_post_saved(post)
    return post


@transaction.atomic
def post_hide(*, post: Post, actor, reason: str) -> Post:
    """Take a post down. The author is emailed the reason (not the post)."""
    reason = reason.strip()
    if not reason:
        raise ForumError("Give a reason: the author is told it.")
    post.status = Post.Status.HIDDEN
    post.hidden_reason = reason
    post.save(update_fields=["status", "hidden_reason"])
    _thread_refresh(post.thread)
    _log_post(actor=actor, action=ModerationAction.Action.POST_HIDE, post=post, reason=reason)
    _send_on_commit(
        subject="A moderator has hidden one of your forum posts",
        template="post_hidden",
        context={"title": post.thread.title, "link": _link("forum:thread", post.thread_id), "reason": reason},
        to=_member_email(post.author),
    )
    return post


@transaction.atomic
def post_restore(*, post: Post, actor, reason: str = "") -> Post:
    post.status = Post.Status.VISIBLE
    post.hidden_reason = ""
    post.save(update_fields=["status", "hidden_reason"])
    _thread_refresh(post.thread)
    _log_post(actor=actor, action=ModerationAction.Action.POST_RESTORE, post=post, reason=reason)
    return post


def thread_lock(*, thread: Thread, actor, locked: bool, reason: str = "") -> Thread:
    Thread.objects.filter(pk=thread.pk).update(locked=locked)
    thread.locked = locked
    action = ModerationAction.Action.THREAD_LOCK if locked else ModerationAction.Action.THREAD_UNLOCK
    _log(actor=actor, action=action, thread=thread, reason=reason)
    return thread


def thread_pin(*, thread: Thread, actor, pinned: bool, reason: str = "") -> Thread:
    Thread.objects.filter(pk=thread.pk).update(pinned=pinned)
    thread.pinned = pinned
    action = ModerationAction.Action.THREAD_PIN if pinned else ModerationAction.Action.THREAD_UNPIN
    _log(actor=actor, action=action, thread=thread, reason=reason)
    return thread


# --- Reports -------------------------------------------------------------------------------


def post_report(*, member: Member, post: Post, reason: str) -> Report:
    """A member tells moderators about a post, and why."""
    report = Report.objects.create(post=post, reporter=member, reason=reason.strip())
    _send_on_commit(
        subject="Parent forum: a post has been reported",
        template="post_reported",
        context={"link": _link("forum_admin:post", post.pk)},
        to=moderator_emails(),
    )
    return report


def reports_close(*, post: Post, actor, reason: str = "") -> int:
    """Mark every open report of a post as dealt with."""
    closed = Report.objects.filter(post=post, handled_at__isnull=True).update(
        handled_at=timezone.now(), handled_by=actor
    )
    if closed:
        _log(actor=actor, action=ModerationAction.Action.REPORT_CLOSE, post=post, thread=post.thread, reason=reason)
    return closed


# --- Safeguarding --------------------------------------------------------------------------


def post_safeguarding_alert(*, post: Post) -> bool:
    """Email the Safeguarding group a link to a flagged post (never its text). Sends once."""
    claimed = Post.objects.filter(pk=post.pk, safeguarding_flag=True, safeguarding_alerted_at__isnull=True).update(
        safeguarding_alerted_at=timezone.now()
    )
    if not claimed:
        return False
    recipients = safeguarding_recipients()
    if not recipients:
        Post.objects.filter(pk=post.pk).update(safeguarding_alerted_at=None)
        logger.error("Forum safeguarding alert for post %s has no recipients", post.pk)
        return False
    link = _link("forum_admin:post", post.pk)
    try:
        _send(
            subject="Safeguarding alert: a parent forum post needs checking",
            template="post_safeguarding_alert",
            context={"link": link},
            to=recipients,
        )
    except Exception:
        Post.objects.filter(pk=post.pk).update(safeguarding_alerted_at=None)
        raise
    return True


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
    text, no names. Sent once per occasion (see `_held_digest_occasion`); run by beat."""
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
    try:
        with transaction.atomic():
            digest = HeldPostsDigest.objects.create(
                occasion=occasion, held_count=counts["total"], flagged_count=counts["flagged"]
            )
    except IntegrityError:
        return False  # another worker has it
    try:
        _send(
            subject="Parent forum: posts waiting for a moderator",
            template="held_posts_digest",
            context={
                "total": counts["total"],
                "flagged": counts["flagged"],
                "oldest": oldest,
                "link": _link("forum_admin:queue"),
            },
            to=recipients,
        )
    except Exception:
        digest.delete()
        raise
    return True
