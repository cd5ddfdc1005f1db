"""django-allauth hooks for the public accounts of the parent forum."""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    """Parents land on the forum after signing in or confirming their email."""

    def get_login_redirect_url(self, request):
        return reverse("forum:index")

    def get_email_verification_redirect_url(self, email_address):
        if self.request.user.is_authenticated:
            return reverse("forum:index")
        # Confirmed from another browser or after the session ended: sign in, then the forum.
        return f"{reverse('account_login')}?next={reverse('forum:index')}"
