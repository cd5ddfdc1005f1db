"""The starting word lists (consultation/wordlists.py) and the staff groups' permissions for
feedback, responses, word lists and safeguarding."""

from django.db import migrations

from core.staff_groups import group_grant


def load_word_lists(apps, schema_editor):
    from consultation.wordlists import SAFEGUARDING_PHRASES, THEME_KEYWORDS

    Theme = apps.get_model("strategy", "Theme")
    ThemeKeyword = apps.get_model("consultation", "ThemeKeyword")
    SafeguardingPhrase = apps.get_model("consultation", "SafeguardingPhrase")
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    for slug, keywords in THEME_KEYWORDS.items():
        theme = themes.get(slug)
        if theme is None:
            continue
        for phrase, weight in keywords:
            ThemeKeyword.objects.get_or_create(theme=theme, phrase=phrase, defaults={"weight": weight})
    for phrase, category in SAFEGUARDING_PHRASES:
        SafeguardingPhrase.objects.get_or_create(phrase=phrase, defaults={"category": category})


def grant_permissions(apps, schema_editor):
    group_grant(
        apps,
        "Officers",
        permissions=(
            "consultation.view_feedback",
            "consultation.change_feedback",
            "consultation.add_feedback",
            "consultation.view_response",
            "consultation.view_themekeyword",
            "consultation.add_themekeyword",
            "consultation.change_themekeyword",
            "consultation.delete_themekeyword",
        ),
    )
    group_grant(apps, "Editors", permissions=("consultation.view_response",))
    group_grant(
        apps,
        "Safeguarding",
        permissions=(
            "consultation.view_safeguarding",
            "consultation.view_contactrequest",
            "consultation.change_contactrequest",
            "consultation.view_safeguardingphrase",
            "consultation.add_safeguardingphrase",
            "consultation.change_safeguardingphrase",
            "consultation.delete_safeguardingphrase",
        ),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("consultation", "0001_initial"),
        ("strategy", "0003_staff_groups"),
    ]

    operations = [
        migrations.RunPython(load_word_lists, migrations.RunPython.noop),
        migrations.RunPython(grant_permissions, migrations.RunPython.noop),
    ]
