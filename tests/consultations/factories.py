"""Factories for consultations and the draft strategies they are about."""

from datetime import date

import factory
import wagtail_factories

from consultations.models import ConsultationIndexPage, ConsultationPage
from strategy.enums import CategoryStrategyStatus
from strategy.models import CategoryStrategyIndexPage, CategoryStrategyPage


def sections(*headings: str) -> list[tuple[str, dict]]:
    """Raw StreamField data for numbered sections with these headings."""
    return [
        ("section", {"heading": h, "body": f"<p>About {h.lower()}.</p>", "key_actions": []})
        for h in headings
    ]


class CategoryStrategyIndexPageFactory(wagtail_factories.PageFactory):
    title = "Category strategies"
    slug = "category-strategies"

    class Meta:
        model = CategoryStrategyIndexPage


class CategoryStrategyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Draft category strategy {n}")
    version = "2026"
    status = CategoryStrategyStatus.DRAFT
    sections = factory.LazyFunction(
        lambda: sections("Introduction", "Sharing a pipeline", "Market engagement")
    )

    class Meta:
        model = CategoryStrategyPage


class ConsultationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Consultations"
    slug = "consultations"
    show_in_menus = True

    class Meta:
        model = ConsultationIndexPage


class ConsultationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Consultation {n}")
    summary = "Comment on the draft."
    opening_date = date(2026, 6, 1)
    closing_date = date(2026, 6, 30)
    contact_email = "team@example.gov.uk"

    class Meta:
        model = ConsultationPage
