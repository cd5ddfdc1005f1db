"""Staff groups and what each may do, for data migrations in every app.

Five groups: Editors (pages, events, surveys), Officers (feedback and exports), Forum
moderators (the forum), Safeguarding (flagged items and contact details) and Data protection
(finding, exporting and erasing one person's data on request). Each app's
migrations call `group_grant` with the historical `apps`, so permissions for models that later
issues add are granted in those apps' own migrations.

The forum's group is not called "Moderators": Wagtail's own migrations create a group of that
name with page, image and document permissions, and a group sharing the name inherited them.
`strategy/migrations/0006_staff_group_permissions_explicit.py` renamed it and set every staff
group's permissions exactly (`group_set_exactly`); a later migration that grants permissions
must depend on it, or that migration may run first and lose its grants. It must also depend on
`strategy/migrations/0008_models_moved_to_core_and_home.py` (which depends on 0006): before
that, the historical state still holds the models that moved to core and home, and
`permissions_ensure` would make content types for them under their old app again.
"""

from django.contrib.auth.management import create_permissions

EDITORS = "Editors"
OFFICERS = "Officers"
FORUM_MODERATORS = "Forum moderators"
SAFEGUARDING = "Safeguarding"
DATA_PROTECTION = "Data protection"
GROUP_NAMES = (EDITORS, OFFICERS, FORUM_MODERATORS, SAFEGUARDING, DATA_PROTECTION)

# Wagtail page actions that editors get on the whole page tree.
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
EDITOR_COLLECTION_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)


def permissions_ensure(apps) -> None:
    """Create the permission rows of every installed app now. Django otherwise creates them
    only after all migrations have run, too late for a data migration on a fresh database."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _permission(apps, dotted: str):
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def group_grant(apps, name: str, *, permissions=(), page_permissions=(), collection_permissions=()) -> None:
    """Create the group if needed and give it the named permissions (idempotent).

    `permissions` are "app_label.codename" model permissions; `page_permissions` are codenames
    of wagtailcore.Page permissions granted on the root of the page tree; `collection_permissions`
    are granted on the root collection.
    """
    permissions_ensure(apps)
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=name)
    for dotted in ("wagtailadmin.access_admin", *permissions):
        group.permissions.add(_permission(apps, dotted))

    if page_permissions:
        Page = apps.get_model("wagtailcore", "Page")
        GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
        root = Page.objects.get(depth=1)
        for codename in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=_permission(apps, f"wagtailcore.{codename}")
            )

    if collection_permissions:
        Collection = apps.get_model("wagtailcore", "Collection")
        GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
        root_collection = Collection.objects.get(depth=1)
        for dotted in collection_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_permission(apps, dotted)
            )


def group_set_exactly(apps, name: str, *, permissions=(), page_permissions=(), collection_permissions=()) -> None:
    """Give the group exactly these permissions and remove every other grant it holds: model
    permissions, page permissions anywhere in the tree, collection permissions and per-site
    permissions (idempotent). Arguments as for `group_grant`; admin access is always included.
    """
    permissions_ensure(apps)
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.set([_permission(apps, dotted) for dotted in ("wagtailadmin.access_admin", *permissions)])

    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupSitePermission = apps.get_model("wagtailcore", "GroupSitePermission")
    GroupPagePermission.objects.filter(group=group).delete()
    GroupCollectionPermission.objects.filter(group=group).delete()
    GroupSitePermission.objects.filter(group=group).delete()
    group_grant(apps, name, page_permissions=page_permissions, collection_permissions=collection_permissions)
