"""Forms for surveys (built from the questions in the admin) and the youth voice page.

Messages are written for the person filling the form in, in plain English. Free-text limits
are checked on the server with a clear message; no `maxlength` attribute, so pasted text is
never cut off without a word.
"""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotMixin
from core.models import Ward
from core.textguard import one_line_text

from .models import (
    LONG_TEXT_MAX,
    OTHER,
    SHORT_TEXT_MAX,
    WARD_ANSWER_LABELS,
    YOUTH_AGE_BANDS,
    AgeBand,
    SurveyQuestion,
)


def _text_field(*, label, required, max_length, long, help_text="", required_message="", too_long_message=""):
    widget = forms.Textarea(attrs={"rows": 6 if long else 3}) if long else forms.TextInput()
    field = forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=widget,
        error_messages={
            "required": required_message or f"Answer “{label}”",
            "max_length": too_long_message
            or f"“{label}” must be {max_length:,} characters or fewer: you have written %(show_value)s",
        },
    )
    # The server checks the length with a message; the browser must not cut pasted text off.
    field.widget.attrs.pop("maxlength", None)
    return field


def ward_choices() -> list[tuple[str, str]]:
    return (
        [("", _("Choose your ward"))]
        + [(str(pk), name) for pk, name in Ward.objects.values_list("pk", "name")]
        + list(WARD_ANSWER_LABELS.items())
    )


