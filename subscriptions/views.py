"""Public pages of subscriptions. Thin: forms check, services write.

Signing up and asking for a manage link answer with the same page whatever the address: the
lookup and the email happen in a background task. Links from emails carry a signed key
(subscriptions/links.py). Confirming and unsubscribing are POSTs (a button on the page the
link opens), so a mail program that fetches links to scan them changes nothing; the
unsubscribe URL also takes the one-click POST of RFC 8058 from mail programs, without a session
or CSRF token: the signed link is the authority.
"""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.forms import validation_error_list
from core.ratelimit import submission_limited

from . import services
from .forms import ChoicesForm, ManageLinkForm, SubscribeForm
from .links import CONFIRM_DAYS
from .models import Topic

NOINDEX = {"noindex": True}


def _render(request, template, context, status=200):
    response = TemplateResponse(request, template, {**NOINDEX, **context}, status=status)
    add_never_cache_headers(response)
    return response


def _link_problem(request, result, *, action: str):
    """The page for a link that is broken, expired or no longer leads anywhere; 404 for a
    link that was never right, 410 for one whose subscription is gone."""
    status = {"broken": 404, "expired": 410, "gone": 410}[result.state]
    return _render(request, "subscriptions/link_problem.html", {"state": result.state, "action": action}, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    """The sign-up form. A valid POST (or a bot's, caught by the honeypot) goes to the same
    "check your email" page whatever the address."""
    if request.method == "POST":
        form = SubscribeForm(request.POST)
    else:
        # Links from the consultations, events and strategy pages tick their topic.
        topic = request.GET.get("topic", "")
        form = SubscribeForm(initial={topic: True} if topic in Topic.values else {})
    if request.method == "POST":
        if form.is_spam():
            return HttpResponseRedirect(reverse("subscriptions:check_email"))
        if form.is_valid():
            if submission_limited(request, group="subscribe"):
                return _render(request, "429.html", {"place": "subscribe"}, status=429)
            services.subscription_request(
                email=form.cleaned_data["email"], choices=form.choices(), language=translation.get_language() or ""
            )
            return HttpResponseRedirect(reverse("subscriptions:check_email"))
    error_list = validation_error_list(form) if form.is_bound else []
    return _render(
        request,
        "subscriptions/subscribe.html",
        {"form": form, "error_list": error_list, "days": CONFIRM_DAYS},
    )


def check_email(request):
    """What everyone sees after signing up or asking for a link."""
    return _render(request, "subscriptions/check_email.html", {"days": CONFIRM_DAYS})


@require_http_methods(["GET", "HEAD", "POST"])
def manage_link(request):
    """Ask for a link to manage a subscription, by address."""
    form = ManageLinkForm(request.POST or None)
    if request.method == "POST":
        if form.is_spam():
            return HttpResponseRedirect(reverse("subscriptions:check_email"))
        if form.is_valid():
            if submission_limited(request, group="subscribe"):
                return _render(request, "429.html", {"place": "subscribe"}, status=429)
            services.manage_link_request(email=form.cleaned_data["email"])
            return HttpResponseRedirect(reverse("subscriptions:check_email"))
    error_list = validation_error_list(form) if form.is_bound else []
    return _render(
        request,
        "subscriptions/manage_link.html",
        {"form": form, "error_list": error_list},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token: str):
    """The link in the confirmation email: a button that confirms (POST)."""
    if request.method == "POST":
        result = services.subscription_confirm(token=token)
        if result.state in ("ok", "done"):
            return _render(
                request,
                "subscriptions/confirmed.html",
                {"already": result.state == "done", "token": token, "subscriber": result.subscriber},
            )
        return _link_problem(request, result, action="confirm")
    result = services.subscription_for_confirm(token=token)
    if result.state != "ok":
        return _link_problem(request, result, action="confirm")
    if result.subscriber.status == result.subscriber.Status.CONFIRMED:
        return _render(request, "subscriptions/confirmed.html", {"already": True, "subscriber": result.subscriber})
    return _render(request, "subscriptions/confirm.html", {"token": token})


@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token: str):
    """Change what to hear about and how often, or leave."""
    result = services.subscription_for_manage(token=token)
    if result.state != "ok":
        return _link_problem(request, result, action="manage")
    subscriber = result.subscriber
    saved = False
    if request.method == "POST":
        form = ChoicesForm(request.POST)
        if form.is_valid():
            services.subscription_update(
                subscriber=subscriber, choices=form.choices(), language=translation.get_language()
            )
            saved = True
            form = ChoicesForm(initial=ChoicesForm.initial_for(subscriber))
    else:
        form = ChoicesForm(initial=ChoicesForm.initial_for(subscriber))
    error_list = validation_error_list(form) if form.is_bound else []
    return _render(
        request,
        "subscriptions/manage.html",
        {
            "form": form,
            "error_list": error_list,
            "saved": saved,
            "subscriber": subscriber,
            "unsubscribe_token": services.unsubscribe_token(subscriber=subscriber),
        },
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token: str):
    """GET: a button to unsubscribe. POST (that button, or a mail program's one-click): the
    subscription is deleted at once."""
    result = services.subscription_for_unsubscribe(token=token)
    if result.state == "gone" and request.method == "POST":
        # Used before (or a mail program retrying): the address is already off the list.
        return _render(request, "subscriptions/unsubscribed.html", {"again": True})
    if result.state != "ok":
        return _link_problem(request, result, action="unsubscribe")
    if request.method == "POST":
        services.subscription_cancel(subscriber=result.subscriber)
        return _render(request, "subscriptions/unsubscribed.html", {})
    return _render(request, "subscriptions/unsubscribe.html", {"token": token})
