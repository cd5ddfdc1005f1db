"""Template helpers for the forum and the account pages."""

from django import template

from core.forms import validation_error_list

register = template.Library()


@register.filter
def form_error_list(form) -> list[tuple[str, str]]:
    """(field id, message) pairs for the error summary of a bound form."""
    if form is None or not getattr(form, "is_bound", False):
        return []
    return validation_error_list(form)
