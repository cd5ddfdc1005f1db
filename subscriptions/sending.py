"""The subscriptions' emails: who is owed an email about each item, sending what is owed at
the configured rate, the weekly digests, and the emails about a sign-up (confirm, manage).

Every email about an item goes through the outbox (core/outbox.py): a `Delivery` row per
(subscriber, item) is claimed by setting its `sent_at` before the email goes, and released if
sending fails, so a second worker, a retry or a resend never sends it twice. A worker killed
between the claim and the mail server's answer leaves that one row claimed: its email may be
lost, never doubled. Anything not yet claimed is sent by the next run.

Work only: nothing here queues a task (subscriptions.services -> tasks -> sending).
"""

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from core.languages import in_language, language_code_current, language_current, path_in_language
from core.links import one_click_unsubscribe_headers, site_url
from core.outbox import email_failure_is_permanent, send_once
from core.textguard import email_subject

from . import links
from .models import Delivery, Frequency, Item, Subscriber, Topic

logger = logging.getLogger(__name__)

# Rows read from the database at a time while sending: memory stays flat however many there are.
CHUNK = 500


# --- One email ------------------------------------------------------------------------------


def email_build(*, subscriber: Subscriber, template: str, subject, context: dict, connection=None, footer=True):
    """An email to one subscriber: `subscriptions/emails/<template>.txt` with a simple HTML
    part (`.html`), in the language the subscriber signed up in (subject, body, and links that
    keep its prefix), with the manage link and, for emails about items, the one-click
    unsubscribe headers (RFC 8058). `subject` and any context value may be callables, called in
    that language (a message with `%(site_name)s` or an item's link)."""
    with in_language(subscriber.language):
        language = language_current()
        context = {
            key: value() if callable(value) else value for key, value in {**context, "language": language}.items()
        }
        # What editors and staff wrote (titles, summaries, messages) is in English; the HTML
        # part marks it so, for screen readers, when the frame is in another language.
        context.update(
            site_name=settings.SITE_NAME,
            site_link=site_url(reverse("wagtail_serve", args=[""])),
            content_lang="" if language.is_default else mark_safe(' lang="en-GB" dir="ltr"'),
        )
        headers = {}
        if footer:
            unsubscribe = links.unsubscribe_link(subscriber)
            context.update(manage=links.manage_link(subscriber), unsubscribe=unsubscribe)
            headers = one_click_unsubscribe_headers(unsubscribe)
        subject_line = email_subject(str(subject() if callable(subject) else subject))
        context["subject"] = subject_line
        text = render_to_string(f"subscriptions/emails/{template}.txt", context)
        html = render_to_string(f"subscriptions/emails/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject_line, body=text, to=[subscriber.email], headers=headers, connection=connection
    )
    message.attach_alternative(html, "text/html")
    return message


def confirm_email_send(*, subscriber: Subscriber) -> None:
    """The double opt-in email: a link that confirms, valid for CONFIRM_DAYS days."""
    email_build(
        subscriber=subscriber,
        template="confirm",
        subject=lambda: _("Confirm your email updates from %(site_name)s") % {"site_name": settings.SITE_NAME},
        context={"link": lambda: links.confirm_link(subscriber), "days": links.CONFIRM_DAYS},
        footer=False,
    ).send()


def manage_email_send(*, subscriber: Subscriber) -> None:
    """A link to change or stop the updates: for an address already subscribed that signs up
    again, or that asks for it."""
    email_build(
        subscriber=subscriber,
        template="manage_link",
        subject=lambda: _("Your email updates from %(site_name)s") % {"site_name": settings.SITE_NAME},
        context={},
    ).send()


# --- Who is told about an item --------------------------------------------------------------


