from django.apps import AppConfig


class ConsultationConfig(AppConfig):
    """Surveys, youth voice, the Feedback store, theme suggestions and safeguarding."""

    name = "consultation"
    verbose_name = "Consultation"

    def ready(self):
        from core.pagecache import page_cache_clears_on
        from core.personal_data import personal_data_module_register

        from . import (
            personal_data,
            theme_bits,  # noqa: F401  (connects the receivers keeping the theme bits)
        )

        # Contact requests, and the retention of safeguarding records and exports.
        personal_data_module_register(personal_data)

        # "You said, we did" summaries show on the strategy's pages: publishing one shows at once.
        page_cache_clears_on("consultation.ThemeSummary")
