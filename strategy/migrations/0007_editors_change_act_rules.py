"""Editors may add, change and delete the Procurement Act rules and glossary terms."""

from django.db import migrations

from hub.roles import roles_sync


class Migration(migrations.Migration):
    dependencies = [
        ("strategy", "0006_act_rules_seed"),
        ("hub", "0002_roles"),
        ("consultations", "0003_consultation_managers_late_entry_and_erasure"),
        ("progress", "0002_managers_role"),
    ]

    operations = [migrations.RunPython(roles_sync, migrations.RunPython.noop)]
