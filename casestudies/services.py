"""Writes for case studies."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage


EDITORS_GROUP = "Case study editors"
MODERATORS_GROUP = "Moderators"
WORKFLOW_NAME = "Case study moderation"

# What each group may do with pages under the finder; publishing is the moderators' alone.
PAGE_PERMISSIONS = {
    EDITORS_GROUP: ("add_page", "change_page"),
    MODERATORS_GROUP: ("add_page", "change_page", "publish_page"),
}


@transaction.atomic
def casestudy_index_prepare(*, index: Page) -> None:
    """Let editors work under this finder and send every case study through moderation."""
    for group_name, codenames in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        ):
            GroupPagePermission.objects.get_or_create(
                group=group, page=index, permission=permission
            )
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
