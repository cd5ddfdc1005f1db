"""What happens after someone asks to subscribe, or asks for a manage link: the address is
looked up and emailed here, in a background task, so the page they see, and how long it takes,
is the same whether or not the address is known.

Work only: nothing here queues a task (subscriptions.services -> tasks -> signup).
"""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction

from core.languages import language_for_record
from core.ratelimit import rate_parse, window_hit

from .models import Subscriber, email_normalise
from .sending import confirm_email_send, manage_email_send

logger = logging.getLogger(__name__)


def choices_apply(subscriber: Subscriber, choices: dict) -> None:
    """Write a sign-up's or a manage form's choices (checked by the form) to the subscriber."""
    subscriber.frequency = choices["frequency"]
    subscriber.consultations = bool(choices.get("consultations"))
    subscriber.events = bool(choices.get("events"))
    subscriber.event_audience = choices.get("event_audience") or ""
    subscriber.progress = bool(choices.get("progress"))
    subscriber.save()
    subscriber.event_wards.set(choices.get("event_wards") or [] if subscriber.events else [])
    subscriber.progress_themes.set(choices.get("progress_themes") or [] if subscriber.progress else [])


def _address_allowed(email: str) -> bool:
    """The per-address limit (SUBSCRIPTION_EMAIL_LIMIT): the form cannot be used to flood
    someone's inbox with confirmation emails."""
    rate = rate_parse(settings.SUBSCRIPTION_EMAIL_LIMIT)
    return window_hit(scope="subscriptions-address", value=email, rate=rate) <= rate.count


def signup_process(*, email: str, choices: dict, language: str) -> str:
    """A new address gets a pending subscription and the confirmation email; a pending one gets
    its choices replaced and the confirmation again; a confirmed one is changed in no way and
    gets a link to manage its subscription. Returns which ("confirm", "manage", "limited")."""
    email = email_normalise(email)
    if not _address_allowed(email):
        logger.info("Subscription emails to one address are over the limit; none sent")
        return "limited"
    subscriber = Subscriber.objects.filter(email=email).first()
    if subscriber is None:
        try:
            with transaction.atomic():
                subscriber = Subscriber.objects.create(email=email, language=language_for_record(language))
                choices_apply(subscriber, choices)
        except IntegrityError:  # the same address signed up at the same moment
            subscriber = Subscriber.objects.get(email=email)
    elif subscriber.status == Subscriber.Status.PENDING:
        # Signing up again replaces the choices, and the language: the emails follow the page
        # the person last signed up on.
        with transaction.atomic():
            subscriber.language = language_for_record(language)
            choices_apply(subscriber, choices)
    if subscriber.status == Subscriber.Status.CONFIRMED:
        manage_email_send(subscriber=subscriber)
        return "manage"
    confirm_email_send(subscriber=subscriber)
    return "confirm"


def manage_link_process(*, email: str) -> str:
    """Someone asked for a link to manage their subscription: a confirmed address gets it, a
    pending one the confirmation again, anyone else nothing. Returns which."""
    email = email_normalise(email)
    subscriber = Subscriber.objects.filter(email=email).first()
    if subscriber is None:
        return "unknown"
    if not _address_allowed(email):
        return "limited"
    if subscriber.status == Subscriber.Status.CONFIRMED:
        manage_email_send(subscriber=subscriber)
        return "manage"
    confirm_email_send(subscriber=subscriber)
    return "confirm"
