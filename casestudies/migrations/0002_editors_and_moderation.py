"""The "Case study editors" group and the moderation workflow, so every site has them.

They are attached to the case study finder when it is created (see casestudies.services).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations


EDITORS_GROUP = "Case study editors"
MODERATORS_GROUP = "Moderators"
WORKFLOW_NAME = "Case study moderation"
TASK_NAME = "Moderators approve the case study"

COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
]


def ensure_permissions(apps):
    """Permissions are normally made after migrating; the groups below need them now."""
    for label in ("wagtailadmin", "wagtaildocs", "wagtailimages"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_groups_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    ensure_permissions(apps)

    editors, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
    editors.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection:
        for app_label, codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=editors,
                collection=root_collection,
                permission=Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                ),
            )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=TASK_NAME, content_type=task_type, active=True
        )
    task.groups.add(moderators)
    workflow, created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


def remove_groups_and_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore", "GroupApprovalTask").objects.filter(name=TASK_NAME).delete()
    apps.get_model("auth", "Group").objects.filter(name=EDITORS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("casestudies", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(create_groups_and_workflow, remove_groups_and_workflow),
    ]
