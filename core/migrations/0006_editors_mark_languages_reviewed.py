"""Editors tick the languages whose translations the council's translators have checked
(Settings > Languages), as they look after the site's content. Depends on strategy 0008, as
every migration that grants permissions must (core/staff_groups.py)."""

from django.db import migrations

from core.staff_groups import EDITORS, group_grant

PERMISSIONS = ("core.change_languagesettings", "core.view_languagesettings")


def grant(apps, schema_editor):
    group_grant(apps, EDITORS, permissions=PERMISSIONS)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=EDITORS):
        for dotted in PERMISSIONS:
            app_label, codename = dotted.split(".")
            group.permissions.remove(*Permission.objects.filter(content_type__app_label=app_label, codename=codename))


class Migration(migrations.Migration):
    dependencies = [("core", "0005_language_settings"), ("strategy", "0008_models_moved_to_core_and_home")]

    operations = [migrations.RunPython(grant, revoke)]
