"""Rendering form fields accessibly: hints and errors tied to inputs with aria-describedby."""

from django import forms, template

register = template.Library()


@register.filter
def is_choice_group(field) -> bool:
    """Radios and checkbox lists are shown as a fieldset with a legend."""
    return isinstance(field.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple)


@register.filter
def is_single_checkbox(field) -> bool:
    return isinstance(field.field.widget, forms.CheckboxInput)


@register.filter
def describedby(field) -> str:
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.filter
def widget(field):
    """The field's input, pointing at its hint and error message."""
    attrs = {}
    ids = describedby(field)
    if ids:
        attrs["aria-describedby"] = ids
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)
