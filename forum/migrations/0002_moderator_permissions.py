"""Moderators and the Safeguarding group may moderate the forum (the queue, members, posts)."""

from django.db import migrations

from core.staff_groups import group_grant


def grant_permissions(apps, schema_editor):
    for group in ("Moderators", "Safeguarding"):
        group_grant(apps, group, permissions=("forum.moderate_forum",))


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0001_initial"),
        ("strategy", "0003_staff_groups"),
    ]

    operations = [migrations.RunPython(grant_permissions, migrations.RunPython.noop)]
