"""Admin registration of the shared taxonomy as snippets."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from hub.models import Category, Council, CouncilType, KeyArea, MaturityLevel, Region, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "folder-open-inverse"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name", "description"]


class KeyAreaViewSet(SnippetViewSet):
    model = KeyArea
    icon = "list-ul"
    list_display = ["name", "theme", "kind"]
    list_filter = ["theme", "kind"]
    search_fields = ["name", "description"]


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class CouncilTypeViewSet(SnippetViewSet):
    model = CouncilType
    icon = "group"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class CouncilViewSet(SnippetViewSet):
    model = Council
    icon = "home"
    list_display = ["name", "council_type", "region", "gss_code", "end_date"]
    list_filter = ["council_type", "region", "is_illustrative"]
    search_fields = ["name", "short_name", "gss_code"]
    list_per_page = 50


class MaturityLevelViewSet(SnippetViewSet):
    model = MaturityLevel
    icon = "pick"
    list_display = ["level", "name"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = "Taxonomy"
    menu_icon = "tag"
    menu_order = 300
    items = (
        ThemeViewSet,
        KeyAreaViewSet,
        CategoryViewSet,
        RegionViewSet,
        CouncilTypeViewSet,
        CouncilViewSet,
        MaturityLevelViewSet,
    )


register_snippet(TaxonomyGroup)
