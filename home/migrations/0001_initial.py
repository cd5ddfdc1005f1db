"""The home page and the plain content pages, moved here from strategy with their tables; their
content types follow them, so every existing page keeps its type."""

import core.routing
import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

from core.migration_operations import content_types_move


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailcore', '0098_apitoken'),
        ('strategy', '0007_strategy_report_scope'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='HomePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(help_text='One or two sentences under the page title.')),
                        ('pledge', wagtail.fields.RichTextField(blank=True)),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 7), ('quote', 10), ('key_figures', 14)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Heading 2'), ('h3', 'Heading 3')]}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['h2', 'h3', 'bold', 'italic', 'ol', 'ul', 'link', 'document-link'], 'icon': 'pilcrow'}), 4: ('wagtail.images.blocks.ImageChooserBlock', (), {}), 5: ('wagtail.blocks.CharBlock', (), {'help_text': 'Describe the image for people who cannot see it. Leave empty only if it is decorative.', 'max_length': 250, 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'max_length': 250, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 4), ('alt_text', 5), ('caption', 6)]], {}), 8: ('wagtail.blocks.TextBlock', (), {}), 9: ('wagtail.blocks.CharBlock', (), {'max_length': 120, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('text', 8), ('attribution', 9)]], {}), 11: ('wagtail.blocks.CharBlock', (), {'help_text': 'For example "58" or "£7,500".', 'max_length': 20}), 12: ('wagtail.blocks.CharBlock', (), {'max_length': 160}), 13: ('wagtail.blocks.StructBlock', [[('value', 11), ('label', 12)]], {}), 14: ('wagtail.blocks.ListBlock', (13,), {'icon': 'pick', 'template': 'blocks/key_figures_block.html'})})),
                    ],
                    options={
                        'db_table': 'strategy_homepage',
                    },
                    bases=(core.routing.CachedViewRestrictionsMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='StandardPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True)),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 7), ('quote', 10), ('key_figures', 14)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Heading 2'), ('h3', 'Heading 3')]}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['h2', 'h3', 'bold', 'italic', 'ol', 'ul', 'link', 'document-link'], 'icon': 'pilcrow'}), 4: ('wagtail.images.blocks.ImageChooserBlock', (), {}), 5: ('wagtail.blocks.CharBlock', (), {'help_text': 'Describe the image for people who cannot see it. Leave empty only if it is decorative.', 'max_length': 250, 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'max_length': 250, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 4), ('alt_text', 5), ('caption', 6)]], {}), 8: ('wagtail.blocks.TextBlock', (), {}), 9: ('wagtail.blocks.CharBlock', (), {'max_length': 120, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('text', 8), ('attribution', 9)]], {}), 11: ('wagtail.blocks.CharBlock', (), {'help_text': 'For example "58" or "£7,500".', 'max_length': 20}), 12: ('wagtail.blocks.CharBlock', (), {'max_length': 160}), 13: ('wagtail.blocks.StructBlock', [[('value', 11), ('label', 12)]], {}), 14: ('wagtail.blocks.ListBlock', (13,), {'icon': 'pick', 'template': 'blocks/key_figures_block.html'})})),
                    ],
                    options={
                        'db_table': 'strategy_standardpage',
                    },
                    bases=(core.routing.CachedViewRestrictionsMixin, 'wagtailcore.page'),
                ),
            ],
            database_operations=[],
        ),
        content_types_move(("strategy", "home", "homepage"), ("strategy", "home", "standardpage")),
    ]
