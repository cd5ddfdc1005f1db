from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The top floor: the home page and its listings, plain content pages, search, robots.txt
    and the demo site's orchestration (`seed_demo`)."""

    name = "home"
    verbose_name = "Home"

    def ready(self):
        from core.pagecache import page_cache_clears_on

        page_cache_clears_on("home")
