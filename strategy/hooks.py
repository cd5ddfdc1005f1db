"""Hooks through which apps above the strategy add to its pages.

The strategy's pages are read by everyone, and other apps have things to say on them ("You
said, we did" from the consultation app). The strategy must not import those apps, so it asks
Wagtail's hook registry instead: an app registers, in its `wagtail_hooks.py`, a function that
takes the page and returns a dict added to the template context.

    @hooks.register(THEME_PAGE_CONTEXT)
    def you_said_we_did(*, theme_page) -> dict: ...

https://docs.wagtail.org/en/stable/reference/hooks.html
"""

# fn(*, theme_page) -> dict, added to a ThemePage's context.
THEME_PAGE_CONTEXT = "strategy_theme_page_context"
# fn(*, recommendation) -> dict, added to a RecommendationPage's context.
RECOMMENDATION_PAGE_CONTEXT = "strategy_recommendation_page_context"
