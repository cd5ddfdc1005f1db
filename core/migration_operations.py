"""Migration operations shared by the apps' migrations.

Moving a model: when a model moves from one app to another its table stays where it is
(`SeparateDatabaseAndState`), but Django's content type still names the old app. Permissions,
groups' grants, Wagtail pages (`Page.content_type`), revisions and log entries all point at
that content type by id, so renaming it in place carries every one of them to the new app.

Making a model translatable (wagtail-localize's TranslatableMixin): `translatable_fields_add`
adds its locale and translation key, both empty, for a data migration to fill;
`translatable_fields_require` then makes them required, one row per key and language, in the
next migration (a table cannot be altered and filled in one PostgreSQL transaction).

Moving an image's alt text: the page bodies' image block (core.blocks.CaptionedImageBlock) once
stored `{"image": id, "alt_text": ..., "caption": ...}`, an empty alt text meaning decorative.
Its image is now Wagtail's ImageBlock: `{"image": {"image": id, "alt_text": ..., "decorative":
...}, "caption": ...}`. `image_block_alt_text_moves` moves every old value over, in the pages
and in their revisions, with Wagtail's MigrateStreamData.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models
from django.utils.deconstruct import deconstructible
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.blocks.migrations.operations import BaseBlockOperation


def content_types_move(*moves: tuple[str, str, str]) -> migrations.RunPython:
    """An operation that renames the content types of moved models: each move is
    (old app label, new app label, model name in lower case)."""

    def forwards(apps, schema_editor):
        _rename(apps, [(old, new, model) for old, new, model in moves])

    def backwards(apps, schema_editor):
        _rename(apps, [(new, old, model) for old, new, model in moves])

    return migrations.RunPython(forwards, backwards, elidable=False)


def _rename(apps, moves) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for old_app, new_app, model in moves:
        old = ContentType.objects.filter(app_label=old_app, model=model).first()
        if old is None:
            continue  # a new database: nothing made it yet, post_migrate will
        # A content type for the new place made in between (by post_migrate after a partial
        # migrate) holds nothing yet: the old one, with everything pointing at it, wins.
        ContentType.objects.filter(app_label=new_app, model=model).delete()
        old.app_label = new_app
        old.save(update_fields=["app_label"])


@deconstructible
class ImageAltTextIntoImageBlock(BaseBlockOperation):
    """One image block's value in the old shape, in the new; a value already in the new shape
    (its image a dict) is left as it is, so the migration can run on a body twice."""

    def apply(self, block_value):
        if not isinstance(block_value, dict) or isinstance(block_value.get("image"), dict):
            return block_value
        alt_text = (block_value.get("alt_text") or "").strip()
        return {
            "image": {"image": block_value.get("image"), "alt_text": alt_text, "decorative": not alt_text},
            "caption": block_value.get("caption") or "",
        }

    @property
    def operation_name_fragment(self):
        return "image_alt_text_into_image_block"


def image_block_alt_text_moves(app_label: str, *model_names: str) -> list[MigrateStreamData]:
    """The operations that move the alt text of every image in the `body` of each named model."""
    return [
        MigrateStreamData(
            app_name=app_label,
            model_name=model_name,
            field_name="body",
            operations_and_block_paths=[(ImageAltTextIntoImageBlock(), "image")],
        )
        for model_name in model_names
    ]


def _locale_field(**extra) -> models.ForeignKey:
    return models.ForeignKey(
        editable=False,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="wagtailcore.locale",
        verbose_name="locale",
        **extra,
    )


def translatable_fields_add(model_name: str) -> list[migrations.AddField]:
    """TranslatableMixin's two fields on `model_name` (lower case), empty until filled."""
    return [
        migrations.AddField(model_name=model_name, name="locale", field=_locale_field(null=True)),
        migrations.AddField(
            model_name=model_name, name="translation_key", field=models.UUIDField(null=True, editable=False)
        ),
    ]


def translatable_fields_require(model_name: str) -> list[migrations.operations.base.Operation]:
    """TranslatableMixin's two fields on `model_name` made required, one row per translation
    key and locale, as the mixin declares them."""
    return [
        migrations.AlterField(model_name=model_name, name="locale", field=_locale_field()),
        migrations.AlterField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(name=model_name, unique_together={("translation_key", "locale")}),
    ]
