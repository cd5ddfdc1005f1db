"""The django-allauth pages and emails look and read like the rest of the site: sentence-case
headings, no placeholders, no internal username, hints that screen readers reach, "Error:" in
the title, and emails that name SITE_NAME and link only to SITE_URL."""

import re

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_display, user_pk_to_url_str
from django.urls import reverse

from .factories import MemberFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a long test password"
USERNAME = "sam.internal7"
SITE_URL = "https://consult.example.gov.uk"
SITE_NAME = "Example Borough Safer Streets"
# allauth's own wording that the site replaces.
TITLE_CASE = [
    "Sign Up",
    "Sign In",
    "Remember Me",
    "Verify Your Email",
    "Confirm Email Address",
    "Change Password",
    "Password Reset",
    "Email Addresses",
    "Make Primary",
    "Forgot your password?",
    "(again)",
]


@pytest.fixture
def parent(db):
    """A parent whose username (made by the site, never chosen) differs from their email."""
    user = UserFactory(username=USERNAME, email="sam.parent@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    MemberFactory(user=user, display_name="Robin")
    return user


def _reset_key_url(user) -> str:
    key = f"{user_pk_to_url_str(user)}-{default_token_generator.make_token(user)}"
    return reverse(
        "account_reset_password_from_key", kwargs={"uidb36": key.split("-", 1)[0], "key": key.split("-", 1)[1]}
    )


def _pages(client, parent) -> dict[str, str]:
    pages = {}
    for name in [
        "account_login",
        "account_signup",
        "account_reset_password",
        "account_reset_password_done",
        "account_email_verification_sent",
        "account_reset_password_from_key_done",
    ]:
        pages[name] = client.get(reverse(name)).content.decode()
    pages["reset_from_key"] = client.get(_reset_key_url(parent), follow=True).content.decode()
    pages["reset_bad_key"] = client.get(
        reverse("account_reset_password_from_key", kwargs={"uidb36": "zz", "key": "nope"}), follow=True
    ).content.decode()
    unconfirmed = EmailAddress.objects.create(user=parent, email="sam.other@example.org", verified=False)
    key = EmailConfirmationHMAC(unconfirmed).key
    pages["email_confirm"] = client.get(reverse("account_confirm_email", args=[key])).content.decode()
    pages["email_confirm_bad"] = client.get(reverse("account_confirm_email", args=["nope"])).content.decode()
    client.force_login(parent)
    for name in ["account_logout", "account_email", "account_change_password"]:
        pages[name] = client.get(reverse(name)).content.decode()
    return pages


def _h1(content: str) -> str:
    return " ".join(re.search(r"<h1[^>]*>(.*?)</h1>", content, re.S).group(1).split())


def test_every_account_page_has_a_sentence_case_heading_no_placeholder_and_no_username(client, parent):
    for name, content in _pages(client, parent).items():
        heading = _h1(content)
        assert heading[0].isupper() and not any(word[0].isupper() for word in heading.split()[1:]), (name, heading)
        assert not [phrase for phrase in TITLE_CASE if phrase in content], name
        assert "placeholder=" not in content, name
        assert USERNAME not in content, name
        assert "Error:" not in content.split("</title>")[0], name


def test_email_confirmation_page_names_the_address_not_the_user(client, parent):
    content = _pages(client, parent)["email_confirm"]
    assert "Confirm that sam.other@example.org is your email address" in content
    assert "user " not in _h1(content)


def test_the_person_is_shown_by_display_name_never_username(parent, django_user_model):
    assert user_display(parent) == "Robin"
    assert user_display(django_user_model.objects.get(username="moderator")) == ""


@pytest.mark.parametrize(
    ("url_name", "data", "field"),
    [
        ("account_login", {"login": "", "password": ""}, "login"),
        (
            "account_signup",
            {"email": "x@example.org", "password1": "short", "password2": "other", "display_name": ""},
            "password1",
        ),
        ("account_reset_password", {"email": "not an email"}, "email"),
    ],
)
def test_a_bad_post_says_error_in_the_title_and_ties_each_hint_and_message_to_its_field(client, url_name, data, field):
    content = client.post(reverse(url_name), data).content.decode()
    title = re.search(r"<title>(.*?)</title>", content, re.S).group(1).strip()
    assert title.startswith("Error: ")
    assert "There is a problem" in content
    field_input = re.search(rf'<input[^>]*name="{field}"[^>]*>', content).group(0)
    described = re.search(r'aria-describedby="([^"]+)"', field_input).group(1).split()
    assert f"id_{field}-error" in described
    for element_id in described:
        element = re.search(rf'<(div|p) class="[^"]*" id="{element_id}">(.*?)</\1>', content, re.S)
        assert element and element.group(2).strip(), element_id


def test_the_password_rules_sit_in_a_div_the_password_box_points_at(client):
    content = client.get(reverse("account_signup")).content.decode()
    hint = re.search(r'<div class="hint" id="id_password1-hint">(.*?)</div>', content, re.S)
    assert hint and "at least 8 characters" in hint.group(1)
    assert re.search(r'<input[^>]*name="password1"[^>]*aria-describedby="id_password1-hint"', content)
    assert '<p class="hint" id="id_password1-hint"><ul>' not in content


def _links(text: str) -> list[str]:
    return re.findall(r"https?://[^\s<>\"')]+", text)


def test_every_account_email_names_the_site_and_links_only_to_site_url(client, parent, settings, mailoutbox):
    settings.SITE_URL = SITE_URL
    settings.SITE_NAME = SITE_NAME
    client.defaults["HTTP_HOST"] = "testserver"
    # Sign up (confirmation email), sign up again with a taken address (already exists), reset a
    # known address and an unknown one.
    signup = {"password1": "Correct-Horse-Battery-9", "password2": "Correct-Horse-Battery-9", "consent": "on"}
    client.post(reverse("account_signup"), {"email": "new.parent@example.org", "display_name": "Jo Newcomer", **signup})
    client.logout()
    client.post(reverse("account_signup"), {"email": parent.email, "display_name": "Jo Again", **signup})
    client.post(reverse("account_reset_password"), {"email": parent.email})
    client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    subjects = [message.subject for message in mailoutbox]
    assert len(mailoutbox) == 4, subjects
    for message in mailoutbox:
        assert SITE_NAME in message.body and SITE_NAME in message.subject
        assert f"{SITE_URL}/" in message.body
        assert "testserver" not in message.body and "127.0.0.1" not in message.body
        assert USERNAME not in message.body and "Hello from" not in message.body
        assert _links(message.body) and all(link.startswith(SITE_URL + "/") for link in _links(message.body))
    assert re.search(rf"{re.escape(SITE_URL)}/accounts/confirm-email/\S+/", mailoutbox[0].body)
    assert re.search(rf"{re.escape(SITE_URL)}/accounts/password/reset/key/\S+/", mailoutbox[2].body)
