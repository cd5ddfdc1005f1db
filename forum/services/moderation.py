"""What moderators do to posts and threads, and members' reports that tell them there is
something to do. (The safeguarding alert for a held post and the digest of posts waiting are
sent by tasks: forum/emails.py.)"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.languages import in_language

from ..emails import member_email, moderator_emails, site_link
from ..models import Member, ModerationAction, Post, Report, Thread
from .common import ForumError, _log, _send_on_commit
from .posting import _after_post_saved, _thread_refresh

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
    language = post.author.language if post.author else None
    with in_language(language):
        link = site_link("forum:thread", post.thread_id)
    _send_on_commit(
        subject=_("A moderator has hidden one of your forum posts"),
        template="post_hidden",
        context={"title": post.thread.title, "link": link, "reason": reason},
        to=member_email(post.author),
        language=language,
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
        context={"link": site_link("forum_admin:post", post.pk)},
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
