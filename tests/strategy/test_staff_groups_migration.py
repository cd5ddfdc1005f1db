"""The migration that names the forum's group and sets every staff group's permissions exactly:
safe to run again, and right when Wagtail's "Moderators" and "Forum moderators" both exist."""

import importlib

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import GroupPagePermission, Page

pytestmark = pytest.mark.django_db

migration = importlib.import_module("strategy.migrations.0006_staff_group_permissions_explicit")


@pytest.fixture(scope="module")
def historical_apps(django_db_blocker):
    with django_db_blocker.unblock():
        loader = MigrationExecutor(connection).loader
        return loader.project_state(("strategy", "0006_staff_group_permissions_explicit")).apps


def _grants():
    return {
        group.name: (
            sorted(group.permissions.values_list("codename", flat=True)),
            sorted(GroupPagePermission.objects.filter(group=group).values_list("permission__codename", flat=True)),
            sorted(group.user_set.values_list("username", flat=True)),
        )
        for group in Group.objects.all()
    }


def test_running_it_again_changes_nothing(historical_apps):
    # Once, to the state this migration makes (later migrations grant more, such as
    # core/0006 and subscriptions/0002 to Editors, which running 0006 again takes away); then again.
    migration.permissions_set(historical_apps, None)
    before = _grants()
    migration.permissions_set(historical_apps, None)
    assert _grants() == before


def test_wagtail_moderators_group_is_merged_into_forum_moderators_and_loses_its_grants(
    historical_apps, django_user_model
):
    stray = Group.objects.create(name="Moderators")
    person = django_user_model.objects.create_user(username="moderator-2")
    stray.user_set.add(person)
    GroupPagePermission.objects.create(
        group=stray, page=Page.get_first_root_node(), permission=Permission.objects.get(codename="publish_page")
    )

    migration.permissions_set(historical_apps, None)

    assert not Group.objects.filter(name="Moderators").exists()
    assert list(person.groups.values_list("name", flat=True)) == ["Forum moderators"]
    assert not GroupPagePermission.objects.exclude(group__name="Editors").exists()


def test_reversing_it_gives_the_group_its_old_name_and_no_new_grants(historical_apps):
    migration.forum_group_name_restore(historical_apps, None)
    group = Group.objects.get(name="Moderators")
    assert sorted(group.permissions.values_list("codename", flat=True)) == ["access_admin", "moderate_forum"]
    assert not GroupPagePermission.objects.filter(group=group).exists()