def subscribers_for_item(item: Item):
    """Confirmed subscribers who want to hear about `item`, honouring their ward, audience and
    theme choices: an event in a ward goes to those who chose that ward or no ward (an event
    with no ward, such as one online, to everyone who wants events); an event for everyone
    goes to those who chose an audience too; a progress update to those who chose one of the
    recommendation's themes or no theme. A message from staff goes to everyone on its topic."""
    confirmed = Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED)
    if item.kind == Item.Kind.ANNOUNCEMENT:
        return confirmed.filter(**{item.topic: True})
    if item.kind == Item.Kind.CONSULTATION:
        return confirmed.filter(consultations=True)
    if item.kind == Item.Kind.EVENT:
        queryset = confirmed.filter(events=True)
        if item.ward_id:
            chose_ward = Subscriber.event_wards.through.objects.filter(ward_id=item.ward_id)
            chose_any = Subscriber.event_wards.through.objects.values("subscriber_id")
            queryset = queryset.filter(Q(pk__in=chose_ward.values("subscriber_id")) | ~Q(pk__in=chose_any))
        if item.audience and item.audience != "everyone":
            queryset = queryset.filter(event_audience__in=["", item.audience])
        return queryset
    if item.kind == Item.Kind.PROGRESS:
        chosen = Subscriber.progress_themes.through.objects
        theme_ids = list(item.themes.values_list("pk", flat=True))
        return confirmed.filter(progress=True).filter(
            Q(pk__in=chosen.filter(theme_id__in=theme_ids).values("subscriber_id"))
            | ~Q(pk__in=chosen.values("subscriber_id"))
        )
    return Subscriber.objects.none()


def deliveries_create(*, item_id: int) -> int:
    """A Delivery row for every subscriber who wants to hear about the item, once: the rows
    are unique, so running it again (a retry, beat) adds nobody twice. Returns the number of
    recipients."""
    item = Item.objects.filter(pk=item_id).first()
    if item is None or item.deliveries_created_at is not None:
        return 0
    ids = subscribers_for_item(item).order_by("pk").values_list("pk", flat=True)
    batch: list[Delivery] = []
    for subscriber_id in ids.iterator(chunk_size=CHUNK * 4):
        batch.append(Delivery(subscriber_id=subscriber_id, item_id=item.pk))
        if len(batch) >= CHUNK * 4:
            Delivery.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    if batch:
        Delivery.objects.bulk_create(batch, ignore_conflicts=True)
    count = Delivery.objects.filter(item=item).count()
    Item.objects.filter(pk=item.pk, deliveries_created_at__isnull=True).update(
        deliveries_created_at=timezone.now(), recipient_count=count
    )
    return count


def items_without_deliveries() -> list[int]:
    """Items whose recipients were never worked out (a lost task): for beat."""
    return list(Item.objects.filter(deliveries_created_at__isnull=True).values_list("pk", flat=True))


# --- Sending at a rate ----------------------------------------------------------------------


class Pace:
    """At most `rate` emails a second (0 or less: no limit), by sleeping before each email that
    would come too soon. `sleep` and `clock` are replaceable for tests and the benchmark."""

    def __init__(self, rate: float, *, sleep: Callable[[float], None] = time.sleep, clock=time.monotonic):
        self.interval = 1 / rate if rate and rate > 0 else 0.0
        self.sleep, self.clock = sleep, clock
        self.next_at = clock()

    def wait(self) -> None:
        if not self.interval:
            return
        now = self.clock()
        if self.next_at > now:
            self.sleep(self.next_at - now)
            now = self.next_at
        self.next_at = max(self.next_at, now) + self.interval


def _failed_for_good(error: Exception) -> dict:
    return {"failed_at": timezone.now()} if email_failure_is_permanent(error) else {}


def _claim_and_send(*, rows, send) -> bool:
    """Send once through the outbox. A failure is logged, not raised, so one refused address
    does not stop everyone else's email; it is marked failed if retrying cannot help, else
    released for the next run."""
    try:
        return send_once(
            rows=rows, stamp_field="sent_at", when=Q(failed_at__isnull=True), failed=_failed_for_good, send=send
        )
    except Exception as error:
        if email_failure_is_permanent(error):
            logger.error("A subscription email cannot be sent and will not be retried: %s", type(error).__name__)
        else:
            logger.exception("Could not send a subscription email; it will be retried")
        return False


def _item_link(item: Item) -> str:
    """The item's page in the language active now (an email's): its address with that
    language's prefix."""
    return site_url(path_in_language(item.link or "/", language_code_current()))


def _item_context(item: Item) -> dict:
    return {"item": item, "link": lambda: _item_link(item)}


def _item_subject(item: Item):
    """The subject, made in the subscriber's language when the email is built: the kind of
    news is the site's words, the title what editors or staff wrote."""
    if item.kind == Item.Kind.ANNOUNCEMENT:
        return item.title
    prefix = {
        Item.Kind.CONSULTATION: _("New consultation: %(title)s"),
        Item.Kind.EVENT: _("New event: %(title)s"),
        Item.Kind.PROGRESS: _("Progress update: %(title)s"),
    }[item.kind]
    return lambda: str(prefix) % {"title": item.title}


