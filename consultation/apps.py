from django.apps import AppConfig


class ConsultationConfig(AppConfig):
    """Surveys, youth voice, the Feedback store, theme suggestions and safeguarding."""

    name = "consultation"
    verbose_name = "Consultation"

    def ready(self):
        from core.pagecache import page_cache_clears_on
        from core.personal_data import personal_data_module_register
        from core.routing import page_routes_register

        from . import personal_data
        from .routes import PAGE_ROUTES  # the views, which import the models: only now can they load
        from .theme_bits import theme_bits_signals_connect

        theme_bits_signals_connect()
        # "You said, we did" summaries show on the strategy's pages: publishing one shows at once.
        page_cache_clears_on("consultation.ThemeSummary")
        page_routes_register(PAGE_ROUTES)
        # Contact requests, and the retention of safeguarding records and exports.
        personal_data_module_register(personal_data)
