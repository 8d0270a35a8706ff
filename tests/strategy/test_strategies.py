"""Editions and category strategies: supersession banners, stable sections, related content."""

from wagtail.rich_text import RichText

from strategy.enums import CategoryStrategyStatus, EditionStatus
from tests.factories import (
    CategoryFactory,
    KeyAreaFactory,
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
)


def section(heading: str, body: str, actions=()) -> tuple[str, dict]:
    return ("section", {"heading": heading, "body": RichText(body), "key_actions": list(actions)})


class SupersededBannerTests(PageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        index = StrategyIndexPageFactory(parent=cls.home)
        cls.current = StrategyEditionPageFactory(
            parent=index, slug="2022", year=2022, title="National Procurement Strategy 2022"
        )
        cls.old = StrategyEditionPageFactory(
            parent=index,
            slug="2018",
            year=2018,
            status=EditionStatus.SUPERSEDED,
            superseded_by=cls.current,
        )
        strategies = CategoryStrategyIndexPageFactory(parent=cls.home)
        cls.energy_2022 = CategoryStrategyPageFactory(
            parent=strategies, slug="energy-2022", title="Energy 2022"
        )
        cls.energy_2017 = CategoryStrategyPageFactory(
            parent=strategies,
            slug="energy-2017",
            version="2017",
            status=CategoryStrategyStatus.SUPERSEDED,
            superseded_by=cls.energy_2022,
        )

    def test_superseded_edition_links_to_its_successor(self):
        self.assertBannerLinks(
            self.old,
            "This edition of the strategy has been superseded.",
            "/strategy/2022/",
            "National Procurement Strategy 2022",
        )

    def test_current_edition_has_no_banner(self):
        response = self.client.get(self.current.url)
        self.assertNotContains(response, "has been superseded")

    def test_superseded_category_strategy_links_to_its_successor(self):
        self.assertBannerLinks(
            self.energy_2017,
            "This version of the strategy has been superseded.",
            "/category-strategies/energy-2022/",
            "Energy 2022",
        )
        self.assertShows(self.energy_2022, hides=["has been superseded"])


class CategoryStrategySectionTests(PageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.page = CategoryStrategyPageFactory(
            parent=CategoryStrategyIndexPageFactory(parent=cls.home),
            slug="energy-2022",
            partners="Association for Decentralised Energy",
            sections=[
                section("Introduction", "<p>Councils spend over £680m.</p>"),
                section("Reducing consumption", "<p>Cut demand.</p>", ["Rank buildings."]),
                section("Energy security", "<p>Plan for shocks.</p>", ["Assess exposure."]),
            ],
        )
        cls.page.save_revision().publish()

    def test_contents_list_links_to_each_numbered_section(self):
        response = self.client.get(self.page.url)
        for section in self.page.numbered_sections():
            self.assertContains(
                response, f'<a class="govuk-link" href="#{section["anchor"]}">', count=1
            )
            self.assertContains(response, f'<section id="{section["anchor"]}"')
            self.assertContains(response, f"{section['number']}. {section['heading']}")
        self.assertContains(response, "Association for Decentralised Energy")
        self.assertContains(response, "Key actions")
        self.assertContains(response, "<li>Rank buildings.</li>", html=True)

    def test_section_ids_survive_an_edit_to_another_section(self):
        before = {s["heading"]: s["id"] for s in self.page.numbered_sections()}
        # Edit the second section through a new revision, as the admin does, and publish it.
        draft = self.page.get_latest_revision_as_object()
        draft.sections[1].value["body"] = RichText("<p>Cut demand first, then buy.</p>")
        draft.save_revision().publish()

        page = type(self.page).objects.get(pk=self.page.pk)
        after = {s["heading"]: s["id"] for s in page.numbered_sections()}
        self.assertEqual(after, before)
        self.assertIn("Cut demand first", str(page.sections[1].value["body"]))
        intro_id = before["Introduction"]
        self.assertEqual(page.section_by_id(intro_id)["number"], 1)
        response = self.client.get(page.url)
        self.assertContains(response, f'href="#section-{intro_id}"')

    def test_section_ids_survive_inserting_a_new_section(self):
        before = {s["heading"]: s["id"] for s in self.page.numbered_sections()}
        draft = self.page.get_latest_revision_as_object()
        draft.sections.insert(0, section("Foreword", "<p>A word first.</p>"))
        draft.save_revision().publish()
        page = type(self.page).objects.get(pk=self.page.pk)
        after = {s["heading"]: s["id"] for s in page.numbered_sections()}
        self.assertEqual({k: after[k] for k in before}, before)
        self.assertEqual(page.section_by_id(before["Introduction"])["number"], 2)


class RelatedResourcesTests(PageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.key_area = KeyAreaFactory(name="Obtaining social value")
        cls.category = CategoryFactory(name="Energy")
        library = ResourceIndexPageFactory(parent=cls.home)
        ResourcePageFactory(
            parent=library, title="Measuring social value", key_areas=[cls.key_area]
        )
        ResourcePageFactory(parent=library, title="Energy questions", categories=[cls.category])
        ResourcePageFactory(parent=library, title="Unrelated guide")
        edition = StrategyEditionPageFactory(parent=StrategyIndexPageFactory(parent=cls.home))
        cls.key_area_page = KeyAreaPageFactory(
            parent=ThemePageFactory(parent=edition), key_area=cls.key_area
        )
        cls.key_area_page.tags.add("social value")
        cls.key_area_page.save()
        cls.strategy = CategoryStrategyPageFactory(
            parent=CategoryStrategyIndexPageFactory(parent=cls.home), category=cls.category
        )

    def test_key_area_page_lists_resources_filed_under_it_and_its_tags(self):
        self.assertShows(
            self.key_area_page,
            "Related resources",
            "Measuring social value",
            '<a class="govuk-link" href="/search/?q=social%20value">',
            hides=["Unrelated guide"],
        )

    def test_category_strategy_lists_resources_in_its_category(self):
        self.assertShows(self.strategy, "Energy questions", hides=["Measuring social value"])
