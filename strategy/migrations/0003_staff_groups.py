"""The four staff groups. Later apps' migrations add the permissions for their own models."""

from django.db import migrations

from core.staff_groups import (
    EDITOR_COLLECTION_PERMISSIONS,
    EDITOR_PAGE_PERMISSIONS,
    group_grant,
)


def create_groups(apps, schema_editor):
    group_grant(
        apps,
        "Editors",
        permissions=(
            "strategy.change_theme",
            "strategy.add_ward",
            "strategy.change_ward",
            "strategy.change_sitesettings",
        ),
        page_permissions=EDITOR_PAGE_PERMISSIONS,
        collection_permissions=EDITOR_COLLECTION_PERMISSIONS,
    )
    group_grant(apps, "Officers", permissions=("strategy.view_theme", "strategy.view_ward"))
    group_grant(apps, "Moderators")
    group_grant(apps, "Safeguarding")


class Migration(migrations.Migration):
    dependencies = [
        ("strategy", "0002_themes"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
