"""Theme, Ward, SafeguardingPhrase and ExportLog now live in core: state only, the tables stay."""

import django.db.models.deletion
import taggit.managers
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('consultation', '0008_export_job_lease'),
        ('core', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name='SafeguardingPhrase',
                ),
                    migrations.AlterField(
                    model_name='feedback',
                    name='themes',
                    field=taggit.managers.TaggableManager(blank=True, help_text='A comma-separated list of tags.', through='consultation.ThemedFeedback', to='core.Theme', verbose_name='confirmed themes'),
                ),
                migrations.AlterField(
                    model_name='feedback',
                    name='ward',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='feedback', to='core.ward'),
                ),
                migrations.AlterField(
                    model_name='response',
                    name='ward',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.ward'),
                ),
                migrations.AlterField(
                    model_name='themedfeedback',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='themed_feedback', to='core.theme'),
                ),
                migrations.AlterField(
                    model_name='themekeyword',
                    name='theme',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='keywords', to='core.theme'),
                ),
                migrations.AlterField(
                    model_name='themesuggestion',
                    name='theme',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='suggestions', to='core.theme'),
                ),
                migrations.AlterField(
                    model_name='themesummary',
                    name='theme',
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='summary', to='core.theme'),
                ),
                migrations.DeleteModel(
                    name='ExportLog',
                ),
            ],
            database_operations=[],
        ),
    ]
