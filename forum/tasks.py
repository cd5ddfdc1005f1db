"""Background tasks of the forum. Thin: load by id, call the work in forum/emails.py, safe to
run twice. Services queue them (core.queue.queue_after_commit); forum/emails.py queues nothing,
so the imports run one way."""

from celery import shared_task

from . import emails
from .models import Post


@shared_task(name="forum.post_safeguarding_alert", autoretry_for=(Exception,), retry_backoff=30, max_retries=5)
def post_safeguarding_alert(post_id: int) -> None:
    """Tell the Safeguarding group about a flagged post (a link, never the text)."""
    post = Post.objects.filter(pk=post_id).first()
    if post is not None:
        emails.post_safeguarding_alert(post=post)


@shared_task(name="forum.post_notify", autoretry_for=(Exception,), retry_backoff=30, max_retries=5)
def post_notify(post_id: int) -> None:
    """Tell a visible post's followers about it."""
    post = Post.objects.filter(pk=post_id).first()
    if post is not None:
        emails.post_notify(post=post)


@shared_task(name="forum.notifications_send_pending")
def notifications_send_pending() -> None:
    """Finish work a lost task left undone. Run by beat every few minutes."""
    emails.pending_work_retry()


@shared_task(name="forum.digests_send")
def digests_send() -> int:
    """The daily digest for members who chose it. Run by beat each morning."""
    return emails.digests_send()


@shared_task(name="forum.held_posts_digest_send")
def held_posts_digest_send() -> bool:
    """Tell moderators how many posts are held, when the queue fills or once a day. Run by beat."""
    return emails.held_posts_digest_send()
