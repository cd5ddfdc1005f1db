"""What members and moderators do in the forum. Views call these; nothing else writes.

Emails never contain what anyone wrote: only a thread title and a link. Each email is sent
once: the row it belongs to is claimed (a timestamp set) before the email goes, and released
if sending fails, so a periodic task can try again.
"""

import logging
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone

from core.links import site_url
from core.queue import queue_after_commit
from core.safeguarding import safeguarding_matches, safeguarding_recipients
from core.staff_groups import FORUM_MODERATORS
from core.templatetags.govuk_dates import govuk_datetime
from core.textguard import email_subject

from .models import (
    FORMER_MEMBER,
    Category,
    Follow,
    HeldPostsDigest,
    Member,
    ModerationAction,
    Notification,
    Post,
    Report,
    Thread,
    ThreadRead,
)
from .rendering import post_html

logger = logging.getLogger(__name__)

MODERATORS_GROUP = FORUM_MODERATORS
UNSUBSCRIBE_SALT = "forum.unsubscribe"
HELD_NEW_MEMBER = "new member"
HELD_SAFEGUARDING = "safeguarding"


class ForumError(Exception):
    """An action that is not allowed, with a message for the person who tried it."""


def _link(url_name: str, *args) -> str:
    return site_url(reverse(url_name, args=args))


def _send(*, subject: str, body: str, to: list[str], headers: dict | None = None) -> None:
    """Every forum email goes through here; the subject may hold a thread title, so it is made one line."""
    EmailMessage(subject=email_subject(subject), body=body, to=to, headers=headers or {}).send()


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


def _log(*, actor, action: str, member=None, thread=None, post=None, reason: str = "") -> ModerationAction:
    return ModerationAction.objects.create(
        actor=actor,
        actor_name=actor.get_username() if actor else "system",
        action=action,
        member=member,
        thread=thread,
        post=post,
        reason=reason,
    )


