"""Starting theme keywords in Gujarati, Punjabi, Urdu, Polish, Somali and Arabic
(consultation/wordlists.py), for the officers to extend."""

from django.db import migrations


def load_keywords(apps, schema_editor):
    from consultation.wordlists import THEME_KEYWORDS_BY_LANGUAGE

    Theme = apps.get_model("core", "Theme")
    ThemeKeyword = apps.get_model("consultation", "ThemeKeyword")
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    for language, by_theme in THEME_KEYWORDS_BY_LANGUAGE.items():
        for slug, keywords in by_theme.items():
            theme = themes.get(slug)
            if theme is None:
                continue
            for phrase, weight in keywords:
                ThemeKeyword.objects.get_or_create(
                    theme=theme, language=language, phrase=phrase, defaults={"weight": weight}
                )


class Migration(migrations.Migration):
    dependencies = [("consultation", "0011_theme_keyword_languages")]

    operations = [migrations.RunPython(load_keywords, migrations.RunPython.noop)]
