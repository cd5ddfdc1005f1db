"""Removing personal details someone typed into one piece of feedback.

Feedback is anonymous and what people wrote is never edited, with one exception: someone may
type their own or another person's name, email address or phone number into it. An officer
removes those words (or, where that is not enough, the whole text) with a reason; the change is
in the item's history with who did it and why (`services.feedback_redact`). Officers hold
`consultation.change_feedback`, which the area (a PermissionViewSet) needs.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path

from core.viewsets import PermissionViewSet

from .. import services
from ..models import Feedback

REDACT_PERMISSION = "consultation.change_feedback"


class RedactForm(forms.Form):
    words = forms.CharField(
        label="Words to remove",
        required=False,
        max_length=500,
        help_text="Copy them exactly as they are written, such as a name or a phone number. Every place they "
        "appear becomes \u201c[removed]\u201d. Leave it empty to remove the whole text.",
    )
    reason = forms.CharField(
        label="Why they are being removed",
        max_length=500,
        help_text="Kept in the item's history with your name. Do not repeat the details here.",
    )


def feedback_redact_view(request, pk: int):
    """The form (GET) and the removal (POST), then back to the item."""
    feedback = get_object_or_404(Feedback, pk=pk)
    form = RedactForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            services.feedback_redact(
                feedback=feedback,
                user=request.user,
                reason=form.cleaned_data["reason"],
                words=form.cleaned_data["words"],
            )
        except services.RedactionError as error:
            form.add_error("words" if form.cleaned_data["words"] else "reason", str(error))
        else:
            messages.success(request, "The personal details were removed. The change is in the item's history.")
            return redirect("wagtailsnippets_consultation_feedback:inspect", feedback.pk)
    return TemplateResponse(
        request,
        "consultation/admin/feedback_redact.html",
        {
            "feedback": feedback,
            "form": form,
            "page_title": "Remove personal details from feedback",
            "header_icon": "comment",
        },
    )


class FeedbackRedactViewSet(PermissionViewSet):
    """Removing personal details from one item, for those who may change feedback. Reached from
    the item's inspect view; no menu item."""

    name = "consultation_feedback_redact"
    url_prefix = "feedback-redact"
    permission = REDACT_PERMISSION

    def get_routes(self):
        return [path("<int:pk>/", feedback_redact_view, name="redact")]
