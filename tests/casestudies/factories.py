"""Factories for case-study pages."""

import factory
import wagtail_factories

from django.utils import timezone

from wagtail.search.index import insert_or_update_object

from casestudies.models import CaseStudyIndexPage, CaseStudyOutcome, CaseStudyPage
from tests.factories import numbered, page_factory


CaseStudyIndexPageFactory = page_factory(
    CaseStudyIndexPage,
    title="Case studies",
    slug="case-studies",
    show_in_menus=True,
    summary="What other councils did.",
)


class CaseStudyPageFactory(wagtail_factories.PageFactory):
    title = numbered("Case study")
    summary = "What a council did and what it achieved."
    parent = factory.SubFactory(CaseStudyIndexPageFactory)
    challenge = "<p>The problem the council faced.</p>"
    approach = "<p>What the council did about it.</p>"
    source_url = "https://www.example.org/case-studies/"
    first_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = CaseStudyPage
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if extracted:
            obj.tags.add(*extracted)
            obj.save()
            # The save indexed the page before its tag links were written; index it again.
            insert_or_update_object(obj)


class CaseStudyOutcomeFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(CaseStudyPageFactory)
    kind = "savings"
    value = 100_000
    period = "a year"

    class Meta:
        model = CaseStudyOutcome
