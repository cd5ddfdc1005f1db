from django.apps import AppConfig


class StrategyConfig(AppConfig):
    """The strategy as Wagtail pages: themes' pages, recommendations, initiatives and progress."""

    name = "strategy"
    verbose_name = "Strategy"

    def ready(self):
        from core.pagecache import page_cache_clears_on

        page_cache_clears_on("strategy")
