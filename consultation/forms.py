"""Forms for surveys (built from the questions in the admin) and the youth voice page.

Messages are written for the person filling the form in, in plain English. Free-text limits
are checked on the server with a clear message; no `maxlength` attribute, so pasted text is
never cut off without a word.
"""

import datetime

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotMixin
from core.languages import Language
from core.models import Ward
from core.textguard import one_line_text

from .models import (
    LONG_TEXT_MAX,
    NUMBER_LIMIT,
    OTHER,
    SHORT_TEXT_MAX,
    WARD_ANSWER_LABELS,
    YOUTH_AGE_BANDS,
    AgeBand,
    SurveyQuestion,
)


class _MessageHtml(SafeString):
    """An error message that is HTML, because a question's words quoted in it are marked with
    their language. Django fills its own parameters in later (%(show_value)s, escaped here),
    and the message stays HTML."""

    def __mod__(self, params):
        if isinstance(params, dict):
            params = {key: conditional_escape(value) for key, value in params.items()}
        return _MessageHtml(str.__mod__(str(self), params))


def _say(message, **params) -> str:
    """A translated message with `params` put in, as HTML: each escaped, unless it is HTML
    already (a question's words in a `<span lang>`, from `SurveyStepForm._quoted`)."""
    return _MessageHtml(
        str(conditional_escape(str(message))) % {key: conditional_escape(value) for key, value in params.items()}
    )


