from django.apps import AppConfig


class EventsConfig(AppConfig):
    """Community events, bookings, calendar files, reminders and bleed-control kit locations."""

    name = "events"
    verbose_name = "Events"

    def ready(self):
        from core.pagecache import page_cache_clears_on
        from core.routing import page_routes_register

        from .routes import PAGE_ROUTES  # the views, which import the models: only now can they load

        # The kits are editorial content: a change shows on the cached /bleed-kits/ page at
        # once. Bookings do not clear it.
        page_cache_clears_on("events.BleedKit")
        page_routes_register(PAGE_ROUTES)
