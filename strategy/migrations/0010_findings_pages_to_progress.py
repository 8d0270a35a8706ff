"""ProgressIndexPage and FindingsPage now belong to progress, whose migration renamed the tables.

Only the migration state forgets them here: the rows stay, in progress's tables.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('progress', '0005_findings_pages_from_strategy'),
        ('strategy', '0009_toolkit_policy_note_index'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='FindingsPage'),
                migrations.DeleteModel(name='ProgressIndexPage'),
            ],
            database_operations=[],
        ),
    ]
