"""Rendering the parts of a survey question made of several fields."""

from django import template

register = template.Library()


@register.filter
def date_part_invalid(field):
    """A day, month or year input of a date with an error: marked invalid (the fieldset points
    at the message)."""
    return field.as_widget(attrs={"aria-invalid": "true"})
