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


class CategoryStrategyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Category strategy {n}")
    version = "2022"
    status = CategoryStrategyStatus.PUBLISHED
    parent = factory.SubFactory(CategoryStrategyIndexPageFactory)

    class Meta:
        model = CategoryStrategyPage


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
