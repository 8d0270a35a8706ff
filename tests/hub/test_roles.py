"""Roles come from migrate alone, each with exactly its rights; page rights follow new pages."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from django.urls import reverse

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
)

from casestudies.models import CaseStudyIndexPage
from casestudies.services import WORKFLOW_NAME
from hub.roles import (
    CASE_STUDY_EDITORS,
    CONSULTATION_MANAGERS,
    EDITORS,
    MODERATORS,
    ROLES,
    ROOT,
    roles_sync,
)
from tests.casestudies.factories import CaseStudyIndexPageFactory
from tests.consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from tests.factories import StandardPageFactory, home_as_default_site


def model_rights(group):
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def collection_rights(group):
    return {
        f"{p.permission.content_type.app_label}.{p.permission.codename}"
        for p in GroupCollectionPermission.objects.filter(
            group=group, collection=Collection.get_first_root_node()
        )
    }


def page_rights(group, page):
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


class FreshDatabaseTests(TestCase):
    """The test database is made by `migrate` alone: no demo, no fixtures."""

    def test_every_role_exists_with_exactly_its_declared_rights(self):
        root = Page.get_first_root_node()
        for role in ROLES:
            with self.subTest(role=role.name):
                group = Group.objects.get(name=role.name)
                self.assertEqual(model_rights(group), set(role.permissions))
                self.assertEqual(collection_rights(group), set(role.collection_permissions))
                self.assertEqual(page_rights(group, root), set(role.page_permissions.get(ROOT, ())))

    def test_each_role_has_the_rights_its_work_needs(self):
        editors, moderators, case_study_editors, managers = (
            Group.objects.get(name=name)
            for name in (EDITORS, MODERATORS, CASE_STUDY_EDITORS, CONSULTATION_MANAGERS)
        )
        root = Page.get_first_root_node()
        self.assertEqual(page_rights(editors, root), {"add_page", "change_page"})
        self.assertIn("hub.change_council", model_rights(editors))
        self.assertIn("wagtailimages.choose_image", collection_rights(editors))
        self.assertNotIn("publish_page", page_rights(moderators, root))
        self.assertIn("change_page", page_rights(moderators, root))
        self.assertEqual(model_rights(case_study_editors), {"wagtailadmin.access_admin"})
        self.assertEqual(
            model_rights(managers),
            {
                "wagtailadmin.access_admin",
                "consultations.view_comment",
                "consultations.change_comment",
                "consultations.add_lateentrylink",
                "consultations.erase_respondent_data",
                "consultations.analyse_responses",
            },
        )
        # Nobody but a superuser may publish every page.
        self.assertFalse(
            GroupPagePermission.objects.filter(page=root, permission__codename="publish_page")
        )

    def test_moderators_approve_both_workflows(self):
        for workflow in Workflow.objects.all():
            with self.subTest(workflow=workflow.name):
                task = workflow.tasks.get().specific
                self.assertEqual([g.name for g in task.groups.all()], [MODERATORS])
        self.assertTrue(Workflow.objects.filter(name=WORKFLOW_NAME, active=True).exists())


class NewPageTests(TestCase):
    """Pages that do not exist at migrate time get their roles' rights when they are made."""

    @classmethod
    def setUpTestData(cls):
        cls.home = home_as_default_site()

    def test_a_finder_made_in_the_admin_gets_the_editors_rights_and_the_workflow(self):
        admin = get_user_model().objects.create_superuser("admin", "a@example.com", "password")
        self.client.force_login(admin)
        url = reverse(
            "wagtailadmin_pages:add", args=("casestudies", "casestudyindexpage", self.home.pk)
        )
        response = self.client.post(
            url,
            {
                "title": "Case studies",
                "slug": "case-studies",
                "summary": "What councils did.",
                "body-count": "0",
                "action-publish": "action-publish",
            },
        )
        self.assertEqual(response.status_code, 302, response.content[:2000])
        finder = CaseStudyIndexPage.objects.get(slug="case-studies")
        editors = Group.objects.get(name=CASE_STUDY_EDITORS)
        self.assertEqual(page_rights(editors, finder), {"add_page", "change_page"})
        self.assertEqual(page_rights(Group.objects.get(name=MODERATORS), finder), set())
        self.assertEqual(finder.get_workflow().name, WORKFLOW_NAME)

    def test_a_consultation_listing_made_in_code_gets_the_managers_rights(self):
        listing = ConsultationIndexPageFactory(parent=self.home)
        managers = Group.objects.get(name=CONSULTATION_MANAGERS)
        self.assertEqual(
            page_rights(managers, listing), {"add_page", "change_page", "publish_page"}
        )

    def test_sync_gives_existing_pages_exactly_their_rights(self):
        finder = CaseStudyIndexPageFactory(parent=self.home)
        moderators = Group.objects.get(name=MODERATORS)
        GroupPagePermission.objects.create(
            group=moderators,
            page=finder,
            permission=Permission.objects.get(codename="publish_page"),
        )
        GroupPagePermission.objects.filter(group__name=CASE_STUDY_EDITORS).delete()
        roles_sync()
        roles_sync()  # twice: nothing doubles
        self.assertEqual(page_rights(moderators, finder), set())
        self.assertEqual(
            page_rights(Group.objects.get(name=CASE_STUDY_EDITORS), finder),
            {"add_page", "change_page"},
        )


class ConsultationManagerTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_as_default_site()
        cls.listing = ConsultationIndexPageFactory(parent=cls.home)
        cls.other = StandardPageFactory(parent=cls.home)
        cls.manager = get_user_model().objects.create_user("manager", "m@example.com", "password")
        cls.manager.groups.add(Group.objects.get(name=CONSULTATION_MANAGERS))

    def test_a_manager_publishes_consultations_and_nothing_else(self):
        consultation = ConsultationPageFactory(parent=self.listing)
        self.assertTrue(consultation.permissions_for_user(self.manager).can_publish())
        self.assertTrue(self.listing.permissions_for_user(self.manager).can_add_subpage())
        self.assertFalse(self.other.permissions_for_user(self.manager).can_edit())
        self.assertFalse(self.home.permissions_for_user(self.manager).can_publish())

    def test_a_manager_reads_comments_in_the_admin(self):
        self.client.force_login(self.manager)
        response = self.client.get("/admin/snippets/consultations/comment/")
        self.assertEqual(response.status_code, 200)
