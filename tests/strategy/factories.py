"""Factories for the guidance page types."""

import factory
import wagtail_factories

from strategy.enums import CategoryStrategyStatus, Instrument, ResourceType
from strategy.models import (
    CategoryStrategyIndexPage,
    CategoryStrategyPage,
    FindingsPage,
    ProgressIndexPage,
    ResourceIndexPage,
    ResourcePage,
    ToolkitIndexPage,
    ToolkitPage,
)


class CategoryStrategyIndexPageFactory(wagtail_factories.PageFactory):
    title = "Category strategies"
    slug = "category-strategies"

    class Meta:
        model = CategoryStrategyIndexPage


def sections(*headings: str) -> list[tuple[str, dict]]:
    """Raw StreamField data for numbered sections with these headings."""
    return [
        ("section", {"heading": h, "body": f"<p>About {h.lower()}.</p>", "key_actions": []})
        for h in headings
    ]


class CategoryStrategyPageFactory(wagtail_factories.PageFactory):
    """A published strategy; `draft=True` gives a 2026 draft with three sections to comment on."""

    title = factory.Sequence(lambda n: f"Category strategy {n}")
    version = "2022"
    status = CategoryStrategyStatus.PUBLISHED
    parent = factory.SubFactory(CategoryStrategyIndexPageFactory)

    class Meta:
        model = CategoryStrategyPage

    class Params:
        draft = factory.Trait(
            title=factory.Sequence(lambda n: f"Draft category strategy {n}"),
            version="2026",
            status=CategoryStrategyStatus.DRAFT,
            sections=factory.LazyFunction(
                lambda: sections("Introduction", "Sharing a pipeline", "Market engagement")
            ),
        )


class ProgressIndexPageFactory(wagtail_factories.PageFactory):
    title = "Check your progress"
    slug = "check-your-progress"

    class Meta:
        model = ProgressIndexPage


class FindingsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Findings {n}")
    instrument = Instrument.SURVEY
    parent = factory.SubFactory(ProgressIndexPageFactory)

    class Meta:
        model = FindingsPage


class ToolkitIndexPageFactory(wagtail_factories.PageFactory):
    title = "Toolkits"
    slug = "toolkits"

    class Meta:
        model = ToolkitIndexPage


class ToolkitPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Toolkit {n}")
    parent = factory.SubFactory(ToolkitIndexPageFactory)

    class Meta:
        model = ToolkitPage


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Resources"
    slug = "resources"

    class Meta:
        model = ResourceIndexPage


class ResourcePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Resource {n}")
    resource_type = ResourceType.GUIDE
    parent = factory.SubFactory(ResourceIndexPageFactory)

    class Meta:
        model = ResourcePage
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)
            self.save()

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if extracted:
            self.categories.set(extracted)
            self.save()

    @factory.post_generation
    def key_areas(self, create, extracted, **kwargs):
        if extracted:
            self.key_areas.set(extracted)
            self.save()
