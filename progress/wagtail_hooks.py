"""The self-assessment in the admin and its completion report; the section's home page parts."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.functional import cached_property

from wagtail import hooks
from wagtail.admin.ui.tables import TitleColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from hub.admin_views import PermissionMenuItem
from hub.exports import SafeCSVMixin
from hub.models import HomeAction, HomePanel
from progress import emails
from progress.admin_views import CompletionView
from progress.models import AccessRequest, Answer, Cycle, FindingsPage, ProgressIndexPage, Return
from strategy.models import ResourcePage


WHATS_NEW = 3


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Rows that come from councils: in the admin they are read, by those with `view_permission`."""

    def __init__(self, model, view_permission):
        super().__init__(model)
        self.view_permission = view_permission

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        if action == "view":
            return user.has_perm(self.view_permission)
        return super().user_has_permission(user, action)


register_permission_policy(Return, ReadOnlyPolicy(Return, "progress.view_all_returns"))
register_permission_policy(Answer, ReadOnlyPolicy(Answer, "progress.view_all_returns"))
# Requests for access are decided on the site's own page, and read here by managers.
register_permission_policy(AccessRequest, ReadOnlyPolicy(AccessRequest, "progress.approve_access"))


class SafeExportIndexView(SafeCSVMixin, IndexView):
    """A listing whose exports are safe to open and only for those who may export returns."""

    @cached_property
    def show_export_buttons(self):
        return self.request.user.has_perm("progress.export_returns")

    def dispatch(self, request, *args, **kwargs):
        if request.GET.get("export") and not request.user.has_perm("progress.export_returns"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ReturnRowsViewSet(SnippetViewSet):
    """Rows of councils' returns, inspected and exported with the columns in export_headings."""

    index_view_class = SafeExportIndexView
    inspect_view_enabled = True
    list_per_page = 50

    @property
    def list_export(self):
        return list(self.export_headings)


class CycleViewSet(SnippetViewSet):
    model = Cycle
    icon = "date"
    menu_label = "Cycles"
    list_display = ["year", "is_open", "is_illustrative"]


class ReturnViewSet(ReturnRowsViewSet):
    model = Return
    icon = "tasks"
    menu_label = "Returns"
    list_display = ["council", "cycle", "status", "submitted_at"]
    list_filter = ["cycle", "status", "council__council_type", "council__region"]
    search_fields = []
    export_filename = "self-assessment-returns"
    export_headings = {
        "cycle.year": "Cycle",
        "council.name": "Council",
        "council.gss_code": "GSS code",
        "council.council_type": "Council type",
        "council.region": "Region",
        "council.is_illustrative": "Illustrative council",
        "status": "Status",
        "created_at": "Created at",
        "submitted_at": "Submitted at",
    }

    def get_queryset(self, request):
        return Return.objects.select_related("cycle", "council__council_type", "council__region")


class AnswerViewSet(ReturnRowsViewSet):
    model = Answer
    icon = "list-ul"
    menu_label = "Answers"
    list_display = ["return_obj", "key_area", "department", "current_level", "target_level"]
    list_filter = ["return_obj__cycle", "return_obj__status", "key_area"]
    export_filename = "self-assessment-answers"
    export_headings = {
        "return_obj.cycle.year": "Cycle",
        "return_obj.council.name": "Council",
        "return_obj.council.gss_code": "GSS code",
        "return_obj.council.is_illustrative": "Illustrative council",
        "return_obj.status": "Return status",
        "key_area.name": "Key area",
        "department": "Department (blank: the council's answer)",
        "current_level": "Current level",
        "target_level": "Target level",
        "comment": "Comment",
        "evidence": "Evidence",
        "editor_email": "Last changed by",
        "updated_at": "Last changed",
    }

    def get_queryset(self, request):
        return Answer.objects.select_related(
            "return_obj__cycle", "return_obj__council", "key_area", "updated_by"
        )


class AccessRequestViewSet(SnippetViewSet):
    model = AccessRequest
    icon = "lock-open"
    menu_label = "Requests for access"
    inspect_view_enabled = True
    # The email links to the site's own page where the request is decided.
    list_display = [
        TitleColumn("email", label="Email", get_url=lambda request: request.get_absolute_url()),
        "council",
        "cycle",
        "status",
        "created_at",
        "decided_by",
    ]
    list_filter = ["status", "cycle"]
    search_fields = []
    list_per_page = 50

    def get_queryset(self, request):
        return AccessRequest.objects.select_related("council", "cycle")


class SelfAssessmentGroup(SnippetViewSetGroup):
    menu_label = "Self-assessment"
    menu_icon = "tasks"
    menu_order = 260
    items = (CycleViewSet, ReturnViewSet, AnswerViewSet, AccessRequestViewSet)


register_snippet(SelfAssessmentGroup)


@hooks.register("register_admin_urls")
def completion_urls():
    return [
        path("self-assessment/completion/", CompletionView.as_view(), name="progress_completion")
    ]


@hooks.register("register_admin_menu_item")
def completion_menu_item():
    url = reverse("progress_completion")
    permission = "progress.view_all_returns"
    return PermissionMenuItem(
        "Self-assessment completion", url, permission, icon_name="tasks", order=261
    )


@hooks.register("register_log_actions")
def access_log_actions(actions):
    actions.register_action("progress.access_approved", "Approve access", "Access approved")
    actions.register_action("progress.access_refused", "Refuse access", "Access refused")


@hooks.register("hub_email_kinds")
def self_assessment_emails():
    return emails.email_kinds()


@hooks.register("hub_home_panels")
def whats_new_panel(request, home):
    """The latest findings and resources."""
    findings = list(FindingsPage.objects.live().public().newest_first()[:WHATS_NEW])
    resources = list(ResourcePage.objects.newest()[:WHATS_NEW])
    if not findings and not resources:
        return None
    return {
        "template": "components/strategy_whats_new.html",
        "order": HomePanel.WHATS_NEW,
        "findings": findings,
        "resources": resources,
    }


@hooks.register("hub_home_actions")
def check_your_progress_action(request, home):
    """Check a council's progress against the strategy's maturity levels."""
    progress = ProgressIndexPage.objects.live().first()
    if progress is None:
        return None
    return {
        "order": HomeAction.CHECK_PROGRESS,
        "title": "Check your progress",
        "url": progress.get_url(request=request),
        "text": "Score your council on the five maturity levels and compare with past surveys.",
    }
