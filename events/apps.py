from django.apps import AppConfig


class EventsConfig(AppConfig):
    """Community events, bookings, calendar files, reminders and bleed-control kit locations."""

    name = "events"
    verbose_name = "Events"

    def ready(self):
        from core.pagecache import page_cache_clears_on
        from core.personal_data import personal_data_module_register
        from core.routing import page_routes_register

        from . import personal_data
        from .routes import PAGE_ROUTES  # the views, which import the models: only now can they load

        # The kits are editorial content: a change shows on the cached /bleed-kits/ page at
        # once. Bookings do not clear it.
        page_cache_clears_on("events.BleedKit")
        page_routes_register(PAGE_ROUTES)
        # Bookings, waiting lists and feedback given: for access and erasure requests and the
        # retention run.
        personal_data_module_register(personal_data)
