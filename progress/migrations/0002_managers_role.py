"""Once made the self-assessment managers' role; hub.roles.roles_sync now does (post_migrate).

Kept, empty, because later migrations depend on it and databases have it applied.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("progress", "0001_self_assessment"),
        ("hub", "0004_load_english_local_authorities"),
    ]

    operations = []
