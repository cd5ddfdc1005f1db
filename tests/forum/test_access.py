"""Nothing in the forum is seen by anyone but approved members, nor by search engines."""

import pytest
from django.urls import reverse

from forum.models import Member

from .factories import MemberFactory, PostFactory

pytestmark = pytest.mark.django_db


def _forum_urls(thread, post):
    return [
        reverse("forum:category", args=[thread.category.slug]),
        reverse("forum:thread_new", args=[thread.category.slug]),
        reverse("forum:thread", args=[thread.pk]),
        reverse("forum:reply", args=[thread.pk]),
        reverse("forum:follow", args=[thread.pk]),
        reverse("forum:post", args=[post.pk]),
        reverse("forum:post_edit", args=[post.pk]),
        reverse("forum:post_delete", args=[post.pk]),
        reverse("forum:post_report", args=[post.pk]),
    ]


@pytest.mark.parametrize("status", [None, "none", "pending", "declined", "suspended"])
def test_every_forum_url_is_refused_to_anyone_but_approved_members(client, thread, status):
    post = PostFactory(thread=thread, body="A secret only members read.")
    if status is not None:
        outsider = MemberFactory(status=status)
        client.force_login(outsider.user)
    for url in _forum_urls(thread, post):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 403, url
            assert b"secret only members" not in response.content
            assert thread.title.encode() not in response.content
            assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_forum_front_page_shows_outsiders_how_to_join_not_content(client, thread):
    response = client.get(reverse("forum:index"))
    assert response.status_code == 200
    assert b"Create an account" in response.content
    assert thread.category.name.encode() not in response.content


def test_every_forum_page_says_noindex_in_header_and_meta(member_client, thread):
    response = member_client.get(reverse("forum:thread", args=[thread.pk]))
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert b'<meta name="robots" content="noindex, nofollow">' in response.content
    assert "private" in response["Cache-Control"]


def test_every_forum_page_shows_the_help_numbers(member_client, thread):
    response = member_client.get(reverse("forum:thread", args=[thread.pk]))
    assert b"If you need help now" in response.content
    assert b"0800 555 111" in response.content


def test_members_see_the_categories(member_client):
    response = member_client.get(reverse("forum:index"))
    assert b"Getting support" in response.content


def test_restricted_category_is_hidden_without_access(member_client, member, bereavement):
    assert b"Bereavement" not in member_client.get(reverse("forum:index")).content.split(b"<main")[1]
    assert member_client.get(reverse("forum:category", args=[bereavement.slug])).status_code == 404


def test_restricted_thread_is_refused_without_access(member_client, bereavement):
    from .factories import ThreadFactory

    private = ThreadFactory(category=bereavement, title="Our loss")
    assert member_client.get(reverse("forum:thread", args=[private.pk])).status_code == 404


def test_restricted_category_is_open_with_access(member_client, member, bereavement):
    Member.objects.filter(pk=member.pk).update(bereaved=True)
    assert member_client.get(reverse("forum:category", args=[bereavement.slug])).status_code == 200


def test_forum_posts_are_not_in_site_search(client, thread):
    PostFactory(thread=thread, body="zebracrossingword only in the forum")
    response = client.get(reverse("search"), {"q": "zebracrossingword"})
    assert b"zebracrossingword only" not in response.content


def test_a_signed_in_parent_asks_to_join(client, new_member, mailoutbox, django_capture_on_commit_callbacks):
    Member.objects.filter(pk=new_member.pk).update(status=Member.Status.NONE)
    client.force_login(new_member.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("forum:join"), {"reason": "My son was hurt.", "bereaved": "on"})
    assert response.status_code == 302
    new_member.refresh_from_db()
    assert new_member.status == Member.Status.PENDING
    assert new_member.asked_bereaved
    assert [m.subject for m in mailoutbox] == ["Parent forum: a new request to join"]
    assert "My son was hurt" not in mailoutbox[0].body


def test_join_request_without_a_reason_is_refused_with_a_message(client, new_member):
    Member.objects.filter(pk=new_member.pk).update(status=Member.Status.NONE)
    client.force_login(new_member.user)
    response = client.post(reverse("forum:join"), {"reason": ""})
    assert response.status_code == 400
    assert b"Tell us briefly why you would like to join" in response.content
    assert b"There is a problem" in response.content
