"""Joining the forum and leaving it: the profile made at sign-up, asking to join, moderators'
decisions on members, and closing an account."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.languages import in_language, language_for_record
from core.links import site_url

from ..emails import member_email, moderator_emails, site_link
from ..models import FORMER_MEMBER, Follow, Member, ModerationAction, Notification, ThreadRead
from .common import ForumError, _log, _send_on_commit

# --- Joining -------------------------------------------------------------------------------


def member_create(*, user, display_name: str, language: str = "") -> Member:
    """The forum profile made when a parent signs up, in the site language they used (their
    emails are written in it)."""
    member, _created = Member.objects.get_or_create(
        user=user, defaults={"display_name": display_name.strip(), "language": language_for_record(language)}
    )
    return member


def member_update(*, member: Member, display_name: str, notify: str) -> Member:
    """Change the pseudonym others see, and how replies are notified."""
    member.display_name = display_name.strip()
    member.notify = notify
    member.save(update_fields=["display_name", "notify"])
    return member


def membership_request(*, member: Member, reason: str, bereaved: bool, language: str = "") -> Member:
    """Ask to join. Moderators are emailed a link to the request (not what was written). The
    member's emails from now on are in `language`, the site language they asked in."""
    if member.status not in (Member.Status.NONE, Member.Status.DECLINED):
        raise ForumError(gettext("You have already asked to join."))
    member.status = Member.Status.PENDING
    member.join_reason = reason.strip()
    member.asked_bereaved = bereaved
    member.requested_at = timezone.now()
    update_fields = ["status", "join_reason", "asked_bereaved", "requested_at"]
    if language:
        member.language = language_for_record(language)
        update_fields.append("language")
    member.save(update_fields=update_fields)
    _send_on_commit(
        subject="Parent forum: a new request to join",
        template="membership_requested",
        context={"link": site_link("forum_admin:member", member.pk)},
        to=moderator_emails(),
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
    with in_language(member.language):
        link = site_link("forum:index")
    _send_on_commit(
        subject=_("Welcome to the parent forum"),
        template="membership_approved",
        context={"member": member, "link": link},
        to=member_email(member),
        language=member.language,
    )
    return member


def membership_decline(*, member: Member, actor, reason: str = "") -> Member:
    """Turn down a request to join. The parent is emailed, with the reason if one is given."""
    member.status = Member.Status.DECLINED
    member.decided_at = timezone.now()
    member.save(update_fields=["status", "decided_at"])
    _log(actor=actor, action=ModerationAction.Action.MEMBER_DECLINE, member=member, reason=reason)
    with in_language(member.language):
        home = site_url(reverse("wagtail_serve", args=[""]))
    _send_on_commit(
        subject=_("Your request to join the parent forum"),
        template="membership_declined",
        context={"member": member, "reason": reason, "site_url": home},
        to=member_email(member),
        language=member.language,
    )
    return member


# --- Moderators on members -----------------------------------------------------------------


def member_suspend(*, member: Member, actor, reason: str) -> Member:
    """Stop a member reading or posting. They are emailed the reason."""
    if not reason.strip():
        raise ForumError("Give a reason: the member is told it.")
    member.status = Member.Status.SUSPENDED
    member.suspended_reason = reason.strip()
    member.save(update_fields=["status", "suspended_reason"])
    _log(actor=actor, action=ModerationAction.Action.MEMBER_SUSPEND, member=member, reason=reason)
    _send_on_commit(
        subject=_("Your parent forum membership is suspended"),
        template="member_suspended",
        context={"member": member, "reason": reason},
        to=member_email(member),
        language=member.language,
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


# --- Closing an account --------------------------------------------------------------------


def account_is_staff(*, user) -> bool:
    """Staff accounts are not closed from the public site."""
    return user.is_staff or user.is_superuser or user.groups.exists()


def member_anonymise(*, member: Member) -> Member:
    """The part of closing an account that concerns the forum profile: it is shown as "Former
    member" and loses its pseudonym, join reason, suspension reason, follows, notifications and
    read marks, and its link to the user. Posts stay. Safe to run again."""
    member.status = Member.Status.LEFT
    member.display_name = FORMER_MEMBER
    member.join_reason = ""
    member.suspended_reason = ""
    member.user = None
    member.save()
    Follow.objects.filter(member=member).delete()
    Notification.objects.filter(member=member).delete()
    ThreadRead.objects.filter(member=member).delete()
    return member


@transaction.atomic
def account_delete(*, user) -> None:
    """Delete a parent's account. Their posts stay, shown as "Former member"; their email,
    pseudonym, join reason, follows and notifications go, and the user row is deleted."""
    if account_is_staff(user=user):
        raise ForumError(gettext("Staff accounts are closed by an administrator, not here."))
    member = Member.objects.filter(user=user).first()
    if member is not None:
        member_anonymise(member=member)
    user.delete()
