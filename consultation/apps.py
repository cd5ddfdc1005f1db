from django.apps import AppConfig


class ConsultationConfig(AppConfig):
    """Surveys, youth voice, the Feedback store, theme suggestions and safeguarding."""

    name = "consultation"
    verbose_name = "Consultation"
