"""The LGA managers' group: sees every return, reopens submitted ones and exports them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


GROUP = "Self-assessment managers"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("progress", "return", "view_return"),
    ("progress", "answer", "view_answer"),
    ("progress", "return", "view_all_returns"),
    ("progress", "return", "reopen_return"),
    ("progress", "return", "export_returns"),
    ("progress", "cycle", "view_cycle"),
    ("progress", "cycle", "change_cycle"),
]


def create_group(apps, schema_editor):
    # Permissions are normally created after every migration has run; the group needs them now.
    for label in ("wagtailadmin", "progress"):
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for app_label, model, codename in PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(
                content_type__app_label=app_label, content_type__model=model, codename=codename
            )
        )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("progress", "0001_self_assessment"),
        ("wagtailadmin", "0002_admin"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
