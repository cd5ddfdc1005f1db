"""The ground floor's models, moved here from strategy and consultation with their tables:
only Django's idea of where they live changes, and their content types follow them."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

from core.migration_operations import content_types_move


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('strategy', '0007_strategy_report_scope'),
        ('consultation', '0008_export_job_lease'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='SafeguardingPhrase',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('phrase', models.CharField(max_length=100, unique=True)),
                        ('category', models.CharField(choices=[('threat', 'Threats'), ('weapon', 'Carrying a weapon'), ('harm_at_home', 'Being hurt at home'), ('self_harm', 'Self-harm or suicide'), ('exploitation', 'Exploitation'), ('other', 'Other')], max_length=20)),
                        ('active', models.BooleanField(default=True)),
                    ],
                    options={
                        'db_table': 'consultation_safeguardingphrase',
                        'ordering': ['category', 'phrase'],
                    },
                ),
                migrations.CreateModel(
                    name='Theme',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=100, unique=True, verbose_name='name')),
                        ('slug', models.SlugField(allow_unicode=True, max_length=100, unique=True, verbose_name='slug')),
                        ('description', models.TextField(blank=True, help_text='One or two sentences shown with the theme.')),
                        ('sort_order', models.PositiveIntegerField(default=0, editable=False)),
                        ('bit', models.PositiveSmallIntegerField(editable=False, unique=True)),
                    ],
                    options={
                        'verbose_name': 'theme',
                        'verbose_name_plural': 'themes',
                        'db_table': 'strategy_theme',
                        'ordering': ['sort_order', 'name'],
                    },
                ),
                migrations.CreateModel(
                    name='Ward',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=100, unique=True)),
                        ('slug', models.SlugField(max_length=100, unique=True)),
                    ],
                    options={
                        'db_table': 'strategy_ward',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='ExportLog',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                        ('kind', models.CharField(help_text='What was exported, such as survey responses.', max_length=60)),
                        ('filters', models.JSONField(blank=True, default=dict)),
                        ('row_count', models.PositiveIntegerField(default=0)),
                        ('included_personal_data', models.BooleanField(default=False)),
                        ('user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'consultation_exportlog',
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='SiteSettings',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('council_name', models.CharField(default='Leicester City Council', max_length=120)),
                        ('strategy_name', models.CharField(default='Knife Crime and Serious Violence Strategy', max_length=160)),
                        ('contact_email', models.EmailField(blank=True, max_length=254)),
                        ('contact_phone', models.CharField(blank=True, max_length=40)),
                        ('emergency_number', models.CharField(default='999', max_length=20)),
                        ('childline_number', models.CharField(default='0800 1111', max_length=40)),
                        ('crimestoppers_number', models.CharField(default='0800 555 111', max_length=40)),
                        ('fearless_url', models.URLField(default='https://www.fearless.org', help_text='Fearless: the Crimestoppers service where young people can pass on information anonymously.')),
                        ('accessibility_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL)),
                        ('privacy_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL)),
                        ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
                    ],
                    options={
                        'verbose_name': 'site settings',
                        'db_table': 'strategy_sitesettings',
                    },
                ),
            ],
            database_operations=[],
        ),
        content_types_move(
            ("strategy", "core", "theme"),
            ("strategy", "core", "ward"),
            ("strategy", "core", "sitesettings"),
            ("consultation", "core", "safeguardingphrase"),
            ("consultation", "core", "exportlog"),
        ),
    ]
