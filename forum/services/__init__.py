"""What members and moderators do in the forum. Views call these; nothing else writes.

The services are split by concern (membership, posting, moderation, notifications); this
package is the app's one public interface, so callers import from `forum.services` and never
from the modules behind it.

Emails never contain what anyone wrote: only a thread title and a link. The emails that
tasks send (reply notifications and digests, the safeguarding alert, the held-posts digest) are
in forum/emails.py, which the tasks call; they are part of this interface too, so callers keep
one place to import from.
"""

from ..emails import (
    digests_send,
    email_failure_is_permanent,
    held_posts_digest_send,
    moderator_emails,
    notifications_send,
    pending_work_retry,
    post_notify,
    post_safeguarding_alert,
    unsubscribe_member,
    unsubscribe_token,
)
from .common import ForumError
from .membership import (
    account_delete,
    account_is_staff,
    member_access_set,
    member_anonymise,
    member_create,
    member_reinstate,
    member_suspend,
    member_update,
    membership_approve,
    membership_decline,
    membership_request,
)
from .moderation import (
    post_approve,
    post_hide,
    post_report,
    post_restore,
    reports_close,
    thread_lock,
    thread_pin,
)
from .notifications import follow_set, notifications_stop
from .posting import (
    post_can_edit,
    post_delete,
    post_edit,
    post_reply,
    thread_create,
    thread_mark_read,
)

__all__ = [
    "ForumError",
    "account_delete",
    "account_is_staff",
    "digests_send",
    "email_failure_is_permanent",
    "follow_set",
    "held_posts_digest_send",
    "member_access_set",
    "member_anonymise",
    "member_create",
    "member_reinstate",
    "member_suspend",
    "member_update",
    "membership_approve",
    "membership_decline",
    "membership_request",
    "moderator_emails",
    "notifications_send",
    "notifications_stop",
    "pending_work_retry",
    "post_approve",
    "post_can_edit",
    "post_delete",
    "post_edit",
    "post_hide",
    "post_notify",
    "post_reply",
    "post_report",
    "post_restore",
    "post_safeguarding_alert",
    "reports_close",
    "thread_create",
    "thread_lock",
    "thread_mark_read",
    "thread_pin",
    "unsubscribe_member",
    "unsubscribe_token",
]
