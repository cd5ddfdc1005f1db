from django.apps import AppConfig


class StrategyConfig(AppConfig):
    """The strategy as Wagtail pages: themes' pages, recommendations, initiatives and progress."""

    name = "strategy"
    verbose_name = "Strategy"

    def ready(self):
        from core.pagecache import page_cache_clears_on
        from core.routing import page_routes_register

        from .routes import PAGE_ROUTES  # the views, which import the models: only now can they load

        page_cache_clears_on("strategy")
        page_routes_register(PAGE_ROUTES)
