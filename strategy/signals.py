"""Clear the anonymous page cache whenever editorial content changes.

This is cache plumbing, not domain flow: any saved or deleted page, revision, image, snippet or
setting makes every cached page stale, so an edit shows at once. Public submissions (feedback,
bookings, forum posts) live in other apps and do not clear it.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from config.pagecache import page_cache_clear

EDITORIAL_APPS = {
    "strategy",
    "localpicture",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "wagtailsearchpromotions",
    "taggit",
}


def _clear_on_model_change(sender, **kwargs):
    if sender._meta.app_label in EDITORIAL_APPS:
        page_cache_clear()


def _clear(**kwargs):
    page_cache_clear()


def connect_page_cache_clearing() -> None:
    """Connect the handlers once, from StrategyConfig.ready()."""
    post_save.connect(_clear_on_model_change, dispatch_uid="pagecache_post_save")
    post_delete.connect(_clear_on_model_change, dispatch_uid="pagecache_post_delete")
    page_published.connect(_clear, dispatch_uid="pagecache_published")
    page_unpublished.connect(_clear, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(_clear, dispatch_uid="pagecache_moved")
