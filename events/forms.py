"""The booking form and the short feedback form after an event.

Messages are written for the person filling the form in. Free-text limits are checked on the
server with a message; the browser never cuts pasted text off.
"""

from django import forms
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotMixin
from core.textguard import no_links, one_line_text

from .services import places_limit_message

NAME_MAX = 120
ACCESS_NEEDS_MAX = 1000
FEEDBACK_MAX = 3000


def _no_maxlength(field: forms.Field) -> forms.Field:
    field.widget.attrs.pop("maxlength", None)
    return field


class BookingForm(HoneypotMixin, forms.Form):
    """Name, email, places (1 to the most one booking may take), access needs and consent."""

    # One line, no links: the name is kept for the organisers, and emails never repeat it.
    name = forms.CharField(
        label=_("Your name"),
        max_length=NAME_MAX,
        validators=[one_line_text, no_links],
        error_messages={
            "required": _("Enter your name"),
            "max_length": _("Your name must be %(limit_value)s characters or fewer"),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("We send your confirmation and a reminder the day before here."),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the right format, like name@example.com"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    places = forms.IntegerField(
        label=_("Number of places"),
        min_value=1,
        initial=1,
        error_messages={
            "required": _("Enter how many places you need"),
            "invalid": _("Enter the number of places as a whole number, like 2"),
            "min_value": _("Book at least 1 place"),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "input--short"}),
    )
    access_needs = forms.CharField(
        label=_("Access needs"),
        required=False,
        max_length=ACCESS_NEEDS_MAX,
        help_text=_("Anything we should arrange so you can take part, such as a wheelchair space or an interpreter."),
        error_messages={"max_length": _("Access needs must be %(limit_value)s characters or fewer")},
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the council keeps what I give here, to manage this booking: my name, my email "
            "and anything I need to take part"
        ),
        error_messages={"required": _("Tick the box to agree, so we can keep your booking")},
    )

    def __init__(self, *args, places_left: int | None = None, limit: int | None = None, **kwargs):
        """`places_left`: places not yet taken (None when the event is full or needs no
        booking); `limit`: the most places one booking may ask for now (the event's maximum
        per booking, or fewer when fewer are left; see EventPage.places_limit)."""
        super().__init__(*args, **kwargs)
        self.places_left = places_left
        self.limit = limit
        for name in ("name", "access_needs"):
            _no_maxlength(self.fields[name])
        if limit:
            self.fields["places"].help_text = _("Up to %(limit)s.") % {"limit": limit}
            self.fields["places"].widget.attrs["max"] = limit
        self.add_honeypot()

    def clean_places(self):
        places = self.cleaned_data["places"]
        if self.limit and places > self.limit:
            left = self.places_left
            if left and left == self.limit:
                message = ngettext(
                    "Only %(left)s place left: book %(left)s or fewer",
                    "Only %(left)s places left: book %(left)s or fewer",
                    left,
                ) % {"left": left}
            else:
                message = places_limit_message(self.limit)
            raise forms.ValidationError(message)
        return places


class EventFeedbackForm(HoneypotMixin, forms.Form):
    """What did you think? One comment, anonymous."""

    comment = forms.CharField(
        label=_("What did you think of the event?"),
        help_text=_("What was useful, what could be better, and anything else you want the council to know."),
        max_length=FEEDBACK_MAX,
        error_messages={
            "required": _("Tell us what you thought"),
        },
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _no_maxlength(self.fields["comment"])
        self.fields["comment"].error_messages["max_length"] = gettext(
            "Your comment must be %(limit)s characters or fewer: you have written %(show_value)s"
        ) % {"limit": f"{FEEDBACK_MAX:,}", "show_value": "%(show_value)s"}
        self.add_honeypot()