class SurveyStepForm(HoneypotMixin, forms.Form):
    """One step of a survey: a field per question, plus "Other, please say" texts."""

    def __init__(self, *args, questions: list[SurveyQuestion], **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[question.field_name] = self._field_for(question)
            if question.kind in SurveyQuestion.CHOICE_KINDS and question.allow_other:
                self.fields[f"{question.field_name}_other"] = _text_field(
                    label="Other, please say",
                    required=False,
                    max_length=SHORT_TEXT_MAX,
                    long=False,
                    too_long_message=f"Your other answer must be {SHORT_TEXT_MAX} characters or fewer",
                )
        self.add_honeypot()

    def _field_for(self, question: SurveyQuestion) -> forms.Field:
        kind, label, required = question.kind, question.label, question.required
        choose_message = f"Choose an answer to “{label}”"
        if kind == SurveyQuestion.Kind.SHORT_TEXT:
            return _text_field(
                label=label, required=required, max_length=SHORT_TEXT_MAX, long=False, help_text=question.hint
            )
        if kind == SurveyQuestion.Kind.LONG_TEXT:
            return _text_field(
                label=label,
                required=required,
                max_length=LONG_TEXT_MAX,
                long=True,
                help_text=question.hint or f"Up to {LONG_TEXT_MAX:,} characters.",
            )
        if kind in SurveyQuestion.CHOICE_KINDS:
            choices = [(choice, choice) for choice in question.choice_list]
            if question.allow_other:
                choices.append((OTHER, "Other"))
            if kind == SurveyQuestion.Kind.SINGLE_CHOICE:
                return forms.ChoiceField(
                    label=label, required=required, choices=choices, widget=forms.RadioSelect,
                    help_text=question.hint, error_messages={"required": choose_message},
                )  # fmt: skip
            return forms.MultipleChoiceField(
                label=label, required=required, choices=choices, widget=forms.CheckboxSelectMultiple,
                help_text=question.hint or "Choose all that apply.",
                error_messages={"required": f"Choose at least one answer to “{label}”"},
            )  # fmt: skip
        if kind == SurveyQuestion.Kind.RATING:
            labels = {"1": "1 (lowest)", "5": "5 (highest)"}
            return forms.ChoiceField(
                label=label, required=required, widget=forms.RadioSelect, help_text=question.hint,
                choices=[(str(n), labels.get(str(n), str(n))) for n in range(1, 6)],
                error_messages={"required": choose_message},
            )  # fmt: skip
        if kind == SurveyQuestion.Kind.YES_NO:
            return forms.ChoiceField(
                label=label, required=required, widget=forms.RadioSelect, help_text=question.hint,
                choices=[("yes", "Yes"), ("no", "No")], error_messages={"required": choose_message},
            )  # fmt: skip
        if kind == SurveyQuestion.Kind.AGE_BAND:
            return forms.ChoiceField(
                label=label, required=required, widget=forms.RadioSelect, help_text=question.hint,
                choices=AgeBand.choices, error_messages={"required": choose_message},
            )  # fmt: skip
        if kind == SurveyQuestion.Kind.WARD:
            return forms.ChoiceField(
                label=label, required=required, choices=ward_choices(),
                help_text=question.hint or "The area of the city you live in.",
                error_messages={"required": "Choose your ward, or “Prefer not to say”"},
            )  # fmt: skip
        raise ValueError(f"Unknown question kind {kind}")

    def clean(self):
        cleaned = super().clean()
        for question in self.questions:
            if question.kind not in SurveyQuestion.CHOICE_KINDS or not question.allow_other:
                continue
            value = cleaned.get(question.field_name)
            chosen_other = value == OTHER or (isinstance(value, list) and OTHER in value)
            other_name = f"{question.field_name}_other"
            if chosen_other and not (cleaned.get(other_name) or "").strip():
                self.add_error(other_name, f"You chose “Other” for “{question.label}”: say what it is")
        return cleaned

    def answers(self) -> dict[int, dict]:
        """The cleaned answers, keyed by question id: {"value": str | list, "other": str}."""
        result = {}
        for question in self.questions:
            value = self.cleaned_data.get(question.field_name)
            if value in (None, "", []):
                continue
            other = (self.cleaned_data.get(f"{question.field_name}_other") or "").strip()
            result[question.pk] = {"value": value, "other": other}
        return result

    @staticmethod
    def initial_from(answers: dict, questions: list[SurveyQuestion]) -> dict:
        initial = {}
        for question in questions:
            answer = answers.get(str(question.pk)) or answers.get(question.pk)
            if answer:
                initial[question.field_name] = answer["value"]
                if answer.get("other"):
                    initial[f"{question.field_name}_other"] = answer["other"]
        return initial


class ContactForm(HoneypotMixin, forms.Form):
    """Optional contact details, only with explicit consent."""

    wants_contact = forms.ChoiceField(
        label="Would you like us to contact you about your answers?",
        choices=[("no", "No, keep my answers anonymous"), ("yes", "Yes, I'd like someone to contact me")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether you would like us to contact you"},
    )
    name = forms.CharField(label="Your name", required=False, max_length=120, validators=[one_line_text])
    email = forms.EmailField(
        label="Email address",
        required=False,
        error_messages={"invalid": "Enter an email address like name@example.com"},
    )
    phone = forms.CharField(label="Phone number", required=False, max_length=40)
    consent = forms.BooleanField(
        label="I agree that the council can use these details to contact me about what I said",
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_honeypot()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("wants_contact") != "yes":
            return cleaned
        if not (cleaned.get("name") or "").strip():
            self.add_error("name", "Enter your name, so we know who to ask for")
        if not cleaned.get("email") and not (cleaned.get("phone") or "").strip() and "email" not in self.errors:
            self.add_error("email", "Enter an email address or a phone number")
        if not cleaned.get("consent"):
            self.add_error("consent", "Tick the box to say we can use your details to contact you")
        return cleaned


def too_long_message(limit: int) -> str:
    """The youth voice's words for text that is too long, in the visitor's language, with the
    limit written as people read numbers (5,000); Django fills in `show_value` itself."""
    return gettext("That's too long: please keep it under %(limit)s characters (you wrote %(show_value)s)") % {
        "limit": f"{limit:,}",
        "show_value": "%(show_value)s",
    }


class YouthVoiceForm(HoneypotMixin, forms.Form):
    """What would make you feel safer? Written for a 12-year-old to understand."""

    age_band = forms.ChoiceField(
        label=_("How old are you?"),
        choices=[(band.value, band.label) for band in YOUTH_AGE_BANDS],
        widget=forms.RadioSelect,
        error_messages={"required": _("Tell us how old you are, or choose “Prefer not to say”")},
    )
    ward = forms.ChoiceField(
        label=_("Where do you live? (you don't have to say)"),
        required=False,
        help_text=_("Choose the area of the city."),
    )
    safer = forms.CharField(
        label=_("What would make you feel safer where you live?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=LONG_TEXT_MAX,
        help_text=_("Write as much or as little as you like. Don't write your name."),
        error_messages={
            "required": _("Tell us what would make you feel safer"),
        },
    )
    anything_else = forms.CharField(
        label=_("Anything else you want us to know?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=LONG_TEXT_MAX,
    )
    wants_contact = forms.BooleanField(label=_("I'd like someone to contact me"), required=False)
    name = forms.CharField(label=_("Your first name"), required=False, max_length=120, validators=[one_line_text])
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        error_messages={"invalid": _("Enter an email address like name@example.com")},
    )
    phone = forms.CharField(label=_("Phone number"), required=False, max_length=40)
    consent = forms.BooleanField(label=_("It's OK for the council to contact me using these details"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ward"].choices = ward_choices()
        for name in ("safer", "anything_else"):
            self.fields[name].widget.attrs.pop("maxlength", None)
            self.fields[name].error_messages["max_length"] = too_long_message(LONG_TEXT_MAX)
        self.add_honeypot()

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("wants_contact"):
            return cleaned
        if not (cleaned.get("name") or "").strip():
            self.add_error("name", _("Tell us your first name, so we know who to ask for"))
        if not cleaned.get("email") and not (cleaned.get("phone") or "").strip() and "email" not in self.errors:
            self.add_error("email", _("Give us an email address or a phone number"))
        if not cleaned.get("consent"):
            self.add_error("consent", _("Tick the box to say it's OK for us to contact you"))
        return cleaned

    def ward_object(self) -> Ward | None:
        value = self.cleaned_data.get("ward") or ""
        return Ward.objects.filter(pk=int(value)).first() if value.isdigit() else None
