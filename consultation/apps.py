from django.apps import AppConfig


class ConsultationConfig(AppConfig):
    """Surveys, youth voice, the Feedback store, theme suggestions and safeguarding."""

    name = "consultation"
    verbose_name = "Consultation"

    def ready(self):
        from core.pagecache import page_cache_clears_on

        from . import theme_bits  # noqa: F401  (connects the receivers keeping the theme bits)

        # "You said, we did" summaries show on the strategy's pages: publishing one shows at once.
        page_cache_clears_on("consultation.ThemeSummary")
