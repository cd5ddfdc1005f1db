"""Following threads and turning reply emails off. The emails themselves (one per reply, or a
daily digest, with a one-click unsubscribe link) are sent by tasks: forum/emails.py."""

from ..models import Follow, Member, Notification, Thread


def follow_set(*, member: Member, thread: Thread, following: bool) -> None:
    if following:
        Follow.objects.get_or_create(member=member, thread=thread)
    else:
        Follow.objects.filter(member=member, thread=thread).delete()


def notifications_stop(*, member: Member) -> None:
    """One-click unsubscribe: no more forum emails about replies."""
    member.notify = Member.Notify.OFF
    member.save(update_fields=["notify"])
    Notification.objects.filter(member=member, sent_at__isnull=True).delete()
