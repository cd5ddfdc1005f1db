"""Followers hear about replies by email: once, with a title and a link, never the text."""

from unittest import mock

import pytest
from django.urls import reverse

from forum import services
from forum.models import Follow, Member, Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def reply_emails(mailoutbox):
    def emails():
        return [m for m in mailoutbox if m.subject.startswith("New reply")]

    return emails


def test_follower_gets_one_email_per_reply_without_the_text(
    member, other_member, thread, reply_emails, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.post_reply(member=other_member, thread=thread, body="A very private reply")
    emails = reply_emails()
    assert [m.to for m in emails] == [[member.user.email]]
    assert "Coping after court" in emails[0].subject
    assert "A very private reply" not in emails[0].body
    assert "/accounts/unsubscribe/" in emails[0].body
    assert emails[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_author_is_not_told_about_their_own_reply(member, thread, reply_emails, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.post_reply(member=member, thread=thread, body="Me again")
    assert reply_emails() == []


def test_running_the_sending_twice_sends_nothing_twice(
    other_member, thread, reply_emails, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post = services.post_reply(member=other_member, thread=thread, body="Reply")
    services.post_notify(post=post)
    services.notifications_send()
    services.pending_work_retry()
    assert len(reply_emails()) == 1
    assert Notification.objects.filter(post=post).count() == 1


def test_a_held_reply_notifies_only_once_approved(
    member, new_member, thread, moderator, reply_emails, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post = services.post_reply(member=new_member, thread=thread, body="Held reply")
    assert reply_emails() == []
    with django_capture_on_commit_callbacks(execute=True):
        services.post_approve(post=post, actor=moderator)
    assert [m.to for m in reply_emails()] == [[member.user.email]]


def test_replying_follows_the_thread(other_member, thread):
    services.post_reply(member=other_member, thread=thread, body="Following now")
    assert Follow.objects.filter(member=other_member, thread=thread).exists()


def test_unfollowing_stops_emails(member, other_member, thread, reply_emails, django_capture_on_commit_callbacks):
    services.follow_set(member=member, thread=thread, following=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_reply(member=other_member, thread=thread, body="Reply")
    assert reply_emails() == []


def test_digest_members_get_one_daily_email_listing_threads(
    member, other_member, thread, mailoutbox, reply_emails, django_capture_on_commit_callbacks
):
    Member.objects.filter(pk=member.pk).update(notify=Member.Notify.DIGEST)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_reply(member=other_member, thread=thread, body="One")
        services.post_reply(member=other_member, thread=thread, body="Two")
    assert reply_emails() == []
    assert services.digests_send() == 1
    assert services.digests_send() == 0
    digest = [m for m in mailoutbox if m.subject == "Parent forum: new replies today"]
    assert len(digest) == 1
    assert "Coping after court (2 new)" in digest[0].body
    assert "One" not in digest[0].body.split("\n\n")[1]


def test_one_click_unsubscribe_turns_emails_off(client, member):
    token = services.unsubscribe_token(member=member)
    url = reverse("forum_unsubscribe", args=[token])
    assert client.get(url).status_code == 200
    member.refresh_from_db()
    assert member.notify == Member.Notify.EACH  # a GET (a mail scanner) changes nothing
    client.post(url, {"List-Unsubscribe": "One-Click"})
    member.refresh_from_db()
    assert member.notify == Member.Notify.OFF


def test_tampered_unsubscribe_link_is_refused(client, member):
    token = services.unsubscribe_token(member=member)
    assert client.post(reverse("forum_unsubscribe", args=[token[:-2] + "xx"])).status_code == 404


def test_a_thread_title_with_line_breaks_still_gets_its_reply_emails_on_one_subject_line(
    member, other_member, thread, reply_emails, django_capture_on_commit_callbacks
):
    # Saved before titles refused line breaks at the form, or by any other way in.
    thread.title = "Coping\r\nBcc: everyone@example.com\nafter court"
    thread.save(update_fields=["title"])
    with django_capture_on_commit_callbacks(execute=True):
        post = services.post_reply(member=other_member, thread=thread, body="Reply")
    emails = reply_emails()
    assert [m.subject for m in emails] == ["New reply: Coping Bcc: everyone@example.com after court"]
    assert emails[0].message()["Bcc"] is None
    assert Notification.objects.get(post=post).sent_at is not None


def test_a_notification_that_cannot_ever_be_sent_is_marked_failed_shown_and_not_retried(
    member, other_member, thread, django_capture_on_commit_callbacks, moderator_client, caplog
):

    from django.core.mail import BadHeaderError

    refused = BadHeaderError("Header values can't contain newlines")
    with (
        mock.patch("forum.emails.EmailMessage.send", side_effect=refused),
        django_capture_on_commit_callbacks(execute=True),
    ):
        post = services.post_reply(member=other_member, thread=thread, body="Reply")
    notification = Notification.objects.get(post=post)
    assert notification.sent_at is None
    assert notification.failed_at is not None
    assert "BadHeaderError" in notification.failure_reason
    assert "will not be retried" in caplog.text

    with mock.patch("forum.emails.EmailMessage.send") as send:
        services.pending_work_retry()
        services.notifications_send()
    send.assert_not_called()

    queue = moderator_client.get(reverse("forum_admin:queue")).content.decode()
    assert "Reply emails that could not be sent (1)" in queue
    assert "Coping after court" in queue


def test_a_notification_that_failed_for_a_passing_reason_is_retried(
    member, other_member, thread, reply_emails, django_capture_on_commit_callbacks
):

    with (
        mock.patch("forum.emails.EmailMessage.send", side_effect=ConnectionRefusedError("mail server down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        post = services.post_reply(member=other_member, thread=thread, body="Reply")
    notification = Notification.objects.get(post=post)
    assert (notification.sent_at, notification.failed_at) == (None, None)

    assert services.notifications_send() == 1
    assert len(reply_emails()) == 1


def test_a_digest_that_cannot_ever_be_sent_is_marked_failed(member, other_member, thread):

    member.notify = Member.Notify.DIGEST
    member.save(update_fields=["notify"])
    post = services.post_reply(member=other_member, thread=thread, body="Reply")
    services.post_notify(post=post)
    with mock.patch("forum.emails.EmailMessage.send", side_effect=ValueError("Invalid address")):
        assert services.digests_send() == 0
    assert Notification.objects.get(post=post).failed_at is not None
    with mock.patch("forum.emails.EmailMessage.send") as send:
        services.digests_send()
    send.assert_not_called()
