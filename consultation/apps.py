from django.apps import AppConfig


class ConsultationConfig(AppConfig):
    """Surveys, youth voice, the Feedback store, theme suggestions and safeguarding."""

    name = "consultation"
    verbose_name = "Consultation"

    def ready(self):
        from . import theme_bits  # noqa: F401  (connects the receivers keeping the theme bits)
