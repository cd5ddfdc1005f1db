"""How long attendees' personal data is kept: until the bookings' period (Settings > Data
retention, starting from EVENT_BOOKING_RETENTION_DAYS) after their event ends. Applied by the
site's nightly retention run, in batches (events/personal_data.py registers the step), and on
an erasure request."""

from datetime import timedelta

from django.utils import timezone

from core.retention import retention_rule

from .models import Booking


def bookings_anonymise(*, bookings, now=None) -> int:
    """Remove the name, email and access needs from these bookings (a queryset). Each booking
    stays, anonymous, for attendance figures, and `purged_at` stops every email. Returns how
    many bookings it changed."""
    return bookings.update(name="", email="", access_needs="", purged_at=now or timezone.now())


def booking_personal_data_purge(*, now=None, days: int | None = None, limit: int | None = None) -> int:
    """Remove names, emails and access needs from bookings of events that ended more than the
    bookings' period ago (Settings > Data retention, or `days`): at most `limit` bookings, for
    the retention run's batches. The bookings stay, anonymous, for attendance figures."""
    now = now or timezone.now()
    if days is None:
        days = retention_rule("bookings").days
    due = Booking.objects.filter(event__end_at__lt=now - timedelta(days=days), purged_at__isnull=True)
    if limit is not None:
        due = Booking.objects.filter(pk__in=list(due.order_by("pk").values_list("pk", flat=True)[:limit]))
    return bookings_anonymise(bookings=due, now=now)
