"""Held posts: moderators are told how many wait (counts only), and can approve or hide
new members' posts from the queue, reading the start of each."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from forum import emails, services, tasks
from forum.models import HeldPostsDigest, ModerationAction, Post

pytestmark = pytest.mark.django_db

SUBJECT = "Parent forum: posts waiting for a moderator"


@pytest.fixture
def nothing_held(db):
    """The demo's own held posts dealt with, so each test starts from an empty queue."""
    Post.objects.filter(status=Post.Status.HELD).update(status=Post.Status.VISIBLE)


def _digests():
    return [message for message in mail.outbox if message.subject == SUBJECT]


def test_moderators_get_counts_only_when_posts_are_first_held_then_no_more_that_day(
    nothing_held, new_member, thread, moderator, django_user_model
):
    assert tasks.held_posts_digest_send() is False  # nothing held, nothing sent
    services.post_reply(member=new_member, thread=thread, body="Secret words from Newcomer")
    services.post_reply(member=new_member, thread=thread, body="More words")
    assert tasks.held_posts_digest_send() is True
    assert tasks.held_posts_digest_send() is False  # run twice: sent once
    [digest] = _digests()
    assert "2 posts in the parent forum are waiting for a moderator" in digest.body
    assert "Secret words" not in digest.body and "Newcomer" not in digest.body and "Coping" not in digest.body
    assert reverse("forum_admin:queue") in digest.body
    assert moderator.email in digest.to
    safeguarding = django_user_model.objects.filter(groups__name="Safeguarding").exclude(email="")
    assert not set(digest.to) & {user.email for user in safeguarding if user.email != moderator.email}
    # Another post later the same day, while the first two still wait: no new email.
    services.post_reply(member=new_member, thread=thread, body="A third")
    assert services.held_posts_digest_send() is False
    assert len(_digests()) == 1


def test_a_daily_reminder_while_posts_wait_and_a_new_email_when_the_queue_fills_again(nothing_held, new_member, thread):
    first = services.post_reply(member=new_member, thread=thread, body="One")
    services.held_posts_digest_send()
    Post.objects.filter(pk=first.pk).update(created_at=timezone.now() - timedelta(hours=26))
    HeldPostsDigest.objects.update(created_at=timezone.now() - timedelta(hours=25))
    assert services.held_posts_digest_send() is True  # still waiting a day later
    assert services.held_posts_digest_send() is False
    Post.objects.filter(pk=first.pk).update(status=Post.Status.VISIBLE)  # the queue empties...
    services.post_reply(member=new_member, thread=thread, body="Two")  # ...and fills again
    assert services.held_posts_digest_send() is True
    assert len(_digests()) == 3


def test_safeguarding_is_told_too_when_a_post_matched_the_word_list(
    nothing_held, member, thread, django_user_model, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.post_reply(member=member, thread=thread, body="I want to kill myself tonight")
    services.held_posts_digest_send()
    [digest] = _digests()
    safeguarding = django_user_model.objects.filter(groups__name="Safeguarding").exclude(email="")
    assert safeguarding and all(user.email in digest.to for user in safeguarding)
    assert "1 of them matched the safeguarding word list" in digest.body
    assert "kill" not in digest.body


def test_a_digest_that_failed_to_send_is_sent_by_the_next_run(nothing_held, new_member, thread, monkeypatch):
    services.post_reply(member=new_member, thread=thread, body="One")
    monkeypatch.setattr(emails, "email_send", lambda **kwargs: (_ for _ in ()).throw(ConnectionError("down")))
    with pytest.raises(ConnectionError):
        services.held_posts_digest_send()
    assert not HeldPostsDigest.objects.exists()
    monkeypatch.undo()
    assert services.held_posts_digest_send() is True


def test_the_beat_schedule_runs_the_held_posts_digest(settings):
    tasks_run = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "forum.held_posts_digest_send" in tasks_run


def test_the_queue_shows_the_escaped_start_of_each_held_post(moderator_client, new_member, thread):
    body = "<script>alert(1)</script> " + "word " * 100
    post = services.post_reply(member=new_member, thread=thread, body=body)
    content = moderator_client.get(reverse("forum_admin:queue")).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; word word" in content
    assert "<script>alert(1)" not in content
    assert "word " * 45 not in content  # about 200 characters, not the whole post
    assert f'action="{reverse("forum_admin:post_action", args=[post.pk, "approve"])}"' in content


def test_approving_from_the_queue_shows_the_post_logs_it_and_returns_to_the_queue(moderator_client, new_member, thread):
    post = services.post_reply(member=new_member, thread=thread, body="Approve me")
    response = moderator_client.post(reverse("forum_admin:post_action", args=[post.pk, "approve"]), {"from": "queue"})
    assert response.status_code == 302 and response.url == reverse("forum_admin:queue")
    post.refresh_from_db()
    assert post.status == Post.Status.VISIBLE
    assert ModerationAction.objects.filter(post=post, action="post_approve", actor_name="moderator").exists()


def test_hiding_from_the_queue_needs_a_reason_and_emails_the_author(
    moderator_client, new_member, thread, mailoutbox, django_capture_on_commit_callbacks
):
    post = services.post_reply(member=new_member, thread=thread, body="Hide me")
    url = reverse("forum_admin:post_action", args=[post.pk, "hide"])
    response = moderator_client.post(url, {"from": "queue", "reason": ""}, follow=True)
    assert f"Post {post.pk}: Give a reason" in response.content.decode()
    post.refresh_from_db()
    assert post.status == Post.Status.HELD
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(url, {"from": "queue", "reason": "Names a child"})
    post.refresh_from_db()
    assert post.status == Post.Status.HIDDEN
    assert ModerationAction.objects.filter(post=post, action="post_hide", reason="Names a child").exists()
    assert "Names a child" in mailoutbox[-1].body


def test_safeguarding_posts_are_opened_one_by_one_not_approved_from_the_list(moderator_client, member, thread):
    post = services.post_reply(member=member, thread=thread, body="I want to kill myself tonight")
    content = moderator_client.get(reverse("forum_admin:queue")).content.decode()
    assert f"Open post {post.pk} to decide" in content
    assert reverse("forum_admin:post_action", args=[post.pk, "approve"]) not in content


def test_queue_actions_need_a_post_with_the_csrf_token(client, moderator, new_member, thread):
    from django.test import Client

    post = services.post_reply(member=new_member, thread=thread, body="Approve me")
    checking = Client(enforce_csrf_checks=True)
    checking.force_login(moderator)
    assert checking.get(reverse("forum_admin:post_action", args=[post.pk, "approve"])).status_code == 405
    assert (
        checking.post(reverse("forum_admin:post_action", args=[post.pk, "approve"]), {"from": "queue"}).status_code
        == 403
    )
    post.refresh_from_db()
    assert post.status == Post.Status.HELD
