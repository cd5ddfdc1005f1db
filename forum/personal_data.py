"""What the parent forum holds about people, for access and erasure requests and the retention
schedule (core/personal_data.py, core/retention.py); registered in ForumConfig.ready().

A parent's account is a user (email address, password) and a forum profile (`Member`: the
pseudonym others see, the reason they gave for joining, their email settings). Erasing it is
what deleting one's own account does (`account_delete`): the user goes, the profile is shown as
"Former member", and posts stay so that threads others replied to still read correctly. Reports
a parent made stay for the moderation record, without their words.

Staff accounts are never found here: they are the staff accounts source's (core), and are closed
by an administrator.

The schedule deletes accounts nobody has signed in to for the forum accounts' period, after
emailing the owner the warning period before, and removes the detail from old moderation log
entries.
"""

import logging
from datetime import timedelta

from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext_lazy as _

from core.languages import in_language
from core.links import site_url
from core.outbox import send_once
from core.personal_data import Person, PersonalDataSource, staff_users
from core.privacy import CONSENT, SPECIAL_CATEGORY_SAFEGUARDING, PrivacyPurpose
from core.retention import RetentionRule, RetentionStep, days_in_words

from .emails import email_send, member_email
from .models import Follow, Member, ModerationAction, Notification, Post, Report
from .services import account_delete, member_anonymise

logger = logging.getLogger(__name__)

REPORT_REASON_ERASED = "Removed at the request of the member who reported it."


def _day(value) -> str:
    return date_format(timezone.localtime(value), "j F Y") if value else ""


def _members(person: Person):
    """Forum profiles of parents (never staff) that match the person's email address (the
    account's, or any other it has added) or their display name. Closed accounts are "Former
    member" and match nothing."""
    query = Q()
    if person.email:
        query |= Q(user__email__iexact=person.email) | Q(user__emailaddress__email__iexact=person.email)
    if person.name:
        query |= Q(display_name__iexact=person.name)
    if not query:
        return Member.objects.none()
    return (
        Member.objects.filter(pk__in=Member.objects.filter(query).values("pk"))
        .exclude(status=Member.Status.LEFT)
        .exclude(user__in=staff_users().values("pk"))
        .select_related("user")
        .order_by("pk")
    )


def _close(members) -> int:
    """Close each profile's account as account deletion does (the profile alone when its user
    is already gone). Read again first: an earlier source in the same erasure may have closed it."""
    fresh = list(Member.objects.filter(pk__in=[member.pk for member in members]).select_related("user"))
    for member in fresh:
        if member.user is not None:
            account_delete(user=member.user)
        elif member.status != Member.Status.LEFT:
            member_anonymise(member=member)
    return len(fresh)


# --- Account -----------------------------------------------------------------------------------


def _account_export(member: Member) -> dict:
    user = member.user
    return {
        "display_name": member.display_name,
        "email": user.email if user else "",
        "other_email_addresses": sorted(
            address.email for address in user.emailaddress_set.all() if address.email.lower() != user.email.lower()
        )
        if user
        else [],
        "membership": member.get_status_display(),
        "bereavement_space": member.bereaved,
        "account_created": user.date_joined if user else member.created_at,
        "last_signed_in": user.last_login if user else None,
        "suspension_reason": member.suspended_reason,
    }


account_source = PersonalDataSource(
    key="forum.account",
    label="Parent forum account",
    models=("forum.Member",),
    find=_members,
    describe=lambda member: (
        f"Account \u201c{member.display_name}\u201d ({member.get_status_display()}), created {_day(member.created_at)}"
    ),
    export=_account_export,
    erase=_close,
    removed="The account and its email address are deleted, as when a parent deletes their own: they can no "
    "longer sign in, and their profile becomes \u201cFormer member\u201d.",
)


# --- Join request ------------------------------------------------------------------------------


join_request_source = PersonalDataSource(
    key="forum.join_request",
    label="Request to join the parent forum",
    models=("forum.Member",),
    find=lambda person: _members(person).filter(~Q(status=Member.Status.NONE) | ~Q(join_reason="")),
    describe=lambda member: (
        f"Asked to join on {_day(member.requested_at) or 'a date not recorded'} ({member.get_status_display()})"
    ),
    export=lambda member: {
        "why_they_asked": member.join_reason,
        "asked_for_bereavement_space": member.asked_bereaved,
        "asked_at": member.requested_at,
        "decided_at": member.decided_at,
        "decision": member.get_status_display(),
    },
    erase=lambda members: Member.objects.filter(pk__in=[member.pk for member in members]).update(join_reason=""),
    removed="What they wrote when asking to join is deleted.",
    kept="The dates and the moderators' decision stay, under \u201cFormer member\u201d.",
)


