"""The signed links in booking emails: cancel a booking, give feedback afterwards, and see the
booking just made. A link carries the booking's id, signed, so nobody can guess another's."""

from django.core import signing

from core.links import site_url

from .models import Booking

CANCEL_SALT = "events.booking.cancel"
FEEDBACK_SALT = "events.booking.feedback"
BOOKED_SALT = "events.booking.booked"
# Feedback links work for this long after they are sent.
FEEDBACK_LINK_DAYS = 30


def booking_token(*, booking: Booking, salt: str) -> str:
    return signing.dumps(booking.pk, salt=salt, compress=True)


def booking_from_token(*, token: str, salt: str, max_age: float | None = None) -> Booking | None:
    """The booking a signed link points at; None if the link was changed, expired or its
    booking is gone."""
    try:
        pk = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return Booking.objects.select_related("event").filter(pk=pk).first()


def _booking_url(booking: Booking, view: str, salt: str) -> str:
    event = booking.event
    return site_url(event.url + event.reverse_subpage(view)) + "?t=" + booking_token(booking=booking, salt=salt)


def booking_cancel_url(*, booking: Booking) -> str:
    return _booking_url(booking, "cancel_view", CANCEL_SALT)


def booking_feedback_url(*, booking: Booking) -> str:
    return _booking_url(booking, "feedback_view", FEEDBACK_SALT)
