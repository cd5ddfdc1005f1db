"""The survey's page editor: "Show only if" rules chosen from earlier questions' answers.

Each question (and each Section row) offers the answers of the questions before it as
checkboxes, grouped by question: ticking "Yes" under "Do you carry a knife?" makes the rule
"show if the answer to that question is Yes"; ticking several answers of one question means any
of them. The editor never types an id. The choices are built from the questions the page had
when the editor opened (a question added just now can be chosen once the page has been saved,
as a draft or published). Saving refuses, next to the field, a rule that points at a later
question, at a question in the same step (answered together, so not known yet), at itself, at a
question being deleted or no longer on the survey, or at an answer the question no longer has.

Rules name questions by `SurveyQuestion.key`, not their database id: a draft revision keeps the
key of a question that has never been published.

The models import this module (the page's `base_form_class`), so it reads no model of its own
app: the kinds and answer values are in consultation/question_kinds.py.
"""

from django import forms
from django.forms.formsets import DELETION_FIELD_NAME, ORDERING_FIELD_NAME
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.panels import InlinePanel

from core.models import Ward

from .question_kinds import CHOICE_KINDS, OTHER, RULE_KINDS, WARD_ANSWER_LABELS, AgeBand, QuestionKind

RULE_SEPARATOR = ":"
# A rule offers no more than this many answers of one question (a ward list is the longest).
RULE_HELP = (
    "Leave all unticked to always show it. Tick answers of ONE earlier question from an earlier "
    "section to show this only to people who gave one of them. On a Section row, the rule shows "
    "or skips the whole section. A question added just now can be chosen after you save the page "
    "once (a draft is enough)."
)


def rule_answer_options(question) -> list[tuple[str, str]]:
    """(stored value, label) of each answer a rule can name, for a question of a rule kind."""
    kind = question.kind
    if kind in CHOICE_KINDS:
        options = [(choice, choice) for choice in question.choice_list]
        return options + ([(OTHER, "Other")] if question.allow_other else [])
    if kind == QuestionKind.YES_NO:
        return [("yes", "Yes"), ("no", "No")]
    if kind == QuestionKind.AGE_BAND:
        return list(AgeBand.choices)
    if kind == QuestionKind.WARD:
        wards = [(str(pk), name) for pk, name in Ward.objects.values_list("pk", "name")]
        return wards + list(WARD_ANSWER_LABELS.items())
    if kind == QuestionKind.RATING:
        return question.scale_points
    return []


class RuleCheckboxes(forms.CheckboxSelectMultiple):
    """The answers a rule can name, as a fieldset per earlier question with its label as the
    legend, so "Yes" is read out with the question it answers. (Django's grouped checkboxes
    label each group with a bare <label> that labels nothing.) Written here rather than as a
    template because the admin's form renderer reads only Django's own form templates."""

    def render(self, name, value, attrs=None, renderer=None):
        context = self.get_context(name, value, attrs)["widget"]
        groups = []
        for group, options, _index in context["optgroups"]:
            boxes = format_html_join(
                "",
                '<div class="w-mb-1"><label for="{}">'
                '<input type="checkbox" name="{}" value="{}" id="{}"{}> {}</label></div>',
                (
                    (
                        option["attrs"]["id"],
                        option["name"],
                        option["value"],
                        option["attrs"]["id"],
                        mark_safe(" checked") if option["selected"] else "",  # noqa: S308 (a constant)
                        option["label"],
                    )
                    for option in options
                ),
            )
            groups.append(
                format_html('<fieldset class="w-mb-4"><legend class="w-label-3">{}</legend>{}</fieldset>', group, boxes)
            )
        if not groups:
            return format_html("<p>{}</p>", "No earlier question has answers to choose from yet.")
        return format_html(
            '<fieldset id="{}"><legend class="w-sr-only">{}</legend>{}</fieldset>',
            context["attrs"].get("id", ""),
            "Show only if",
            mark_safe("".join(groups)),  # noqa: S308 (each part escaped above)
        )


def _rule_value(key: str, value: str) -> str:
    return f"{key}{RULE_SEPARATOR}{value}"


