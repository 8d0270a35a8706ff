"""Editors submit case studies for moderation; moderators publish them; scheduling works."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from wagtail.models import GroupApprovalTask, Workflow, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from casestudies.models import CaseStudyPage
from casestudies.services import (
    EDITORS_GROUP,
    MODERATORS_GROUP,
    WORKFLOW_NAME,
    casestudy_index_prepare,
)
from tests.casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from tests.factories import StandardPageFactory, home_as_default_site


LONDON = ZoneInfo("Europe/London")


class ModerationTestCase(TestCase):
    """A finder prepared as on a fresh site, an editor in the group and a moderator."""

    @classmethod
    def setUpTestData(cls):
        cls.home = home_as_default_site()
        cls.index = CaseStudyIndexPageFactory(parent=cls.home)
        casestudy_index_prepare(index=cls.index)
        User = get_user_model()
        cls.editor = User.objects.create_user("editor", "editor@example.com", "password")
        cls.editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
        cls.moderator = User.objects.create_user("moderator", "mod@example.com", "password")
        cls.moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))

    def add_url(self):
        return reverse(
            "wagtailadmin_pages:add", args=("casestudies", "casestudypage", self.index.pk)
        )

    def form_data(self, slug, **extra):
        return nested_form_data(
            {
                "title": "Lotting surfacing works for local firms",
                "slug": slug,
                "summary": "Six lots raised the share of spend with local firms.",
                "challenge": rich_text("<p>One large contract.</p>"),
                "approach": rich_text("<p>Six lots.</p>"),
                "lessons": rich_text("<p>Pay promptly.</p>"),
                "source_url": "https://www.example.org/case-studies/lotting",
                "outcomes": inline_formset([]),
                "images": streamfield([]),
                "documents": streamfield([]),
                **extra,
            }
        )


class GroupsAndWorkflowTests(ModerationTestCase):
    def test_migrations_create_the_group_and_the_workflow(self):
        workflow = Workflow.objects.get(name=WORKFLOW_NAME)
        task = GroupApprovalTask.objects.get(pk=workflow.workflow_tasks.get().task_id)
        self.assertEqual([g.name for g in task.groups.all()], [MODERATORS_GROUP])
        editors = Group.objects.get(name=EDITORS_GROUP)
        self.assertTrue(editors.permissions.filter(codename="access_admin").exists())

    def test_the_finder_uses_the_case_study_workflow(self):
        page = CaseStudyPageFactory(parent=self.index)
        self.assertEqual(page.get_workflow().name, WORKFLOW_NAME)


class EditorTests(ModerationTestCase):
    def setUp(self):
        self.client.force_login(self.editor)

    def test_editor_sees_submit_but_no_publish_button(self):
        response = self.client.get(self.add_url())
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'name="action-submit"')
        self.assertNotContains(response, 'name="action-publish"')

    def test_editor_can_choose_councils_and_upload_documents(self):
        self.assertEqual(self.client.get("/admin/snippets/choose/hub/council/").status_code, 200)
        self.assertEqual(self.client.get("/admin/snippets/choose/hub/region/").status_code, 200)
        self.assertEqual(self.client.get(reverse("wagtaildocs:add")).status_code, 200)
        self.assertEqual(self.client.get(reverse("wagtailimages:add")).status_code, 200)

    def test_editor_cannot_publish_directly(self):
        response = self.client.post(
            self.add_url(), {**self.form_data("direct"), "action-publish": "action-publish"}
        )
        self.assertIn(response.status_code, (200, 302, 403))
        page = CaseStudyPage.objects.filter(slug="direct").first()
        self.assertTrue(page is None or not page.live)
        self.assertFalse(CaseStudyPage.objects.live().filter(slug="direct").exists())

    def test_editor_cannot_work_outside_the_case_study_finder(self):
        response = self.client.get(
            reverse("wagtailadmin_pages:add", args=("hub", "standardpage", self.home.pk))
        )
        self.assertEqual(response.status_code, 302)  # refused: back to the dashboard

    def test_submitting_starts_moderation_and_a_moderators_approval_publishes(self):
        response = self.client.post(
            self.add_url(), {**self.form_data("submitted"), "action-submit": "action-submit"}
        )
        self.assertEqual(response.status_code, 302)
        page = CaseStudyPage.objects.get(slug="submitted")
        self.assertFalse(page.live)
        state = WorkflowState.objects.for_instance(page).get()
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertEqual(state.workflow.name, WORKFLOW_NAME)
        task_state = state.current_task_state

        # The editor cannot approve their own submission.
        approve_url = reverse(
            "wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)
        )
        self.client.post(approve_url, {"comment": ""})
        page.refresh_from_db()
        self.assertFalse(page.live)

        self.client.force_login(self.moderator)
        response = self.client.post(approve_url, {"comment": "Good example."})
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertTrue(page.live)
        state.refresh_from_db()
        self.assertEqual(state.status, WorkflowState.STATUS_APPROVED)
        self.client.logout()
        self.assertContains(self.client.get("/case-studies/"), page.title)


class ModeratorTests(ModerationTestCase):
    """Must show 3: moderators publish only by approving in a workflow."""

    def setUp(self):
        self.client.force_login(self.moderator)

    def edit_url(self, page):
        return reverse("wagtailadmin_pages:edit", args=(page.pk,))

    def test_the_editor_offers_a_moderator_submit_but_no_publish(self):
        page = CaseStudyPageFactory(parent=self.index, live=False)
        response = self.client.get(self.edit_url(page))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'name="action-submit"')
        self.assertNotContains(response, 'name="action-publish"')

    def test_a_moderator_cannot_publish_a_case_study_outside_the_workflow(self):
        page = CaseStudyPageFactory(parent=self.index, live=False, slug="draft-study")
        data = self.form_data("draft-study", title="Published around moderation")
        response = self.client.post(self.edit_url(page), {**data, "action-publish": "1"})
        self.assertIn(response.status_code, (200, 302, 403))
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertFalse(WorkflowState.objects.for_instance(page).exists())
        self.assertFalse(CaseStudyPage.objects.live().filter(slug="draft-study").exists())
        self.assertFalse(page.permissions_for_user(self.moderator).can_publish())

    def test_a_moderator_cannot_publish_any_other_page_either(self):
        page = StandardPageFactory(parent=self.home, live=False)
        self.assertTrue(page.permissions_for_user(self.moderator).can_edit())
        self.assertFalse(page.permissions_for_user(self.moderator).can_publish())
        response = self.client.get(self.edit_url(page))
        self.assertNotContains(response, 'name="action-publish"')


class ScheduledPublishingTests(ModerationTestCase):
    def test_a_case_study_scheduled_for_tomorrow_appears_only_once_it_is_due(self):
        today = datetime(2026, 6, 30, 10, 0, tzinfo=LONDON)
        tomorrow = today + timedelta(days=1)
        with time_machine.travel(today, tick=False):
            page = CaseStudyPageFactory(parent=self.index, title="Scheduled case study", live=False)
            page.go_live_at = tomorrow
            page.save_revision(user=self.editor)
            # Scheduled through the workflow: the editor submits, a moderator approves.
            state = page.get_workflow().start(page, self.editor)
            task_state = state.current_task_state
            task_state.task.specific.on_action(task_state, self.moderator, "approve")
            page.refresh_from_db()
            self.assertFalse(page.live)
            self.assertEqual(page.get_latest_revision().approved_go_live_at, tomorrow)
            self.assertNotContains(self.client.get("/case-studies/"), "Scheduled case study")
            self.assertEqual(
                self.client.get("/case-studies/scheduled-case-study/").status_code, 404
            )
            call_command("publish_scheduled", verbosity=0)
            page.refresh_from_db()
            self.assertFalse(page.live)

        with time_machine.travel(tomorrow - timedelta(minutes=1), tick=False):
            call_command("publish_scheduled", verbosity=0)
            page.refresh_from_db()
            self.assertFalse(page.live)

        with time_machine.travel(tomorrow + timedelta(minutes=1), tick=False):
            call_command("publish_scheduled", verbosity=0)
            page.refresh_from_db()
            self.assertTrue(page.live)
            self.assertContains(self.client.get("/case-studies/"), "Scheduled case study")
            self.assertEqual(self.client.get(page.url).status_code, 200)
