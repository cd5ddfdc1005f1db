from django.apps import AppConfig


class EventsConfig(AppConfig):
    """Community events, bookings, calendar files, reminders and bleed-control kit locations."""

    name = "events"
    verbose_name = "Events"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from config.pagecache import page_cache_clear

        from . import tasks  # noqa: F401  (registered now, so eager runs and on_commit queueing find them)
        from .models import BleedKit

        # Cache plumbing, as in strategy/signals.py: the kits are editorial content, so a
        # change shows on the cached /bleed-kits/ page at once. Bookings do not clear it.
        def _clear(**kwargs):
            page_cache_clear()

        post_save.connect(_clear, sender=BleedKit, dispatch_uid="events_bleedkit_saved")
        post_delete.connect(_clear, sender=BleedKit, dispatch_uid="events_bleedkit_deleted")
