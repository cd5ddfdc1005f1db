"""The retention schedule: how long each kind of personal data is kept, in one place, and the
daily run that applies it.

The periods are a setting (Settings > Data retention, `core.models.DataRetentionSettings`),
edited by administrators. `retention_rules()` reads them as `RetentionRule`s: a key, the kind
of record, the period in plain words and in days, for the run below and for any page that tells
people how long their data is kept.

Each app says how its records are removed by registering `RetentionStep`s from its
AppConfig.ready() (`retention_step_register`), so this floor never imports the apps. The daily
task (`core.retention_apply`) runs every step in batches: each batch is one transaction, so a run
stopped part way leaves every record either done or untouched, and the next run carries on.
Steps select only records not yet done, so running twice removes nothing more. Each run's
counts, never what was removed, go to `RetentionRun`, which administrators read in the admin.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy, ngettext

from .models import DataRetentionSettings, ExportLog, RetentionRun

logger = logging.getLogger(__name__)

# Records one batch changes, in one transaction: small enough to hold locks briefly.
BATCH_SIZE = 200
# A step that still fills its batches after this many has a bug (it selects records it has
# already done); stop it rather than loop for ever. 200 x 1,000 is far more than a day brings.
MAX_BATCHES_PER_STEP = 1000

# A sign-up to email updates that is not confirmed goes when its confirmation link expires: a
# fixed period, not a setting, because the link's lifetime is part of what people are told.
UNCONFIRMED_SUBSCRIPTION_DAYS = 7

# The rules: key, the setting's field (or a fixed number of days), the kind of record, and the
# period in words (%(period)s is the number of days in words, in the active language). Their
# order is the order pages list them in.
_RULES = (
    (
        "contact_requests",
        "contact_request_days",
        gettext_lazy("Contact details left with a survey or youth voice answer"),
        gettext_lazy(
            "%(period)s after the consultation closes, or once the Safeguarding group has handled the request, "
            "whichever is first"
        ),
    ),
    (
        "equality_monitoring",
        "equality_monitoring_days",
        gettext_lazy("Answers to a survey's equality monitoring questions"),
        gettext_lazy("%(period)s after the consultation closes; reports keep only counts"),
    ),
    (
        "forum_accounts",
        "forum_account_days",
        gettext_lazy("Parent forum accounts"),
        gettext_lazy(
            "deleted once unused for %(period)s, after an email %(warning)s before; posts stay, shown as "
            "“Former member”"
        ),
    ),
    (
        "bookings",
        "booking_days",
        gettext_lazy("Names, emails and access needs given when booking an event or joining its waiting list"),
        gettext_lazy("%(period)s after the event ends; the booking stays, anonymous, for attendance figures"),
    ),
    (
        "unconfirmed_subscriptions",
        UNCONFIRMED_SUBSCRIPTION_DAYS,
        gettext_lazy("Sign-ups to email updates never confirmed"),
        gettext_lazy("%(period)s after signing up: the link that confirms them stops working then"),
    ),
    (
        "safeguarding_alerts",
        "safeguarding_alert_days",
        gettext_lazy("Safeguarding alert records"),
        gettext_lazy("%(period)s after the alert is handled"),
    ),
    (
        "export_files",
        "export_file_days",
        gettext_lazy("Files made by exports"),
        gettext_lazy("%(period)s after they are made"),
    ),
    (
        "logs",
        "log_days",
        gettext_lazy("Export and moderation logs"),
        gettext_lazy("detail removed after %(period)s; the staff user, the action and the date stay"),
    ),
)
RULE_KEYS = tuple(key for key, *_ in _RULES)


@dataclass(frozen=True)
class RetentionRule:
    """How long one kind of record is kept. `period` is for people to read; `days` is what the
    schedule applies. `warning_days` is set where people are told before: forum accounts."""

    key: str
    label: str
    period: str
    days: int
    warning_days: int | None = None


def days_in_words(days: int) -> str:
    """ "6 years", "1 year", "90 days", "1 day": whole years where the days make them."""
    if days % 365 == 0:
        years = days // 365
        return ngettext("%(count)s year", "%(count)s years", years) % {"count": years}
    return ngettext("%(count)s day", "%(count)s days", days) % {"count": days}


def retention_rules(*, site=None) -> list[RetentionRule]:
    """Every rule of the schedule, read from the settings.

    `site` is accepted so that a page rendered for one site can pass it, but the schedule is one
    for the whole database: a booking or a forum account belongs to no site."""
    current = DataRetentionSettings.load()
    rules = []
    for key, field, label, period in _RULES:
        days = field if isinstance(field, int) else getattr(current, field)
        warning = current.forum_warning_days if key == "forum_accounts" else None
        words = period % {"period": days_in_words(days), "warning": days_in_words(warning) if warning else ""}
        rules.append(RetentionRule(key=key, label=str(label), period=words, days=days, warning_days=warning))
    return rules


def retention_rule(key: str) -> RetentionRule:
    """One rule by its key (one of RULE_KEYS)."""
    for rule in retention_rules():
        if rule.key == key:
            return rule
    raise KeyError(f"No retention rule {key!r}: the rules are {', '.join(RULE_KEYS)}")


# --- The steps apps register ----------------------------------------------------------------


@dataclass(frozen=True)
class RetentionStep:
    """One thing the daily run does for a rule, such as removing bookings' names.

    `apply(*, rule, now, limit)` changes at most `limit` records that are due and not yet done,
    and returns how many it changed; the run calls it again until it returns fewer than
    `limit`. It runs inside the batch's transaction unless `atomic` is False, for a step that
    sends email: that step claims each record in its own transaction before sending, so a
    rolled-back batch cannot un-send an email.
    """

    key: str
    rule: str
    label: str
    apply: Callable[..., int]
    atomic: bool = True


_steps: dict[str, RetentionStep] = {}


def retention_step_register(step: RetentionStep) -> None:
    """Add a step to the daily run (from an AppConfig.ready()). Registering the same key again
    replaces it."""
    if step.rule not in RULE_KEYS:
        raise ValueError(f"Retention step {step.key!r} names no rule: {step.rule!r} is not one of {RULE_KEYS}")
    _steps[step.key] = step


def retention_steps() -> list[RetentionStep]:
    """The registered steps, in the order of their rules, then of registration."""
    order = {key: index for index, key in enumerate(RULE_KEYS)}
    return sorted(_steps.values(), key=lambda step: order[step.rule])


def retention_step_labels() -> dict[str, str]:
    """Each step's label by its key, for the run log."""
    return {step.key: step.label for step in retention_steps()}


