"""Staff sign-in and password reset for the Wagtail admin, protected like the public accounts.

Wagtail's own /admin/login/ and /admin/password_reset/ have no limits. config/urls.py puts
these views in front of them (https://docs.wagtail.org/en/stable/extending/customising_admin_views.html):

- sign-in: a rate limit per address, and a lockout per submitted username after repeated wrong
  passwords. A refused attempt never checks the password, and every username is counted the
  same way whether or not it exists, so neither the answer nor its timing says which exist.
- password reset: a rate limit per address and per email address. Links go only to staff
  accounts (those that can use the admin), are built from SITE_URL, and never name the
  username. The lookup and the sending happen in a background task, so the page answers the
  same, in the same time, for a staff address, a parent's address and an unknown one.

Limits are read from settings (ADMIN_LOGIN_LOCKOUT, ADMIN_LOGIN_RATE_LIMIT,
ADMIN_PASSWORD_RESET_RATE_LIMIT, ADMIN_PASSWORD_RESET_EMAIL_LIMIT).
"""

import logging
import unicodedata

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpResponseRedirect
from wagtail.admin.forms.auth import LoginForm, PasswordResetForm
from wagtail.admin.views.account import LoginView, PasswordResetView

from core.ratelimit import Rate, client_ip, is_locked, lock_set, rate_parse, window_clear, window_hit
from core.tasks import staff_password_reset_send

logger = logging.getLogger(__name__)

# The error code of a refusal for too many attempts: the views answer it with 429.
TOO_MANY = "too_many_attempts"

_LOGIN_ADDRESS = "admin-login-address"
_LOGIN_FAILURES = "admin-login-failures"
_RESET_ADDRESS = "admin-reset-address"
_RESET_EMAIL = "admin-reset-email"


def _normalised(text: str) -> str:
    # "Admin", "admin " and "ADMIN" count as one username (and one email address), so changing
    # the case does not buy more guesses or more emails.
    return unicodedata.normalize("NFKC", text).strip().casefold()


def _too_many(message: str) -> ValidationError:
    return ValidationError(message, code=TOO_MANY)


def _over_limit(*, scope: str, value: str, setting: str) -> Rate | None:
    """Count this request against `value`'s limit; the rate when it is now over it, else None."""
    rate = rate_parse(setting)
    return rate if window_hit(scope=scope, value=value, rate=rate) > rate.count else None


class AdminLoginForm(LoginForm):
    """Wagtail's sign-in form, refusing before the password is checked when the address is over
    its limit or the username is locked, and counting every wrong password per username."""

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is None or not password:
            return super().clean()  # A field is missing: its own error says so; nothing to check.

        address = client_ip(None, self.request)
        if over := _over_limit(scope=_LOGIN_ADDRESS, value=address, setting=settings.ADMIN_LOGIN_RATE_LIMIT):
            raise _too_many(f"Too many sign-in attempts from your connection. Try again in {over.period_text}.")

        lockout = rate_parse(settings.ADMIN_LOGIN_LOCKOUT)
        key = _normalised(username)
        if is_locked(scope=_LOGIN_FAILURES, value=key):
            raise _too_many(self._locked_message(lockout))

        try:
            cleaned = super().clean()
        except ValidationError as error:
            if self.user_cache is not None:
                raise  # The password was right but the account may not sign in (inactive).
            # Counted for every submitted username, real or not: the same cache work either way.
            if window_hit(scope=_LOGIN_FAILURES, value=key, rate=lockout) >= lockout.count:
                lock_set(scope=_LOGIN_FAILURES, value=key, seconds=lockout.seconds)
                window_clear(scope=_LOGIN_FAILURES, value=key)
                raise _too_many(self._locked_message(lockout)) from error
            raise
        window_clear(scope=_LOGIN_FAILURES, value=key)
        return cleaned

    @staticmethod
    def _locked_message(lockout: Rate) -> str:
        return f"Too many failed sign-in attempts. Try again in {lockout.period_text}."


class AdminPasswordResetForm(PasswordResetForm):
    """Wagtail's reset form, refusing when the address or the email address is over its limit.
    Both are counted for every request, whoever the email address belongs to."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean(self):
        cleaned = super().clean()
        email = cleaned.get("email")
        if not email:
            return cleaned
        address = client_ip(None, self.request)
        if over := _over_limit(scope=_RESET_ADDRESS, value=address, setting=settings.ADMIN_PASSWORD_RESET_RATE_LIMIT):
            raise _too_many(f"Too many password reset requests from your connection. Try again in {over.period_text}.")
        target = _normalised(email)
        if over := _over_limit(scope=_RESET_EMAIL, value=target, setting=settings.ADMIN_PASSWORD_RESET_EMAIL_LIMIT):
            raise _too_many(
                f"Too many password reset requests for this email address. Try again in {over.period_text}."
            )
        return cleaned


def _answer_too_many_with_429(response, form):
    if form.has_error(NON_FIELD_ERRORS, code=TOO_MANY):
        response.status_code = 429
    return response


class AdminLoginView(LoginView):
    """Wagtail's sign-in page with AdminLoginForm. A refusal for too many attempts is the form
    again with the reason above it, answered 429."""

    def get_form_class(self):
        return AdminLoginForm

    def form_invalid(self, form):
        return _answer_too_many_with_429(super().form_invalid(form), form)


class AdminPasswordResetView(PasswordResetView):
    """Wagtail's reset page with AdminPasswordResetForm. The email is sent in the background by
    `staff_password_reset_send`; the page answers the same whoever the address belongs to."""

    def get_form_class(self):
        return AdminPasswordResetForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form):
        try:
            staff_password_reset_send.delay(form.cleaned_data["email"])
        except Exception:
            # The queue is down: no email this time. The person sees the same page and can ask again.
            logger.exception("Could not queue a staff password reset email")
        return HttpResponseRedirect(self.get_success_url())

    def form_invalid(self, form):
        return _answer_too_many_with_429(super().form_invalid(form), form)
