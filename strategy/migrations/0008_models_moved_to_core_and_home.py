"""Theme, Ward and the site settings moved to core, the home and plain content pages to home:
state only, every table stays where it is."""

import django.db.models.deletion
import modelcluster.contrib.taggit
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('strategy', '0007_strategy_report_scope'),
        ('core', '0001_initial'),
        ('home', '0001_initial'),
        ('consultation', '0009_models_moved_to_core'),
        ('events', '0005_theme_ward_moved_to_core'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='themepage',
                    name='theme',
                    field=models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='page', to='core.theme'),
                ),
                migrations.AlterField(
                    model_name='themedinitiative',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='tagged_initiatives', to='core.theme'),
                ),
                migrations.AlterField(
                    model_name='themedrecommendation',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='tagged_recommendations', to='core.theme'),
                ),
                migrations.DeleteModel(
                    name='Ward',
                ),
                migrations.AlterField(
                    model_name='initiativepage',
                    name='themes',
                    field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='The strategy theme(s) this initiative serves.', through='strategy.ThemedInitiative', to='core.Theme', verbose_name='themes'),
                ),
                migrations.AlterField(
                    model_name='recommendationpage',
                    name='themes',
                    field=modelcluster.contrib.taggit.ClusterTaggableManager(help_text='The strategy theme(s) this recommendation serves: usually the theme it sits under.', through='strategy.ThemedRecommendation', to='core.Theme', verbose_name='themes'),
                ),
                migrations.DeleteModel(
                    name='HomePage',
                ),
                migrations.DeleteModel(
                    name='SiteSettings',
                ),
                migrations.DeleteModel(
                    name='StandardPage',
                ),
                migrations.DeleteModel(
                    name='Theme',
                ),
            ],
            database_operations=[],
        ),
    ]
