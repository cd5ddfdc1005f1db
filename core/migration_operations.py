"""Migration operations shared by the apps' migrations.

When a model moves from one app to another its table stays where it is
(`SeparateDatabaseAndState`), but Django's content type still names the old app. Permissions,
groups' grants, Wagtail pages (`Page.content_type`), revisions and log entries all point at
that content type by id, so renaming it in place carries every one of them to the new app.
"""

from django.db import migrations


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
