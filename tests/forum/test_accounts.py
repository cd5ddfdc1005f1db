"""Public accounts (django-allauth): sign up with a pseudonym, verified email, lockout, deletion."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest
from django.urls import reverse

from forum import services
from forum.models import FORMER_MEMBER, Member, Post

pytestmark = pytest.mark.django_db

PASSWORD = "a long test password"


def _signup(client, **overrides):
    data = {
        "email": "new.parent@example.org",
        "password1": "Correct-Horse-Battery-9",
        "password2": "Correct-Horse-Battery-9",
        "display_name": "Robin",
        "consent": "on",
        **overrides,
    }
    return client.post(reverse("account_signup"), data)


def test_sign_up_makes_a_member_with_the_pseudonym_and_sends_a_verification_email(client, mailoutbox):
    response = _signup(client)
    assert response.status_code == 302
    member = Member.objects.get(display_name="Robin")
    assert member.user.email == "new.parent@example.org"
    assert member.status == Member.Status.NONE
    assert re.search(r"/accounts/confirm-email/\S+/", mailoutbox[0].body)


def test_sign_up_needs_the_consent_box_ticked_and_saves_nothing_without_it(client):
    response = _signup(client, consent="")
    assert response.status_code == 200
    assert "Tick the box to agree, so we can keep your account" in response.content.decode()
    assert not Member.objects.filter(display_name="Robin").exists()
    assert not get_user_model().objects.filter(email="new.parent@example.org").exists()


def test_sign_up_refuses_a_taken_display_name_and_keeps_what_was_typed(client, member):
    response = _signup(client, display_name="alex")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Someone is already using that display name" in content
    assert "There is a problem" in content
    assert 'value="new.parent@example.org"' in content


@pytest.mark.parametrize(
    ("display_name", "message"),
    [("Robin\nModerator", "Keep this to one line"), ("Robin www.evil.example", "without a web address")],
)
def test_sign_up_refuses_a_display_name_on_two_lines_or_with_a_link(client, display_name, message):
    response = _signup(client, display_name=display_name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Member.objects.filter(display_name__startswith="Robin").exists()


def test_unverified_account_cannot_sign_in(client):
    _signup(client)
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": "new.parent@example.org", "password": "Correct-Horse-Battery-9"}
    )
    assert response.status_code == 302
    assert "confirm-email" in response.url


def test_verified_member_signs_in_with_email(client, member):
    EmailAddress.objects.create(user=member.user, email=member.user.email, verified=True, primary=True)
    response = client.post(reverse("account_login"), {"login": member.user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("forum:index")


def test_account_locks_after_five_wrong_passwords(client, member):
    EmailAddress.objects.create(user=member.user, email=member.user.email, verified=True, primary=True)
    for _ in range(5):
        client.post(reverse("account_login"), {"login": member.user.email, "password": "wrong"})
    response = client.post(reverse("account_login"), {"login": member.user.email, "password": PASSWORD})
    assert response.status_code != 302
    assert b"Too many failed login attempts" in response.content


def test_member_changes_display_name_and_email_preference(member_client, member):
    member_client.post(reverse("forum_profile"), {"display_name": "Alexandra", "notify": "digest"})
    member.refresh_from_db()
    assert member.display_name == "Alexandra" and member.notify == "digest"


def test_deleting_an_account_keeps_posts_as_former_member_and_removes_personal_data(member_client, member, thread):
    user_pk = member.user.pk
    response = member_client.post(reverse("forum_account_delete"), {"password": PASSWORD})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.user is None and member.display_name == FORMER_MEMBER and member.join_reason == ""
    assert not get_user_model().objects.filter(pk=user_pk).exists()
    assert not EmailAddress.objects.filter(user_id=user_pk).exists()
    assert Post.objects.filter(author=member, thread=thread).exists()


def test_deleted_members_posts_show_former_member(client, member, other_member, thread):
    services.account_delete(user=member.user)
    client.force_login(other_member.user)
    content = client.get(reverse("forum:thread", args=[thread.pk])).content.decode()
    assert FORMER_MEMBER in content
    assert "Alex<" not in content


def test_deleting_needs_the_password(member_client, member):
    response = member_client.post(reverse("forum_account_delete"), {"password": "wrong"})
    assert response.status_code == 400
    assert b"That password is not right" in response.content
    member.refresh_from_db()
    assert member.user is not None


def test_staff_cannot_delete_their_account_from_the_public_site(moderator_client, moderator):
    moderator.set_password(PASSWORD)
    moderator.save()
    moderator_client.force_login(moderator)
    moderator_client.post(reverse("forum_account_delete"), {"password": PASSWORD})
    moderator.refresh_from_db()
    assert moderator.is_active


def test_staff_still_sign_in_to_the_wagtail_admin(client, moderator):
    moderator.set_password(PASSWORD)
    moderator.save()
    response = client.post(reverse("wagtailadmin_login"), {"username": "moderator", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_signing_in_leaves_the_username_out_of_the_messages_cookie(client, member):
    EmailAddress.objects.create(user=member.user, email=member.user.email, verified=True, primary=True)
    client.post(reverse("account_login"), {"login": member.user.email, "password": PASSWORD})
    cookie = client.cookies["messages"].value
    stored = [str(message) for message in CookieStorage(HttpRequest())._decode(cookie)]
    assert stored == ["You are signed in."]
    assert member.user.username not in cookie


def test_too_many_sign_ins_get_a_page_about_signing_in(client, member, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "1/m/ip"}
    client.post(reverse("account_login"), {"login": member.user.email, "password": "wrong"})
    response = client.post(reverse("account_login"), {"login": member.user.email, "password": PASSWORD})
    assert response.status_code == 429
    content = response.content.decode()
    assert "<h1>Too many sign-in attempts</h1>" in content
    assert "answers" not in content


def test_too_many_password_resets_get_a_page_about_password_resets(client, member, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "reset_password": "1/m/ip"}
    client.post(reverse("account_reset_password"), {"email": member.user.email})
    response = client.post(reverse("account_reset_password"), {"email": member.user.email})
    assert response.status_code == 429
    assert "<h1>Too many password reset requests</h1>" in response.content.decode()
