"""The analysis workspace in the admin: its addresses, menu item, page button and log actions."""

from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from consultations.analysis import urls, views
from consultations.analysis.services import ACTIONS
from consultations.models import ConsultationPage


class AnalysisMenuItem(MenuItem):
    """Shown only to people who may analyse responses."""

    def is_shown(self, request):
        return views.can_analyse(request.user)


@hooks.register("register_admin_urls")
def analysis_urls():
    return urls.urlpatterns


@hooks.register("register_admin_menu_item")
def analysis_menu_item():
    return AnalysisMenuItem(
        "Analyse responses", reverse("consultations_analysis"), icon_name="tag", order=255
    )


@hooks.register("register_page_header_buttons")
def analyse_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, ConsultationPage) and views.can_analyse(user):
        yield Button(
            "Analyse responses",
            reverse("consultations_analysis_overview", args=[page.pk]),
            icon_name="tag",
            priority=85,
        )


@hooks.register("register_log_actions")
def analysis_log_actions(actions):
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)
