"""Subscriptions without accounts: people who asked to hear about new consultations, events
and progress on the strategy, what they are told about, and who has been told.

- `Subscriber`: one email address, what it wants to hear about, how often, and whether it has
  confirmed (double opt-in: nothing is sent before). Unsubscribing deletes the row.
- `Suppression`: the SHA-256 of an address that unsubscribed, never the address, so nothing
  can add it back except the person confirming a new sign-up themselves.
- `Item`: one thing people are told about (a consultation opening, an event published, a
  progress update, or a message staff wrote), with the title, one-line summary and link the
  email carries, copied when it is recorded. Unique on what it is about, so publishing the
  same event twice records it once.
- `Delivery`: a row per (subscriber, item) with `sent_at`: the outbox's claim
  (core/outbox.py), so a resend, a second worker or a crash never sends it twice.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import Theme, Ward


def _new_key() -> str:
    return secrets.token_urlsafe(18)


def email_normalise(email: str) -> str:
    """One spelling per address: trimmed and lower case (addresses differing only in case are
    one person's in practice)."""
    return (email or "").strip().lower()


def email_hash(email: str) -> str:
    """What a suppression entry keeps of an address."""
    return hashlib.sha256(email_normalise(email).encode()).hexdigest()


class Topic(models.TextChoices):
    CONSULTATIONS = "consultations", _("New consultations")
    EVENTS = "events", _("Events")
    PROGRESS = "progress", _("Progress on the strategy")


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("As it happens")
    WEEKLY = "weekly", _("A weekly summary")


class EventAudience(models.TextChoices):
    ALL = "", _("All events")
    YOUNG_PEOPLE = "young_people", _("Events for young people")
    PARENTS = "parents", _("Events for parents and carers")


class Subscriber(models.Model):
    """An email address that asked to hear about some topics. Holds the address, the choices,
    the language it signed up in and when it consented; nothing else about the person."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for confirmation"
        CONFIRMED = "confirmed", "Confirmed"

    email = models.EmailField(unique=True)
    # Signed links carry this key, not the address or the id: a link for a row that was
    # deleted (unsubscribed) never works for a later sign-up with the same address.
    key = models.CharField(max_length=40, unique=True, default=_new_key)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    language = models.CharField(max_length=10, default="en-gb")
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE)
    # What to hear about
    consultations = models.BooleanField(default=False)
    events = models.BooleanField(default=False)
    event_wards = models.ManyToManyField(
        Ward, blank=True, related_name="event_subscribers", help_text="Empty: every ward."
    )
    event_audience = models.CharField(max_length=20, choices=EventAudience.choices, default="", blank=True)
    progress = models.BooleanField(default=False)
    progress_themes = models.ManyToManyField(
        Theme, blank=True, related_name="progress_subscribers", help_text="Empty: every theme."
    )
    # When
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        permissions = [
            ("view_subscriber_counts", "See how many people subscribe to each topic"),
            ("send_announcement", "Send a message to subscribers"),
            ("export_subscriber", "Export subscribers' email addresses"),
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="subscriber_status_created")]

    def __str__(self):
        return f"Subscriber {self.pk}"

    @property
    def topics(self) -> list[str]:
        return [topic for topic in Topic.values if getattr(self, topic)]


class Suppression(models.Model):
    """An address that unsubscribed, as a hash: a list imported later cannot add it back."""

    email_sha256 = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Suppression {self.pk}"


class Item(models.Model):
    """One thing subscribers are told about, as the email shows it."""

    class Kind(models.TextChoices):
        CONSULTATION = "consultation", "A consultation opened"
        EVENT = "event", "An event was published"
        PROGRESS = "progress", "A progress update"
        ANNOUNCEMENT = "announcement", "A message from the council"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    # What it is about, such as "event:42" or "progress:7": publishing it again records nothing.
    ref = models.CharField(max_length=60, unique=True)
    title = models.CharField(max_length=255)
    summary = models.CharField(max_length=300, blank=True)
    link = models.CharField(max_length=500, blank=True)
    # An announcement's topic and text (the others say it in title and summary).
    topic = models.CharField(max_length=20, choices=Topic.choices, blank=True)
    message = models.TextField(blank=True)
    # Who is told: filled in once, by `deliveries_create` (sending.py).
    ward = models.ForeignKey(Ward, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    audience = models.CharField(max_length=20, blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    deliveries_created_at = models.DateTimeField(null=True, blank=True)
    recipient_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title


class Delivery(models.Model):
    """That `subscriber` is owed an email about `item`, and whether it went."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="deliveries")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["subscriber", "item"], name="delivery_once_per_item")]
        indexes = [models.Index(fields=["sent_at", "id"], name="delivery_pending")]

    def __str__(self):
        return f"Delivery {self.pk}"
