from django.apps import AppConfig


class StrategyConfig(AppConfig):
    """The strategy as Wagtail pages, the six themes, wards and site settings."""

    name = "strategy"
    verbose_name = "Strategy"

    def ready(self):
        from . import signals

        signals.connect_page_cache_clearing()
