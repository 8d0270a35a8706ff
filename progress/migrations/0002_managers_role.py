"""The self-assessment managers' role (hub.roles): sees every return, reopens submitted ones, exports."""

from django.db import migrations

from hub.roles import roles_sync


class Migration(migrations.Migration):
    dependencies = [
        ("progress", "0001_self_assessment"),
        ("hub", "0004_load_english_local_authorities"),
    ]

    operations = [migrations.RunPython(roles_sync, migrations.RunPython.noop)]
