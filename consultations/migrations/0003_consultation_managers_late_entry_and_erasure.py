"""Consultation managers may issue late-entry links and find, export and erase a respondent's data.

The rights are declared in hub.roles; this applies them once the permissions exist.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from hub.roles import roles_sync


def permissions_then_roles(apps, schema_editor):
    # Django makes permissions after migrating; the custom erase permission is needed now.
    app_config = apps.get_app_config("consultations")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    roles_sync(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0002_follow_up_outcome_late_entry_alerts"),
        ("hub", "0002_roles"),
    ]

    operations = [migrations.RunPython(permissions_then_roles, migrations.RunPython.noop)]
