"""Safeguarding phrases gain a language and a reviewed flag; a phrase is unique within its language."""

import core.models
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0006_editors_mark_languages_reviewed'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='safeguardingphrase',
            options={'ordering': ['language', 'category', 'phrase']},
        ),
        migrations.AddField(
            model_name='safeguardingphrase',
            name='language',
            field=models.CharField(choices=core.models.site_language_choices, default=core.models.site_language_default, help_text='The language the phrase is written in. Every text is checked against every language.', max_length=10),
        ),
        migrations.AddField(
            model_name='safeguardingphrase',
            name='reviewed',
            field=models.BooleanField(default=True, help_text='Untick for a draft the Safeguarding group still has to check. Drafts are matched all the same.'),
        ),
        migrations.AlterField(
            model_name='safeguardingphrase',
            name='phrase',
            field=models.CharField(max_length=100),
        ),
        migrations.AddConstraint(
            model_name='safeguardingphrase',
            constraint=models.UniqueConstraint(fields=('language', 'phrase'), name='one_safeguarding_phrase_per_language'),
        ),
    ]
