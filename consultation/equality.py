"""The council's standard "About you" equality monitoring questions, asked as an optional step
of a survey whose editor ticked "Include the equality monitoring questions".

The questions and their answers follow the 2021 Census for England (Office for National
Statistics) and the protected characteristics of the Equality Act 2010, so the answers can be
set beside the city's Census figures in an equality impact assessment. Every question is
optional and has "Prefer not to say". Two follow the Census in being for people aged 16 or over
(gender identity and sexual orientation): an answer given with the age band "11 to 15" is not
kept. "Whether day-to-day activities are limited" is kept only with "Yes" to the disability
question, as the Census asks it.

The answers are special category data (UK GDPR Article 9): `EqualityMonitoring` keeps them in
their own table, linked to the response by its id alone; the selectors report them only as
counts (consultation/selectors.py) and they reach a per-response export only for staff holding
`consultation.export_equality_data`, logged.

The values stored are short codes, never the words, so a change of wording or a translation
keeps old answers countable. No question has a write-in box: a few typed words can identify
someone in a small group.
"""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.forms import HoneypotMixin

from .models import AgeBand, SurveyPage, SurveyQuestion

PREFER_NOT = "prefer-not-to-say"
PREFER_NOT_LABEL = _("Prefer not to say")
NOT_ANSWERED_LABEL = _("Not answered")


@dataclass(frozen=True)
class EqualityQuestion:
    """One question: the model field it is stored in, its words, and its answers as
    [(code, label)] or, for ethnic group, [(heading, [(code, label), ...]), ...]."""

    field: str
    label: str
    hint: str
    choices: tuple
    grouped: bool = False

    @property
    def flat_choices(self) -> list[tuple[str, str]]:
        """Every answer as (code, label), headings left out, "Prefer not to say" last."""
        if not self.grouped:
            return list(self.choices)
        flat = []
        for heading, options in self.choices:
            if isinstance(options, list | tuple):
                flat.extend(options)
            else:  # "Prefer not to say" stands outside the headings
                flat.append((heading, options))
        return flat

    @property
    def codes(self) -> list[str]:
        return [code for code, _label in self.flat_choices]

    def label_for(self, code: str) -> str:
        return str(dict(self.flat_choices).get(code, code)) if code else ""


ETHNIC_GROUPS = (
    (
        _("Asian, Asian British or Asian Welsh"),
        [
            ("asian-bangladeshi", _("Bangladeshi")),
            ("asian-chinese", _("Chinese")),
            ("asian-indian", _("Indian")),
            ("asian-pakistani", _("Pakistani")),
            ("asian-other", _("Any other Asian background")),
        ],
    ),
    (
        _("Black, Black British, Black Welsh, Caribbean or African"),
        [
            ("black-african", _("African")),
            ("black-caribbean", _("Caribbean")),
            ("black-other", _("Any other Black, Black British or Caribbean background")),
        ],
    ),
    (
        _("Mixed or Multiple ethnic groups"),
        [
            ("mixed-white-asian", _("White and Asian")),
            ("mixed-white-black-african", _("White and Black African")),
            ("mixed-white-black-caribbean", _("White and Black Caribbean")),
            ("mixed-other", _("Any other Mixed or Multiple ethnic background")),
        ],
    ),
    (
        _("White"),
        [
            ("white-british", _("English, Welsh, Scottish, Northern Irish or British")),
            ("white-irish", _("Irish")),
            ("white-gypsy-traveller", _("Gypsy or Irish Traveller")),
            ("white-roma", _("Roma")),
            ("white-other", _("Any other White background")),
        ],
    ),
    (
        _("Other ethnic group"),
        [
            ("other-arab", _("Arab")),
            ("other-any", _("Any other ethnic group")),
        ],
    ),
    (PREFER_NOT, PREFER_NOT_LABEL),
)

