"""The Data protection group: staff who answer access and erasure requests.

They find everything the site holds about one person, export it and erase it, in the admin's
Data protection area (`core.handle_personal_data`), and read the log of erasures. Nothing else:
the retention schedule and its run log are for administrators. Depends on strategy 0008, the
move of the shared models to core and home, as every migration that grants permissions must
(core/staff_groups.py).
"""

from django.db import migrations

from core.staff_groups import group_grant

NAME = "Data protection"


def grant(apps, schema_editor):
    group_grant(apps, NAME, permissions=("core.handle_personal_data",))


def remove(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0002_data_protection"), ("strategy", "0008_models_moved_to_core_and_home")]

    operations = [migrations.RunPython(grant, remove)]
