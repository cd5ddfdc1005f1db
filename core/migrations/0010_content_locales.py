"""What editors write is translated (wagtail-localize): a Wagtail locale for each of the site's
languages, English the default, and each other language's page tree kept in step with English
(wagtail-localize's LocaleSynchronization: every English page gets an alias in that language's
tree until it is translated). The aliases of pages that exist already are made after `migrate`
(core/apps.py runs core.translations.trees_sync).

Editors translate pages ("Translate this page", and the PO file download and upload in the
translation editor): `wagtail_localize.submit_translation`. Depends on strategy 0008, as every
migration that grants permissions must (core/staff_groups.py)."""

from django.db import migrations

from core.staff_groups import EDITORS, group_grant

# A copy, not an import of settings.LANGUAGES: a migration does what it did when written.
LANGUAGE_CODES = ("en-gb", "gu", "pa", "ur", "pl", "so", "ar")
DEFAULT = "en-gb"
PERMISSIONS = ("wagtail_localize.submit_translation",)


def locales_make(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    # Wagtail's first locale was made from LANGUAGE_CODE ("en-gb"); an older database may
    # call it "en". Either way it becomes English, the default.
    default = Locale.objects.filter(language_code=DEFAULT).first()
    if default is None:
        default = Locale.objects.filter(language_code="en").first()
        if default is not None:
            default.language_code = DEFAULT
            default.save(update_fields=["language_code"])
        else:
            default = Locale.objects.create(language_code=DEFAULT)
    for code in LANGUAGE_CODES:
        if code == DEFAULT:
            continue
        locale, _created = Locale.objects.get_or_create(language_code=code)
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": default})
    group_grant(apps, EDITORS, permissions=PERMISSIONS)


def locales_unmake(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    LocaleSynchronization.objects.filter(locale__language_code__in=LANGUAGE_CODES).delete()
    for group in Group.objects.filter(name=EDITORS):
        for dotted in PERMISSIONS:
            app_label, codename = dotted.split(".")
            group.permissions.remove(*Permission.objects.filter(content_type__app_label=app_label, codename=codename))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0009_equality_monitoring_retention"),
        ("strategy", "0008_models_moved_to_core_and_home"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(locales_make, locales_unmake)]
