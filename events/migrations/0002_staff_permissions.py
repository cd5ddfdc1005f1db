"""Who may do what with events: Editors run events and keep the kit list; Officers may also
download attendee lists with names and emails."""

from django.db import migrations

from core.staff_groups import group_grant


def grant(apps, schema_editor):
    group_grant(
        apps,
        "Editors",
        permissions=(
            "events.add_bleedkit",
            "events.change_bleedkit",
            "events.delete_bleedkit",
            "events.view_bleedkit",
            "events.view_booking",
        ),
    )
    group_grant(apps, "Officers", permissions=("events.view_booking", "events.export_booking"))


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("strategy", "0003_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
