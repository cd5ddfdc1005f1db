"""Forum pages cost the same number of queries however many posts and threads there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .factories import PostFactory, ThreadFactory

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    client.get(url)  # warm caches (site settings, menus)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_thread_page_queries_do_not_grow_with_posts(member_client, thread):
    url = reverse("forum:thread", args=[thread.pk])
    PostFactory.create_batch(3, thread=thread)
    few = _queries(member_client, url)
    PostFactory.create_batch(40, thread=thread)
    many = _queries(member_client, url + "?page=2")
    assert many == few


def test_category_page_queries_do_not_grow_with_threads(member_client, category, django_assert_max_num_queries):
    url = reverse("forum:category", args=[category.slug])
    ThreadFactory.create_batch(3, category=category)
    few = _queries(member_client, url)
    ThreadFactory.create_batch(60, category=category)
    many = _queries(member_client, url)
    assert many == few
    with django_assert_max_num_queries(few):
        member_client.get(url + "?page=2")


def test_forum_index_queries_do_not_grow_with_categories_or_threads(member_client, category):
    url = reverse("forum:index")
    few = _queries(member_client, url)
    ThreadFactory.create_batch(20, category=category)
    assert _queries(member_client, url) == few
