"""Consultation managers may issue late-entry links and find, export and erase a respondent's data.

The rights are declared in hub.roles; this applies them once the permissions exist.
"""

from django.db import migrations

from hub.roles import roles_sync


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0002_follow_up_outcome_late_entry_alerts"),
        ("hub", "0002_roles"),
    ]

    operations = [migrations.RunPython(roles_sync, migrations.RunPython.noop)]
