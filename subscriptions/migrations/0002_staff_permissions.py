"""Who may do what with email updates: Editors see how many people subscribe and send a message
to subscribers; only the Data protection group may export their addresses. Depends on strategy
0008, as every migration that grants permissions must (core/staff_groups.py)."""

from django.db import migrations

from core.staff_groups import DATA_PROTECTION, EDITORS, group_grant


def grant(apps, schema_editor):
    group_grant(
        apps,
        EDITORS,
        permissions=("subscriptions.view_subscriber_counts", "subscriptions.send_announcement"),
    )
    group_grant(apps, DATA_PROTECTION, permissions=("subscriptions.export_subscriber",))


def remove(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="subscriptions",
        codename__in=("view_subscriber_counts", "send_announcement", "export_subscriber"),
    )
    for group in Group.objects.filter(name__in=(EDITORS, DATA_PROTECTION)):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("subscriptions", "0001_initial"),
        ("core", "0003_data_protection_group"),
        ("strategy", "0008_models_moved_to_core_and_home"),
    ]

    operations = [migrations.RunPython(grant, remove)]
