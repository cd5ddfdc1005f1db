"""What every part of the forum's services shares: the error members see, links, sending an
email, the moderation log and who the moderators are."""

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from core.links import site_url
from core.staff_groups import FORUM_MODERATORS
from core.textguard import email_subject

from ..models import Member, ModerationAction

MODERATORS_GROUP = FORUM_MODERATORS


class ForumError(Exception):
    """An action that is not allowed, with a message for the person who tried it."""


def _link(url_name: str, *args) -> str:
    return site_url(reverse(url_name, args=args))


def _send(*, subject: str, template: str, context: dict, to: list[str], headers: dict | None = None) -> None:
    """Every forum email goes through here. The body is `forum/emails/<template>.txt`; the
    subject may hold a thread title, so it is made one line."""
    body = render_to_string(f"forum/emails/{template}.txt", context)
    EmailMessage(subject=email_subject(subject), body=body, to=to, headers=headers or {}).send()


def _send_on_commit(*, subject: str, template: str, context: dict, to: list[str]) -> None:
    """Send once the change the email tells of is saved, so a change rolled back sends nothing.
    Nobody to tell, no email."""
    if to:
        transaction.on_commit(lambda: _send(subject=subject, template=template, context=context, to=to))


def _member_email(member: Member) -> list[str]:
    """Where to email a member: nowhere once their account is closed, or if it has no address."""
    return [member.user.email] if member.user and member.user.email else []


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
