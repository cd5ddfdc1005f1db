"""django-allauth hooks for the public accounts of the parent forum.

- The forms (ACCOUNT_FORMS) are allauth's own with the site's wording: sentence-case labels,
  GOV.UK-style messages, and no placeholders (a placeholder vanishes as soon as someone types,
  and it is no substitute for a label).
- The emails name the site by SITE_NAME and link to SITE_URL, never to the host the request
  used: allauth builds its links from the request (`AccountAdapter.send_mail`).
- Nobody is ever shown their internal username: people sign in by email, and the only name
  they chose is their forum display name (`user_display`).
"""

from allauth.account import forms as allauth_forms
from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.links import site_url

# Labels and "required" messages by field name, as the site words them.
LABELS = {
    "login": _("Email address"),
    "email": _("Email address"),
    "password": _("Password"),
    "remember": _("Remember me on this device"),
    "oldpassword": _("Current password"),
    "password1": _("New password"),
    "password2": _("Confirm your new password"),
}
REQUIRED = {
    "login": _("Enter your email address"),
    "email": _("Enter your email address"),
    "password": _("Enter your password"),
    "oldpassword": _("Enter your current password"),
    "password1": _("Enter a password"),
    "password2": _("Enter the password again"),
}


def user_display(user) -> str:
    """What allauth shows for a person (ACCOUNT_USER_DISPLAY): their forum display name, or
    nothing. Never the username, which was made from their email and which they never chose."""
    member = getattr(user, "forum_member", None)
    return member.display_name if member is not None else ""


def _site_wording(form, **labels) -> None:
    for name, field in form.fields.items():
        field.widget.attrs.pop("placeholder", None)
        field.label = labels.get(name, LABELS.get(name, field.label))
        if name in REQUIRED:
            field.error_messages["required"] = REQUIRED[name]
    for name in ("password", "oldpassword"):
        if name in form.fields:
            # allauth puts a "Forgot your password?" link in the hint; the page shows a link instead.
            form.fields[name].help_text = ""
    if "email" in form.fields:
        form.fields["email"].error_messages["invalid"] = _(
            "Enter an email address in the correct format, like name@example.com"
        )


class LoginForm(allauth_forms.LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _site_wording(self)


class SignupForm(allauth_forms.SignupForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _site_wording(self, password1=_("Create a password"), password2=_("Confirm your password"))


class ResetPasswordForm(allauth_forms.ResetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _site_wording(self)


class ResetPasswordKeyForm(allauth_forms.ResetPasswordKeyForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _site_wording(self)


class AddEmailForm(allauth_forms.AddEmailForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _site_wording(self, email=_("Add an email address"))


class ChangePasswordForm(allauth_forms.ChangePasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _site_wording(self)


class SetPasswordForm(allauth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _site_wording(self)


class ReauthenticateForm(allauth_forms.ReauthenticateForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _site_wording(self)


class AccountAdapter(DefaultAccountAdapter):
    """Parents land on the forum after signing in or confirming their email; every email
    allauth sends names the site and links to SITE_URL."""

    def get_login_redirect_url(self, request):
        return reverse("forum:index")

    def get_email_verification_redirect_url(self, email_address):
        if self.request.user.is_authenticated:
            return reverse("forum:index")
        # Confirmed from another browser or after the session ended: sign in, then the forum.
        return f"{reverse('account_login')}?next={reverse('forum:index')}"

    def get_email_confirmation_url(self, request, emailconfirmation):
        return site_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def get_reset_password_from_key_url(self, key):
        return site_url(super().get_reset_password_from_key_url(key))

    def send_mail(self, template_prefix, email, context):
        """Every full link allauth put in the context (the sign-up and password reset links)
        is moved onto SITE_URL, and the templates get the site's name and address."""
        context = {
            name: site_url(value) if isinstance(value, str) and value.startswith(("http://", "https://")) else value
            for name, value in context.items()
        }
        context.update(site_name=settings.SITE_NAME, site_url=settings.SITE_URL)
        super().send_mail(template_prefix, email, context)
