"""What survey answers are made of: the question kinds, the age bands and the stored values that
are not a choice. Apart from the models so the editor's forms (consultation/editor_forms.py),
which the models use, can read them without importing the models back."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgeBand(models.TextChoices):
    """Age bands used everywhere, so survey and youth voice answers can be counted together."""

    AGE_11_15 = "11-15", _("11 to 15")
    AGE_16_18 = "16-18", _("16 to 18")
    AGE_19_24 = "19-24", _("19 to 24")
    AGE_25_34 = "25-34", _("25 to 34")
    AGE_35_44 = "35-44", _("35 to 44")
    AGE_45_54 = "45-54", _("45 to 54")
    AGE_55_64 = "55-64", _("55 to 64")
    AGE_65_PLUS = "65+", _("65 or over")
    PREFER_NOT_TO_SAY = "prefer-not-to-say", _("Prefer not to say")


# Stored answers that are not a ward or a choice of the question, as the forms write them and
# the results and exports read them.
WARD_OUTSIDE = "outside"
WARD_PREFER_NOT = "prefer-not-to-say"
WARD_ANSWER_LABELS = {WARD_OUTSIDE: _("I don't live in the city"), WARD_PREFER_NOT: _("Prefer not to say")}
OTHER = "__other__"


class QuestionKind(models.TextChoices):
    """What a survey question asks for (SurveyQuestion.Kind)."""

    SECTION = "section", "Section (starts a new step)"
    SHORT_TEXT = "short_text", "Short text"
    LONG_TEXT = "long_text", "Long text"
    SINGLE_CHOICE = "single_choice", "Single choice"
    MULTIPLE_CHOICE = "multiple_choice", "Multiple choice"
    RATING = "rating", "Rating scale"
    YES_NO = "yes_no", "Yes or no"
    AGE_BAND = "age_band", "Age band"
    WARD = "ward", "Ward"
    NUMBER = "number", "Number (whole number)"
    DATE = "date", "Date"
    RANKING = "ranking", "Ranking (2 to 7 choices)"
    GRID = "grid", "Grid of statements on one scale"


FREE_TEXT_KINDS = (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT)
CHOICE_KINDS = (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE)
# Kinds whose answers a later question or section can be shown for ("Show if ...").
RULE_KINDS = (
    QuestionKind.SINGLE_CHOICE,
    QuestionKind.MULTIPLE_CHOICE,
    QuestionKind.YES_NO,
    QuestionKind.AGE_BAND,
    QuestionKind.WARD,
    QuestionKind.RATING,
)
