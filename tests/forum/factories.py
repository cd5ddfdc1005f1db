"""factory_boy factories for the forum models."""

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from factory.django import DjangoModelFactory

from forum import models
from forum.rendering import post_html


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"parent{n}x")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "a long test password")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MemberFactory(DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    display_name = factory.Sequence(lambda n: f"Parent {n}")
    status = models.Member.Status.APPROVED

    class Meta:
        model = models.Member


class CategoryFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")

    class Meta:
        model = models.Category


class ThreadFactory(DjangoModelFactory):
    category = factory.SubFactory(CategoryFactory)
    author = factory.SubFactory(MemberFactory)
    title = factory.Sequence(lambda n: f"Thread {n}")
    created_at = factory.LazyFunction(timezone.now)
    last_post_at = factory.LazyFunction(timezone.now)
    is_visible = True

    class Meta:
        model = models.Thread


class PostFactory(DjangoModelFactory):
    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(MemberFactory)
    body = "A reply."
    body_html = factory.LazyAttribute(lambda post: post_html(post.body))
    created_at = factory.LazyFunction(timezone.now)
    approved_at = factory.LazyFunction(timezone.now)
    notified_at = factory.LazyFunction(timezone.now)
    status = models.Post.Status.VISIBLE

    class Meta:
        model = models.Post
