"""Template tags of the strategy's own pages."""

from django import template

from strategy.models import RecommendationStatus

register = template.Library()


@register.simple_tag
def recommendation_statuses():
    """The status choices, in order, for tables and legends."""
    return RecommendationStatus.choices
