"""Forms for parents: signing up (the pseudonym), joining, posting, reporting, their profile."""

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.textguard import no_links, one_line_text

from .models import FORMER_MEMBER, Member
from .services import member_create

POST_MAX_LENGTH = 10_000
RESERVED_NAMES = {FORMER_MEMBER.lower(), "moderator", "admin", "safeguarding"}


def _display_name_field() -> forms.CharField:
    return forms.CharField(
        label=_("Display name"),
        max_length=40,
        validators=[one_line_text, no_links],
        help_text=_("The name other parents see. Use a first name or a made-up name, not your full name."),
        error_messages={
            "required": _("Enter a display name"),
            "max_length": _("Display name must be 40 characters or fewer"),
        },
    )


def _clean_display_name(value: str, *, member: Member | None = None) -> str:
    value = " ".join(value.split())
    if value.lower() in RESERVED_NAMES:
        raise forms.ValidationError(_("Choose a different display name"))
    taken = Member.objects.filter(display_name__iexact=value)
    if member is not None:
        taken = taken.exclude(pk=member.pk)
    if taken.exists():
        raise forms.ValidationError(_("Someone is already using that display name: choose another"))
    return value


class SignupExtraForm(forms.Form):
    """Added to allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS): the pseudonym, and the
    consent the forum relies on (its lawful basis in the privacy notice). The box must be ticked
    to sign up, so the member's `created_at` is when they gave it."""

    display_name = _display_name_field()
    consent = forms.BooleanField(
        label=_(
            "I agree that the council keeps my email, the name I show and what I post, to run the forum. "
            "I can delete my account at any time."
        ),
        error_messages={"required": _("Tick the box to agree, so we can keep your account")},
    )

    def clean_display_name(self):
        return _clean_display_name(self.cleaned_data["display_name"])

    def signup(self, request, user):
        member_create(user=user, display_name=self.cleaned_data["display_name"], language=translation.get_language())


class JoinForm(forms.Form):
    reason = forms.CharField(
        label=_("Why would you like to join?"),
        help_text=_("A sentence or two is enough. Only the moderators read this."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Tell us briefly why you would like to join"),
            "max_length": _("Keep this to 1,000 characters or fewer"),
        },
    )
    bereaved = forms.BooleanField(
        label=_("I have lost a child and would like to use the Bereavement space"),
        required=False,
        help_text=_("The Bereavement space is only for parents who have lost a child."),
    )


def _body_field(label) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=POST_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("You can use *italics*, **bold**, lists, links and > quotes."),
        error_messages={
            "required": _("Write your message before posting"),
            "max_length": _("Your message is too long: keep it to %(limit_value)s characters or fewer"),
        },
    )


class PostForm(forms.Form):
    body = _body_field(_("Your reply"))


class ThreadForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=120,
        validators=[one_line_text],
        error_messages={
            "required": _("Give your thread a title"),
            "max_length": _("Keep the title to 120 characters or fewer"),
        },
    )
    body = _body_field(_("Your message"))


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you reporting this post?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Tell the moderators what is wrong with this post"),
            "max_length": _("Keep this to 1,000 characters or fewer"),
        },
    )


class ProfileForm(forms.Form):
    display_name = _display_name_field()
    notify = forms.ChoiceField(
        label=_("When someone replies in a thread you follow"),
        choices=Member.Notify.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how you want to hear about replies")},
    )

    def __init__(self, *args, member: Member, **kwargs):
        super().__init__(*args, **kwargs)
        self.member = member

    def clean_display_name(self):
        return _clean_display_name(self.cleaned_data["display_name"], member=self.member)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password to confirm")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That password is not right"))
        return password


class ReasonForm(forms.Form):
    """A moderator's reason, required where the member is told it."""

    reason = forms.CharField(required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
