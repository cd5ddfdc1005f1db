"""What every part of the forum's services shares: the error members see, sending an email
once a change is saved, and the moderation log. Emails themselves are sent by forum/emails.py."""

from django.db import transaction

from ..emails import email_send
from ..models import ModerationAction


class ForumError(Exception):
    """An action that is not allowed, with a message for the person who tried it."""


def _send_on_commit(*, subject, template: str, context: dict, to: list[str], **options) -> None:
    """Send once the change the email tells of is saved, so a change rolled back sends nothing.
    Nobody to tell, no email. `options` go to email_send (the member's `language`, and
    `subject_values`)."""
    if to:
        transaction.on_commit(lambda: email_send(subject=subject, template=template, context=context, to=to, **options))


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
