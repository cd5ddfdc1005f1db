"""Background tasks of the subscriptions app. Thin: call the work, safe to run twice (every
email about an item is claimed on its Delivery row before it is sent).

Services and the signal receivers queue these (core.queue); the tasks call items.py,
signup.py and sending.py, which queue nothing.
"""

import logging

from celery import shared_task
from django.conf import settings
from django.core.cache import cache

from core.queue import queue_now

from . import items, sending, signup

logger = logging.getLogger(__name__)

# One sender at a time, so SUBSCRIPTION_SEND_RATE is the site's rate, not each worker's.
SEND_LOCK = "subscriptions:sending"
# A run sends for at most this long, then hands over to a fresh task (a worker's time limit
# is never reached, and the lock below outlives a run that died).
SEND_SECONDS = 50
SEND_LOCK_SECONDS = 90


@shared_task(name="subscriptions.signup_process", autoretry_for=(Exception,), retry_backoff=30, max_retries=5)
def signup_process(email: str, choices: dict, language: str) -> str:
    return signup.signup_process(email=email, choices=choices, language=language)


@shared_task(name="subscriptions.manage_link_process", autoretry_for=(Exception,), retry_backoff=30, max_retries=5)
def manage_link_process(email: str) -> str:
    return signup.manage_link_process(email=email)


@shared_task(name="subscriptions.item_deliver")
def item_deliver(item_id: int) -> int:
    """Work out who is told about a new item, then send what is owed."""
    count = sending.deliveries_create(item_id=item_id)
    deliveries_send()
    return count


@shared_task(name="subscriptions.deliveries_send")
def deliveries_send() -> int:
    """Send owed emails for up to SEND_SECONDS at SUBSCRIPTION_SEND_RATE, then queue the rest
    to a fresh run. Does nothing while another run holds the lock (beat starts one every
    minute, so a run that died is replaced)."""
    if not cache.add(SEND_LOCK, True, timeout=SEND_LOCK_SECONDS):
        return 0
    try:
        sent = sending.deliveries_send(seconds=SEND_SECONDS)
    finally:
        cache.delete(SEND_LOCK)
    if sent and sending.deliveries_pending():
        queue_now(deliveries_send)
    return sent


@shared_task(name="subscriptions.deliveries_send_pending")
def deliveries_send_pending() -> int:
    """Beat, every minute: recipients for items a lost task left, surveys that have opened since
    they were published, then whatever is owed."""
    for item in items.items_record_opened_surveys():
        sending.deliveries_create(item_id=item.pk)
    for item_id in sending.items_without_deliveries():
        sending.deliveries_create(item_id=item_id)
    return deliveries_send()


@shared_task(name="subscriptions.digests_send")
def digests_send() -> int:
    """The weekly digests (beat, at SUBSCRIPTION_DIGEST_DAY and SUBSCRIPTION_DIGEST_TIME)."""
    return sending.digests_send(rate=settings.SUBSCRIPTION_SEND_RATE)
