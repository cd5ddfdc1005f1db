"""Sending a staff password reset link, run by the `core.staff_password_reset_send` task that the
admin's reset page queues for every request (core/admin_accounts.py). Links go only to staff
accounts, are built from SITE_URL, and never name the username. Nothing here queues a task, so
the imports run one way: admin_accounts -> tasks -> password_reset.
"""

import unicodedata

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from core.textguard import email_subject

EMAIL_TEMPLATE = "wagtailadmin/account/password_reset/email.txt"
SUBJECT_TEMPLATE = "wagtailadmin/account/password_reset/email_subject.txt"


def _same_email(one: str, other: str) -> bool:
    return unicodedata.normalize("NFKC", one).casefold() == unicodedata.normalize("NFKC", other).casefold()


def staff_for_password_reset(*, email: str) -> list:
    """Active staff accounts with this email address and a password they can reset.

    Staff means an account that can use the Wagtail admin ("Can access Wagtail admin", given
    by every staff group, or a superuser). Forum parents cannot, so they never get a staff reset
    link: their passwords are reset at /accounts/password/reset/.
    """
    users = get_user_model()._default_manager.filter(email__iexact=email, is_active=True)
    return [
        user
        for user in users
        if user.has_usable_password() and _same_email(user.email, email) and user.has_perm("wagtailadmin.access_admin")
    ]


def staff_password_reset_email(*, email: str) -> int:
    """Email a reset link to each staff account with this address; returns how many were sent.

    The link is built from SITE_URL, never from the Host header of the request, and the email
    names no username.
    """
    sent = 0
    for user in staff_for_password_reset(email=email):
        context = {
            "site_name": settings.SITE_NAME,
            "site_url": settings.SITE_URL,
            "uid": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
            "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86_400),
        }
        subject = email_subject(render_to_string(SUBJECT_TEMPLATE, context))
        send_mail(subject, render_to_string(EMAIL_TEMPLATE, context), None, [user.email])
        sent += 1
    return sent
