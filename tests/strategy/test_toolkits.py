"""Toolkits: sections inherit the legacy-regime banner of their toolkit."""

from strategy.enums import Regime
from tests.hub.test_pages import PageTestCase
from tests.strategy.factories import ToolkitIndexPageFactory, ToolkitPageFactory


class ToolkitBannerTests(PageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        index = ToolkitIndexPageFactory(parent=cls.home)
        cls.act = ToolkitPageFactory(
            parent=index, slug="procurement-act-2023", title="Procurement Act 2023"
        )
        cls.pcr = ToolkitPageFactory(
            parent=index,
            slug="pcr-2015",
            title="PCR 2015 toolkit",
            regime=Regime.PCR_2015,
            is_legacy=True,
            replaced_by=cls.act,
        )
        cls.lots = ToolkitPageFactory(parent=cls.pcr, slug="lots", title="Lots")
        ToolkitPageFactory(parent=cls.pcr, slug="light-touch-regime", title="Light Touch Regime")

    def test_legacy_toolkit_and_its_sections_link_to_the_current_regime(self):
        for page in (self.pcr, self.lots):
            with self.subTest(page=page.title):
                self.assertBannerLinks(
                    page, "Legacy regime", "/toolkits/procurement-act-2023/", "Procurement Act 2023"
                )

    def test_current_regime_page_has_no_legacy_banner(self):
        self.assertNotContains(self.client.get(self.act.url), "Legacy regime")

    def test_sections_list_the_whole_toolkit(self):
        response = self.client.get(self.lots.url)
        self.assertContains(response, "In this toolkit")
        self.assertContains(response, '<span aria-current="page">Lots</span>', html=True)
        self.assertContains(response, 'href="/toolkits/pcr-2015/light-touch-regime/"')
