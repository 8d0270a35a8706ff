"""Findings pages: every chart is a table, and its CSV holds the same numbers."""

import csv
import io

from bs4 import BeautifulSoup

from tests.factories import MaturityLevelFactory
from tests.hub.test_pages import PageTestCase
from tests.progress.factories import FindingsPageFactory, ProgressIndexPageFactory


CHARTS = [
    (
        "chart",
        {
            "title": "Upper-tier and district councils compared",
            "label_heading": "Practice",
            "unit": "%",
            "series": ["Upper tier", "Districts"],
            "rows": [
                {"label": "Strategy linked to the corporate strategy", "values": [87, 67]},
                {"label": "Cascade PCR 2015 training", "values": [91, 69]},
                {"label": "Take part in procurement networks", "values": [66, 65]},
            ],
            "note": "",
            "illustrative": False,
        },
    ),
    (
        "chart",
        {
            "title": "Savings reported",
            "label_heading": "Councils",
            "unit": "",
            "series": ["£ million"],
            "rows": [{"label": "26 councils", "values": [46]}],
            "note": "",
            "illustrative": True,
        },
    ),
]


def table_rows(table) -> list[list[str]]:
    """A chart table as the reader sees it: header row, then label and values without "%"."""
    header = [th.get_text(strip=True) for th in table.thead.find_all("th")]
    rows = [
        [tr.th.get_text(strip=True)]
        + [td.get_text(strip=True).removesuffix("%") for td in tr.find_all("td")]
        for tr in table.tbody.find_all("tr")
    ]
    return [header, *rows]


class FindingsPageTests(PageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for level in range(1, 6):
            MaturityLevelFactory(level=level, name=f"Level name {level}")
        cls.progress = ProgressIndexPageFactory(parent=cls.home)
        cls.page = FindingsPageFactory(
            parent=cls.progress,
            slug="nps-one-year-on-2015",
            title="NPS one year on (2015)",
            source="<p>LGA one year on survey, July 2015.</p>",
            headline_figures=[("figure", {"figure": "95%", "label": "knew the strategy"})],
            body=CHARTS,
        )

    def test_each_chart_is_a_table_whose_csv_has_the_same_numbers(self):
        response = self.client.get(self.page.url)
        soup = BeautifulSoup(response.content, "html.parser")
        tables = soup.select("table.charts-css")
        self.assertEqual(len(tables), 2)
        for table, chart in zip(tables, self.page.charts(), strict=True):
            with self.subTest(chart=chart.value["title"]):
                self.assertEqual(table.caption.get_text(strip=True), chart.value["title"])
                link = soup.find("a", href=f"{self.page.url}charts/{chart.id}/csv/")
                self.assertIsNotNone(link)
                download = self.client.get(link["href"])
                self.assertEqual(download["Content-Type"], "text/csv; charset=utf-8")
                rows = list(csv.reader(io.StringIO(download.content.decode())))
                self.assertEqual(rows, table_rows(table))
        self.assertEqual(
            table_rows(tables[0])[1], ["Strategy linked to the corporate strategy", "87", "67"]
        )

    def test_table_cells_show_values_with_units_and_bar_sizes(self):
        self.assertShows(
            self.page, '<td style="--size: 0.8700">', ">87%</span>", "Illustrative figures"
        )

    def test_headline_figures_and_source_are_shown(self):
        self.assertShows(
            self.page, "95%", "LGA one year on survey, July 2015.", "hub/charts.min.css"
        )

    def test_unknown_chart_is_not_found(self):
        self.assertEqual(self.client.get(f"{self.page.url}charts/nope/csv/").status_code, 404)

    def test_charts_css_is_only_loaded_on_findings_pages(self):
        response = self.client.get(self.progress.url)
        self.assertNotContains(response, "charts.min.css")

    def test_check_your_progress_explains_the_five_levels_and_lists_findings(self):
        response = self.client.get(self.progress.url)
        for level in range(1, 6):
            self.assertContains(response, f"{level}. Level name {level}")
        self.assertContains(response, f'href="{self.page.url}"')

    def test_chart_rows_must_match_the_series(self):
        from django.core.exceptions import ValidationError

        from progress.blocks import ChartBlock

        block = ChartBlock()
        value = block.to_python(
            {
                "title": "Bad",
                "series": ["A", "B"],
                "rows": [{"label": "Row", "values": [1]}],
                "unit": "%",
            }
        )
        with self.assertRaises(ValidationError):
            block.clean(value)
