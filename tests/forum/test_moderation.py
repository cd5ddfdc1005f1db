"""Moderators: join requests, held and reported posts, hiding with reasons, suspensions, the log."""

import pytest
from django.urls import reverse

from forum import services
from forum.models import Member, ModerationAction, Post, Report

from .factories import MemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def applicant(db):
    return MemberFactory(status=Member.Status.PENDING, join_reason="Please", asked_bereaved=True)


def test_moderator_approves_a_join_request_and_the_parent_is_emailed(
    moderator_client, applicant, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(reverse("forum_admin:member_action", args=[applicant.pk, "approve"]), {"bereaved": "1"})
    applicant.refresh_from_db()
    assert applicant.status == Member.Status.APPROVED and applicant.bereaved
    assert [m.to for m in mailoutbox] == [[applicant.user.email]]
    assert ModerationAction.objects.filter(member=applicant, action="member_approve", actor_name="moderator").exists()


def test_moderator_declines_and_the_parent_is_emailed_the_reason(
    moderator_client, applicant, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            reverse("forum_admin:member_action", args=[applicant.pk, "decline"]), {"reason": "Not a parent"}
        )
    applicant.refresh_from_db()
    assert applicant.status == Member.Status.DECLINED
    assert "Not a parent" in mailoutbox[0].body


def test_queue_lists_requests_held_posts_and_reports(moderator_client, applicant, new_member, thread, other_member):
    held = services.post_reply(member=new_member, thread=thread, body="held one")
    services.post_report(member=other_member, post=thread.posts.first(), reason="Rude")
    content = moderator_client.get(reverse("forum_admin:queue")).content.decode()
    assert applicant.display_name in content
    assert f"Post {held.pk}" in content
    assert "Reported posts (1)" in content
    assert "<title>Parent forum: moderation" in content


def test_staff_without_the_moderation_permission_are_refused(client, django_user_model):
    client.force_login(django_user_model.objects.get(username="officer"))
    response = client.get(reverse("forum_admin:queue"))
    assert response.status_code in (302, 403)


def test_member_reports_a_post_with_a_reason(client, other_member, thread):
    client.force_login(other_member.user)
    post = thread.posts.first()
    client.post(reverse("forum:post_report", args=[post.pk]), {"reason": "It names a child"})
    assert Report.objects.get(post=post).reason == "It names a child"


def test_report_without_a_reason_is_refused(client, other_member, thread):
    client.force_login(other_member.user)
    response = client.post(reverse("forum:post_report", args=[thread.posts.first().pk]), {"reason": ""})
    assert response.status_code == 400
    assert not Report.objects.exists()


def test_hiding_a_post_emails_its_author_the_reason_not_the_post(
    moderator_client, thread, mailoutbox, django_capture_on_commit_callbacks
):
    post = thread.posts.first()
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(reverse("forum_admin:post_action", args=[post.pk, "hide"]), {"reason": "Names a school"})
    post.refresh_from_db()
    assert post.status == Post.Status.HIDDEN and post.hidden_reason == "Names a school"
    assert "Names a school" in mailoutbox[0].body
    assert "Our first post" not in mailoutbox[0].body
    assert ModerationAction.objects.filter(post=post, action="post_hide", reason="Names a school").exists()


def test_hiding_needs_a_reason(moderator_client, thread):
    post = thread.posts.first()
    moderator_client.post(reverse("forum_admin:post_action", args=[post.pk, "hide"]), {"reason": ""})
    post.refresh_from_db()
    assert post.status == Post.Status.VISIBLE


def test_hidden_post_disappears_and_restore_brings_it_back(moderator_client, thread, other_member, moderator):
    post = thread.posts.first()
    services.post_hide(post=post, actor=moderator, reason="Check")
    moderator_client.post(reverse("forum_admin:post_action", args=[post.pk, "restore"]))
    post.refresh_from_db()
    assert post.status == Post.Status.VISIBLE
    assert ModerationAction.objects.filter(post=post, action="post_restore").exists()


def test_thread_whose_first_post_is_hidden_is_gone_for_members(client, thread, other_member, moderator):
    services.post_hide(post=thread.posts.first(), actor=moderator, reason="Check")
    client.force_login(other_member.user)
    assert client.get(reverse("forum:thread", args=[thread.pk])).status_code == 404


def test_approving_a_held_post_shows_it(moderator_client, new_member, thread):
    post = services.post_reply(member=new_member, thread=thread, body="Approve me")
    moderator_client.post(reverse("forum_admin:post_action", args=[post.pk, "approve"]))
    post.refresh_from_db()
    assert post.status == Post.Status.VISIBLE


def test_lock_and_pin_are_logged(moderator_client, thread):
    post = thread.posts.first()
    moderator_client.post(reverse("forum_admin:post_action", args=[post.pk, "lock"]))
    moderator_client.post(reverse("forum_admin:post_action", args=[post.pk, "pin"]))
    thread.refresh_from_db()
    assert thread.locked and thread.pinned
    assert set(ModerationAction.objects.filter(thread=thread).values_list("action", flat=True)) == {
        "thread_lock",
        "thread_pin",
    }


def test_suspended_member_is_refused_and_told_why(
    moderator_client, client, other_member, thread, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            reverse("forum_admin:member_action", args=[other_member.pk, "suspend"]), {"reason": "Abuse"}
        )
    client.force_login(other_member.user)
    assert client.get(reverse("forum:thread", args=[thread.pk])).status_code == 403
    assert "Abuse" in mailoutbox[0].body


def test_suspension_needs_a_reason(moderator_client, other_member):
    moderator_client.post(reverse("forum_admin:member_action", args=[other_member.pk, "suspend"]), {"reason": ""})
    other_member.refresh_from_db()
    assert other_member.status == Member.Status.APPROVED


def test_moderation_log_lists_who_did_what(moderator_client, thread):
    services.thread_lock(thread=thread, actor=None, locked=True, reason="Heated")
    content = moderator_client.get(reverse("forum_admin:log")).content.decode()
    assert "Locked thread" in content and "Heated" in content


def test_safeguarding_phrase_holds_the_post_and_alerts_with_a_link_only(
    member, thread, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post = services.post_reply(member=member, thread=thread, body="I want to kill myself tonight")
    assert post.status == Post.Status.HELD and post.safeguarding_flag
    alert = [m for m in mailoutbox if m.subject.startswith("Safeguarding alert")]
    assert len(alert) == 1
    assert "kill myself" not in alert[0].body
    assert reverse("forum_admin:post", args=[post.pk]) in alert[0].body


def test_a_post_in_another_language_is_held_and_the_alert_names_the_language(
    member, thread, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post = services.post_reply(member=member, thread=thread, body="میرا بیٹا کہتا ہے کہ وہ چاقو رکھتا ہے")
    assert post.status == Post.Status.HELD and post.safeguarding_flag
    alert = [m for m in mailoutbox if m.subject.startswith("Safeguarding alert")]
    assert len(alert) == 1
    assert "The phrases it matched are in Urdu." in alert[0].body and "چاقو" not in alert[0].body


def test_safeguarding_alert_is_sent_once(member, thread, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post = services.post_reply(member=member, thread=thread, body="I want to kill myself tonight")
    services.post_safeguarding_alert(post=post)
    assert len([m for m in mailoutbox if m.subject.startswith("Safeguarding alert")]) == 1


def test_safeguarding_group_can_open_the_flagged_post(client, django_user_model, member, thread):
    post = services.post_reply(member=member, thread=thread, body="I want to kill myself tonight")
    client.force_login(django_user_model.objects.get(username="safeguarding"))
    assert client.get(reverse("forum_admin:post", args=[post.pk])).status_code == 200
