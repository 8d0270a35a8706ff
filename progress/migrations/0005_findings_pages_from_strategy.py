"""ProgressIndexPage and FindingsPage move from strategy to progress, rows and all.

The tables are renamed, not recreated, and the content types change app, so pages, revisions,
permissions, log entries and search index rows keep their content type ids.
"""

import django.db.models.deletion
import hub.models.provenance
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


# (model, table before, table after)
MOVED = [
    ('progressindexpage', 'strategy_progressindexpage', 'progress_progressindexpage'),
    ('findingspage', 'strategy_findingspage', 'progress_findingspage'),
]


def tables_renamed(apps, schema_editor, backwards=False):
    """Rename each table in place; alter_db_table reads only the two names, not the model."""
    for _, before, after in MOVED:
        old, new = (after, before) if backwards else (before, after)
        schema_editor.alter_db_table(None, old, new)


def tables_renamed_back(apps, schema_editor):
    tables_renamed(apps, schema_editor, backwards=True)


def content_types_moved(apps, schema_editor, old='strategy', new='progress'):
    """The models' content types change app; a fresh database has none to move yet."""
    ContentType = apps.get_model('contenttypes', 'ContentType')
    db = schema_editor.connection.alias
    for model, _, _ in MOVED:
        if not ContentType.objects.using(db).filter(app_label=new, model=model).exists():
            ContentType.objects.using(db).filter(app_label=old, model=model).update(app_label=new)


def content_types_moved_back(apps, schema_editor):
    content_types_moved(apps, schema_editor, old='progress', new='strategy')


