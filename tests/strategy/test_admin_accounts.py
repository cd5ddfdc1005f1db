"""Staff sign-in and password reset at /admin/ (core/admin_accounts.py): rate limits, the
lockout, staff-only reset emails, and messages that name nobody."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import MD5PasswordHasher
from django.contrib.auth.models import Permission
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest
from django.urls import reverse

from tests.forum.factories import MemberFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a long staff password"
LOCKED = "Too many failed sign-in attempts. Try again in 15 minutes."


@pytest.fixture
def staff(db):
    """A staff account that can use the admin, with a username that appears nowhere else."""
    user = get_user_model().objects.create_user(
        username="kpatel-staff-7", email="k.patel@council.example", password=PASSWORD
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def _sign_in(client, username, password, **extra):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password}, **extra)


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def _hashes_counted(monkeypatch) -> list:
    """Every password hash computed from now on. The test hasher (MD5) checks a password by
    hashing it through `encode`, so counting `encode` counts both checks and dummy hashes."""
    calls = []
    original = MD5PasswordHasher.encode

    def counted(self, *args, **kwargs):
        calls.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(MD5PasswordHasher, "encode", counted)
    return calls


# --- Sign-in -------------------------------------------------------------------------------


def test_five_wrong_passwords_lock_the_username_even_against_the_right_password(client, staff):
    for _ in range(4):
        assert "didn&#x27;t match" in _sign_in(client, staff.username, "wrong").content.decode()
    fifth = _sign_in(client, staff.username, "wrong")
    assert fifth.status_code == 429
    assert LOCKED in fifth.content.decode()

    response = _sign_in(client, staff.username, PASSWORD)
    assert response.status_code == 429
    assert not _signed_in(client)


def test_the_lockout_message_is_shown_above_the_form_not_on_an_error_page(client, staff):
    for _ in range(5):
        _sign_in(client, staff.username, "wrong")
    html = _sign_in(client, staff.username, PASSWORD).content.decode()
    messages_at, form_at = html.index('class="messages"'), html.index('class="login-form"')
    assert messages_at < html.index(LOCKED) < form_at
    assert f'value="{staff.username}"' in html


def test_a_locked_username_is_refused_without_checking_the_password(client, staff, monkeypatch):
    for _ in range(5):
        _sign_in(client, staff.username, "wrong")
    calls = _hashes_counted(monkeypatch)
    _sign_in(client, staff.username, PASSWORD)
    assert calls == []


def test_the_lock_ends_when_its_time_is_up(client, staff, monkeypatch):
    for _ in range(5):
        _sign_in(client, staff.username, "wrong")
    assert _sign_in(client, staff.username, PASSWORD).status_code == 429

    later = time.time() + 15 * 60 + 1
    monkeypatch.setattr(time, "time", lambda: later)
    response = _sign_in(client, staff.username, PASSWORD)
    assert response.status_code == 302
    assert _signed_in(client)


def test_unknown_usernames_are_locked_the_same_way(client):
    answers = [_sign_in(client, "no-such-person", "wrong") for _ in range(6)]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 200, 429, 429]
    assert LOCKED in answers[-1].content.decode()


def test_a_real_and_an_unknown_username_cost_the_same_password_work(client, staff, monkeypatch):
    calls = _hashes_counted(monkeypatch)
    _sign_in(client, staff.username, "wrong")
    real = len(calls)
    calls.clear()
    _sign_in(client, "no-such-person", "wrong")
    assert len(calls) == real > 0


def test_the_case_of_a_username_does_not_buy_more_guesses(client, staff):
    for username in ("KPATEL-STAFF-7", "Kpatel-Staff-7", "kpatel-staff-7 ", "KPatel-staff-7", "kpatel-STAFF-7"):
        _sign_in(client, username, "wrong")
    assert _sign_in(client, staff.username, PASSWORD).status_code == 429


def test_signing_in_clears_earlier_failures(client, staff):
    for _ in range(4):
        _sign_in(client, staff.username, "wrong")
    assert _sign_in(client, staff.username, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        _sign_in(client, staff.username, "wrong")
    assert _sign_in(client, staff.username, PASSWORD).status_code == 302


def test_one_address_is_limited_across_usernames(client, staff, settings):
    settings.ADMIN_LOGIN_RATE_LIMIT = "3/m"
    for number in range(3):
        _sign_in(client, f"guess-{number}", "wrong", REMOTE_ADDR="203.0.113.9")
    response = _sign_in(client, staff.username, PASSWORD, REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 429
    assert "Too many sign-in attempts from your connection. Try again in 1 minute." in response.content.decode()
    assert 'class="login-form"' in response.content.decode()
    assert not _signed_in(client)

    assert _sign_in(client, staff.username, PASSWORD, REMOTE_ADDR="198.51.100.4").status_code == 302


# --- Password reset ------------------------------------------------------------------------


def _reset(client, email, **extra):
    return client.post(reverse("wagtailadmin_password_reset"), {"email": email}, **extra)


def test_thirty_reset_requests_for_one_address_send_one_email(client, staff, mailoutbox):
    answers = [_reset(client, staff.email) for _ in range(30)]
    assert len(mailoutbox) == 1
    assert answers[0].status_code == 302
    assert {answer.status_code for answer in answers[1:]} == {429}
    assert "Too many password reset requests for this email address. Try again in 5 minutes." in (
        answers[1].content.decode()
    )
    # By the eleventh, the address's own limit has been reached too.
    assert "Too many password reset requests from your connection. Try again in 1 hour." in (
        answers[-1].content.decode()
    )


def test_one_address_is_limited_across_email_addresses(client, settings, mailoutbox):
    settings.ADMIN_PASSWORD_RESET_RATE_LIMIT = "2/h"
    assert _reset(client, "one@example.org").status_code == 302
    assert _reset(client, "two@example.org").status_code == 302
    response = _reset(client, "three@example.org")
    assert response.status_code == 429
    assert "Too many password reset requests from your connection. Try again in 1 hour." in response.content.decode()


def test_a_forum_parent_gets_no_staff_reset_email_and_the_same_page(client, staff, mailoutbox):
    parent = MemberFactory().user
    for_parent = _reset(client, parent.email)
    assert mailoutbox == []
    for_staff = _reset(client, staff.email)
    for_nobody = _reset(client, "nobody@example.org")
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [staff.email]
    assert for_parent.status_code == for_staff.status_code == for_nobody.status_code == 302
    assert for_parent["Location"] == for_staff["Location"] == for_nobody["Location"]


def test_the_reset_email_names_no_username_and_links_to_the_site_address(client, staff, settings, mailoutbox):
    settings.SITE_URL = "https://safer.example.org"
    _reset(client, staff.email, HTTP_HOST="attacker.example")
    message = mailoutbox[0]
    assert staff.username not in message.body
    assert staff.username not in message.subject
    assert "https://safer.example.org/admin/password_reset/confirm/" in message.body
    assert "attacker.example" not in message.body
    link = message.body.split("https://safer.example.org", 1)[1].split()[0]
    assert client.get(link, follow=True).status_code == 200


# --- Messages name nobody ------------------------------------------------------------------


def _cookie_messages(client) -> list[str]:
    return [str(message).strip() for message in CookieStorage(HttpRequest())._decode(client.cookies["messages"].value)]


def test_deleting_a_user_in_the_admin_leaves_the_username_out_of_the_message(admin_client, staff):
    response = admin_client.post(reverse("wagtailusers_users:delete", args=[staff.pk]))
    assert response.status_code == 302
    assert _cookie_messages(admin_client) == ["The user has been deleted."]
