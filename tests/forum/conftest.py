import pytest

from forum.models import Category, Follow

from .factories import MemberFactory, PostFactory, ThreadFactory


@pytest.fixture
def member(db):
    """An approved member past the new-member hold."""
    found = MemberFactory(display_name="Alex")
    PostFactory.create_batch(3, author=found)
    return found


@pytest.fixture
def other_member(db):
    found = MemberFactory(display_name="Chris")
    PostFactory.create_batch(3, author=found)
    return found


@pytest.fixture
def new_member(db):
    return MemberFactory(display_name="Newcomer")


@pytest.fixture
def category(db):
    return Category.objects.get(slug="getting-support")


@pytest.fixture
def bereavement(db):
    return Category.objects.get(slug="bereavement")


@pytest.fixture
def thread(category, member):
    found = ThreadFactory(category=category, author=member, title="Coping after court")
    PostFactory(thread=found, author=member, body="Our first post.")
    Follow.objects.create(member=member, thread=found)
    return found


@pytest.fixture
def member_client(client, member):
    client.force_login(member.user)
    return client


@pytest.fixture
def moderator(db, django_user_model):
    return django_user_model.objects.get(username="moderator")


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client
