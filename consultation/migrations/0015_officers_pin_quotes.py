"""Officers pin and unpin quotes for a survey's report (consultation.PinnedQuote). Nobody is
given `export_equality_data`: only administrators may put equality monitoring answers in a
per-response export, and an administrator who needs someone else to must make that a deliberate
grant. Depends on strategy 0008, as every migration that grants permissions must
(core/staff_groups.py); idempotent."""

from django.db import migrations

from core.staff_groups import OFFICERS, group_grant

PERMISSIONS = ("consultation.view_pinnedquote", "consultation.add_pinnedquote", "consultation.delete_pinnedquote")


def grant(apps, schema_editor):
    group_grant(apps, OFFICERS, permissions=PERMISSIONS)


def remove(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="consultation", codename__in=[name.split(".")[1] for name in PERMISSIONS]
    )
    for group in Group.objects.filter(name=OFFICERS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("consultation", "0014_equality_monitoring_and_pinned_quotes"),
        ("strategy", "0008_models_moved_to_core_and_home"),
    ]

    operations = [migrations.RunPython(grant, remove)]
