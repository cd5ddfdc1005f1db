"""The sign-up form, the form that changes a subscription, and the form that asks for a link
to manage one. Messages are written for the person filling them in."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotMixin
from core.models import Theme, Ward

from .models import EventAudience, Frequency

EMAIL_ERRORS = {
    "required": _("Enter your email address"),
    "invalid": _("Enter an email address in the right format, like name@example.com"),
    "max_length": _("Enter an email address of 254 characters or fewer"),
}
NO_TOPIC = _("Choose at least one thing to hear about")


def _email_field(help_text: str = "") -> forms.EmailField:
    return forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=help_text,
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


class ChoicesForm(forms.Form):
    """What to hear about and how often: shared by signing up and changing a subscription."""

    consultations = forms.BooleanField(required=False, label=_("New consultations, when a survey opens"))
    events = forms.BooleanField(required=False, label=_("Community events, when one is published"))
    event_wards = forms.ModelMultipleChoiceField(
        queryset=Ward.objects.order_by("name"),
        required=False,
        label=_("Only events in these wards"),
        help_text=_("Leave them all unticked to hear about events anywhere."),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Choose wards from the list"),
            "invalid_pk_value": _("Choose wards from the list"),
        },
    )
    event_audience = forms.ChoiceField(
        choices=EventAudience.choices,
        required=False,
        initial="",
        label=_("Which events"),
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose which events from the list")},
    )
    progress = forms.BooleanField(required=False, label=_("Progress on the strategy's recommendations"))
    progress_themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.order_by("name"),
        required=False,
        label=_("Only progress on these themes"),
        help_text=_("Leave them all unticked to hear about every theme."),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Choose themes from the list"),
            "invalid_pk_value": _("Choose themes from the list"),
        },
    )
    frequency = forms.ChoiceField(
        choices=Frequency.choices,
        initial=Frequency.IMMEDIATE,
        label=_("How often"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how often to hear from us"), "invalid_choice": _("Choose how often")},
    )

    def clean(self):
        data = super().clean()
        if not (data.get("consultations") or data.get("events") or data.get("progress")):
            self.add_error("consultations", NO_TOPIC)
        return data

    def choices(self) -> dict:
        """The choices as plain values, for a background task."""
        data = self.cleaned_data
        return {
            "frequency": data["frequency"],
            "consultations": data["consultations"],
            "events": data["events"],
            "event_wards": [ward.pk for ward in data.get("event_wards") or []],
            "event_audience": data.get("event_audience") or "",
            "progress": data["progress"],
            "progress_themes": [theme.pk for theme in data.get("progress_themes") or []],
        }

    @classmethod
    def initial_for(cls, subscriber) -> dict:
        return {
            "frequency": subscriber.frequency,
            "consultations": subscriber.consultations,
            "events": subscriber.events,
            "event_wards": list(subscriber.event_wards.all()),
            "event_audience": subscriber.event_audience,
            "progress": subscriber.progress,
            "progress_themes": list(subscriber.progress_themes.all()),
        }


class SubscribeForm(HoneypotMixin, ChoicesForm):
    """Email address first, then the choices."""

    email = _email_field()

    field_order = ["email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_honeypot()


class ManageLinkForm(HoneypotMixin, forms.Form):
    """An address, to be sent a link to manage its subscription."""

    email = _email_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_honeypot()
