"""Once applied the consultation managers' new rights; hub.roles.roles_sync now does (post_migrate).

Kept, empty, because databases have it applied.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0002_follow_up_outcome_late_entry_alerts"),
        ("hub", "0002_roles"),
    ]

    operations = []
