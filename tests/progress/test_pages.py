"""The "Check your progress" page types: placement, routing, rendering, previewing and creation."""

from wagtail.test.utils.form_data import rich_text, streamfield

from progress.models import FindingsPage, ProgressIndexPage
from tests.hub.test_pages import PageTestCase
from tests.progress.factories import FindingsPageFactory, ProgressIndexPageFactory
from tests.utils import assert_placement, assert_smoke, form_data


CHART = {
    "title": "Councils that knew the strategy",
    "label_heading": "Council type",
    "unit": "%",
    "series": streamfield([("item", "Councils")]),
    "rows": streamfield(
        [("item", {"label": "All councils", "values": streamfield([("item", "95")])})]
    ),
    "note": "",
    "illustrative": "",
}


class ProgressPagesTests(PageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.progress = ProgressIndexPageFactory(parent=cls.home)
        cls.findings = FindingsPageFactory(
            parent=cls.progress,
            slug="one-year-on",
            body=[
                (
                    "chart",
                    {
                        "title": "Knew the strategy",
                        "series": ["Councils"],
                        "rows": [{"label": "All councils", "values": [95]}],
                    },
                )
            ],
        )

    def setUp(self):
        self.user = self.login()

    def test_every_progress_page_is_routable_renderable_and_previewable(self):
        for page in [self.progress, self.findings]:
            with self.subTest(page=type(page).__name__):
                # The smoke assertions sign the test client out when they finish.
                self.client.force_login(self.user)
                assert_smoke(self, page.specific)

    def test_findings_chart_csv_is_a_route(self):
        chart_id = self.findings.charts()[0].id
        self.assertPageIsRoutable(self.findings, f"charts/{chart_id}/csv/")
        self.assertPageIsRenderable(self.findings, f"charts/{chart_id}/csv/")

    def test_findings_live_only_under_check_your_progress(self):
        assert_placement(self, ProgressIndexPage, FindingsPage)

    def test_section_page_is_a_singleton(self):
        self.assertFalse(ProgressIndexPage.can_create_at(self.home))

    def test_editor_can_create_findings_with_a_chart(self):
        self.assertCanCreate(
            self.progress,
            FindingsPage,
            form_data(
                FindingsPage,
                title="Diagnostic 2021",
                instrument="diagnostic",
                source=rich_text("<p>LGA diagnostic report, 2021.</p>"),
                key_messages=rich_text("<p>Solid progress.</p>"),
                headline_figures=streamfield([("figure", {"figure": "60%", "label": "took part"})]),
                body=streamfield([("chart", CHART)]),
            ),
        )
