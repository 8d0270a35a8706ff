"""Factories for the guidance page types."""

import factory
import wagtail_factories

from strategy.enums import CategoryStrategyStatus, ResourceType
from strategy.models import (
    CategoryStrategyIndexPage,
    CategoryStrategyPage,
    ResourceIndexPage,
    ResourcePage,
    ToolkitIndexPage,
    ToolkitPage,
)
from tests.factories import numbered, page_factory, set_many


CategoryStrategyIndexPageFactory = page_factory(
    CategoryStrategyIndexPage, title="Category strategies", slug="category-strategies"
)


def sections(*headings: str) -> list[tuple[str, dict]]:
    """Raw StreamField data for numbered sections with these headings."""
    return [
        ("section", {"heading": h, "body": f"<p>About {h.lower()}.</p>", "key_actions": []})
        for h in headings
    ]


class CategoryStrategyPageFactory(wagtail_factories.PageFactory):
    """A published strategy; `draft=True` gives a 2026 draft with three sections to comment on."""

    title = numbered("Category strategy")
    version = "2022"
    status = CategoryStrategyStatus.PUBLISHED
    parent = factory.SubFactory(CategoryStrategyIndexPageFactory)

    class Meta:
        model = CategoryStrategyPage

    class Params:
        draft = factory.Trait(
            title=numbered("Draft category strategy"),
            version="2026",
            status=CategoryStrategyStatus.DRAFT,
            sections=factory.LazyFunction(
                lambda: sections("Introduction", "Sharing a pipeline", "Market engagement")
            ),
        )


ToolkitIndexPageFactory = page_factory(ToolkitIndexPage, title="Toolkits", slug="toolkits")
ToolkitPageFactory = page_factory(
    ToolkitPage, title=numbered("Toolkit"), parent=factory.SubFactory(ToolkitIndexPageFactory)
)
ResourceIndexPageFactory = page_factory(ResourceIndexPage, title="Resources", slug="resources")


class ResourcePageFactory(wagtail_factories.PageFactory):
    title = numbered("Resource")
    resource_type = ResourceType.GUIDE
    parent = factory.SubFactory(ResourceIndexPageFactory)
    themes = set_many("themes")
    categories = set_many("categories")
    key_areas = set_many("key_areas")

    class Meta:
        model = ResourcePage
        skip_postgeneration_save = True
