"""The Hub managers role, who confirm councils' domains (hub.roles declares its rights)."""

from django.db import migrations

from hub.roles import roles_sync


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0007_load_council_web_domains"),
        ("progress", "0004_verified_officers_and_access_requests"),
        ("consultations", "0003_consultation_managers_late_entry_and_erasure"),
    ]

    operations = [migrations.RunPython(roles_sync, migrations.RunPython.noop)]
