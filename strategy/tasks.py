"""Background tasks of the strategy app."""

from celery import shared_task
from django.core.management import call_command


@shared_task(name="strategy.publish_scheduled_pages")
def publish_scheduled_pages() -> None:
    """Publish pages whose "go live" time has come and unpublish expired ones.

    Wagtail only does this when its `publish_scheduled` command runs; beat runs this every few
    minutes. Safe to run twice: a page already published is left alone.
    https://docs.wagtail.org/en/stable/reference/management_commands.html#publish-scheduled
    """
    call_command("publish_scheduled")


@shared_task(name="strategy.clear_expired_sessions")
def clear_expired_sessions() -> None:
    """Delete expired sessions, including half-finished survey answers nobody submitted."""
    call_command("clearsessions")
