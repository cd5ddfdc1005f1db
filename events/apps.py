from django.apps import AppConfig


class EventsConfig(AppConfig):
    """Community events, bookings, calendar files, reminders and bleed-control kit locations."""

    name = "events"
    verbose_name = "Events"

    def ready(self):
        from core.pagecache import page_cache_clears_on
        from core.personal_data import personal_data_module_register

        from . import (
            personal_data,
            tasks,  # noqa: F401  (registered now, so eager runs and on_commit queueing find them)
        )

        # Bookings, waiting lists and feedback given: for access and erasure requests and the
        # retention schedule.
        personal_data_module_register(personal_data)

        # The kits are editorial content: a change shows on the cached /bleed-kits/ page at
        # once. Bookings do not clear it.
        page_cache_clears_on("events.BleedKit")
