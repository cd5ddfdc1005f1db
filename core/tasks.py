"""Site-wide background tasks: scheduled publishing, expired sessions, staff password resets and
the nightly retention run. Thin: the work is in Django and Wagtail commands,
core/password_reset.py and core/retention.py."""

from celery import shared_task
from django.core.management import call_command

from . import retention
from .password_reset import staff_password_reset_email


@shared_task(name="core.publish_scheduled_pages")
def publish_scheduled_pages() -> None:
    """Publish pages whose "go live" time has come and unpublish expired ones.

    Wagtail only does this when its `publish_scheduled` command runs; beat runs this every few
    minutes. Safe to run twice: a page already published is left alone.
    https://docs.wagtail.org/en/stable/reference/management_commands.html#publish-scheduled
    """
    call_command("publish_scheduled")


@shared_task(name="core.clear_expired_sessions")
def clear_expired_sessions() -> None:
    """Delete expired sessions, including half-finished survey answers nobody submitted."""
    call_command("clearsessions")


@shared_task(name="core.staff_password_reset_send")
def staff_password_reset_send(email: str) -> int:
    """Send a staff password reset link to this address if it belongs to staff.

    Queued for every request, whoever the address belongs to, so the reset page does the same
    work and takes the same time for a staff address, a parent's and an unknown one.
    """
    return staff_password_reset_email(email=email)


@shared_task(name="core.retention_apply")
def retention_apply() -> dict:
    """Apply the retention schedule (core/retention.py): remove or anonymise what is past its
    period, in batches, and log the run's counts. Run daily by beat; safe to run twice."""
    return retention.retention_apply().counts
