"""Writing in the forum: Markdown made safe, limits, holds for new members, editing, deleting."""

import pytest
from django.urls import reverse
from django.utils import timezone

from forum import services
from forum.models import Post, Thread
from forum.rendering import post_html

from .factories import PostFactory

pytestmark = pytest.mark.django_db


def test_script_and_html_in_a_post_render_as_inert_text():
    html = post_html('<script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3))')
    assert "<script" not in html
    assert "<img" not in html
    assert "javascript:" not in html
    assert "&lt;script&gt;" in html


def test_markdown_subset_is_rendered_and_links_get_rel():
    html = post_html("*so* **much**\n\n- one\n- two\n\n> quoted\n\n[help](https://example.org)")
    assert "<em>so</em>" in html and "<strong>much</strong>" in html
    assert "<li>one</li>" in html and "<blockquote>" in html
    assert '<a href="https://example.org" rel="nofollow ugc noopener">help</a>' in html


def test_injected_post_is_inert_on_the_thread_page(member_client, member, thread):
    PostFactory(thread=thread, author=member, body='<script>alert("x")</script> "><b onmouseover=alert(1)>')
    content = member_client.get(reverse("forum:thread", args=[thread.pk])).content.decode()
    assert '<script>alert("x")' not in content
    assert "<b onmouseover" not in content


def test_reply_appears_for_an_established_member(member_client, thread):
    response = member_client.post(reverse("forum:reply", args=[thread.pk]), {"body": "Thinking of you."})
    assert response.status_code == 302
    assert Post.objects.filter(thread=thread, body="Thinking of you.", status=Post.Status.VISIBLE).exists()


def test_new_members_first_three_posts_are_held(client, new_member, thread):
    client.force_login(new_member.user)
    for number in range(3):
        client.post(reverse("forum:reply", args=[thread.pk]), {"body": f"Hello {number}"})
    statuses = list(Post.objects.filter(author=new_member).values_list("status", flat=True))
    assert statuses == [Post.Status.HELD] * 3


def test_member_posts_freely_after_three_approved_posts(new_member, thread, moderator):
    for number in range(3):
        post = services.post_reply(member=new_member, thread=thread, body=f"Hello {number}")
        services.post_approve(post=post, actor=moderator)
    fourth = services.post_reply(member=new_member, thread=thread, body="Now I am trusted")
    assert fourth.status == Post.Status.VISIBLE


def test_held_post_is_seen_only_by_its_author(client, new_member, other_member, thread):
    services.post_reply(member=new_member, thread=thread, body="Waiting for a moderator here")
    client.force_login(other_member.user)
    assert b"Waiting for a moderator here" not in client.get(reverse("forum:thread", args=[thread.pk])).content
    client.force_login(new_member.user)
    assert b"Waiting for a moderator here" in client.get(reverse("forum:thread", args=[thread.pk])).content


def test_empty_reply_is_refused_with_a_message(member_client, thread):
    response = member_client.post(reverse("forum:reply", args=[thread.pk]), {"body": "   "})
    assert response.status_code == 400
    assert b"Write your message before posting" in response.content
    assert b"There is a problem" in response.content


def test_over_long_reply_is_refused_and_the_text_is_kept(member_client, thread):
    text = "word " * 2500
    response = member_client.post(reverse("forum:reply", args=[thread.pk]), {"body": text})
    assert response.status_code == 400
    assert b"Your message is too long" in response.content
    assert text.strip().encode()[:200] in response.content
    assert not Post.objects.filter(thread=thread, body__startswith="word word").exists()


def test_locked_thread_refuses_replies_with_a_message(member_client, thread):
    Thread.objects.filter(pk=thread.pk).update(locked=True)
    response = member_client.post(reverse("forum:reply", args=[thread.pk]), {"body": "Can I still reply?"})
    assert response.status_code == 400
    assert b"This thread is locked" in response.content
    assert b"Can I still reply?" in response.content
    assert not Post.objects.filter(body="Can I still reply?").exists()


def test_posting_is_rate_limited_per_member(member_client, thread, settings):
    settings.FORUM_POST_RATE_LIMIT = "2/m"
    for number in range(2):
        member_client.post(reverse("forum:reply", args=[thread.pk]), {"body": f"Reply {number}"})
    response = member_client.post(reverse("forum:reply", args=[thread.pk]), {"body": "One too many"})
    assert b"You have posted a lot in a short time" in response.content
    assert b"One too many" in response.content
    assert not Post.objects.filter(body="One too many").exists()


def test_new_thread_is_started_and_followed(member_client, member, category):
    response = member_client.post(
        reverse("forum:thread_new", args=[category.slug]), {"title": "Exclusions", "body": "Has anyone..."}
    )
    thread = Thread.objects.get(title="Exclusions")
    assert response.status_code == 302
    assert thread.is_visible and thread.post_count == 1
    assert thread.follows.filter(member=member).exists()


def test_a_thread_title_with_a_line_break_is_refused_and_kept(member_client, category):
    response = member_client.post(
        reverse("forum:thread_new", args=[category.slug]), {"title": "Exclusions\r\nBcc: x@example.com", "body": "Hi"}
    )
    content = response.content.decode()
    assert response.status_code == 400
    assert "Keep this to one line" in content
    assert "Exclusions\r\nBcc: x@example.com" in content
    assert not Thread.objects.filter(title__startswith="Exclusions").exists()


def test_quote_fills_the_reply_with_the_quoted_post(member_client, thread):
    post = thread.posts.first()
    response = member_client.get(reverse("forum:reply", args=[thread.pk]) + f"?quote={post.pk}")
    assert b"&gt; Alex wrote:" in response.content
    assert b"&gt; Our first post." in response.content


def test_author_edits_within_thirty_minutes(member_client, thread):
    post = thread.posts.first()
    member_client.post(reverse("forum:post_edit", args=[post.pk]), {"body": "Changed my mind."})
    post.refresh_from_db()
    assert post.body == "Changed my mind." and post.edited_at is not None


def test_author_cannot_edit_after_thirty_minutes(member_client, thread):
    post = thread.posts.first()
    Post.objects.filter(pk=post.pk).update(created_at=timezone.now() - timezone.timedelta(minutes=31))
    member_client.post(reverse("forum:post_edit", args=[post.pk]), {"body": "Too late."})
    post.refresh_from_db()
    assert post.body == "Our first post."


def test_member_cannot_edit_someone_elses_post(client, other_member, thread):
    client.force_login(other_member.user)
    post = thread.posts.first()
    assert client.post(reverse("forum:post_edit", args=[post.pk]), {"body": "Mine now"}).status_code == 404


def test_author_deletes_their_post_and_its_text_is_erased(member_client, thread):
    post = PostFactory(thread=thread, author=thread.author, body="Regret this")
    member_client.post(reverse("forum:post_delete", args=[post.pk]))
    post.refresh_from_db()
    assert post.status == Post.Status.DELETED and post.body == ""


def test_unread_posts_are_marked_new_until_read(client, other_member, thread):
    client.force_login(other_member.user)
    first = client.get(reverse("forum:thread", args=[thread.pk])).content
    assert b'<span class="status-tag">New</span>' in first
    again = client.get(reverse("forum:thread", args=[thread.pk])).content
    assert b'<span class="status-tag">New</span>' not in again


def test_category_marks_threads_with_unread_posts(client, other_member, thread):
    client.force_login(other_member.user)
    url = reverse("forum:category", args=[thread.category.slug])
    assert b"New</span>" in client.get(url).content
    client.get(reverse("forum:thread", args=[thread.pk]))
    assert b"New</span>" not in client.get(url).content
