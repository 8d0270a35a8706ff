"""The guidance side of the demo site, as load_demo_data builds it."""

import pytest
from bs4 import BeautifulSoup

from django.db.models import Q

from wagtail.models import Page

from progress.models import FindingsPage
from strategy.enums import CategoryStrategyStatus, EditionStatus
from strategy.models import (
    CategoryStrategyPage,
    ResourcePage,
    StrategyEditionPage,
    ThemePage,
    ToolkitPage,
)


pytestmark = pytest.mark.django_db


def test_navigation_lists_the_guidance_sections_in_order(client, demo_site):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    items = [a.get_text(strip=True) for a in soup.select(".govuk-service-navigation__link")]
    # Long section titles appear by their short menu labels, so the navigation fits one row.
    ours = ["Strategy", "Your progress", "Category strategies", "Toolkits", "Resources"]
    assert [item for item in items if item in ours] == ours


def test_editions_2018_and_2014_are_superseded_by_2022(client, demo_site):
    editions = {e.year: e for e in StrategyEditionPage.objects.live()}
    assert editions[2022].status == EditionStatus.CURRENT
    for year in (2018, 2014):
        assert editions[year].status == EditionStatus.SUPERSEDED
        assert editions[year].superseded_by_id == editions[2022].pk
        response = client.get(editions[year].url)
        assert 'href="/strategy/2022/"' in response.content.decode()
    themes_2014 = ThemePage.objects.child_of(editions[2014]).values_list("title", flat=True)
    assert list(themes_2014) == [
        "Making savings",
        "Supporting local economies",
        "Leadership",
        "Modernising procurement",
    ]


def test_category_strategies_have_the_slugs_other_sections_rely_on(demo_site):
    strategies = {s.slug: s for s in CategoryStrategyPage.objects.live()}
    assert set(strategies) == {
        "ict-and-digital-2017",
        "energy-2017",
        "energy-2022",
        "social-care-2015",
        "construction-2026",
    }
    ict = strategies["ict-and-digital-2017"]
    assert ict.title == "National technological and digital procurement category strategy"
    assert (ict.version, ict.published_date.isoformat()) == ("2017", "2017-07-11")
    assert strategies["energy-2017"].superseded_by_id == strategies["energy-2022"].pk
    assert "Association for Decentralised Energy" in strategies["energy-2022"].partners
    # The 2022 strategy's key actions are not held here, so none are made up for it.
    energy_sections = strategies["energy-2022"].numbered_sections()
    assert [s["block"].value["heading"] for s in energy_sections] == ["What it covers"]
    assert not energy_sections[0]["block"].value["key_actions"]
    assert "ADASS" in strategies["social-care-2015"].partners
    assert strategies["construction-2026"].status == CategoryStrategyStatus.DRAFT
    assert strategies["construction-2026"].get_parent().url == "/category-strategies/"


def test_toolkit_findings_and_resources_are_built(client, demo_site):
    pcr = ToolkitPage.objects.get(slug="pcr-2015")
    assert pcr.is_legacy and pcr.replaced_by.slug == "procurement-act-2023"
    sections = ToolkitPage.objects.child_of(pcr).values_list("title", flat=True)
    assert "Light Touch Regime" in sections and len(sections) >= 6
    assert "Legacy regime" in client.get("/toolkits/pcr-2015/lots/").content.decode()
    assert set(FindingsPage.objects.values_list("slug", flat=True)) >= {
        "nps-one-year-on-2015",
        "diagnostic-2025",
    }
    # A resource is an uploaded file or a publication on its publisher's site.
    published = Q(document__isnull=False) | ~Q(source_url="")
    assert ResourcePage.objects.live().filter(published).count() >= 10


def test_every_guidance_page_is_found_by_search(client, indexed_demo_site):
    for query, expected in [
        ("Light Touch Regime", "/toolkits/pcr-2015/light-touch-regime/"),
        ("Decentralised Energy", "/category-strategies/energy-2022/"),
        ("modern slavery statement", "/resources/modern-slavery-statement-guide/"),
        ("one year on", "/check-your-progress/nps-one-year-on-2015/"),
        ("Modernising procurement", "/strategy/2014/modernising-procurement/"),
    ]:
        response = client.get("/search/", {"q": query})
        urls = [item.url for item in response.context["results"]]
        assert expected in urls, (query, urls)


def test_home_page_shows_whats_new_and_featured_key_areas(client, demo_site):
    response = client.get("/")
    html = response.content.decode()
    assert "What’s new" in html
    assert "The 2025 diagnostic (third report)" in html
    assert "Latest resources" in html
    assert "Featured key areas" in html
    assert "/strategy/2022/behaving-commercially/managing-contracts-and-relationships/" in html


def test_every_guidance_page_type_is_in_the_demo(demo_site):
    models = {type(p).__name__ for p in Page.objects.live().specific()}
    assert {
        "StrategyIndexPage",
        "StrategyEditionPage",
        "ThemePage",
        "KeyAreaPage",
        "CategoryStrategyIndexPage",
        "CategoryStrategyPage",
        "ProgressIndexPage",
        "FindingsPage",
        "ToolkitIndexPage",
        "ToolkitPage",
        "ResourceIndexPage",
        "ResourcePage",
    } <= models