class Migration(migrations.Migration):

    dependencies = [
        ('hub', '0009_merge_domains_and_guidance'),
        ('progress', '0004_verified_officers_and_access_requests'),
        ('strategy', '0009_toolkit_policy_note_index'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtaildocs', '0014_alter_document_file_size'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ProgressIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('summary', models.TextField(blank=True, help_text='One or two sentences shown under the title, in listings and in search results.', max_length=400)),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('inset_text', 5), ('warning_text', 6), ('details', 8), ('document', 12), ('image', 13), ('table', 14), ('call_to_action', 17)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Heading 2'), ('h3', 'Heading 3')]}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['h2', 'h3', 'bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'icon': 'pilcrow', 'template': 'blocks/paragraph_block.html'}), 4: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link']}), 5: ('wagtail.blocks.StructBlock', [[('text', 4)]], {}), 6: ('wagtail.blocks.StructBlock', [[('text', 0)]], {}), 7: ('wagtail.blocks.RichTextBlock', (), {'features': ['h2', 'h3', 'bold', 'italic', 'link', 'document-link', 'ol', 'ul']}), 8: ('wagtail.blocks.StructBlock', [[('summary', 0), ('text', 7)]], {}), 9: ('wagtail.documents.blocks.DocumentChooserBlock', (), {}), 10: ('wagtail.blocks.CharBlock', (), {'help_text': "Defaults to the document's title.", 'required': False}), 11: ('wagtail.blocks.TextBlock', (), {'required': False}), 12: ('wagtail.blocks.StructBlock', [[('document', 9), ('title', 10), ('description', 11)]], {}), 13: ('wagtail.images.blocks.ImageBlock', [], {}), 14: ('wagtail.contrib.table_block.blocks.TableBlock', (), {'template': 'blocks/table_block.html'}), 15: ('wagtail.blocks.PageChooserBlock', (), {'required': False}), 16: ('wagtail.blocks.URLBlock', (), {'help_text': 'Used when no page is chosen.', 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('text', 0), ('page', 15), ('url', 16)]], {})})),
                    ],
                    options={
                        'abstract': False,
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='FindingsPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('review_date', models.DateField(blank=True, help_text='When the owner should next check this page; they are emailed once it passes.', null=True, verbose_name='review by')),
                        ('change_note', models.TextField(blank=True, help_text='What changed, for readers: shown with the date under ‘Updates to this page’. For example: ‘Added the payment terms duty under section 68.’', max_length=500, verbose_name='public change note')),
                        ('minor_change', models.BooleanField(default=False, help_text='Tick for a correction readers need not be told about, such as a typo. No change note is published.', verbose_name='minor change')),
                        ('is_illustrative', models.BooleanField(default=False, help_text='Tick when this item, its councils or its figures are invented for illustration. It is then flagged wherever it is offered.', verbose_name='illustrative')),
                        ('source_title', models.CharField(blank=True, help_text='The document the facts come from.', max_length=255, verbose_name='publication')),
                        ('source_publisher', models.CharField(blank=True, max_length=150, verbose_name='publisher')),
                        ('source_date', models.CharField(blank=True, help_text="The publication's own date: 2018, 2014-07 or 2017-07-11.", max_length=10, validators=[hub.models.provenance.validate_partial_date], verbose_name='published')),
                        ('source_url', models.URLField(blank=True, help_text='Where the publication is online.', verbose_name='link')),
                        ('source_format', models.CharField(blank=True, help_text='e.g. Web page or PDF.', max_length=50, verbose_name='format')),
                        ('hub_written', models.BooleanField(default=False, help_text="Tick when summaries or descriptors here are the hub's words, not the publication's.", verbose_name='text written for the hub')),
                        ('last_reviewed', models.DateField(blank=True, help_text='When an editor last checked this page against its source.', null=True)),
                        ('summary', models.TextField(blank=True, help_text='One or two sentences shown under the title, in listings and in search results.', max_length=400)),
                        ('instrument', models.CharField(choices=[('survey', 'Survey'), ('diagnostic', 'Diagnostic')], default='survey', max_length=20)),
                        ('published_date', models.DateField(blank=True, help_text='Orders findings; only the year is shown.', null=True)),
                        ('respondents', models.CharField(blank=True, help_text='Who took part, e.g. "60% of English councils".', max_length=255)),
                        ('source', wagtail.fields.RichTextField(blank=True, help_text='Where the figures come from; shown under the headline figures.')),
                        ('headline_figures', wagtail.fields.StreamField([('figure', 2)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'help_text': 'As it should read, e.g. "95%" or "£46m".', 'max_length': 20}), 1: ('wagtail.blocks.CharBlock', (), {'help_text': 'What the figure counts, in a sentence fragment.'}), 2: ('wagtail.blocks.StructBlock', [[('figure', 0), ('label', 1)]], {})})),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('inset_text', 5), ('warning_text', 6), ('details', 8), ('document', 12), ('image', 13), ('table', 14), ('call_to_action', 17), ('chart', 29)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Heading 2'), ('h3', 'Heading 3')]}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['h2', 'h3', 'bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'icon': 'pilcrow', 'template': 'blocks/paragraph_block.html'}), 4: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link']}), 5: ('wagtail.blocks.StructBlock', [[('text', 4)]], {}), 6: ('wagtail.blocks.StructBlock', [[('text', 0)]], {}), 7: ('wagtail.blocks.RichTextBlock', (), {'features': ['h2', 'h3', 'bold', 'italic', 'link', 'document-link', 'ol', 'ul']}), 8: ('wagtail.blocks.StructBlock', [[('summary', 0), ('text', 7)]], {}), 9: ('wagtail.documents.blocks.DocumentChooserBlock', (), {}), 10: ('wagtail.blocks.CharBlock', (), {'help_text': "Defaults to the document's title.", 'required': False}), 11: ('wagtail.blocks.TextBlock', (), {'required': False}), 12: ('wagtail.blocks.StructBlock', [[('document', 9), ('title', 10), ('description', 11)]], {}), 13: ('wagtail.images.blocks.ImageBlock', [], {}), 14: ('wagtail.contrib.table_block.blocks.TableBlock', (), {'template': 'blocks/table_block.html'}), 15: ('wagtail.blocks.PageChooserBlock', (), {'required': False}), 16: ('wagtail.blocks.URLBlock', (), {'help_text': 'Used when no page is chosen.', 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('text', 0), ('page', 15), ('url', 16)]], {}), 18: ('wagtail.blocks.CharBlock', (), {'help_text': 'Used as the table caption.'}), 19: ('wagtail.blocks.CharBlock', (), {'help_text': 'Heading of the label column, e.g. "Council type".', 'required': False}), 20: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('%', 'Percentage'), ('', 'Number')], 'required': False}), 21: ('wagtail.blocks.CharBlock', (), {'label': 'Series name'}), 22: ('wagtail.blocks.ListBlock', (21,), {'help_text': 'One name per bar in a row, e.g. "Upper tier" and "Districts".', 'max_num': 3, 'min_num': 1}), 23: ('wagtail.blocks.FloatBlock', (), {'min_value': 0}), 24: ('wagtail.blocks.ListBlock', (23,), {'min_num': 1}), 25: ('wagtail.blocks.StructBlock', [[('label', 0), ('values', 24)]], {}), 26: ('wagtail.blocks.ListBlock', (25,), {'min_num': 1}), 27: ('wagtail.blocks.TextBlock', (), {'help_text': 'Source or caveats shown under the chart.', 'required': False}), 28: ('wagtail.blocks.BooleanBlock', (), {'help_text': 'Tick when the figures are invented for illustration.', 'required': False}), 29: ('wagtail.blocks.StructBlock', [[('title', 18), ('label_heading', 19), ('unit', 20), ('series', 22), ('rows', 26), ('note', 27), ('illustrative', 28)]], {})})),
                        ('key_messages', wagtail.fields.RichTextField(blank=True)),
                        ('owning_team', models.ForeignKey(blank=True, help_text='The team that keeps this page up to date.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='hub.team', verbose_name='owner')),
                        ('report', models.ForeignKey(blank=True, help_text='The full report.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtaildocs.document')),
                    ],
                    options={
                        'abstract': False,
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page', models.Model),
                ),
            ],
            database_operations=[
                migrations.RunPython(tables_renamed, tables_renamed_back),
            ],
        ),
        migrations.RunPython(content_types_moved, content_types_moved_back),
    ]
