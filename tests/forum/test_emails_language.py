"""Forum and account emails go out in the language the member used on the site: the subject,
the body and the links in them, which keep the language's prefix. Emails to staff stay English."""

from unittest import mock

import pytest
from django.core import mail

from forum import services as forum_services
from forum.models import Member

from .factories import MemberFactory

pytestmark = pytest.mark.django_db


def test_forum_reply_notifications_go_in_the_members_language(
    member, other_member, thread, django_capture_on_commit_callbacks
):
    Member.objects.filter(pk=member.pk).update(language="ar")
    with django_capture_on_commit_callbacks(execute=True):
        forum_services.post_reply(member=other_member, thread=thread, body="A private reply")
    (email,) = [m for m in mail.outbox if m.to == [member.user.email]]
    assert email.subject == "ردّ جديد: Coping after court"
    assert "مرحبًا Alex،" in email.body
    assert "/ar/forum/" in email.body
    assert "A private reply" not in email.body
    # The unsubscribe link in the header keeps the language too, and no user text is in a header.
    assert "/ar/accounts/unsubscribe/" in email.extra_headers["List-Unsubscribe"]


def test_a_moderators_decision_reaches_the_member_in_their_language(
    client, moderator, django_capture_on_commit_callbacks
):
    parent = MemberFactory(display_name="Nadia", status=Member.Status.NONE)
    client.force_login(parent.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/pl/forum/join/", {"reason": "My son was stabbed last year."})
    assert response.status_code == 302
    parent.refresh_from_db()
    assert parent.language == "pl"
    mail.outbox.clear()
    # The moderator works in the admin, in English; the member still hears in Polish.
    with django_capture_on_commit_callbacks(execute=True):
        forum_services.membership_approve(member=parent, actor=moderator)
    (email,) = mail.outbox
    assert email.subject == "Witamy na forum rodziców"
    assert "Twoja prośba o dołączenie do forum rodziców została zaakceptowana." in email.body
    assert "/pl/forum/" in email.body


def test_account_emails_are_sent_in_the_language_of_the_page(client, member):
    with mock.patch("django_ratelimit.core.is_ratelimited", return_value=False):
        response = client.post("/ur/accounts/password/reset/", {"email": member.user.email})
    assert response.status_code == 302
    (email,) = mail.outbox
    assert "پاس ورڈ دوبارہ ترتیب دیں" in email.subject
    assert "السلام علیکم،" in email.body
    assert "نیا پاس ورڈ منتخب کرنے کے لیے یہ لنک کھولیں۔" in email.body
    assert "/ur/accounts/password/reset/key/" in email.body
