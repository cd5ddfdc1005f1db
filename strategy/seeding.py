"""Load the demo strategy (strategy/demo_content.py) into the database: the strategy page, its
six theme pages, recommendations and initiatives.

Every step creates what is missing and leaves what exists alone, so running it again changes
nothing, and an editor's changes to demo pages survive a re-run.
"""

from wagtail.models import Page

from core.models import Theme
from core.seeding import child_by_slug, publish_child
from core.translations import pages_of_record

from . import demo_content as demo
from .models import InitiativeFigure, InitiativePage, ProgressUpdate, RecommendationPage, StrategyPage, ThemePage


def demo_seed(*, home: Page) -> StrategyPage:
    """The strategy page, its six theme pages, recommendations and initiatives."""
    strategy = child_by_slug(home, demo.STRATEGY["slug"])
    if strategy is None:
        strategy = publish_child(home, StrategyPage(show_in_menus=True, **demo.STRATEGY))

    theme_pages = {}
    for theme in Theme.objects.all():
        page = pages_of_record(ThemePage.objects.filter(theme=theme)).first()
        if page is None:
            page = publish_child(
                strategy,
                ThemePage(title=theme.name, slug=theme.slug, theme=theme, intro=demo.THEME_INTROS.get(theme.slug, "")),
            )
        theme_pages[theme.slug] = page

    recommendations = {}
    for item in demo.RECOMMENDATIONS:
        parent = theme_pages[item["theme"]]
        page = child_by_slug(parent, item["slug"])
        if page is None:
            page = RecommendationPage(
                title=item["title"],
                slug=item["slug"],
                label=item["label"],
                full_text=item["full_text"],
                lead=item["lead"],
                status=item["status"],
            )
            page.themes.add(parent.theme)
            page.updates = [ProgressUpdate(date=demo.BRIEFING_DATE, **update) for update in item["updates"]]
            publish_child(parent, page)
        recommendations[item["label"]] = page

    for item in demo.INITIATIVES:
        parent = theme_pages[item["theme"]]
        if child_by_slug(parent, item["slug"]) is not None:
            continue
        page = InitiativePage(
            title=item["title"],
            slug=item["slug"],
            summary=item["summary"],
            who_it_serves=item["who_it_serves"],
            partners="\n".join(item["partners"]),
        )
        page.themes.add(parent.theme)
        page.figures = [InitiativeFigure(**figure) for figure in item["figures"]]
        page.recommendations = [recommendations[label] for label in item["recommendations"]]
        publish_child(parent, page)
    return strategy
