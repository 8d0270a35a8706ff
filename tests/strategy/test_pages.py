"""Every guidance page type: placement, routing, rendering, previewing and creation."""

from wagtail.test.utils.form_data import rich_text, streamfield

from hub.models import HomePage
from strategy.models import (
    CategoryStrategyIndexPage,
    CategoryStrategyPage,
    KeyAreaPage,
    ResourceIndexPage,
    ResourcePage,
    StrategyEditionPage,
    StrategyIndexPage,
    ThemePage,
    ToolkitIndexPage,
    ToolkitPage,
)
from tests.factories import (
    KeyAreaPageFactory,
    StrategyEditionPageFactory,
    StrategyIndexPageFactory,
    ThemePageFactory,
)
from tests.hub.test_pages import PageTestCase
from tests.strategy.factories import (
    CategoryStrategyIndexPageFactory,
    CategoryStrategyPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ToolkitIndexPageFactory,
    ToolkitPageFactory,
)
from tests.utils import assert_placement, assert_smoke, form_data


class GuidancePagesTests(PageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.strategy = StrategyIndexPageFactory(parent=cls.home)
        cls.edition = StrategyEditionPageFactory(parent=cls.strategy, year=2022, slug="2022")
        cls.theme = ThemePageFactory(parent=cls.edition, slug="showing-leadership")
        cls.key_area = KeyAreaPageFactory(parent=cls.theme, slug="working-with-partners")
        cls.category_index = CategoryStrategyIndexPageFactory(parent=cls.home)
        cls.category_strategy = CategoryStrategyPageFactory(
            parent=cls.category_index, slug="energy-2022"
        )
        cls.toolkits = ToolkitIndexPageFactory(parent=cls.home)
        cls.toolkit = ToolkitPageFactory(parent=cls.toolkits, slug="pcr-2015")
        cls.toolkit_section = ToolkitPageFactory(parent=cls.toolkit, slug="lots")
        cls.resources = ResourceIndexPageFactory(parent=cls.home)
        cls.resource = ResourcePageFactory(parent=cls.resources, slug="dps-guidance")

    def setUp(self):
        self.user = self.login()

    def test_every_guidance_page_is_routable_renderable_and_previewable(self):
        for page in [
            self.strategy,
            self.edition,
            self.theme,
            self.key_area,
            self.category_index,
            self.category_strategy,
            self.toolkits,
            self.toolkit,
            self.toolkit_section,
            self.resources,
            self.resource,
        ]:
            with self.subTest(page=type(page).__name__):
                # The smoke assertions sign the test client out when they finish.
                self.client.force_login(self.user)
                assert_smoke(self, page.specific)

    def test_strategy_pages_live_only_under_their_parents(self):
        self.assertAllowedParentPageTypes(StrategyIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(StrategyEditionPage, {StrategyIndexPage})
        self.assertAllowedParentPageTypes(ThemePage, {StrategyEditionPage})
        self.assertAllowedParentPageTypes(KeyAreaPage, {ThemePage})
        self.assertAllowedSubpageTypes(StrategyIndexPage, {StrategyEditionPage})
        self.assertAllowedSubpageTypes(StrategyEditionPage, {ThemePage})
        self.assertAllowedSubpageTypes(ThemePage, {KeyAreaPage})
        self.assertAllowedSubpageTypes(KeyAreaPage, set())
        self.assertCanNotCreateAt(HomePage, KeyAreaPage)

    def test_category_strategies_live_only_under_their_index(self):
        assert_placement(self, CategoryStrategyIndexPage, CategoryStrategyPage)

    def test_toolkit_sections_nest_under_a_toolkit(self):
        assert_placement(
            self,
            ToolkitIndexPage,
            ToolkitPage,
            child_parents={ToolkitIndexPage, ToolkitPage},
            child_children={ToolkitPage},
        )

    def test_resources_live_only_in_the_library(self):
        assert_placement(self, ResourceIndexPage, ResourcePage)

    def test_section_pages_are_singletons(self):
        for model in [
            StrategyIndexPage,
            CategoryStrategyIndexPage,
            ToolkitIndexPage,
            ResourceIndexPage,
        ]:
            with self.subTest(model=model.__name__):
                self.assertFalse(model.can_create_at(self.home))

    def test_editor_can_create_an_edition_theme_and_key_area(self):
        self.assertCanCreate(
            self.strategy,
            StrategyEditionPage,
            form_data(
                StrategyEditionPage,
                title="NPS 2026",
                slug="2026",
                year="2026",
                status="current",
                foreword=rich_text("<p>Foreword.</p>"),
            ),
        )
        self.assertCanCreate(self.edition, ThemePage, form_data(ThemePage, title="Enablers"))
        self.assertCanCreate(
            self.theme,
            KeyAreaPage,
            form_data(
                KeyAreaPage,
                title="Embedding change",
                what_it_is=rich_text("<p>Making change stick.</p>"),
                why_it_matters=rich_text("<p>Strategies fail otherwise.</p>"),
                tags="change, governance",
            ),
        )

    def test_editor_can_create_a_category_strategy_with_sections(self):
        self.assertCanCreate(
            self.category_index,
            CategoryStrategyPage,
            form_data(
                CategoryStrategyPage,
                title="Waste category strategy",
                version="2026",
                status="draft",
                sections=streamfield(
                    [
                        (
                            "section",
                            {
                                "heading": "Introduction",
                                "body": rich_text("<p>Why waste matters.</p>"),
                                "key_actions": streamfield([("item", "Map your contracts.")]),
                            },
                        )
                    ]
                ),
            ),
        )

    def test_editor_can_create_a_toolkit_section(self):
        self.assertCanCreate(
            self.toolkit,
            ToolkitPage,
            form_data(
                ToolkitPage,
                title="Time limits",
                regime="pcr2015",
                body=streamfield([("paragraph", rich_text("<p>Minimum time limits.</p>"))]),
            ),
        )

    def test_editor_can_create_a_resource(self):
        self.assertCanCreate(
            self.resources,
            ResourcePage,
            form_data(
                ResourcePage,
                title="Social value guide",
                resource_type="guide",
                audience="commissioner",
                tags="social value",
            ),
        )
