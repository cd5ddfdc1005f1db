"""Who may do what with the local picture.

Officers keep the figures up to date: they import police files, enter and upload the figures
the police share, upload the ward lookup and set the LSOA prefix. Editors write the page (they
already hold page permissions on the whole tree) and may look at the figure series to choose
them for the page, but do not import data: the figures are the officers' responsibility.
"""

from django.db import migrations

from core.staff_groups import group_grant


def grant(apps, schema_editor):
    group_grant(
        apps,
        "Officers",
        permissions=(
            "localpicture.import_police_data",
            "localpicture.view_policeimport",
            "localpicture.upload_ward_lookup",
            "localpicture.view_wardlookup",
            "localpicture.view_figureseries",
            "localpicture.add_figureseries",
            "localpicture.change_figureseries",
            "localpicture.delete_figureseries",
            "localpicture.change_localpicturesettings",
        ),
    )
    group_grant(apps, "Editors", permissions=("localpicture.view_figureseries",))


class Migration(migrations.Migration):
    dependencies = [("localpicture", "0001_initial"), ("strategy", "0003_staff_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
