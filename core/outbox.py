"""The outbox: emails that must go exactly once, even with two workers, retries and a mail
server that fails half the time.

An email belongs to a row: the booking it confirms, the feedback it alerts about, the member's
notifications it lists. Before the email goes, the row is claimed with one conditional UPDATE
that sets a timestamp where it is still empty; only the caller whose UPDATE changed the row
sends. If sending fails the claim is released (the timestamp set back to empty, only where it
still holds this caller's stamp) and the error raised again, so whatever retries (the task's own
retry, or a periodic task that looks for rows whose timestamp is empty) sends it later. A crash
between claiming and sending leaves the row claimed: the email is then lost rather than sent
twice, which is the right way round for alerts and reminders that must never repeat.

    send_once(
        rows=Booking.objects.filter(pk=booking.pk),
        stamp_field="reminder_sent_at",
        when=Q(status="confirmed"),
        send=lambda claimed: send_mail(...),
    )

- `rows` may hold several rows: one email about many (a daily digest of a member's
  notifications, and so later a subscriber's digest of what they follow). `send` is given the
  rows this call claimed, which may be fewer than `rows` when another worker claimed some.
- `when` holds the conditions for sending (the booking is still confirmed, the feedback still
  flagged). They are checked by the claim itself, so a row that changed since it was read is not
  sent; the release does not repeat them, so a row that changes while its email goes is still
  released.
- `send` may raise `NobodyToSend` when it finds no one to send to: the claim is released and the
  reason logged as an error, so the email goes once someone is there to read it.
- `failed` turns an error into fields written with the release, for errors that trying again
  cannot fix (a refused address): the row is marked, for example with a `failed_at`, and the
  periodic task leaves it alone.

`send_once_recorded` is the same for an email that has no row of its own until it is sent (the
moderators' digest of held posts): the claim is inserting a row that is unique on what the email
is about, and the release deletes it.
"""

import logging
import smtplib
from collections.abc import Callable

from django.db import IntegrityError, models, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

logger = logging.getLogger(__name__)


class NobodyToSend(Exception):
    """Raised by a `send` function that finds nobody to send to. The claim is released and the
    message logged, so the email is still owed."""


def _send_claimed(send: Callable[[], object], release: Callable[[Exception | None], None]) -> bool:
    """Send what has been claimed; on any failure release the claim, then log (nobody to send
    to) or raise again (anything else)."""
    try:
        send()
    except NobodyToSend as nobody:
        release(None)
        logger.error("Not sent, and still owed: %s", nobody)
        return False
    except Exception as error:
        release(error)
        raise
    return True


def send_once(
    *,
    rows: QuerySet,
    stamp_field: str,
    send: Callable[[QuerySet], object],
    when: Q | None = None,
    failed: Callable[[Exception], dict] | None = None,
) -> bool:
    """Claim `rows` by setting `stamp_field` where it is empty (and `when` holds), call
    `send(claimed_rows)`, and release the claim if it raises. Returns whether this call sent.

    Safe to call twice, from two workers at once: only one claims. See the module docstring
    for `when`, `failed` and `NobodyToSend`."""
    stamp = timezone.now()
    claim = rows.filter(**{f"{stamp_field}__isnull": True})
    if when is not None:
        claim = claim.filter(when)
    if not claim.update(**{stamp_field: stamp}):
        return False
    claimed = rows.filter(**{stamp_field: stamp})

    def release(error: Exception | None) -> None:
        fields = failed(error) if failed is not None and error is not None else {}
        claimed.update(**{stamp_field: None, **fields})

    return _send_claimed(lambda: send(claimed), release)


def send_once_recorded(*, record: models.Model, send: Callable[[models.Model], object]) -> bool:
    """Claim an email by saving `record`, a new row whose unique fields say what the email is
    about; call `send(record)`, and delete the row again if it raises. Returns whether this
    call sent: False when the row already exists (sent before, or by another worker now)."""
    try:
        with transaction.atomic():
            record.save(force_insert=True)
    except IntegrityError:
        return False
    return _send_claimed(lambda: send(record), lambda error: record.delete())


def email_failure_is_permanent(error: Exception) -> bool:
    """Whether sending failed for a reason that trying again cannot fix: a header or address
    the mail library refuses (BadHeaderError and bad addresses are ValueErrors), or every
    recipient refused by the mail server with a permanent (5xx) code. Anything else, such as
    the server being unreachable, may pass, so it is retried."""
    if isinstance(error, ValueError):
        return True
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return bool(error.recipients) and all(code >= 500 for code, _ in error.recipients.values())
    return False