def _text_field(
    *, label, required, max_length, long, help_text="", required_message="", too_long_message="", quoted=None
):
    widget = forms.Textarea(attrs={"rows": 6 if long else 3}) if long else forms.TextInput()
    field = forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=widget,
        error_messages={
            "required": required_message or _say(_("Answer “%(label)s”"), label=quoted or label),
            # %(show_value)s is left for Django to fill in with the length written.
            "max_length": too_long_message
            or _say(
                _("“%(label)s” must be %(max)s characters or fewer: you have written %(show_value)s"),
                label=quoted or label,
                max=f"{max_length:,}",
                show_value="%(show_value)s",
            ),
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


DATE_PARTS = ("day", "month", "year")


class SurveyStepForm(HoneypotMixin, forms.Form):
    """One step of a survey: a field per question, plus "Other, please say" texts.

    Dates, rankings and grids are several plain fields each (day, month and year; a rank per
    choice; a set of radios per statement), so every one has its own label and works without
    JavaScript; `layout` tells the template which fields make up each question, and `clean`
    puts each question's message on its first field, where the error summary links to.
    """

    def __init__(self, *args, questions: list[SurveyQuestion], words_language: Language | None = None, **kwargs):
        """`words_language`: the language the questions' words are in, where it is not the
        page's (a survey not translated yet asks in English): the messages that quote them mark
        them with it."""
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.words_language = words_language
        self.parts: dict[int, list[str]] = {}  # question id -> its fields, for the kinds made of several
        for question in questions:
            kind = question.kind
            if kind == SurveyQuestion.Kind.DATE:
                self._add_parts(question, self._date_fields(question))
            elif kind == SurveyQuestion.Kind.RANKING:
                self._add_parts(question, self._ranking_fields(question))
            elif kind == SurveyQuestion.Kind.GRID:
                self._add_parts(question, self._grid_fields(question))
            else:
                self.fields[question.field_name] = self._field_for(question)
            if kind in SurveyQuestion.CHOICE_KINDS and question.allow_other:
                self.fields[f"{question.field_name}_other"] = _text_field(
                    label=_("Other, please say"),
                    required=False,
                    max_length=SHORT_TEXT_MAX,
                    long=False,
                    too_long_message=_("Your other answer must be %(max)s characters or fewer")
                    % {"max": SHORT_TEXT_MAX},
                )
        self.add_honeypot()

    def _add_parts(self, question: SurveyQuestion, fields: list[tuple[str, forms.Field]]) -> None:
        self.parts[question.pk] = []
        for suffix, field in fields:
            name = f"{question.field_name}_{suffix}"
            self.fields[name] = field
            self.parts[question.pk].append(name)

    @staticmethod
    def _date_fields(question: SurveyQuestion) -> list[tuple[str, forms.Field]]:
        labels = {"day": _("Day"), "month": _("Month"), "year": _("Year")}
        widths = {"day": "2", "month": "2", "year": "4"}
        return [
            (
                part,
                forms.CharField(
                    label=labels[part],
                    required=False,
                    max_length=10,
                    widget=forms.TextInput(attrs={"inputmode": "numeric", "class": f"input--width-{widths[part]}"}),
                    error_messages={"max_length": _("Enter a real date")},
                ),
            )
            for part in DATE_PARTS
        ]

    @staticmethod
    def _ranking_fields(question: SurveyQuestion) -> list[tuple[str, forms.Field]]:
        items = question.choice_labels
        ranks = [("", _("Choose a rank"))] + [(str(n), str(n)) for n in range(1, len(items) + 1)]
        return [
            (
                str(index),
                forms.ChoiceField(
                    label=item,
                    required=False,
                    choices=ranks,
                    error_messages={"invalid_choice": _("Choose a rank from the list")},
                ),
            )
            for index, item in enumerate(items)
        ]

    def _quoted(self, words: str) -> str:
        """A question's words (its label, a statement) as a message quotes them: marked with
        their language where it is not the page's."""
        if self.words_language is None:
            return words
        return self.words_language.words_marked(words)

    def _grid_fields(self, question: SurveyQuestion) -> list[tuple[str, forms.Field]]:
        return [
            (
                str(index),
                forms.ChoiceField(
                    label=statement,
                    required=question.required,
                    choices=question.scale_points,
                    widget=forms.RadioSelect,
                    error_messages={
                        "required": _say(_("Choose an answer for “%(statement)s”"), statement=self._quoted(statement)),
                        "invalid_choice": _("Choose one of the answers given"),
                    },
                ),
            )
            for index, statement in enumerate(question.statement_labels)
        ]

    def _field_for(self, question: SurveyQuestion) -> forms.Field:
        kind, label, required = question.kind, question.label, question.required
        quoted = self._quoted(label)
        choose_message = _say(_("Choose an answer to “%(label)s”"), label=quoted)
        if kind == SurveyQuestion.Kind.SHORT_TEXT:
            return _text_field(
                label=label,
                required=required,
                max_length=SHORT_TEXT_MAX,
                long=False,
                help_text=question.hint,
                quoted=quoted,
            )
        if kind == SurveyQuestion.Kind.LONG_TEXT:
            return _text_field(
                quoted=quoted,
                label=label,
                required=required,
                max_length=LONG_TEXT_MAX,
                long=True,
                help_text=question.hint or _("Up to %(max)s characters.") % {"max": f"{LONG_TEXT_MAX:,}"},
            )
        if kind in SurveyQuestion.CHOICE_KINDS:
            # Stored as the English choice; shown in the page's words (SurveyQuestion.words_from).
            choices = list(zip(question.choice_list, question.choice_labels, strict=True))
            if question.allow_other:
                choices.append((OTHER, gettext("Other")))
            if kind == SurveyQuestion.Kind.SINGLE_CHOICE:
                return forms.ChoiceField(
                    label=label, required=required, choices=choices, widget=forms.RadioSelect,
                    help_text=question.hint, error_messages={"required": choose_message},
                )  # fmt: skip
            return forms.MultipleChoiceField(
                label=label, required=required, choices=choices, widget=forms.CheckboxSelectMultiple,
                help_text=question.hint or _("Choose all that apply."),
                error_messages={"required": _say(_("Choose at least one answer to “%(label)s”"), label=quoted)},
            )  # fmt: skip
        if kind == SurveyQuestion.Kind.RATING:
            return forms.ChoiceField(
                label=label, required=required, widget=forms.RadioSelect, help_text=question.hint,
                choices=question.scale_points, error_messages={"required": choose_message},
            )  # fmt: skip
        if kind == SurveyQuestion.Kind.YES_NO:
            return forms.ChoiceField(
                label=label, required=required, widget=forms.RadioSelect, help_text=question.hint,
                choices=[("yes", _("Yes")), ("no", _("No"))], error_messages={"required": choose_message},
            )  # fmt: skip
        if kind == SurveyQuestion.Kind.AGE_BAND:
            return forms.ChoiceField(
                label=label, required=required, widget=forms.RadioSelect, help_text=question.hint,
                choices=AgeBand.choices, error_messages={"required": choose_message},
            )  # fmt: skip
        if kind == SurveyQuestion.Kind.WARD:
            return forms.ChoiceField(
                label=label, required=required, choices=ward_choices(),
                help_text=question.hint or _("The area of the city you live in."),
                error_messages={"required": _("Choose your ward, or “Prefer not to say”")},
            )  # fmt: skip
        if kind == SurveyQuestion.Kind.NUMBER:
            return self._number_field(question, quoted)
        raise ValueError(f"Unknown question kind {kind}")

    @staticmethod
    def _number_field(question: SurveyQuestion, quoted: str) -> forms.Field:
        """A whole number, within the editor's range and never beyond NUMBER_LIMIT either way."""
        label = question.label
        low = question.min_value if question.min_value is not None else -NUMBER_LIMIT
        high = question.max_value if question.max_value is not None else NUMBER_LIMIT
        if question.min_value is not None and question.max_value is not None:
            range_message = _say(
                _("“%(label)s” must be between %(min)s and %(max)s"), label=quoted, min=f"{low:,}", max=f"{high:,}"
            )
            hint = question.hint or _("A whole number from %(min)s to %(max)s.") % {
                "min": f"{low:,}",
                "max": f"{high:,}",
            }
        else:
            range_message = ""
            hint = question.hint or _("A whole number.")
        field = forms.IntegerField(
            label=label,
            required=question.required,
            min_value=low,
            max_value=high,
            help_text=hint,
            widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
            error_messages={
                "required": _say(_("Enter a number for “%(label)s”"), label=quoted),
                "invalid": _say(_("“%(label)s” must be a whole number, like 12"), label=quoted),
                "min_value": range_message
                or _say(_("“%(label)s” must be %(min)s or more"), label=quoted, min=f"{low:,}"),
                "max_value": range_message
                or _say(_("“%(label)s” must be %(max)s or less"), label=quoted, max=f"{high:,}"),
            },
        )
        return field

    def clean(self):
        cleaned = super().clean()
        self.composite: dict[int, object] = {}
        for question in self.questions:
            if question.kind in SurveyQuestion.CHOICE_KINDS and question.allow_other:
                value = cleaned.get(question.field_name)
                chosen_other = value == OTHER or (isinstance(value, list) and OTHER in value)
                other_name = f"{question.field_name}_other"
                if chosen_other and not (cleaned.get(other_name) or "").strip():
                    self.add_error(
                        other_name,
                        _say(
                            _("You chose “Other” for “%(label)s”: say what it is"), label=self._quoted(question.label)
                        ),
                    )
            elif question.kind == SurveyQuestion.Kind.DATE:
                self._clean_date(question, cleaned)
            elif question.kind == SurveyQuestion.Kind.RANKING:
                self._clean_ranking(question, cleaned)
            elif question.kind == SurveyQuestion.Kind.GRID:
                names = self.parts[question.pk]
                if any(name in self.errors for name in names):
                    continue
                values = [cleaned.get(name) or "" for name in names]
                if any(values):
                    self.composite[question.pk] = values
        return cleaned

    def _clean_date(self, question: SurveyQuestion, cleaned: dict) -> None:
        names = self.parts[question.pk]
        if any(name in self.errors for name in names):
            return
        day, month, year = ((cleaned.get(name) or "").strip() for name in names)
        label = self._quoted(question.label)
        if not (day or month or year):
            if question.required:
                self.add_error(names[0], _say(_("Enter a date for “%(label)s”"), label=label))
            return
        missing = [
            (names[index], part)
            for index, (part, value) in enumerate(
                zip((_("a day"), _("a month"), _("a year")), (day, month, year), strict=True)
            )
            if not value
        ]
        if missing:
            self.add_error(
                missing[0][0],
                _say(_("“%(label)s” must include %(part)s"), label=label, part=missing[0][1]),
            )
            return
        if not (
            day.isascii()
            and day.isdigit()
            and month.isascii()
            and month.isdigit()
            and year.isascii()
            and year.isdigit()
        ):
            self.add_error(
                names[0], _say(_("“%(label)s” must be a real date, in numbers, like 27 3 2007"), label=label)
            )
            return
        if len(year) != 4:
            self.add_error(names[2], _("The year must have 4 numbers, like 2007"))
            return
        try:
            value = datetime.date(int(year), int(month), int(day))
        except ValueError:
            self.add_error(names[0], _say(_("“%(label)s” must be a real date"), label=label))
            return
        self.composite[question.pk] = value.isoformat()

    def _clean_ranking(self, question: SurveyQuestion, cleaned: dict) -> None:
        """Every choice gets a different rank, or (when the question is optional) none does."""
        names = self.parts[question.pk]
        if any(name in self.errors for name in names):
            return
        ranks = [cleaned.get(name) or "" for name in names]
        label = self._quoted(question.label)
        if not any(ranks):
            if question.required:
                self.add_error(names[0], _say(_("Rank the choices for “%(label)s”"), label=label))
            return
        if not all(ranks):
            first_blank = next(name for name, rank in zip(names, ranks, strict=True) if not rank)
            self.add_error(first_blank, _("Give every choice a rank, from 1 to %(count)s") % {"count": len(names)})
            return
        seen = set()
        for name, rank in zip(names, ranks, strict=True):
            if rank in seen:
                self.add_error(
                    name, _("Give each choice a different rank: %(rank)s is used more than once") % {"rank": rank}
                )
                return
            seen.add(rank)
        items = question.choice_list
        by_rank = sorted(zip((int(rank) for rank in ranks), items, strict=True))
        self.composite[question.pk] = [item for _rank, item in by_rank]

    @property
    def layout(self) -> list[dict]:
        """Per question, for the template: its kind and its bound field(s)."""
        items = []
        for question in self.questions:
            if question.pk in self.parts:
                fields = [self[name] for name in self.parts[question.pk]]
                errors = [error for field in fields for error in field.errors]
                items.append({"question": question, "kind": question.kind, "fields": fields, "errors": errors})
                continue
            items.append({"question": question, "kind": "field", "fields": [self[question.field_name]]})
            other = f"{question.field_name}_other"
            if other in self.fields:
                items.append({"question": question, "kind": "field", "fields": [self[other]]})
        return items

    def answers(self) -> dict[int, dict]:
        """The cleaned answers, keyed by question id: {"value": str | int | list, "other": str}.
        A date is "YYYY-MM-DD", a number an int, a ranking the choices in rank order, a grid
        the scale position chosen per statement ("" where none)."""
        result = {}
        for question in self.questions:
            if question.pk in self.parts:
                value = self.composite.get(question.pk)
            else:
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
            if not answer:
                continue
            value = answer["value"]
            name = question.field_name
            if question.kind == SurveyQuestion.Kind.DATE:
                parts = str(value).split("-")
                if len(parts) == 3:
                    year, month, day = parts
                    initial.update(
                        {f"{name}_day": str(int(day)), f"{name}_month": str(int(month)), f"{name}_year": year}
                    )
            elif question.kind == SurveyQuestion.Kind.RANKING:
                order = list(value) if isinstance(value, list) else []
                for index, item in enumerate(question.choice_list):
                    if item in order:
                        initial[f"{name}_{index}"] = str(order.index(item) + 1)
            elif question.kind == SurveyQuestion.Kind.GRID:
                for index, point in enumerate(value if isinstance(value, list) else []):
                    initial[f"{name}_{index}"] = point
            else:
                initial[name] = value
            if answer.get("other"):
                initial[f"{name}_other"] = answer["other"]
        return initial


class ContactForm(HoneypotMixin, forms.Form):
    """Optional contact details, only with explicit consent."""

    wants_contact = forms.ChoiceField(
        label=_("Would you like us to contact you about your answers?"),
        choices=[("no", _("No, keep my answers anonymous")), ("yes", _("Yes, I'd like someone to contact me"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether you would like us to contact you")},
    )
    name = forms.CharField(label=_("Your name"), required=False, max_length=120, validators=[one_line_text])
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        error_messages={"invalid": _("Enter an email address like name@example.com")},
    )
    phone = forms.CharField(label=_("Phone number"), required=False, max_length=40)
    consent = forms.BooleanField(
        label=_("I agree that the council can use these details to contact me about what I said"),
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
            self.add_error("name", _("Enter your name, so we know who to ask for"))
        if not cleaned.get("email") and not (cleaned.get("phone") or "").strip() and "email" not in self.errors:
            self.add_error("email", _("Enter an email address or a phone number"))
        if not cleaned.get("consent"):
            self.add_error("consent", _("Tick the box to say we can use your details to contact you"))
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
