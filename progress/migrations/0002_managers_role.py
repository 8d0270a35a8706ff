"""The LGA managers' role (hub.roles): sees every return, reopens submitted ones, exports."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from hub.roles import roles_sync


def sync_roles(apps, schema_editor):
    # The role's custom permissions are normally made after every migration; it needs them now.
    config = apps.get_app_config("progress")
    config.models_module = True
    create_permissions(config, verbosity=0, apps=apps)
    roles_sync(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("progress", "0001_self_assessment"),
        ("hub", "0004_load_english_local_authorities"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