# --- The run ------------------------------------------------------------------------------------


def retention_apply(*, now=None, batch_size: int = BATCH_SIZE) -> RetentionRun:
    """Apply the whole schedule once, as at `now`, and log the run.

    The run's row is saved first and its counts after every batch, so a run that stops part way
    still says what it did. An error stops the run: the batch it was in is rolled back, the
    error's name (never its message, which could hold data) is logged on the row, and it is
    raised again for Celery to report.
    """
    now = now or timezone.now()
    rules = {rule.key: rule for rule in retention_rules()}
    run = RetentionRun.objects.create(started_at=timezone.now())
    counts: dict[str, int] = {}
    try:
        for step in retention_steps():
            counts[step.key] = 0
            for _ in range(MAX_BATCHES_PER_STEP):
                if step.atomic:
                    with transaction.atomic():
                        done = step.apply(rule=rules[step.rule], now=now, limit=batch_size)
                else:
                    done = step.apply(rule=rules[step.rule], now=now, limit=batch_size)
                counts[step.key] += done
                RetentionRun.objects.filter(pk=run.pk).update(counts=counts)
                if done < batch_size:
                    break
            else:
                logger.error("Retention step %s still had work after %s batches", step.key, MAX_BATCHES_PER_STEP)
    except BaseException as error:  # a worker stopped or timed out too: say so on the run
        RetentionRun.objects.filter(pk=run.pk).update(counts=counts, error=type(error).__name__[:200])
        raise
    RetentionRun.objects.filter(pk=run.pk).update(counts=counts, finished_at=timezone.now())
    run.refresh_from_db()
    return run


# --- The ground floor's own step --------------------------------------------------------------


def export_log_details_drop(*, rule: RetentionRule, now, limit: int) -> int:
    """Export log entries older than the logs' period keep who, when, what and how many rows;
    their filters (which can hold a search typed by an officer) are removed."""
    cutoff = now - timedelta(days=rule.days)
    due = ExportLog.objects.filter(created_at__lt=cutoff).exclude(filters={}).order_by("pk")
    return ExportLog.objects.filter(pk__in=list(due.values_list("pk", flat=True)[:limit])).update(filters={})


export_log_step = RetentionStep(
    key="core.export_log_details",
    rule="logs",
    label="Export log entries: filters removed",
    apply=export_log_details_drop,
)
