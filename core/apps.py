from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The ground floor every app stands on: themes, wards, site settings, safeguarding, the
    email outbox, exports, rate limits, the page cache and the admin's shared parts."""

    name = "core"
    verbose_name = "Site"

    def ready(self):
        from .pagecache import page_cache_clears_on, page_cache_signals_connect

        page_cache_signals_connect()
        page_cache_clears_on("core.Theme", "core.Ward", "core.SiteSettings")