# --- Notification settings ---------------------------------------------------------------------


def _notification_rows(person: Person):
    return _members(person).annotate(
        following=Count("follows", distinct=True),
        unsent=Count("notifications", filter=Q(notifications__sent_at__isnull=True), distinct=True),
    )


def _notifications_erase(members) -> int:
    ids = [member.pk for member in members]
    Follow.objects.filter(member_id__in=ids).delete()
    Notification.objects.filter(member_id__in=ids).delete()
    return Member.objects.filter(pk__in=ids).update(notify=Member.Notify.OFF)


notification_settings_source = PersonalDataSource(
    key="forum.notification_settings",
    label="Parent forum email settings",
    models=("forum.Member",),
    find=_notification_rows,
    describe=lambda member: (
        f"Reply emails: {member.get_notify_display().lower()}; following "
        f"{member.following} thread{'s' if member.following != 1 else ''}"
    ),
    export=lambda member: {
        "reply_emails": member.get_notify_display(),
        "threads_followed": list(
            Follow.objects.filter(member=member).order_by("created_at").values_list("thread__title", flat=True)
        ),
        "reply_emails_not_yet_sent": member.unsent,
    },
    erase=_notifications_erase,
    removed="Their email settings, the threads they follow and any reply emails not yet sent are deleted.",
)


# --- Posts ---------------------------------------------------------------------------------------


def _posts(person: Person):
    return (
        Post.objects.filter(author__in=_members(person).values("pk"))
        .select_related("thread", "thread__category", "author")
        .order_by("created_at", "pk")
    )


def _posts_erase(posts) -> int:
    _close({post.author for post in posts})
    return len(posts)


posts_source = PersonalDataSource(
    key="forum.posts",
    label="Parent forum posts",
    models=("forum.Post",),
    find=_posts,
    describe=lambda post: (
        f"Post in \u201c{post.thread.title}\u201d on {_day(post.created_at)} ({post.get_status_display().lower()})"
    ),
    export=lambda post: {
        "thread": post.thread.title,
        "category": post.thread.category.name,
        "text": post.body,
        "written_at": post.created_at,
        "changed_at": post.edited_at,
        "status": post.get_status_display(),
    },
    erase=_posts_erase,
    removed="Each post is shown as written by \u201cFormer member\u201d.",
    kept="What they wrote stays, as when a parent deletes their own account, so the threads others replied to "
    "still read correctly. A moderator can hide a post they want gone.",
)


# --- Reports -------------------------------------------------------------------------------------


reports_source = PersonalDataSource(
    key="forum.reports",
    label="Posts they reported to the moderators",
    models=("forum.Report",),
    find=lambda person: (
        Report.objects.filter(reporter__in=_members(person).values("pk"))
        .exclude(reason=REPORT_REASON_ERASED)
        .select_related("post__thread")
        .order_by("created_at", "pk")
    ),
    describe=lambda report: f"Reported a post in \u201c{report.post.thread.title}\u201d on {_day(report.created_at)}",
    export=lambda report: {
        "thread": report.post.thread.title,
        "reason": report.reason,
        "reported_at": report.created_at,
        "handled_at": report.handled_at,
    },
    erase=lambda reports: Report.objects.filter(pk__in=[report.pk for report in reports]).update(
        reason=REPORT_REASON_ERASED
    ),
    removed="What they wrote in each report is deleted.",
    kept="Each report stays, under \u201cFormer member\u201d, so the moderators' record of what was reported and "
    "handled is complete.",
)

SOURCES = (account_source, join_request_source, notification_settings_source, posts_source, reports_source)


# --- The retention schedule: unused accounts ----------------------------------------------------


def _unused(before):
    """Parents' forum profiles whose account nobody has signed in to since `before` (never
    signed in: since it was made)."""
    return (
        Member.objects.filter(user__isnull=False)
        .exclude(status=Member.Status.LEFT)
        .exclude(user__in=staff_users().values("pk"))
        .annotate(last_used=Coalesce("user__last_login", "user__date_joined"))
        .filter(last_used__lt=before)
    )


def _warning_send(member: Member, *, rule: RetentionRule, now) -> None:
    with in_language(member.language):
        context = {
            "member": member,
            "unused": days_in_words(rule.days),
            "deletion_date": _day(now + timedelta(days=rule.warning_days)),
            "link": site_url(reverse("account_login")),
        }
    email_send(
        subject=_("Your parent forum account will be deleted"),
        template="account_unused_warning",
        context=context,
        to=member_email(member),
        language=member.language,
    )


