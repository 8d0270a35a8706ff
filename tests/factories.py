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


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Procurement Knowledge Hub"
    summary = "Guidance, case studies and consultations for councils."

    class Meta:
        model = HomePage


def home_as_default_site(**fields) -> HomePage:
    """A fresh home page as the only site's root, in place of whatever the database had."""
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=root, slug="home", **fields)
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    summary = "A plain content page."

    class Meta:
        model = StandardPage


class TermFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Term {n}")
    slug = factory.Sequence(lambda n: f"term-{n}")

    class Meta:
        abstract = True


class ThemeFactory(TermFactory):
    class Meta:
        model = Theme


class KeyAreaFactory(TermFactory):
    theme = factory.SubFactory(ThemeFactory)

    class Meta:
        model = KeyArea


class CategoryFactory(TermFactory):
    class Meta:
        model = Category


class RegionFactory(TermFactory):
    class Meta:
        model = Region


class CouncilTypeFactory(TermFactory):
    class Meta:
        model = CouncilType


class CouncilFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Example Council {n}")
    slug = factory.Sequence(lambda n: f"example-council-{n}")
    council_type = factory.SubFactory(CouncilTypeFactory)
    region = factory.SubFactory(RegionFactory)

    class Meta:
        model = Council


class MaturityLevelFactory(factory.django.DjangoModelFactory):
    level = factory.Sequence(lambda n: n % 5 + 1)
    name = factory.Sequence(lambda n: f"Level {n}")
    definition = "What this level means."

    class Meta:
        model = MaturityLevel
        django_get_or_create = ("level",)


class StrategyIndexPageFactory(wagtail_factories.PageFactory):
    title = "National Procurement Strategy"
    slug = "strategy"

    class Meta:
        model = StrategyIndexPage


class StrategyEditionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"National Procurement Strategy {2000 + n}")
    year = factory.Sequence(lambda n: 2000 + n)
    parent = factory.SubFactory(StrategyIndexPageFactory)

    class Meta:
        model = StrategyEditionPage


class ThemePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Theme {n}")
    parent = factory.SubFactory(StrategyEditionPageFactory)

    class Meta:
        model = ThemePage


class KeyAreaPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Key area {n}")
    parent = factory.SubFactory(ThemePageFactory)
    what_it_is = "<p>What this key area is about.</p>"
    why_it_matters = "<p>Why it matters to councils.</p>"

    class Meta:
        model = KeyAreaPage
