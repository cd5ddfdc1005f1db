from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The ground floor every app stands on: themes, wards, site settings, safeguarding, the
    email outbox, exports, rate limits, the page cache, the admin's shared parts, and the
    personal-data registry with the retention schedule."""

    name = "core"
    verbose_name = "Site"

    def ready(self):
        from .pagecache import page_cache_clears_on, page_cache_signals_connect
        from .personal_data import personal_data_register, staff_accounts_source
        from .retention import export_log_step, retention_step_register

        page_cache_signals_connect()
        page_cache_clears_on("core.Theme", "core.Ward", "core.SiteSettings")
        personal_data_register(staff_accounts_source)
        retention_step_register(export_log_step)
