"""Permissions for triage, exports and "You said, we did".

Officers triage, theme, export and write the summaries. Personal data in exports needs
`export_personal_data` as well, which the Safeguarding group holds: an officer who is also a
safeguarding lead can include contact details; nobody else can."""

from django.db import migrations

from core.staff_groups import group_grant


def grant(apps, schema_editor):
    group_grant(
        apps,
        "Officers",
        permissions=(
            "consultation.export_feedback",
            "consultation.view_exportjob",
            "consultation.add_exportjob",
            "consultation.view_themesummary",
            "consultation.add_themesummary",
            "consultation.change_themesummary",
        ),
    )
    group_grant(apps, "Safeguarding", permissions=("consultation.export_personal_data",))


class Migration(migrations.Migration):
    dependencies = [("consultation", "0004_export_permission")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