def moderator_emails() -> list[str]:
    """Active members of the Forum moderators group with an email address."""
    return list(
        get_user_model()
        .objects.filter(groups__name=MODERATORS_GROUP, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )


# --- Accounts and membership ---------------------------------------------------------------


def member_create(*, user, display_name: str) -> Member:
    """The forum profile made when a parent signs up."""
    member, _ = Member.objects.get_or_create(user=user, defaults={"display_name": display_name.strip()})
    return member


def member_update(*, member: Member, display_name: str, notify: str) -> Member:
    """Change the pseudonym others see, and how replies are notified."""
    member.display_name = display_name.strip()
    member.notify = notify
    member.save(update_fields=["display_name", "notify"])
    return member


def membership_request(*, member: Member, reason: str, bereaved: bool) -> Member:
    """Ask to join. Moderators are emailed a link to the request (not what was written)."""
    if member.status not in (Member.Status.NONE, Member.Status.DECLINED):
        raise ForumError("You have already asked to join.")
    member.status = Member.Status.PENDING
    member.join_reason = reason.strip()
    member.asked_bereaved = bereaved
    member.requested_at = timezone.now()
    member.save(update_fields=["status", "join_reason", "asked_bereaved", "requested_at"])
    recipients = moderator_emails()
    if recipients:
        link = _link("forum_admin:member", member.pk)
        transaction.on_commit(
            lambda: _send(
                subject="Parent forum: a new request to join",
                body=f"Someone has asked to join the parent forum. Review the request: {link}\n",
                to=recipients,
            )
        )
    return member


def membership_approve(*, member: Member, actor, bereaved: bool | None = None) -> Member:
    """Let a parent in. They are emailed."""
    member.status = Member.Status.APPROVED
    member.decided_at = timezone.now()
    if bereaved is not None:
        member.bereaved = bereaved
    member.save(update_fields=["status", "decided_at", "bereaved"])
    _log(actor=actor, action=ModerationAction.Action.MEMBER_APPROVE, member=member)
    email = member.user.email if member.user else ""
    if email:
        link = _link("forum:index")
        transaction.on_commit(
            lambda: _send(
                subject="Welcome to the parent forum",
                body=(
                    f"Hello {member.display_name},\n\nYour request to join the parent forum has been approved. "
                    f"Sign in and say hello: {link}\n\nYour first few posts are read by a moderator before "
                    "they appear.\n"
                ),
                to=[email],
            )
        )
    return member


def membership_decline(*, member: Member, actor, reason: str = "") -> Member:
    """Turn down a request to join. The parent is emailed, with the reason if one is given."""
    member.status = Member.Status.DECLINED
    member.decided_at = timezone.now()
    member.save(update_fields=["status", "decided_at"])
    _log(actor=actor, action=ModerationAction.Action.MEMBER_DECLINE, member=member, reason=reason)
    email = member.user.email if member.user else ""
    if email:
        why = f"\n\nThe moderator said: {reason}" if reason else ""
        transaction.on_commit(
            lambda: _send(
                subject="Your request to join the parent forum",
                body=(
                    f"Hello {member.display_name},\n\nWe are sorry: your request to join the parent forum "
                    f"has not been approved.{why}\n\nIf you need help now, the numbers are on every page "
                    f"of {site_url()}\n"
                ),
                to=[email],
            )
        )
    return member


def member_suspend(*, member: Member, actor, reason: str) -> Member:
    """Stop a member reading or posting. They are emailed the reason."""
    if not reason.strip():
        raise ForumError("Give a reason: the member is told it.")
    member.status = Member.Status.SUSPENDED
    member.suspended_reason = reason.strip()
    member.save(update_fields=["status", "suspended_reason"])
    _log(actor=actor, action=ModerationAction.Action.MEMBER_SUSPEND, member=member, reason=reason)
    email = member.user.email if member.user else ""
    if email:
        transaction.on_commit(
            lambda: _send(
                subject="Your parent forum membership is suspended",
                body=(
                    f"Hello {member.display_name},\n\nA moderator has suspended your parent forum membership."
                    f"\n\nReason: {reason}\n"
                ),
                to=[email],
            )
        )
    return member


def member_reinstate(*, member: Member, actor, reason: str = "") -> Member:
    member.status = Member.Status.APPROVED
    member.suspended_reason = ""
    member.save(update_fields=["status", "suspended_reason"])
    _log(actor=actor, action=ModerationAction.Action.MEMBER_REINSTATE, member=member, reason=reason)
    return member


def member_access_set(*, member: Member, actor, bereaved: bool) -> Member:
    """Give or take away access to the restricted (bereavement) categories."""
    member.bereaved = bereaved
    member.save(update_fields=["bereaved"])
    _log(
        actor=actor,
        action=ModerationAction.Action.MEMBER_ACCESS,
        member=member,
        reason="given" if bereaved else "removed",
    )
    return member


def account_is_staff(*, user) -> bool:
    """Staff accounts are not closed from the public site."""
    return user.is_staff or user.is_superuser or user.groups.exists()


@transaction.atomic
def account_delete(*, user) -> None:
    """Delete a parent's account. Their posts stay, shown as "Former member"; their email,
    pseudonym, join reason, follows and notifications go, and the user row is deleted."""
    if account_is_staff(user=user):
        raise ForumError("Staff accounts are closed by an administrator, not here.")
    member = Member.objects.filter(user=user).first()
    if member is not None:
        member.status = Member.Status.LEFT
        member.display_name = FORMER_MEMBER
        member.join_reason = ""
        member.suspended_reason = ""
        member.user = None
        member.save()
        Follow.objects.filter(member=member).delete()
        Notification.objects.filter(member=member).delete()
        ThreadRead.objects.filter(member=member).delete()
    user.delete()


# --- Unsubscribing -------------------------------------------------------------------------


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


# --- Posting -------------------------------------------------------------------------------


def _post_status(*, member: Member, body: str) -> tuple[str, str, bool]:
    """(status, held reason, safeguarding flag) for a new or edited post."""
    if safeguarding_matches(text=body):
        return Post.Status.HELD, HELD_SAFEGUARDING, True
    approved_before = Post.objects.filter(author=member, approved_at__isnull=False).count()
    if approved_before < settings.FORUM_HELD_POST_COUNT:
        return Post.Status.HELD, HELD_NEW_MEMBER, False
    return Post.Status.VISIBLE, "", False


def _thread_refresh(thread: Thread) -> None:
    """Recount a thread's visible posts and last activity, and show it once its first post is visible."""
    visible = Post.objects.filter(thread=thread, status=Post.Status.VISIBLE)
    numbers = visible.aggregate(count=Count("pk"), last=Max("created_at"))
    first = Post.objects.filter(thread=thread).order_by("created_at", "pk").values_list("status", flat=True).first()
    Thread.objects.filter(pk=thread.pk).update(
        post_count=numbers["count"],
        last_post_at=numbers["last"] or thread.created_at,
        is_visible=first == Post.Status.VISIBLE,
    )


def _after_post_saved(post: Post) -> None:
    if post.safeguarding_flag and post.safeguarding_alerted_at is None:
        queue_after_commit("forum.post_safeguarding_alert", post.pk)
    if post.status == Post.Status.VISIBLE and post.notified_at is None:
        queue_after_commit("forum.post_notify", post.pk)


def _check_can_post(member: Member, thread: Thread | None = None) -> None:
    if not member.is_approved:
        raise ForumError("Only approved members can post.")
    if thread is not None and thread.locked:
        raise ForumError("This thread is locked: a moderator has closed it to new replies.")


@transaction.atomic
def thread_create(*, member: Member, category: Category, title: str, body: str) -> Thread:
    """Start a thread. The starter follows it."""
    _check_can_post(member)
    now = timezone.now()
    thread = Thread.objects.create(
        category=category, author=member, title=title.strip(), created_at=now, last_post_at=now
    )
    _post_add(member=member, thread=thread, body=body, now=now)
    return thread


@transaction.atomic
def post_reply(*, member: Member, thread: Thread, body: str) -> Post:
    """Reply to a thread. The author follows it from now on."""
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    _check_can_post(member, thread)
    return _post_add(member=member, thread=thread, body=body, now=timezone.now())


def _post_add(*, member: Member, thread: Thread, body: str, now) -> Post:
    status, held_reason, flagged = _post_status(member=member, body=body)
    post = Post.objects.create(
        thread=thread,
        author=member,
        body=body,
        body_html=post_html(body),
        created_at=now,
        approved_at=now if status == Post.Status.VISIBLE else None,
        status=status,
        held_reason=held_reason,
        safeguarding_flag=flagged,
    )
    Follow.objects.get_or_create(member=member, thread=thread)
    _thread_refresh(thread)
    ThreadRead.objects.update_or_create(member=member, thread=thread, defaults={"last_read_at": now})
    _after_post_saved(post)
    return post


def post_can_edit(*, member: Member, post: Post) -> bool:
    limit = timezone.now() - timezone.timedelta(minutes=settings.FORUM_EDIT_MINUTES)
    return (
        member.is_approved
        and post.author_id == member.pk
        and post.status in (Post.Status.VISIBLE, Post.Status.HELD)
        and post.created_at >= limit
        and not post.thread.locked
    )


@transaction.atomic
def post_edit(*, member: Member, post: Post, body: str) -> Post:
    """Change a post within FORUM_EDIT_MINUTES of posting. A change that matches the
    safeguarding list is held again."""
    if not post_can_edit(member=member, post=post):
        raise ForumError(f"Posts can be changed for {settings.FORUM_EDIT_MINUTES} minutes after posting.")
    post.body = body
    post.body_html = post_html(body)
    post.edited_at = timezone.now()
    fields = ["body", "body_html", "edited_at"]
    if safeguarding_matches(text=body) and not post.safeguarding_flag:
        post.status, post.held_reason, post.safeguarding_flag = Post.Status.HELD, HELD_SAFEGUARDING, True
        fields += ["status", "held_reason", "safeguarding_flag"]
    post.save(update_fields=fields)
    _thread_refresh(post.thread)
    _after_post_saved(post)
    return post


@transaction.atomic
def post_delete(*, member: Member, post: Post) -> None:
    """An author removes their own post. The text is erased, not only hidden."""
    if post.author_id != member.pk or post.status == Post.Status.DELETED:
        raise ForumError("You can only delete your own posts.")
    post.status = Post.Status.DELETED
    post.body = ""
    post.body_html = ""
    post.save(update_fields=["status", "body", "body_html"])
    _thread_refresh(post.thread)


def post_report(*, member: Member, post: Post, reason: str) -> Report:
    """A member tells moderators about a post, and why."""
    report = Report.objects.create(post=post, reporter=member, reason=reason.strip())
    recipients = moderator_emails()
    if recipients:
        link = _link("forum_admin:post", post.pk)
        transaction.on_commit(
            lambda: _send(
                subject="Parent forum: a post has been reported",
                body=f"A member has reported a post. Review it: {link}\n",
                to=recipients,
            )
        )
    return report


def follow_set(*, member: Member, thread: Thread, following: bool) -> None:
    if following:
        Follow.objects.get_or_create(member=member, thread=thread)
    else:
        Follow.objects.filter(member=member, thread=thread).delete()


def thread_mark_read(*, member: Member, thread: Thread, until) -> None:
    """Remember how far the member has read (never moves backwards)."""
    updated = ThreadRead.objects.filter(member=member, thread=thread, last_read_at__lt=until).update(last_read_at=until)
    if not updated:
        ThreadRead.objects.get_or_create(member=member, thread=thread, defaults={"last_read_at": until})


# --- Moderation ----------------------------------------------------------------------------


@transaction.atomic
def post_approve(*, post: Post, actor) -> Post:
    """Let a held post appear. Followers hear about it."""
    post.status = Post.Status.VISIBLE
    post.hidden_reason = ""
    post.approved_at = post.approved_at or timezone.now()
    post.save(update_fields=["status", "hidden_reason", "approved_at"])
    _thread_refresh(post.thread)
    _log(actor=actor, action=ModerationAction.Action.POST_APPROVE, post=post, thread=post.thread, member=post.author)
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
    _log(
        actor=actor,
        action=ModerationAction.Action.POST_HIDE,
        post=post,
        thread=post.thread,
        member=post.author,
        reason=reason,
    )
    email = post.author.user.email if post.author.user else ""
    if email:
        link = _link("forum:thread", post.thread_id)
        title = post.thread.title
        transaction.on_commit(
            lambda: _send(
                subject="A moderator has hidden one of your forum posts",
                body=(
                    f'A moderator has hidden your post in "{title}" ({link}).\n\nReason: {reason}\n\n'
                    "If you think this is a mistake, reply to the moderators through the forum.\n"
                ),
                to=[email],
            )
        )
    return post


@transaction.atomic
def post_restore(*, post: Post, actor, reason: str = "") -> Post:
    post.status = Post.Status.VISIBLE
    post.hidden_reason = ""
    post.save(update_fields=["status", "hidden_reason"])
    _thread_refresh(post.thread)
    _log(
        actor=actor,
        action=ModerationAction.Action.POST_RESTORE,
        post=post,
        thread=post.thread,
        member=post.author,
        reason=reason,
    )
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
            body=(
                "A post in the parent forum matched the safeguarding word list and may mean someone "
                "is at risk. It is held and nobody else can see it.\n\n"
                f"Read it and decide what to do: {link}\n\n"
                "For their privacy, this email does not include what they wrote.\n"
            ),
            to=recipients,
        )
    except Exception:
        Post.objects.filter(pk=post.pk).update(safeguarding_alerted_at=None)
        raise
    return True


