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
        from .privacy import privacy_purpose_register, staff_purpose
        from .retention import export_log_step, retention_step_register
        from .translations import translation_drafts_stay_off_live_pages

        page_cache_signals_connect()
        # The privacy notice prints the retention periods, and who sees what from the groups.
        page_cache_clears_on(
            "core.Theme",
            "core.Ward",
            "core.SiteSettings",
            "core.DataRetentionSettings",
            "core.LanguageSettings",
            "auth.Group",
            # A language's tree appearing or going changes which pages its visitors see.
            "wagtailcore.Locale",
            "wagtailcore.Page",
        )
        personal_data_register(staff_accounts_source)
        privacy_purpose_register(staff_purpose)
        retention_step_register(export_log_step)
        translation_drafts_stay_off_live_pages()
