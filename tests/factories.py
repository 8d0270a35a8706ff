"""Factories for every page type and taxonomy term used in tests."""

import factory
import wagtail_factories

from wagtail.models import Page, Site

from hub.models import (
    Category,
    Council,
    CouncilType,
    HomePage,
    KeyArea,
    MaturityLevel,
    Region,
    StandardPage,
    Theme,
)
from strategy.models import KeyAreaPage, StrategyEditionPage, StrategyIndexPage, ThemePage


def page_factory(model, **fields):
    """A wagtail-factories factory for the page type, with these field values."""
    return factory.make_factory(model, FACTORY_CLASS=wagtail_factories.PageFactory, **fields)


def numbered(title: str) -> factory.Sequence:
    """Titles "<title> 0", "<title> 1" and so on, one for each page made."""
    return factory.Sequence(lambda n: f"{title} {n}")


def set_many(field: str) -> factory.PostGeneration:
    """A hook setting the page's many-to-many field to the list given for it, if any."""

    def hook(page, create, extracted, **kwargs):
        if extracted:
            getattr(page, field).set(extracted)
            page.save()

    return factory.PostGeneration(hook)


HomePageFactory = page_factory(
    HomePage,
    title="Procurement Knowledge Hub",
    summary="Guidance, case studies and consultations for councils.",
)


def home_as_default_site(**fields) -> HomePage:
    """A fresh home page as the only site's root, in place of whatever the database had."""
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=root, slug="home", **fields)
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


StandardPageFactory = page_factory(
    StandardPage, title=numbered("Standard page"), summary="A plain content page."
)


class TermFactory(factory.django.DjangoModelFactory):
    name = numbered("Term")
    slug = factory.Sequence(lambda n: f"term-{n}")

    class Meta:
        abstract = True


ThemeFactory = factory.make_factory(Theme, FACTORY_CLASS=TermFactory)
KeyAreaFactory = factory.make_factory(
    KeyArea, FACTORY_CLASS=TermFactory, theme=factory.SubFactory(ThemeFactory)
)
CategoryFactory = factory.make_factory(Category, FACTORY_CLASS=TermFactory)
RegionFactory = factory.make_factory(Region, FACTORY_CLASS=TermFactory)
CouncilTypeFactory = factory.make_factory(CouncilType, FACTORY_CLASS=TermFactory)


class CouncilFactory(factory.django.DjangoModelFactory):
    name = numbered("Example Council")
    slug = factory.Sequence(lambda n: f"example-council-{n}")
    council_type = factory.SubFactory(CouncilTypeFactory)
    region = factory.SubFactory(RegionFactory)

    class Meta:
        model = Council


class MaturityLevelFactory(factory.django.DjangoModelFactory):
    level = factory.Sequence(lambda n: n % 5 + 1)
    name = numbered("Level")
    definition = "What this level means."

    class Meta:
        model = MaturityLevel
        django_get_or_create = ("level",)


StrategyIndexPageFactory = page_factory(
    StrategyIndexPage, title="National Procurement Strategy", slug="strategy"
)
StrategyEditionPageFactory = page_factory(
    StrategyEditionPage,
    title=factory.Sequence(lambda n: f"National Procurement Strategy {2000 + n}"),
    year=factory.Sequence(lambda n: 2000 + n),
    parent=factory.SubFactory(StrategyIndexPageFactory),
)
ThemePageFactory = page_factory(
    ThemePage, title=numbered("Theme"), parent=factory.SubFactory(StrategyEditionPageFactory)
)
KeyAreaPageFactory = page_factory(
    KeyAreaPage,
    title=numbered("Key area"),
    parent=factory.SubFactory(ThemePageFactory),
    what_it_is="<p>What this key area is about.</p>",
    why_it_matters="<p>Why it matters to councils.</p>",
)
