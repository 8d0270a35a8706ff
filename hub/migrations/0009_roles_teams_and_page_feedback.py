"""Editors manage owning teams and, with moderators, read page feedback (hub.roles)."""

from django.db import migrations

from hub.roles import roles_sync


class Migration(migrations.Migration):
    dependencies = [("hub", "0008_review_reminder_outbox")]

    operations = [migrations.RunPython(roles_sync, migrations.RunPython.noop)]
