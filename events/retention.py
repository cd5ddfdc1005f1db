"""How long attendees' personal data is kept: until EVENT_BOOKING_RETENTION_DAYS after their
event ends. Run daily by beat."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import Booking


def booking_personal_data_purge(*, now=None) -> int:
    """Remove names, emails and access needs from bookings of events that ended more than
    EVENT_BOOKING_RETENTION_DAYS ago. The bookings stay, anonymous, for attendance figures."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.EVENT_BOOKING_RETENTION_DAYS)
    return Booking.objects.filter(event__end_at__lt=cutoff, purged_at__isnull=True).update(
        name="", email="", access_needs="", purged_at=now
    )