# --- Telling moderators about held posts ----------------------------------------------------

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
    total, flagged = counts["total"], counts["flagged"]
    lines = [
        f"{total} post{'s' if total != 1 else ''} in the parent forum {'are' if total != 1 else 'is'} waiting "
        "for a moderator before anyone else can see them.",
    ]
    if flagged:
        lines.append(f"{flagged} of them matched the safeguarding word list: please check those first.")
    lines.append(f"The oldest has waited since {govuk_datetime(oldest.created_at, 'j F Y')}.")
    try:
        _send(
            subject="Parent forum: posts waiting for a moderator",
            body=(
                "\n\n".join(lines) + f"\n\nOpen the moderation queue: {_link('forum_admin:queue')}\n\n"
                "For their privacy, this email does not say who wrote them or what they wrote.\n"
            ),
            to=recipients,
        )
    except Exception:
        digest.delete()
        raise
    return True


# --- Notifications -------------------------------------------------------------------------


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
                body=(
                    f"Hello {member.display_name},\n\nSomeone has replied in a thread you follow: {thread.title}\n"
                    f"Read it: {_link('forum:post', notification.post_id)}\n\n"
                    f"Stop these emails: {unsubscribe}\n"
                ),
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
        lines = [f"- {thread.title} ({thread.new} new): {_link('forum:thread', thread.pk)}" for thread in threads]
        unsubscribe, headers = _unsubscribe_headers(member)
        try:
            _send(
                subject="Parent forum: new replies today",
                body=(
                    f"Hello {member.display_name},\n\nThere are new replies in threads you follow:\n\n"
                    + "\n".join(lines)
                    + f"\n\nStop these emails: {unsubscribe}\n"
                ),
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
