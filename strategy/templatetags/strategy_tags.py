"""Template tags shared by every public page: the main navigation and breadcrumbs."""

from django import template
from wagtail.models import Page, Site

from strategy.models import RecommendationStatus

register = template.Library()


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    """The home page and its children marked "show in menus", with the current section marked."""
    request = context.get("request")
    current = context.get("page")
    site = Site.find_for_request(request) if request else None
    items = []
    if site is not None:
        home = site.root_page
        menu = [home, *home.get_children().live().in_menu()]
        for item in menu:
            state = None
            if current is not None and isinstance(current, Page):
                if item.pk == current.pk:
                    state = "page"
                elif item.depth > home.depth and current.path.startswith(item.path):
                    state = "true"
            items.append({"page": item, "current": state, "title": "Home" if item.pk == home.pk else item.title})
    return {"items": items, "request": request}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """Links to the current page's ancestors, from the home page down."""
    page = context.get("page")
    if page is None:
        return {"ancestors": []}
    return {"ancestors": page.get_ancestors().filter(depth__gt=1)}


@register.simple_tag
def recommendation_statuses():
    """The status choices, in order, for tables and legends."""
    return RecommendationStatus.choices
