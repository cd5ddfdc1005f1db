"""Form helpers every public form uses: the honeypot that catches bots, and the list of errors
for the GOV.UK-style error summary at the top of a page."""

from django import forms
from django.utils.translation import gettext_lazy as _

# The honeypot field's name: something a bot filling in every field will fill in.
HONEYPOT = "website"


class HoneypotMixin:
    """A field people never see (hidden with CSS, out of the tab order); bots fill it in."""

    def add_honeypot(self):
        self.fields[HONEYPOT] = forms.CharField(
            required=False,
            label=_("Leave this empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT))


def validation_error_list(form: forms.Form) -> list[tuple[str, str]]:
    """(field id, message) pairs for the error summary, in the order the fields appear."""
    items = []
    for name, field in form.fields.items():
        for error in form.errors.get(name, []):
            auto_id = form[name].auto_id
            grouped = isinstance(field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple)
            widget_id = f"{auto_id}_0" if grouped else auto_id
            items.append((widget_id, error))
    for error in form.non_field_errors():
        items.append(("", error))
    return items
