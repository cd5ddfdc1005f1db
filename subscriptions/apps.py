from django.apps import AppConfig


class SubscriptionsConfig(AppConfig):
    """Email updates ("Keep me posted") and Atom feeds of new consultations, events and progress,
    without accounts."""

    name = "subscriptions"
    verbose_name = "Subscriptions"

    def ready(self):
        from wagtail.signals import page_published

        from core.personal_data import personal_data_module_register

        from . import personal_data
        from .triggers import page_published_received

        # Publishing an event, a consultation or a recommendation with a new progress update
        # tells its subscribers (once: see items.py).
        page_published.connect(page_published_received, dispatch_uid="subscriptions_page_published")
        # Subscribers and suppressed addresses: for access and erasure requests, and the
        # retention run that removes sign-ups never confirmed.
        personal_data_module_register(personal_data)
