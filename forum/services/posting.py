"""Writing in the forum: threads, replies, editing and deleting one's own posts, and reading.
A new member's first posts, and any post that matches the safeguarding word list, are held
for a moderator."""

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext

from core.queue import queue_after_commit
from core.safeguarding import safeguarding_matches

from .. import tasks
from ..models import Category, Follow, Member, Post, Thread, ThreadRead
from ..rendering import post_html
from .common import ForumError

HELD_NEW_MEMBER = "new member"
HELD_SAFEGUARDING = "safeguarding"


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
        queue_after_commit(tasks.post_safeguarding_alert, post.pk)
    if post.status == Post.Status.VISIBLE and post.notified_at is None:
        queue_after_commit(tasks.post_notify, post.pk)


def _check_can_post(member: Member, thread: Thread | None = None) -> None:
    if not member.is_approved:
        raise ForumError(gettext("Only approved members can post."))
    if thread is not None and thread.locked:
        raise ForumError(gettext("This thread is locked: a moderator has closed it to new replies."))


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
        raise ForumError(gettext("You can only delete your own posts."))
    post.status = Post.Status.DELETED
    post.body = ""
    post.body_html = ""
    post.save(update_fields=["status", "body", "body_html"])
    _thread_refresh(post.thread)


def thread_mark_read(*, member: Member, thread: Thread, until) -> None:
    """Remember how far the member has read (never moves backwards)."""
    updated = ThreadRead.objects.filter(member=member, thread=thread, last_read_at__lt=until).update(last_read_at=until)
    if not updated:
        ThreadRead.objects.get_or_create(member=member, thread=thread, defaults={"last_read_at": until})
