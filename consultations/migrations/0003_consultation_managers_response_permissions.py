from django.contrib.auth.management import create_permissions
from django.db import migrations


GROUP = "Consultation managers"
CODENAMES = [
    "view_comment",
    "change_comment",
    "erase_respondent_data",
    "add_lateentrylink",
    "view_lateentrylink",
]


def grant(apps, schema_editor):
    """Managers may also issue late-entry links and find, export and erase a respondent's data."""
    app_config = apps.get_app_config("consultations")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="consultations", codename__in=CODENAMES),
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"),
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP).first()
    if group:
        group.permissions.remove(
            *group.permissions.filter(
                content_type__app_label="consultations",
                codename__in=["erase_respondent_data", "add_lateentrylink", "view_lateentrylink"],
            )
        )


class Migration(migrations.Migration):

    dependencies = [
        ("consultations", "0002_follow_up_outcome_late_entry_alerts"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
