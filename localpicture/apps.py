from django.apps import AppConfig


class LocalPictureConfig(AppConfig):
    """The local picture: police open data and the figures the police share, charted."""

    name = "localpicture"
    verbose_name = "Local picture"

    def ready(self):
        from core.pagecache import page_cache_clears_on
        from core.routing import page_routes_register

        from .routes import PAGE_ROUTES  # the views, which import the models: only now can they load

        page_cache_clears_on("localpicture")
        page_routes_register(PAGE_ROUTES)
