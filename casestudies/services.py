"""Writes for case studies."""

from django.db import transaction

from wagtail.models import Page, Workflow, WorkflowPage

from hub.roles import CASE_STUDY_EDITORS, MODERATORS, page_roles_attach


EDITORS_GROUP = CASE_STUDY_EDITORS
MODERATORS_GROUP = MODERATORS
WORKFLOW_NAME = "Case study moderation"


@transaction.atomic
def casestudy_index_prepare(*, index: Page) -> None:
    """Let editors work under this finder and send every case study through moderation."""
    page_roles_attach(index)
    casestudy_workflow_assign(index=index)


def casestudy_workflow_assign(*, index: Page) -> None:
    """Every case study under this finder goes through the case study moderation workflow."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
