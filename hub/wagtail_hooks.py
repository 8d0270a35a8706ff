"""Admin registration of the shared taxonomy as snippets, and readers' page feedback."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from hub.admin_views import TakeOverView
from hub.exports import SafeCSVMixin
from hub.guidance import REVIEW_REMINDER, reminder_message
from hub.models import (
    Category,
    Council,
    CouncilDomain,
    CouncilType,
    KeyArea,
    ManagerVerification,
    MaturityLevel,
    PageFeedback,
    Region,
    Team,
    Theme,
)
from hub.reports import PageFeedbackCountsView, PageFeedbackFilterSet, PagesPastReviewView


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


class TeamViewSet(SnippetViewSet):
    """Teams that own guidance pages and are reminded when one is due review."""

    model = Team
    icon = "group"
    menu_label = "Owning teams"
    list_display = ["name", "email"]
    search_fields = ["name"]


register_snippet(TeamViewSet)


class PageFeedbackPermissionPolicy(ModelPermissionPolicy):
    """Feedback arrives only from readers, so nobody adds or rewrites it in the admin."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)


register_permission_policy(PageFeedback, PageFeedbackPermissionPolicy(PageFeedback))


class PageFeedbackIndexView(SafeCSVMixin, ModelViewSet.index_view_class):
    """The answers, filterable by page; the CSV writes would-be formulas as text."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page")


class PageFeedbackViewSet(ModelViewSet):
    """Every answer to "Is this page useful?", with what went wrong, filterable and exportable."""

    model = PageFeedback
    name = "page_feedback"
    url_prefix = "page-feedback"
    icon = "help"
    menu_label = "Page feedback"
    add_to_admin_menu = False
    index_view_class = PageFeedbackIndexView
    filterset_class = PageFeedbackFilterSet
    form_fields = ["useful", "text"]  # required by ModelViewSet; the policy allows no edits
    list_display = ["page", "useful", "text", "received_at"]
    list_export = ["page", "page_url", "useful", "text", "received_at"]
    export_headings = {"page_url": "Address", "text": "What went wrong"}
    export_filename = "page-feedback-answers"
    search_fields = ["text"]
    ordering = ["-received_at"]
    list_per_page = 50


page_feedback_viewset = PageFeedbackViewSet()


@hooks.register("register_admin_viewset")
def register_page_feedback_viewset():
    return page_feedback_viewset


@hooks.register("register_admin_urls")
def admin_urls():
    """The domain take-over and the page reports."""
    return [
        path("council-domains/take-over/", TakeOverView.as_view(), name="hub_domains_take_over"),
        path(
            "reports/page-feedback/", PageFeedbackCountsView.as_view(), name="page_feedback_counts"
        ),
        path(
            "reports/page-feedback/results/",
            PageFeedbackCountsView.as_view(results_only=True),
            name="page_feedback_counts_results",
        ),
        path("reports/past-review/", PagesPastReviewView.as_view(), name="pages_past_review"),
        path(
            "reports/past-review/results/",
            PagesPastReviewView.as_view(results_only=True),
            name="pages_past_review_results",
        ),
    ]


class PageFeedbackMenuItem(MenuItem):
    """Shown to those who may see page feedback."""

    def is_shown(self, request):
        return page_feedback_viewset.permission_policy.user_has_any_permission(
            request.user, ["view", "delete"]
        )


@hooks.register("register_reports_menu_item")
def register_page_feedback_report_menu_item():
    return PageFeedbackMenuItem(
        "Page feedback", reverse("page_feedback_counts"), icon_name="help", order=710
    )


@hooks.register("register_reports_menu_item")
def register_pages_past_review_menu_item():
    return MenuItem("Pages past review", reverse("pages_past_review"), icon_name="date", order=720)


@hooks.register("hub_email_kinds")
def hub_emails():
    """The hub's own emails in the site outbox: reminders that a page is due review."""
    return {REVIEW_REMINDER: ("Review reminder", reminder_message)}
