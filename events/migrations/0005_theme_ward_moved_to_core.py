"""Theme and Ward now live in core: state only, the tables stay."""

import django.db.models.deletion
import modelcluster.contrib.taggit
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('events', '0004_booking_cancellation_sent_at'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='bleedkit',
                    name='ward',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='bleed_kits', to='core.ward'),
                ),
                migrations.AlterField(
                    model_name='eventpage',
                    name='themes',
                    field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='events.ThemedEvent', to='core.Theme', verbose_name='themes'),
                ),
                migrations.AlterField(
                    model_name='eventpage',
                    name='ward',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='events', to='core.ward'),
                ),
                migrations.AlterField(
                    model_name='themedevent',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='tagged_events', to='core.theme'),
                ),
            ],
            database_operations=[],
        ),
    ]
