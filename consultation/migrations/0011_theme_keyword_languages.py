"""Theme keywords gain a language; a keyword is unique per theme and language."""

import core.models
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('consultation', '0010_theme_model'),
        ('core', '0007_safeguarding_phrase_languages'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='themekeyword',
            options={'ordering': ['theme__sort_order', 'language', 'phrase']},
        ),
        migrations.RemoveConstraint(
            model_name='themekeyword',
            name='one_keyword_per_theme',
        ),
        migrations.AddField(
            model_name='themekeyword',
            name='language',
            field=models.CharField(choices=core.models.site_language_choices, default=core.models.site_language_default, help_text='The language the phrase is written in. Every text is checked against every language.', max_length=10),
        ),
        migrations.AddConstraint(
            model_name='themekeyword',
            constraint=models.UniqueConstraint(fields=('theme', 'language', 'phrase'), name='one_keyword_per_theme_and_language'),
        ),
    ]
