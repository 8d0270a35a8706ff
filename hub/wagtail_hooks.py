"""Admin registration of the shared taxonomy as snippets."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from hub.admin_views import TakeOverView
from hub.models import (
    Category,
    Council,
    CouncilDomain,
    CouncilType,
    KeyArea,
    ManagerVerification,
    MaturityLevel,
    Region,
    Theme,
)


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


class CouncilDomainIndexView(IndexView):
    @property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm("hub.change_councildomain"):
            buttons.append(
                HeaderButton(
                    "Take over predecessors' domains",
                    url=reverse("hub_domains_take_over"),
                    icon_name="arrow-right",
                )
            )
        return buttons


class CouncilDomainViewSet(SnippetViewSet):
    model = CouncilDomain
    icon = "mail"
    menu_label = "Domains"
    index_view_class = CouncilDomainIndexView
    list_display = ["domain", "council", "status", "source", "confirmed_by", "confirmed_at"]
    list_filter = ["status", "source"]
    search_fields = ["domain", "council__name"]
    list_per_page = 50


class ManagerVerificationViewSet(SnippetViewSet):
    model = ManagerVerification
    icon = "user"
    menu_label = "Officers verified by hand"
    list_display = ["email", "council", "verified_by", "verified_at"]
    search_fields = ["email"]


class CouncilDomainGroup(SnippetViewSetGroup):
    menu_label = "Council domains"
    menu_icon = "mail"
    menu_order = 310
    items = (CouncilDomainViewSet, ManagerVerificationViewSet)


register_snippet(CouncilDomainGroup)


@hooks.register("register_admin_urls")
def domain_urls():
    return [
        path("council-domains/take-over/", TakeOverView.as_view(), name="hub_domains_take_over")
    ]