def _owed():
    return Delivery.objects.filter(sent_at__isnull=True, failed_at__isnull=True)


def _wants_now(subscriber: Subscriber) -> bool:
    return subscriber.status == Subscriber.Status.CONFIRMED and subscriber.frequency == Frequency.IMMEDIATE


def deliveries_pending() -> bool:
    """Whether any email about an item is still owed to someone who wants them as they happen."""
    wanting_now = Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED, frequency=Frequency.IMMEDIATE)
    return _owed().filter(subscriber_id__in=wanting_now.values("pk")).exists()


def deliveries_send(*, seconds: float | None = None, rate: float | None = None, pace: Pace | None = None) -> int:
    """Send owed emails about items to those who want them as they happen, oldest first, at
    most `rate` a second (SUBSCRIPTION_SEND_RATE), for at most `seconds` (None: until done).
    One mail server connection for the whole run. Returns how many were sent.

    The owed rows are read by primary key alone, in chunks, and their subscribers and items
    looked up by id: no join for the planner to get wrong just after a large announcement added
    its rows, before the table's statistics know of them. Rows of weekly subscribers are
    passed over here (the digest sends them)."""
    rate = settings.SUBSCRIPTION_SEND_RATE if rate is None else rate
    pace = pace or Pace(rate)
    started = time.monotonic()
    sent, last_pk = 0, 0
    items: dict[int, Item] = {}
    connection = get_connection()
    with connection:
        while True:
            chunk = list(
                _owed().filter(pk__gt=last_pk).order_by("pk").values_list("pk", "subscriber_id", "item_id")[:CHUNK]
            )
            if not chunk:
                return sent
            last_pk = chunk[-1][0]
            subscribers = Subscriber.objects.in_bulk([subscriber_id for _, subscriber_id, _ in chunk])
            missing = {item_id for _, _, item_id in chunk} - set(items)
            items.update(Item.objects.in_bulk(list(missing)))
            for delivery_pk, subscriber_id, item_id in chunk:
                subscriber, item = subscribers.get(subscriber_id), items.get(item_id)
                if subscriber is None or item is None or not _wants_now(subscriber):
                    continue
                if seconds is not None and time.monotonic() - started >= seconds:
                    return sent
                pace.wait()
                message = email_build(
                    subscriber=subscriber,
                    template="item",
                    subject=_item_subject(item),
                    context=_item_context(item),
                    connection=connection,
                )
                sent += _claim_and_send(
                    rows=Delivery.objects.filter(pk=delivery_pk), send=lambda claimed, m=message: m.send()
                )


def digests_send(*, rate: float | None = None, pace: Pace | None = None) -> int:
    """One email per weekly subscriber with anything owed: every item since their last digest,
    each once (the rows are claimed together, so next week's digest cannot list them again).
    Returns how many digests were sent."""
    rate = settings.SUBSCRIPTION_SEND_RATE if rate is None else rate
    pace = pace or Pace(rate)
    weekly = Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED, frequency=Frequency.WEEKLY).order_by("pk")
    sent = 0
    connection = get_connection()
    with connection:
        for subscriber in weekly.iterator(chunk_size=CHUNK):

            def send(claimed, subscriber=subscriber) -> None:
                items = [
                    delivery.item
                    for delivery in claimed.select_related("item").order_by("item__created_at", "item__pk")
                ]
                email_build(
                    subscriber=subscriber,
                    template="digest",
                    subject=lambda: _("This week from %(site_name)s") % {"site_name": settings.SITE_NAME},
                    context={"items": lambda: [(item, _item_link(item)) for item in items]},
                    connection=connection,
                ).send()

            # The claim adds "sent_at is empty" itself (and reads the claimed rows back by their
            # new sent_at), so the rows are all of the subscriber's: a claim of none sends nothing.
            rows = Delivery.objects.filter(subscriber=subscriber, failed_at__isnull=True)
            if not rows.filter(sent_at__isnull=True).exists():
                continue
            pace.wait()
            sent += _claim_and_send(rows=rows, send=send)
    return sent


def topic_label(topic: str) -> str:
    return Topic(topic).label if topic in Topic.values else topic
