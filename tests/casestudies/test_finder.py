"""The case-study finder: facets, search, sorting, bad input and a constant query count."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from casestudies.facets import FACETS
from tests.casestudies.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyOutcomeFactory,
    CaseStudyPageFactory,
)
from tests.factories import (
    CategoryFactory,
    CouncilFactory,
    CouncilTypeFactory,
    KeyAreaFactory,
    RegionFactory,
    ThemeFactory,
)


pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return CaseStudyIndexPageFactory(parent=home)


@pytest.fixture
def library(index):
    """Six live case studies with known terms, and one draft that must never be counted."""
    leadership = ThemeFactory(slug="leadership", name="Showing leadership")
    commercial = ThemeFactory(slug="commercial", name="Behaving commercially")
    contracts = KeyAreaFactory(slug="contracts", name="Managing contracts", theme=commercial)
    partners = KeyAreaFactory(slug="partners", name="Working with partners", theme=leadership)
    energy = CategoryFactory(slug="energy", name="Energy")
    waste = CategoryFactory(slug="waste", name="Waste")
    north = RegionFactory(slug="north", name="North")
    south = RegionFactory(slug="south", name="South")
    district = CouncilTypeFactory(slug="district", name="District council")
    county = CouncilTypeFactory(slug="county", name="County council")
    a = CouncilFactory(name="Ashby District Council", council_type=district, region=north)
    b = CouncilFactory(name="Bourne County Council", council_type=county, region=south)
    c = CouncilFactory(name="Carrow District Council", council_type=district, region=south)

    def case(title, council, themes, key_areas, categories, year, tags, savings=None, text=""):
        page = CaseStudyPageFactory(
            parent=index,
            title=title,
            lead_council=council,
            themes=themes,
            key_areas=key_areas,
            categories=categories,
            year=year,
            tags=tags,
            approach=f"<p>{text}</p>",
        )
        if savings:
            CaseStudyOutcomeFactory(page=page, kind="savings", value=savings)
        return page

    pages = {
        "solar_farm": case(
            "Solar farm income", a, [commercial], [contracts], [energy], 2023, ["solar"]
        ),
        "fleet": case(
            "Fleet lease review",
            b,
            [leadership],
            [partners],
            [waste],
            2021,
            ["fleet"],
            savings=420_000,
        ),
        "basket": case(
            "Energy basket",
            c,
            [commercial],
            [contracts],
            [energy],
            2023,
            ["solar"],
            savings=100_000,
        ),
        "shared": case(
            "Shared team",
            a,
            [leadership, commercial],
            [partners],
            [waste],
            2022,
            [],
            savings=310_000,
        ),
        "contracts": case(
            "Waste contracts",
            b,
            [commercial],
            [contracts],
            [waste],
            2023,
            ["fleet"],
            savings=1_200_000,
        ),
        "depot": case(
            "Depot roof panels",
            c,
            [leadership],
            [],
            [energy],
            2024,
            ["solar"],
            text="Solar panels on the depot roof.",
        ),
    }
    draft = case("Draft solar", a, [commercial], [contracts], [energy], 2023, ["solar"])
    draft.unpublish()
    return pages


def titles(response) -> list[str]:
    return [page.title for page in response.context["results"]]


def facet_options(response, name) -> dict:
    facet = next(f for f in response.context["facets"] if f.name == name)
    return {str(option.value): option.count for option in facet.options}


def test_the_finder_lists_every_live_case_study_newest_first(client, index, library):
    response = client.get(index.url)
    assert response.status_code == 200
    assert response.context["results"].paginator.count == 6
    assert titles(response)[0] == "Depot roof panels"
    assert titles(response)[-1] == "Fleet lease review"


def test_region_and_council_type_come_from_the_lead_council(library):
    page = library["fleet"]
    assert (page.region.slug, page.council_type.slug) == ("south", "county")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"theme": "commercial"},
            {"Solar farm income", "Energy basket", "Shared team", "Waste contracts"},
        ),
        ({"theme": "commercial", "category": "energy"}, {"Solar farm income", "Energy basket"}),
        ({"region": "south", "council_type": "district"}, {"Energy basket", "Depot roof panels"}),
        ({"year": "2023", "tag": "fleet"}, {"Waste contracts"}),
        ({"key_area": "partners", "region": "north"}, {"Shared team"}),
        ({"q": "solar"}, {"Solar farm income", "Energy basket", "Depot roof panels"}),
        ({"q": "solar", "theme": "commercial"}, {"Solar farm income", "Energy basket"}),
        ({"q": "solar", "region": "north", "category": "waste"}, set()),
    ],
)
def test_search_and_facets_combine(client, index, library, params, expected):
    response = client.get(index.url, params)
    assert response.status_code == 200
    assert set(titles(response)) == expected


def test_facet_counts_with_a_theme_chosen(client, index, library):
    response = client.get(index.url, {"theme": "commercial"})
    assert facet_options(response, "category") == {"energy": 2, "waste": 2}
    assert facet_options(response, "region") == {"north": 2, "south": 2}
    assert facet_options(response, "year") == {"2023": 3, "2022": 1}
    assert facet_options(response, "tag") == {"fleet": 1, "solar": 2}
    # A facet counts as if its own choice were swapped, so other themes stay reachable.
    assert facet_options(response, "theme") == {"leadership": 3, "commercial": 4}


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"theme": "commercial"},
        {"theme": "commercial", "category": "energy"},
        {"q": "solar", "region": "south"},
        {"year": "2023", "council_type": "county", "sort": "saving"},
    ],
)
def test_every_facet_count_equals_the_results_of_choosing_it(client, index, library, params):
    response = client.get(index.url, params)
    for facet in response.context["facets"]:
        for option in facet.options:
            chosen = {**params, facet.name: option.value}
            result = client.get(index.url, chosen)
            assert result.context["results"].paginator.count == option.count, (
                facet.name,
                option.value,
            )
    assert [f.name for f in response.context["facets"]] == list(FACETS)


def test_sort_by_largest_saving_puts_case_studies_without_savings_last(client, index, library):
    response = client.get(index.url, {"theme": "commercial", "sort": "saving"})
    assert titles(response) == [
        "Waste contracts",
        "Shared team",
        "Energy basket",
        "Solar farm income",
    ]
    assert "£1.2 million" in response.content.decode()


def test_filters_live_in_the_url_and_can_be_removed_one_at_a_time(client, index, library):
    response = client.get(index.url, {"theme": "commercial", "category": "energy"})
    html = response.content.decode()
    assert '<option value="commercial" selected>' in html
    assert 'href="?category=energy"' in html  # removes the theme, keeps the category
    assert "Clear filters" in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"theme": "no-such-theme"}, "There is no theme called ‘no-such-theme’"),
        ({"year": "abc"}, "Year must be a year in numbers"),
        ({"year": "1066"}, "Year must be 1990 or later"),
        ({"tag": "<script>"}, "There is no tag called ‘&lt;script&gt;’"),
        ({"sort": "cheapest"}, "Choose how to sort"),
    ],
)
def test_invalid_filter_values_give_a_message_not_an_error(client, index, library, params, message):
    response = client.get(index.url, {"q": "solar", **params})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Some filters could not be used" in html
    assert 'value="solar"' in html  # what was typed is kept


def test_an_out_of_range_page_shows_the_last_page(client, index, library):
    response = client.get(index.url, {"page": "999"})
    assert response.status_code == 200
    assert response.context["results"].number == 1
    assert client.get(index.url, {"page": "abc"}).status_code == 200


def test_an_overlong_search_is_refused_with_a_message(client, index, library):
    response = client.get(index.url, {"q": "x" * 300})
    assert response.status_code == 200
    assert "Search words must be 200 characters or fewer" in response.content.decode()


def test_no_results_shows_an_empty_state_with_a_way_out(client, index, library):
    response = client.get(index.url, {"q": "zebra", "theme": "commercial"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "0 case studies" in html
    assert "No case studies match your search and filters" in html
    assert "clear all filters" in html


def test_the_finder_links_its_atom_feed(client, index, library):
    response = client.get(index.url)
    assert (
        '<link rel="alternate" type="application/atom+xml" title="New case studies" '
        'href="/case-studies/feed/">' in response.content.decode()
    )
    feed = client.get("/case-studies/feed/")
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("application/atom+xml")
    body = feed.content.decode()
    assert "<title>Depot roof panels</title>" in body
    assert "Draft solar" not in body


def make_case_studies(index, start, stop, terms):
    """Case studies spread over the given terms, for counting queries."""
    theme, key_area, category, council = terms
    for n in range(start, stop):
        page = CaseStudyPageFactory(
            parent=index,
            title=f"Bulk case study {n}",
            lead_council=council,
            themes=[theme],
            key_areas=[key_area],
            categories=[category],
            year=2020 if n % 5 == 0 else 2021,
            tags=[f"tag{n % 7}"],
        )
        CaseStudyOutcomeFactory(page=page, value=1000 + n)


def count_queries(client, url) -> int:
    client.get(url)  # warm the site and settings caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_query_count_is_the_same_for_3_and_25_case_studies(client, index):
    """Each URL shows a full page at 25, as at 500; bench/casestudies_finder.sh runs 500."""
    terms = (
        ThemeFactory(slug="t"),
        KeyAreaFactory(slug="k"),
        CategoryFactory(slug="c"),
        CouncilFactory(),
    )
    urls = [
        index.url,
        f"{index.url}?theme=t&category=c&sort=saving",
        f"{index.url}?q=bulk&year=2021&page=2",
    ]
    make_case_studies(index, 0, 3, terms)
    with_3 = [count_queries(client, url) for url in urls]
    make_case_studies(index, 3, 25, terms)
    with_25 = [count_queries(client, url) for url in urls]
    assert with_3 == with_25
    assert max(with_25) <= 25
