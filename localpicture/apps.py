from django.apps import AppConfig


class LocalPictureConfig(AppConfig):
    """The local picture: police open data and the figures the police share, charted."""

    name = "localpicture"
    verbose_name = "Local picture"

    def ready(self):
        from core.pagecache import page_cache_clears_on

        page_cache_clears_on("localpicture")
