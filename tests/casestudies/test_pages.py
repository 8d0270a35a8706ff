"""Case study and finder pages: the Wagtail smoke set, admin creation, rendering and related."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import WorkflowPage
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from casestudies.models import CaseStudyIndexPage, CaseStudyOutcome, CaseStudyPage
from casestudies.services import WORKFLOW_NAME
from hub.models import HomePage
from tests.casestudies.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyOutcomeFactory,
    CaseStudyPageFactory,
)
from tests.factories import (
    CategoryFactory,
    CouncilFactory,
    KeyAreaFactory,
    KeyAreaPageFactory,
    ThemeFactory,
    home_as_default_site,
)


class CaseStudyPageTestCase(WagtailPageTestCase):
    """A home page with a case study finder, as the default site."""

    @classmethod
    def setUpTestData(cls):
        cls.home = home_as_default_site()
        cls.index = CaseStudyIndexPageFactory(parent=cls.home)
        cls.theme = ThemeFactory(name="Behaving commercially", slug="behaving-commercially")
        cls.key_area = KeyAreaFactory(name="Managing contracts", slug="contracts", theme=cls.theme)
        cls.category = CategoryFactory(name="Adult social care", slug="adult-social-care")
        cls.council = CouncilFactory(name="Northmoor County Council")
        cls.page = CaseStudyPageFactory(
            parent=cls.index,
            title="Open-book review of home-care contracts",
            slug="open-book",
            lead_council=cls.council,
            partner_councils=[CouncilFactory(name="Penrose County Council")],
            themes=[cls.theme],
            key_areas=[cls.key_area],
            categories=[cls.category],
            year=2024,
            is_illustrative=True,
            lessons="<p>Start with the largest providers.</p>",
            contact_role="Head of commissioning",
            contact_email="commissioning@northmoor.example",
            source="Our own notes.",
            tags=["home care"],
        )
        for kind, value, period in [
            ("savings", 1_200_000, "a year"),
            ("income", 95_000, "a year"),
            ("apprenticeships", 42, ""),
            ("sme_spend", 44.5, "after two years"),
            ("co2e", 1250, "a year"),
        ]:
            CaseStudyOutcomeFactory(page=cls.page, kind=kind, value=value, period=period)

    def setUp(self):
        self.login()


class CaseStudyIndexPageTests(CaseStudyPageTestCase):
    def test_finder_is_routable_renderable_and_previewable(self):
        from tests.utils import assert_smoke

        assert_smoke(self, self.index)
        self.assertPageIsRoutable(self.index, "feed/")

    def test_finder_lives_under_the_home_page_and_holds_case_studies(self):
        self.assertAllowedParentPageTypes(CaseStudyIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CaseStudyIndexPage, {CaseStudyPage})
        self.assertCanCreateAt(HomePage, CaseStudyIndexPage)

    def test_finder_appears_in_the_main_navigation(self):
        response = self.client.get("/")
        self.assertContains(
            response, 'class="govuk-service-navigation__link" href="/case-studies/"'
        )

    def test_creating_the_finder_in_the_admin_attaches_the_moderation_workflow(self):
        self.index.delete()
        self.assertCanCreate(
            self.home,
            CaseStudyIndexPage,
            nested_form_data(
                {
                    "title": "Case studies",
                    "slug": "case-studies",
                    "summary": "What other councils did.",
                    "body": streamfield([]),
                }
            ),
        )
        index = CaseStudyIndexPage.objects.get()
        self.assertTrue(CaseStudyIndexPage().show_in_menus)  # the admin ticks it by default
        self.assertEqual(WorkflowPage.objects.get(page=index).workflow.name, WORKFLOW_NAME)


class CaseStudyPageTests(CaseStudyPageTestCase):
    def test_case_study_is_routable_renderable_and_previewable(self):
        from tests.utils import assert_smoke

        assert_smoke(self, self.page)

    def test_case_study_placement(self):
        self.assertAllowedParentPageTypes(CaseStudyPage, {CaseStudyIndexPage})
        self.assertAllowedSubpageTypes(CaseStudyPage, set())

    def test_editor_can_create_a_case_study_in_the_admin(self):
        self.assertCanCreate(
            self.index,
            CaseStudyPage,
            nested_form_data(
                {
                    "title": "Lotting surfacing works for local firms",
                    "slug": "lotting-surfacing-works",
                    "summary": "Six lots raised the share of spend with local firms.",
                    "lead_council": self.council.pk,
                    "themes": [self.theme.pk],
                    "key_areas": [self.key_area.pk],
                    "categories": [self.category.pk],
                    "year": 2025,
                    "challenge": rich_text("<p>One large contract.</p>"),
                    "approach": rich_text("<p>Six lots.</p>"),
                    "lessons": rich_text("<p>Pay promptly.</p>"),
                    "outcomes": inline_formset(
                        [{"kind": "sme_spend", "value": "44", "period": "", "note": "Up"}]
                    ),
                    "images": streamfield([]),
                    "documents": streamfield([]),
                    "tags": "SMEs, lots",
                    "is_illustrative": "on",
                }
            ),
        )
        page = CaseStudyPage.objects.get(slug="lotting-surfacing-works")
        self.assertEqual(page.region, self.council.region)
        self.assertEqual(page.council_type, self.council.council_type)
        self.assertEqual(sorted(t.name for t in page.tags.all()), ["SMEs", "lots"])
        self.assertEqual(page.outcomes.get().display_value, "44%")

    def test_case_study_shows_every_field(self):
        response = self.client.get(self.page.url)
        for text in [
            "Illustrative example",
            "Northmoor County Council",
            "Penrose County Council",
            "Behaving commercially",
            "Managing contracts",
            "Adult social care",
            "2024",
            "Start with the largest providers.",
            "Head of commissioning",
            "mailto:commissioning@northmoor.example",
            "Our own notes.",
            'href="/case-studies/?tag=home-care"',
            'href="/case-studies/?key_area=contracts"',
        ]:
            self.assertContains(response, text)

    def test_outcomes_are_written_with_their_units(self):
        response = self.client.get(self.page.url)
        for figure in ["£1.2 million", "£95,000", "42", "44.5%", "1,250 tonnes CO2e"]:
            self.assertContains(response, figure)

    def test_a_real_case_study_has_no_illustrative_notice(self):
        page = CaseStudyPageFactory(parent=self.index, title="Toggam solar farm")
        self.assertNotContains(self.client.get(page.url), "Illustrative example")

    def test_case_study_page_stays_within_the_query_budget(self):
        self.client.logout()
        self.client.get(self.page.url)
        with CaptureQueriesContext(connection) as queries:
            self.client.get(self.page.url)
        self.assertLessEqual(len(queries), 15)


class OutcomeTests(CaseStudyPageTestCase):
    def test_display_values(self):
        cases = {
            ("savings", "1000000"): "£1 million",
            ("savings", "6900000"): "£6.9 million",
            ("social_value", "310000"): "£310,000",
            ("jobs", "18"): "18",
            ("vcse_spend", "12.50"): "12.5%",
            ("co2e", "240"): "240 tonnes CO2e",
        }
        for (kind, value), expected in cases.items():
            self.assertEqual(CaseStudyOutcome(kind=kind, value=value).display_value, expected)


class RelatedCaseStudiesTests(CaseStudyPageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.same_key_area = CaseStudyPageFactory(
            parent=cls.index, title="Contract clinic", key_areas=[cls.key_area]
        )
        cls.same_category = CaseStudyPageFactory(
            parent=cls.index, title="Care market review", categories=[cls.category]
        )
        cls.unrelated = CaseStudyPageFactory(parent=cls.index, title="Unrelated work")

    def test_case_study_lists_others_on_the_same_subject_most_alike_first(self):
        response = self.client.get(self.page.url)
        html = response.content.decode()
        self.assertIn("Related case studies", html)
        self.assertLess(html.index("Contract clinic"), html.index("Care market review"))
        self.assertNotIn("Unrelated work", html)

    def test_key_area_page_lists_case_studies_for_its_key_area(self):
        page = KeyAreaPageFactory(
            parent__parent__parent__parent=self.home, key_area=self.key_area, title="Contracts"
        )
        response = self.client.get(page.url)
        self.assertContains(response, "Related case studies")
        self.assertContains(response, "Contract clinic")
        self.assertNotContains(response, "Care market review")
        self.assertContains(response, 'href="/case-studies/?key_area=contracts"')

    def test_category_strategy_page_lists_case_studies_for_its_category(self):
        from strategy.models import CategoryStrategyIndexPage, CategoryStrategyPage

        strategies = CategoryStrategyIndexPage(title="Category strategies", slug="categories")
        self.home.add_child(instance=strategies)
        page = CategoryStrategyPage(
            title="Social care", slug="care", version="2024", category=self.category
        )
        strategies.add_child(instance=page)
        response = self.client.get(page.url)
        self.assertContains(response, "Care market review")
        self.assertNotContains(response, "Contract clinic")


class HomePanelTests(CaseStudyPageTestCase):
    def test_home_page_shows_the_latest_case_studies(self):
        newer = CaseStudyPageFactory(parent=self.index, title="The newest case study")
        response = self.client.get("/")
        self.assertContains(response, "Latest case studies")
        html = response.content.decode()
        self.assertLess(html.index(newer.title), html.index(self.page.title))
        self.assertContains(response, 'href="/case-studies/">Find more case studies')


class CaseStudyMediaTests(CaseStudyPageTestCase):
    def test_images_show_with_alt_text_and_caption_and_documents_with_type_and_size(self):
        from django.core.files.base import ContentFile

        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.images.tests.utils import get_test_image_file

        image = get_image_model().objects.create(title="Chart", file=get_test_image_file())
        document = get_document_model()(title="Cost model template")
        document.file.save("cost-model.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
        document.save()
        self.page.images = [
            (
                "figure",
                {
                    "image": {
                        "image": image,
                        "alt_text": "Bar chart of visits on time",
                        "decorative": False,
                    },
                    "caption": "Visits on time rose each quarter.",
                },
            )
        ]
        self.page.documents = [("document", {"document": document, "title": "", "description": ""})]
        self.page.save()
        response = self.client.get(self.page.url)
        self.assertContains(response, 'alt="Bar chart of visits on time"')
        self.assertContains(response, "<figcaption")
        self.assertContains(response, "Visits on time rose each quarter.")
        self.assertContains(response, "Cost model template")
        self.assertContains(response, "PDF, 13 bytes")
