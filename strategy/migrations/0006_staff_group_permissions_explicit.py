"""Every staff group's permissions, set exactly; the forum's group gets a name of its own.

Wagtail's first migrations create two groups, "Editors" and "Moderators", and give both page
permissions on the root of the tree and image and document permissions; its default workflow
("Moderators approval") lets the Moderators group approve and publish pages. The forum's group
was also called "Moderators", so forum moderators could edit, publish and unpublish every page
and edit images and documents.

This migration:
- renames "Moderators" to "Forum moderators" (its members stay in it). Where a "Forum
  moderators" group already exists, the members of "Moderators" join it and "Moderators" is
  deleted, so nobody can be added to a group whose name suggests a role it does not have;
- sets each staff group's model, page, collection and site permissions to exactly the lists
  below, removing everything else: only Editors hold page permissions (on the whole tree) and
  image and document permissions (in every collection);
- hands page approval in workflows to Editors, the only group that may publish.

Running it again changes nothing. Reversing it renames the group back to "Moderators" and leaves
the permissions as they are: restoring Wagtail's grants to the forum's moderators is never wanted.
Each later migration that grants a permission must depend on this one.
"""

from django.db import migrations

from core.staff_groups import (
    EDITOR_COLLECTION_PERMISSIONS,
    EDITOR_PAGE_PERMISSIONS,
    group_set_exactly,
)

OLD_NAME = "Moderators"
NEW_NAME = "Forum moderators"

# Model permissions ("app_label.codename") besides wagtailadmin.access_admin, which every staff
# group has. A copy, not an import, so that this migration always does what it did when written.
PERMISSIONS = {
    "Editors": (
        "strategy.change_theme",
        "strategy.add_ward",
        "strategy.change_ward",
        "strategy.change_sitesettings",
        "consultation.view_response",
        "events.add_bleedkit",
        "events.change_bleedkit",
        "events.delete_bleedkit",
        "events.view_bleedkit",
        "events.view_booking",
        "localpicture.view_figureseries",
    ),
    "Officers": (
        "strategy.view_theme",
        "strategy.view_ward",
        "consultation.view_feedback",
        "consultation.add_feedback",
        "consultation.change_feedback",
        "consultation.view_response",
        "consultation.export_feedback",
        "consultation.view_exportjob",
        "consultation.add_exportjob",
        "consultation.view_themekeyword",
        "consultation.add_themekeyword",
        "consultation.change_themekeyword",
        "consultation.delete_themekeyword",
        "consultation.view_themesummary",
        "consultation.add_themesummary",
        "consultation.change_themesummary",
        "events.view_booking",
        "events.export_booking",
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
    NEW_NAME: ("forum.moderate_forum",),
    "Safeguarding": (
        "consultation.view_safeguarding",
        "consultation.export_personal_data",
        "consultation.view_contactrequest",
        "consultation.change_contactrequest",
        "consultation.view_safeguardingphrase",
        "consultation.add_safeguardingphrase",
        "consultation.change_safeguardingphrase",
        "consultation.delete_safeguardingphrase",
        "forum.moderate_forum",
    ),
}


def _forum_group_rename(apps, *, old: str, new: str) -> None:
    Group = apps.get_model("auth", "Group")
    old_group = Group.objects.filter(name=old).first()
    if old_group is None:
        return
    new_group = Group.objects.filter(name=new).first()
    if new_group is None:
        old_group.name = new
        old_group.save(update_fields=["name"])
        return
    new_group.user_set.add(*old_group.user_set.all())
    old_group.delete()


def _approval_to_editors(apps) -> None:
    """Approval tasks name only groups that may publish: Editors."""
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    editors = Group.objects.get(name="Editors")
    others = Group.objects.filter(name__in=[name for name in PERMISSIONS if name != "Editors"])
    for task in GroupApprovalTask.objects.filter(groups__in=others).distinct():
        task.groups.remove(*others)
        if not task.groups.exists():
            task.groups.add(editors)
    # Wagtail names its default task and workflow after the group it created.
    GroupApprovalTask.objects.filter(name=f"{OLD_NAME} approval").update(name="Editors approval")
    Workflow.objects.filter(name=f"{OLD_NAME} approval").update(name="Editors approval")


def permissions_set(apps, schema_editor):
    _forum_group_rename(apps, old=OLD_NAME, new=NEW_NAME)
    for name, permissions in PERMISSIONS.items():
        editors = name == "Editors"
        group_set_exactly(
            apps,
            name,
            permissions=permissions,
            page_permissions=EDITOR_PAGE_PERMISSIONS if editors else (),
            collection_permissions=EDITOR_COLLECTION_PERMISSIONS if editors else (),
        )
    _approval_to_editors(apps)


def forum_group_name_restore(apps, schema_editor):
    _forum_group_rename(apps, old=NEW_NAME, new=OLD_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("strategy", "0005_theme_bit"),
        ("consultation", "0007_theme_bits"),
        ("events", "0002_staff_permissions"),
        ("forum", "0002_moderator_permissions"),
        ("localpicture", "0002_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(permissions_set, forum_group_name_restore)]
