"""Paper survey forms typed in by officers (the admin's Survey results > "Enter a paper
response"): the whole survey on one page, every question optional (people leave questions out
on paper), saved as a response with the channel "paper", so the report counts paper, kiosk and
online answers together and says how many came each way.

The form is the public survey's own (consultation.forms.SurveyStepForm), so every kind of
question is checked the same way. The survey's "Show only if" rules apply as they do online: an
answer to a question the rules would have skipped is not saved, and the officer is told how
many were left out. Written answers become feedback, checked for safeguarding like any other.
The "About you" equality questions are not typed in from paper: special category data is
entered only by the person it is about. Officers (`consultation.add_feedback`, as for other
offline input) may enter paper responses."""

import copy
import datetime
import secrets

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from core.forms import HONEYPOT, validation_error_list
from core.models import site_language_choices, site_language_default

from . import services
from .forms import SurveyStepForm
from .models import Response, SurveyPage, SurveyQuestion

PAPER_PERMISSION = "consultation.add_feedback"


class PaperResponseForm(SurveyStepForm):
    """Every question of the survey, all optional, with the date on the form and its language."""

    def __init__(self, *args, survey: SurveyPage, **kwargs):
        questions = []
        for question in survey.questions.all():
            if question.kind == SurveyQuestion.Kind.SECTION:
                continue
            optional = copy.copy(question)
            optional.required = False
            questions.append(optional)
        super().__init__(*args, questions=questions, **kwargs)
        del self.fields[HONEYPOT]  # staff only: no robots to catch
        self.fields["received"] = forms.DateField(
            label="Date on the form",
            help_text="When the person filled it in, for example 14/03/2026 (today if there is no date).",
            error_messages={"required": "Enter the date on the form", "invalid": "Enter a real date, like 14/03/2026"},
        )
        self.fields["language"] = forms.ChoiceField(
            label="Language the form was filled in",
            choices=site_language_choices,
            initial=site_language_default,
        )
        self.fields["token"] = forms.CharField(widget=forms.HiddenInput, max_length=64)
        self.order_fields(["received", "language"])

    def clean_received(self):
        value = self.cleaned_data["received"]
        if value > timezone.localdate():
            raise forms.ValidationError("The date on the form cannot be in the future")
        if value < datetime.date(2000, 1, 1):
            raise forms.ValidationError("Enter the date on the form, from 2000 onwards")
        return value


def _grouped(field: forms.Field) -> bool:
    """Radios and checkboxes: shown as a fieldset named by its legend (the admin's own field
    template gives such a group a label that names nothing)."""
    return isinstance(field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple)


def _groups(form: PaperResponseForm, survey: SurveyPage) -> list[dict]:
    """The form's fields under the survey's section headings, each question's fields together."""
    questions = {question.pk: question for question in form.questions}
    groups = []
    for step in survey.steps():
        rows = []
        for question in step["questions"]:
            names = form.parts.get(question.pk) or [question.field_name]
            other = f"{question.field_name}_other"
            rows.append(
                {
                    "question": questions[question.pk],
                    "composite": question.pk in form.parts,
                    "fields": [{"field": form[name], "grouped": _grouped(form.fields[name])} for name in names],
                    "other": form[other] if other in form.fields else None,
                }
            )
        if rows:
            groups.append({"title": step["title"], "rows": rows})
    return groups


def paper_response_add(request, pk: int):
    """Type in one paper form. Saved whole or not at all; a second press of the button (or a
    reload) saves nothing twice."""
    if not request.user.has_perm(PAPER_PERMISSION):
        raise PermissionDenied
    survey = get_object_or_404(SurveyPage, pk=pk)
    form = PaperResponseForm(
        request.POST or None,
        survey=survey,
        initial={"token": secrets.token_urlsafe(24), "received": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        answers = form.answers()
        asked = [q.pk for q in survey.questions_asked({str(pk): answer for pk, answer in answers.items()})]
        skipped = len(set(answers) - set(asked))
        received = form.cleaned_data["received"]
        try:
            response = services.response_submit(
                survey=survey,
                token=f"paper-{form.cleaned_data['token']}",
                answers=answers,
                asked=asked,
                language=form.cleaned_data["language"],
                channel=Response.Channel.PAPER,
                submitted_at=timezone.make_aware(datetime.datetime.combine(received, datetime.time(12, 0))),
            )
        except services.DuplicateSubmission:
            messages.warning(request, "That paper form was saved already: it has not been saved twice.")
            return redirect("consultation_results:paper", survey.pk)
        log(instance=response, action="consultation.paper_entered", user=request.user)
        saved = len(answers) - skipped
        note = f"Paper response {response.pk} saved with {saved} answer{'s' if saved != 1 else ''}."
        if skipped:
            note += (
                f" {skipped} answer{'s were' if skipped != 1 else ' was'} to questions the survey's rules skip "
                "after the earlier answers, and not saved."
            )
        messages.success(request, note)
        return redirect("consultation_results:paper", survey.pk)
    return TemplateResponse(
        request,
        "consultation/admin/paper_response.html",
        {
            "survey": survey,
            "form": form,
            "groups": _groups(form, survey),
            "error_list": validation_error_list(form) if form.is_bound else [],
            "page_title": f"Enter a paper response: {survey.title}",
            "header_icon": "doc-full",
            "results_url": reverse("consultation_results:index", args=[survey.pk]),
        },
    )
