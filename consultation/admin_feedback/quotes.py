"""Pinning quotes for a survey's report, from a piece of feedback's inspect view.

An officer picks one of the feedback's confirmed themes and, if they want less than the whole
text, copies an excerpt of it. The quote is checked for names, phone numbers and email
addresses (consultation/quotes.py); if any is found, the page lists what was found and the
officer must tick that they have read the quote and it identifies nobody before it is pinned.
At most five per theme per survey. Officers hold `consultation.add_pinnedquote` and
`delete_pinnedquote` (consultation/migrations/0015_officers_pin_quotes.py), which this area needs.
"""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path

from core.forms import validation_error_list
from core.models import Theme
from core.viewsets import PermissionViewSet

from .. import services
from ..models import PINNED_QUOTES_PER_THEME, Feedback, PinnedQuote

PIN_PERMISSION = "consultation.add_pinnedquote"
UNPIN_PERMISSION = "consultation.delete_pinnedquote"
EXCERPT_MAX = 1000


class PinForm(forms.Form):
    theme = forms.ModelChoiceField(
        queryset=Theme.objects.none(),
        widget=forms.RadioSelect,
        label="Theme",
        empty_label=None,
        error_messages={"required": "Choose the theme the quote stands for", "invalid_choice": "Choose a theme"},
    )
    excerpt = forms.CharField(
        label="Excerpt (optional)",
        required=False,
        max_length=EXCERPT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="To quote part of what they said, copy those words here exactly. Leave it empty to quote "
        "the whole text.",
        error_messages={"max_length": f"Keep the excerpt to {EXCERPT_MAX:,} characters or fewer"},
    )
    acknowledged = forms.BooleanField(
        label="I have read the quote: it does not say who anyone is, and it can appear in the report",
        required=False,
    )

    def __init__(self, *args, feedback: Feedback, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = feedback.themes.order_by("sort_order")
        self.fields["excerpt"].widget.attrs.pop("maxlength", None)


def pin_context(feedback: Feedback) -> dict:
    """What the inspect view shows about quotes: the quotes pinned from this feedback, and
    whether it can be pinned at all (and, if not, why)."""
    pinned = list(PinnedQuote.objects.filter(feedback=feedback).select_related("theme"))
    reason = ""
    if feedback.survey_id is None:
        reason = "Only feedback from a survey can be quoted in its report."
    elif feedback.safeguarding_flag:
        reason = "Feedback flagged for safeguarding is never quoted."
    elif not feedback.themes.exists():
        reason = "Confirm a theme first: a quote stands for one of the feedback's confirmed themes."
    return {"pinned_quotes": pinned, "pin_refused": reason, "pin_limit": PINNED_QUOTES_PER_THEME}


def quote_pin_view(request, pk: int):
    """The pin form (GET), the check and the pin (POST); a warning comes back to be acknowledged."""
    feedback = get_object_or_404(Feedback.objects.select_related("survey"), pk=pk)
    form = PinForm(request.POST if request.method == "POST" else None, feedback=feedback)
    findings = []
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            quote, findings = services.quote_pin(
                feedback=feedback,
                theme=data["theme"],
                user=request.user,
                excerpt=data["excerpt"],
                acknowledged=data["acknowledged"],
            )
        except services.QuoteRefused as refusal:
            form.add_error(refusal.field, str(refusal))
        else:
            if quote is not None:
                messages.success(request, f"The quote is pinned for {quote.theme.name} in the survey's report.")
                return redirect("wagtailsnippets_consultation_feedback:inspect", feedback.pk)
            if request.POST.get("checked") == "1":
                # They saw the warning and sent it again without ticking the box.
                form.add_error("acknowledged", "Tick the box to say you have read the quote, or change the excerpt")
    return TemplateResponse(
        request,
        "consultation/admin/quote_pin.html",
        {
            "feedback": feedback,
            "form": form,
            "findings": findings,
            "error_list": validation_error_list(form) if form.is_bound else [],
            "page_title": "Pin a quote for the report",
            "header_icon": "comment",
            **pin_context(feedback),
        },
    )


def quote_unpin_view(request, pk: int):
    """Unpin (POST only), back to the feedback."""
    if request.method != "POST":
        raise Http404
    if not request.user.has_perm(UNPIN_PERMISSION):
        raise Http404
    quote = get_object_or_404(PinnedQuote.objects.select_related("feedback", "theme"), pk=pk)
    feedback_pk = quote.feedback_id
    services.quote_unpin(quote=quote, user=request.user)
    messages.success(request, "The quote is unpinned.")
    return redirect("wagtailsnippets_consultation_feedback:inspect", feedback_pk)


class QuotesViewSet(PermissionViewSet):
    """Pinning and unpinning quotes, for officers; reached from the feedback's inspect view."""

    name = "consultation_quotes"
    url_prefix = "feedback-quotes"
    permission = PIN_PERMISSION

    def get_routes(self):
        return [
            path("<int:pk>/pin/", quote_pin_view, name="pin"),
            path("unpin/<int:pk>/", quote_unpin_view, name="unpin"),
        ]