def accounts_unused_warn(*, rule: RetentionRule, now, limit: int) -> int:
    """Email the owners of accounts that will be deleted in the warning period, once per spell
    of not signing in, through the outbox (core/outbox.py): each warning is claimed on its
    profile (`inactivity_warned_at`) before it goes and released if sending fails, so it goes
    once and a failure is tried again next run. Returns how many were sent."""
    # A warning answered by signing in is void: clear it, so the next spell is warned again.
    answered = Member.objects.annotate(last_used=Coalesce("user__last_login", "user__date_joined")).filter(
        inactivity_warned_at__lt=F("last_used")
    )
    Member.objects.filter(pk__in=list(answered.values_list("pk", flat=True))).update(inactivity_warned_at=None)

    due = (
        _unused(now - timedelta(days=rule.days - rule.warning_days))
        .exclude(user__email="")
        .filter(inactivity_warned_at__isnull=True)
        .select_related("user")
        .order_by("pk")[:limit]
    )
    sent = 0
    for member in due:
        try:
            sent += send_once(
                rows=Member.objects.filter(pk=member.pk),
                stamp_field="inactivity_warned_at",
                send=lambda claimed, member=member: _warning_send(member, rule=rule, now=now),
            )
        except Exception:
            logger.exception("Could not warn forum member %s before deleting their account; will retry", member.pk)
    return sent


def accounts_unused_delete(*, rule: RetentionRule, now, limit: int) -> int:
    """Delete, as account deletion does, accounts unused for the period whose owner was warned
    at least the warning period ago and has not signed in since."""
    due = (
        _unused(now - timedelta(days=rule.days))
        .filter(
            inactivity_warned_at__isnull=False,
            inactivity_warned_at__gte=F("last_used"),
            inactivity_warned_at__lte=now - timedelta(days=rule.warning_days),
        )
        .select_related("user")
        .order_by("pk")[:limit]
    )
    deleted = 0
    for member in due:
        account_delete(user=member.user)
        deleted += 1
    return deleted


def moderation_log_details_drop(*, rule: RetentionRule, now, limit: int) -> int:
    """Moderation log entries older than the logs' period keep the moderator, the action and
    the date; the member, thread and post they were about, and the reason, go."""
    cutoff = now - timedelta(days=rule.days)
    due = ModerationAction.objects.filter(created_at__lt=cutoff).filter(
        Q(member__isnull=False) | Q(thread__isnull=False) | Q(post__isnull=False) | ~Q(reason="")
    )
    ids = list(due.order_by("pk").values_list("pk", flat=True)[:limit])
    return ModerationAction.objects.filter(pk__in=ids).update(member=None, thread=None, post=None, reason="")


RETENTION_STEPS = (
    RetentionStep(
        key="forum.accounts_warned",
        rule="forum_accounts",
        label="Unused forum accounts: owners warned by email",
        apply=accounts_unused_warn,
        atomic=False,
    ),
    RetentionStep(
        key="forum.accounts_deleted",
        rule="forum_accounts",
        label="Unused forum accounts deleted",
        apply=accounts_unused_delete,
    ),
    RetentionStep(
        key="forum.moderation_log_details",
        rule="logs",
        label="Moderation log entries: member, post and reason removed",
        apply=moderation_log_details_drop,
    ),
)


# --- The privacy notice's purpose (core/privacy.py) -----------------------------------------------

PURPOSES = (
    PrivacyPurpose(
        key="forum.members",
        order=60,
        title=_("The Community Parent Forum"),
        collected=(
            _("Your email address, the display name you choose, and your password (stored only as a one-way hash)"),
            _("Why you asked to join, and whether you asked for the bereavement space"),
            _("What you post, the posts you report to the moderators, and how you want to be told about replies"),
        ),
        bases=(CONSENT, SPECIAL_CATEGORY_SAFEGUARDING),
        seen_by_permissions=("forum.moderate_forum",),
        seen_by_also=(_("Other forum members see your display name and your posts, never your email address"),),
        retention_keys=("forum_accounts",),
        retention_words=(
            _(
                "If you delete your account, your email address and display name go at once; your posts stay, "
                "shown as “Former member”, so that conversations still make sense"
            ),
        ),
        source_keys=tuple(source.key for source in SOURCES),
        sent=(
            _(
                "Emails to you about your membership, replies to threads you follow (as they happen or as a "
                "daily digest, as you choose), and a warning before an unused account is removed. Posts that "
                "suggest someone is at risk are passed to the safeguarding team, as above."
            )
        ),
    ),
)
