"""Case studies say where their figures come from, and savings compare like for like."""

import pytest

from django.core.exceptions import ValidationError

from tests.casestudies.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyOutcomeFactory,
    CaseStudyPageFactory,
)


pytestmark = pytest.mark.django_db


def test_a_case_study_cannot_be_published_without_a_source_link_or_the_illustrative_flag(home):
    page = CaseStudyPageFactory(parent=CaseStudyIndexPageFactory(parent=home))
    page.source_url = ""
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "source_url" in error.value.message_dict
    page.is_illustrative = True
    page.full_clean()  # an illustrative example needs no source
    page.is_illustrative, page.source_url = False, "https://www.example.org/study"
    page.full_clean()


def test_a_citation_without_a_link_is_enough_to_publish(home):
    page = CaseStudyPageFactory(parent=CaseStudyIndexPageFactory(parent=home))
    page.source_url, page.source = "", "Local Government Association case study: Any Council."
    page.full_clean()
    page.source = "   "
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "source" in error.value.message_dict


def test_a_draft_may_wait_for_its_source(home):
    page = CaseStudyPageFactory(parent=CaseStudyIndexPageFactory(parent=home))
    page.source_url = ""
    page.defer_publishing_checks = True  # what the admin form sets when saving a draft
    page.full_clean()


def test_largest_saving_ranks_yearly_figures_like_for_like(client, home):
    index = CaseStudyIndexPageFactory(parent=home)
    over_five_years = CaseStudyPageFactory(parent=index, title="£560,000 over five years")
    CaseStudyOutcomeFactory(page=over_five_years, value=560_000, period="over 5 years", years=5)
    a_year = CaseStudyPageFactory(parent=index, title="£420,000 a year")
    CaseStudyOutcomeFactory(page=a_year, value=420_000, period="a year", years=1)
    no_period = CaseStudyPageFactory(parent=index, title="About £120,000, period not given")
    CaseStudyOutcomeFactory(page=no_period, value=120_000, period="", years=None)
    response = client.get(index.url, {"sort": "saving"})
    titles = [page.title for page in response.context["results"]]
    assert titles == [
        "£420,000 a year",
        "£560,000 over five years",
        "About £120,000, period not given",
    ]
