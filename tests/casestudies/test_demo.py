"""The case-study demo content: enough examples across the facets, flagged honestly."""

import pytest

from casestudies.models import CaseStudyPage


pytestmark = pytest.mark.django_db


def test_demo_case_studies_are_flagged_and_spread_across_the_facets(rerun_demo_command):
    rerun_demo_command()  # a second run adds nothing
    pages = CaseStudyPage.objects.live()
    assert pages.count() == 14
    illustrative = pages.filter(is_illustrative=True)
    assert illustrative.count() == 10
    assert not illustrative.exclude(lead_council__name__in=FICTIONAL).exists()
    real = pages.filter(is_illustrative=False)
    assert set(real.values_list("lead_council__name", flat=True)) == {
        "Medway Council",
        "Copeland Borough Council",
        "South Staffordshire Council",
        "West Suffolk Council",
    }
    assert all(page.source for page in real)
    assert pages.values("themes").distinct().count() >= 4
    assert pages.values("categories").exclude(categories=None).distinct().count() >= 10
    assert pages.values("region").distinct().count() >= 9
    # Every council type that fictional councils can take in England: county, district,
    # unitary, metropolitan borough, London borough and combined authority.
    assert pages.values("council_type").distinct().count() >= 6


FICTIONAL = [
    "Northmoor County Council",
    "Brackenfield District Council",
    "Harbourside City Council",
    "Kelmscott Metropolitan Borough Council",
    "Thamesgate London Borough",
    "Westvale District Council",
    "Lowmarsh Borough Council",
    "Eastmarsh Combined Authority",
    "Penrose County Council",
    "Fellbrook Council",
]
