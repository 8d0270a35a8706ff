"""Comments in the admin for consultation managers, and the home page's open consultations."""

from django.contrib import messages
from django.urls import reverse
from django.utils import timezone

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, IndexView, InspectView, SnippetViewSet

from consultations import admin_views
from consultations.analysis import services as analysis_services
from consultations.analysis import urls as analysis_urls
from consultations.analysis.views import ANALYSE_PERMISSION
from consultations.follow_up import notifications
from consultations.models import Comment, ConsultationIndexPage, ConsultationPage
from consultations.outage import comment_not_sent
from consultations.respondent_data.audit import ACTIONS, ResponseAuditMixin, ResponsesAuditMixin
from consultations.times import closing_date_warning
from hub.admin_views import PermissionMenuItem
from hub.exports import SafeCSVMixin
from hub.models import HomeAction, HomePanel


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Comments arrive only through the public form, so nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


register_permission_policy(Comment, CommentPermissionPolicy(Comment))


class CommentIndexView(ResponsesAuditMixin, SafeCSVMixin, IndexView):
    """The comment listing, logged; its exports neutralise formulas and leave out withdrawals."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        # Exports (and the audit log's count of what they held) leave out withdrawn comments.
        return queryset.exportable() if self.is_export else queryset


class CommentInspectView(ResponseAuditMixin, InspectView):
    """One comment, logged each time it is shown."""


class CommentEditView(ResponseAuditMixin, EditView):
    """Moderating one comment, logged each time it is shown."""


class CommentViewSet(SnippetViewSet):
    model = Comment
    index_view_class = CommentIndexView
    inspect_view_class = CommentInspectView
    edit_view_class = CommentEditView
    icon = "comment"
    menu_label = "Consultation comments"
    menu_order = 250
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = [
        "reference",
        "consultation",
        "about",
        "name",
        "organisation",
        "verification",
        "status",
        "late",
        "received_at",
    ]
    list_filter = [
        "consultation",
        "status",
        "response_type",
        "organisation_verified",
        "received_at",
    ]
    search_fields = ["reference", "name", "email", "organisation_other", "text"]
    list_per_page = 50
    ordering = ["-received_at"]
    export_filename = "consultation-comments"
    list_export = [
        "reference",
        "consultation.title",
        "received_at",
        "received_at_uk",
        "status",
        "late",
        "quarantine_reason",
        "section_id",
        "section_heading",
        "page_revision_id",
        "name",
        "email",
        "organisation",
        "verification",
        "gss_code",
        "role",
        "response_type",
        "consent_publish_name",
        "consent_publish_organisation",
        "notify_outcome",
        "text",
    ]
    export_headings = {
        "consultation.title": "Consultation",
        "received_at": "Received (UTC)",
        "received_at_uk": "Received (UK time)",
        "section_id": "Section id",
        "section_heading": "Section heading at the time",
        "page_revision_id": "Draft revision",
        "gss_code": "GSS code",
        "verification": "Organisation verification",
        "late": "Late",
    }
    panels = [
        FieldPanel("status", heading="Moderation status"),
        MultiFieldPanel(
            [
                FieldPanel("consultation", read_only=True),
                FieldPanel("section_heading", read_only=True),
                FieldPanel("text", read_only=True),
            ],
            heading="Comment",
        ),
        MultiFieldPanel(
            [
                FieldPanel("name", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("council", read_only=True),
                FieldPanel("organisation_other", read_only=True),
                FieldPanel("role", read_only=True),
                FieldPanel("response_type", read_only=True),
                FieldPanel("consent_publish_name", read_only=True),
                FieldPanel("consent_publish_organisation", read_only=True),
                FieldPanel(
                    "organisation_verified",
                    read_only=True,
                    help_text="Verified response from the council: the respondent opened the link "
                    "emailed to their address at one of its confirmed domains.",
                ),
                FieldPanel("verified_at", read_only=True),
            ],
            heading="Respondent",
        ),
    ]

    def get_queryset(self, request):
        return Comment.objects.select_related("consultation", "council", "late_entry__created_by")


register_snippet(CommentViewSet)


@hooks.register("hub_home_panels")
def open_consultations_panel(request, home):
    """Open consultations with their closing times, soonest first."""
    now = timezone.now()
    consultations = list(ConsultationPage.objects.live().public().for_listing().open_at(now)[:5])
    if not consultations:
        return None
    return {
        "template": "components/consultations_home_panel.html",
        "order": HomePanel.OPEN_CONSULTATIONS,
        "consultations": consultations,
        "now": now,
    }


@hooks.register("register_log_actions")
def register_consultation_log_actions(actions):
    for action, (label, message) in (ACTIONS | analysis_services.ACTIONS).items():
        actions.register_action(action, label, message)


@hooks.register("register_admin_urls")
def consultation_admin_urls():
    return [*admin_views.urlpatterns, *analysis_urls.urlpatterns]


@hooks.register("register_admin_menu_item")
def respondent_data_menu_item():
    url = reverse("consultations_respondent_data")
    permission = admin_views.RESPONDENT_PERMISSION
    return PermissionMenuItem("Respondent data", url, permission, icon_name="user", order=260)


@hooks.register("register_admin_menu_item")
def analysis_menu_item():
    url = reverse("consultations_analysis")
    permission = ANALYSE_PERMISSION
    return PermissionMenuItem("Analyse responses", url, permission, icon_name="tag", order=255)


@hooks.register("register_page_header_buttons")
def consultation_buttons(page, user, view_name, next_url=None):
    """A late-entry link and the analysis workspace, for those who may use them."""
    if not isinstance(page.specific_deferred, ConsultationPage):
        return
    if user.has_perm(admin_views.LATE_ENTRY_PERMISSION):
        url = reverse("consultations_late_entry", args=[page.pk])
        yield Button("Issue a late-entry link", url, icon_name="time", priority=80)
    if user.has_perm(ANALYSE_PERMISSION):
        url = reverse("consultations_analysis_overview", args=[page.pk])
        yield Button("Analyse responses", url, icon_name="tag", priority=85)


@hooks.register("hub_home_actions")
def respond_action(request, home):
    """Respond to the open consultation, or find one when none or several are open."""
    now = timezone.now()
    open_now = list(ConsultationPage.objects.live().public().for_listing().open_at(now)[:2])
    if len(open_now) == 1:
        consultation = open_now[0]
        return {
            "order": HomeAction.RESPOND,
            "title": "Respond to the open consultation",
            "url": consultation.get_url(request=request),
            "text": f"{consultation.title}. Closes at {consultation.closes_text} (UK time).",
            "illustrative": consultation.is_illustrative,
        }
    listing = ConsultationIndexPage.objects.live().public().first()
    if listing is None:
        return None
    return {
        "order": HomeAction.RESPOND,
        "title": "Respond to a consultation" if open_now else "Consultations",
        "url": listing.get_url(request=request),
        "text": "Several consultations are open: choose one and comment before it closes."
        if open_now
        else "No consultation is open now. See what is coming and what we heard.",
    }


@hooks.register("hub_page_cache_expiry")
def next_consultation_change(now):
    """Stored pages end when a consultation opens or closes, or its countdown ticks."""
    return ConsultationPage.objects.live().next_change_after(now)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_a_closing_date_on_a_non_working_day(request, page):
    """Tell the editor when a consultation closes on a weekend or bank holiday."""
    if isinstance(page.specific, ConsultationPage):
        warning = closing_date_warning(page.specific.closing_date)
        if warning:
            messages.warning(request, warning)


@hooks.register("hub_email_kinds")
def consultation_emails():
    return notifications.email_kinds()


# A comment posted while the database is down gets its typed answers back, ready to resend.
hooks.register("hub_service_unavailable", comment_not_sent)