QUESTIONS = (
    EqualityQuestion(
        field="age_band",
        label=_("How old are you?"),
        hint="",
        choices=(
            (AgeBand.AGE_11_15.value, _("11 to 15")),
            (AgeBand.AGE_16_18.value, _("16 to 18")),
            (AgeBand.AGE_19_24.value, _("19 to 24")),
            (AgeBand.AGE_25_34.value, _("25 to 34")),
            (AgeBand.AGE_35_44.value, _("35 to 44")),
            (AgeBand.AGE_45_54.value, _("45 to 54")),
            (AgeBand.AGE_55_64.value, _("55 to 64")),
            (AgeBand.AGE_65_PLUS.value, _("65 or over")),
            (PREFER_NOT, PREFER_NOT_LABEL),
        ),
    ),
    EqualityQuestion(
        field="sex",
        label=_("What is your sex?"),
        hint="",
        choices=(("female", _("Female")), ("male", _("Male")), (PREFER_NOT, PREFER_NOT_LABEL)),
    ),
    EqualityQuestion(
        field="gender_identity",
        label=_("Is the gender you identify with the same as your sex registered at birth?"),
        hint=_("Answer this if you are 16 or over."),
        choices=(("yes", _("Yes")), ("no", _("No")), (PREFER_NOT, PREFER_NOT_LABEL)),
    ),
    EqualityQuestion(
        field="ethnic_group",
        label=_("What is your ethnic group?"),
        hint=_("Choose the one answer that best describes your ethnic group or background."),
        choices=ETHNIC_GROUPS,
        grouped=True,
    ),
    EqualityQuestion(
        field="religion",
        label=_("What is your religion?"),
        hint="",
        choices=(
            ("none", _("No religion")),
            ("christian", _("Christian")),
            ("buddhist", _("Buddhist")),
            ("hindu", _("Hindu")),
            ("jewish", _("Jewish")),
            ("muslim", _("Muslim")),
            ("sikh", _("Sikh")),
            ("other", _("Any other religion")),
            (PREFER_NOT, PREFER_NOT_LABEL),
        ),
    ),
    EqualityQuestion(
        field="disability",
        label=_(
            "Do you have any physical or mental health conditions or illnesses lasting or expected to last "
            "12 months or more?"
        ),
        hint="",
        choices=(("yes", _("Yes")), ("no", _("No")), (PREFER_NOT, PREFER_NOT_LABEL)),
    ),
    EqualityQuestion(
        field="disability_impact",
        label=_("Do any of your conditions or illnesses reduce your ability to carry out day-to-day activities?"),
        hint=_("Answer this if you answered yes to the question before."),
        choices=(
            ("a-lot", _("Yes, a lot")),
            ("a-little", _("Yes, a little")),
            ("not-at-all", _("Not at all")),
            (PREFER_NOT, PREFER_NOT_LABEL),
        ),
    ),
    EqualityQuestion(
        field="sexual_orientation",
        label=_("Which of the following best describes your sexual orientation?"),
        hint=_("Answer this if you are 16 or over."),
        choices=(
            ("straight", _("Straight or heterosexual")),
            ("gay-lesbian", _("Gay or lesbian")),
            ("bisexual", _("Bisexual")),
            ("other", pgettext_lazy("sexual orientation", "Another sexual orientation")),
            (PREFER_NOT, PREFER_NOT_LABEL),
        ),
    ),
    EqualityQuestion(
        field="carer",
        label=_(
            "Do you look after, or give any help or support to, anyone because they have long-term physical or "
            "mental health conditions or illnesses, or problems related to old age?"
        ),
        hint=_("Do not count anything you do as part of your paid work."),
        choices=(
            ("no", _("No")),
            ("up-to-9", _("Yes, 9 hours a week or less")),
            ("10-19", _("Yes, 10 to 19 hours a week")),
            ("20-34", _("Yes, 20 to 34 hours a week")),
            ("35-49", _("Yes, 35 to 49 hours a week")),
            ("50-plus", _("Yes, 50 or more hours a week")),
            (PREFER_NOT, PREFER_NOT_LABEL),
        ),
    ),
)

QUESTIONS_BY_FIELD = {question.field: question for question in QUESTIONS}
FIELDS = tuple(question.field for question in QUESTIONS)

# Asked, as in the Census, of people aged 16 or over: not kept with the age band "11 to 15".
SIXTEEN_AND_OVER = ("gender_identity", "sexual_orientation")
UNDER_16 = AgeBand.AGE_11_15.value


def survey_asks_age(survey: SurveyPage) -> bool:
    """Whether the survey's own questions ask the age band: then the About you step leaves its
    age question out, and the survey's answer stands for it."""
    return any(question.kind == SurveyQuestion.Kind.AGE_BAND for question in survey.questions.all())


def equality_answers_clean(answers: dict, *, age_band: str | None = None) -> dict[str, str]:
    """Only what may be kept: known questions with one of their codes, the disability follow-up
    only after "Yes", the 16-and-over questions not with the age band 11 to 15. Empty answers go.

    `age_band` is the survey's own age band answer, when the survey asks it: it is kept with the
    other answers (so their counts can be broken down by age) if any of them was given."""
    kept = {
        field: answers[field]
        for field in FIELDS
        if isinstance(answers.get(field), str) and answers[field] in QUESTIONS_BY_FIELD[field].codes
    }
    if age_band is not None:
        kept.pop("age_band", None)
        if kept and age_band in QUESTIONS_BY_FIELD["age_band"].codes:
            kept["age_band"] = age_band
    if kept.get("disability") != "yes":
        kept.pop("disability_impact", None)
    if kept.get("age_band") == UNDER_16:
        for field in SIXTEEN_AND_OVER:
            kept.pop(field, None)
    return kept


class AboutYouForm(HoneypotMixin, forms.Form):
    """The "About you" step: every question optional, radios, no free text.

    An answer that is not one of the choices (only a tampered form can send one) comes back with
    a message by the question; nothing else can be wrong."""

    def __init__(self, *args, ask_age: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        for question in QUESTIONS:
            if question.field == "age_band" and not ask_age:
                continue
            self.fields[question.field] = forms.ChoiceField(
                label=question.label,
                help_text=question.hint,
                required=False,
                choices=question.choices,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Choose one of the answers given, or none")},
            )
        self.add_honeypot()

    def answers(self) -> dict[str, str]:
        """The answers given, by field: the step's own checks come at submission
        (`equality_answers_clean`), when the survey's age band answer is known."""
        return {field: value for field, value in self.cleaned_data.items() if field in FIELDS and value}

    def ethnic_group_headings(self) -> list[tuple[str, list]]:
        """The ethnic group's radios under their headings, for a fieldset per heading; "Prefer
        not to say" comes last under no heading (heading None)."""
        options = list(self["ethnic_group"])
        groups, start = [], 0
        for heading, choices in ETHNIC_GROUPS:
            if isinstance(choices, list):
                groups.append((heading, options[start : start + len(choices)]))
                start += len(choices)
            else:
                groups.append((None, options[start : start + 1]))
                start += 1
        return groups


def equality_answer_rows(answers: dict, *, ask_age: bool = True) -> list[tuple[str, str]]:
    """(question, answer) for Check your answers, in the questions' order; unanswered ones say so."""
    return [
        (question.label, question.label_for(answers.get(question.field, "")) or NOT_ANSWERED_LABEL)
        for question in QUESTIONS
        if ask_age or question.field != "age_band"
    ]
