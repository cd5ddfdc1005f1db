"""Starting safeguarding phrases in Gujarati, Punjabi, Urdu, Polish, Somali and Arabic
(core/safeguarding_wordlists.py), loaded as drafts for the Safeguarding group to review."""

from django.db import migrations


def load_phrases(apps, schema_editor):
    from core.safeguarding_wordlists import SAFEGUARDING_PHRASES_BY_LANGUAGE

    SafeguardingPhrase = apps.get_model("core", "SafeguardingPhrase")
    for language, phrases in SAFEGUARDING_PHRASES_BY_LANGUAGE.items():
        for phrase, category in phrases:
            SafeguardingPhrase.objects.get_or_create(
                language=language, phrase=phrase, defaults={"category": category, "reviewed": False}
            )


def unload_drafts(apps, schema_editor):
    """Going back removes the shipped phrases nobody has reviewed yet; reviewed ones stay."""
    from core.safeguarding_wordlists import SAFEGUARDING_PHRASES_BY_LANGUAGE

    SafeguardingPhrase = apps.get_model("core", "SafeguardingPhrase")
    for language, phrases in SAFEGUARDING_PHRASES_BY_LANGUAGE.items():
        SafeguardingPhrase.objects.filter(
            language=language, phrase__in=[phrase for phrase, _category in phrases], reviewed=False
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0007_safeguarding_phrase_languages")]

    operations = [migrations.RunPython(load_phrases, unload_drafts)]