class SurveyQuestionForm(WagtailAdminModelForm):
    """A question's fields, plus its "Show only if" rule as checkboxes of earlier answers."""

    show_if = forms.MultipleChoiceField(
        required=False,
        widget=RuleCheckboxes,
        label="Show only if",
        help_text=RULE_HELP,
        error_messages={"invalid_choice": "That answer is no longer offered: untick it or choose another."},
    )

    def __init__(self, *args, rule_questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        own_key = self.instance.key
        groups, offered = [], set()
        for question in rule_questions:
            if question.key == own_key:
                break  # only questions before this one
            if question.kind not in RULE_KINDS:
                continue
            options = [(_rule_value(question.key, value), label) for value, label in rule_answer_options(question)]
            if options:
                groups.append((question.label, options))
                offered.add(question.key)
        if self.instance.show_if_key and self.instance.show_if_key not in offered:
            # Keep a rule the editor cannot offer in sight, ticked, so saving refuses it with a
            # message instead of dropping it without a word.
            groups.append(
                (
                    "A question that is not before this one any more",
                    [(_rule_value(self.instance.show_if_key, value), value) for value in self.instance.show_if_values],
                )
            )
        self.fields["show_if"].choices = groups
        if self.instance.show_if_key:
            self.initial["show_if"] = [
                _rule_value(self.instance.show_if_key, value) for value in self.instance.show_if_values
            ]

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("show_if") or []
        keys = {value.split(RULE_SEPARATOR, 1)[0] for value in chosen}
        if len(keys) > 1:
            self.add_error("show_if", "Tick answers of one question only.")
            return cleaned
        self.instance.show_if_key = keys.pop() if keys else ""
        self.instance.show_if_values = [value.split(RULE_SEPARATOR, 1)[1] for value in chosen]
        return cleaned


class SurveyPageForm(WagtailAdminPageForm):
    """The survey page's editor form: gives each question form the page's questions to offer in
    its rule, and checks every rule against the questions as they will be saved."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get("questions")
        if formset is not None:
            questions = list(self.instance.questions.all()) if self.instance else []
            formset.form_kwargs = {**formset.form_kwargs, "rule_questions": questions}

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("questions")
        if formset is None or not formset.is_bound:
            return cleaned
        formset.is_valid()  # validates each question form, so their rules are read
        self._check_rules(formset)
        return cleaned

    def _check_rules(self, formset) -> None:
        rows = []
        for index, form in enumerate(formset.forms):
            data = getattr(form, "cleaned_data", None)
            if data is None or (not form.has_changed() and not form.instance.pk):
                continue
            order = data.get(ORDERING_FIELD_NAME)
            rows.append((order if order is not None else index, index, form))
        rows.sort(key=lambda row: (row[0], row[1]))
        position, step_of, deleted, by_key = {}, {}, set(), {}
        step = 0
        for number, (_, _, form) in enumerate(rows):
            key = form.instance.key
            if form.cleaned_data.get(DELETION_FIELD_NAME):
                deleted.add(key)
            elif form.cleaned_data.get("kind") == QuestionKind.SECTION:
                step += 1
            position[key], step_of[key], by_key[key] = number, step, form
        for _, _, form in rows:
            if form.cleaned_data.get(DELETION_FIELD_NAME) or "show_if" in form.errors:
                continue
            target = form.instance.show_if_key
            if not target:
                continue
            message = self._rule_problem(form, target, position, step_of, deleted, by_key)
            if message:
                form.add_error("show_if", message)

    @staticmethod
    def _rule_problem(form, target, position, step_of, deleted, by_key) -> str:
        own = form.instance.key
        if target == own:
            return "A question cannot depend on its own answer: choose an earlier question."
        if target in deleted:
            return "The question this depends on is being deleted: untick its answers or keep that question."
        if target not in position:
            return "The question this depends on is no longer on this survey: untick its answers."
        if position[target] > position[own]:
            return "Choose a question that comes before this one: it depends on a later question now."
        is_section = form.cleaned_data.get("kind") == QuestionKind.SECTION
        own_step = step_of[own] - (1 if is_section else 0)
        if step_of[target] > own_step or (not is_section and step_of[target] == step_of[own]):
            return (
                "Choose a question from an earlier section: questions in the same step are answered "
                "together, so that answer is not known yet."
            )
        target_form = by_key[target]
        if target_form.cleaned_data.get("kind") not in RULE_KINDS:
            return "The question this depends on has no answers to choose from any more: untick them."
        target_question = type(target_form.instance)(
            kind=target_form.cleaned_data.get("kind"),
            choices=target_form.cleaned_data.get("choices") or "",
            allow_other=bool(target_form.cleaned_data.get("allow_other")),
            scale=target_form.cleaned_data.get("scale") or "",
        )
        allowed = {value for value, _ in rule_answer_options(target_question)}
        gone = [value for value in form.instance.show_if_values if value not in allowed]
        if gone:
            return f"“{gone[0]}” is no longer an answer to the question this depends on: untick it."
        return ""


class SurveyQuestionsPanel(InlinePanel):
    """The survey's questions, each edited with SurveyQuestionForm (its rule field)."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = SurveyQuestionForm
        return options
