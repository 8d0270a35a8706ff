"""Staff tools beside the comment listing: late-entry links and a respondent's data by email."""

import json

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path

from wagtail.admin import messages
from wagtail.admin.auth import permission_required

from consultations.forms import LateEntryForm, RespondentForm
from consultations.late_entry import late_entry_issue, late_entry_url
from consultations.models import ConsultationPage
from consultations.respondent_data.erasure import (
    EXPORT_RESPONDENT,
    FIND_RESPONDENT,
    respondent_audit,
    respondent_erase,
    respondent_export,
    respondent_find,
)
from hub.exports import attachment


LATE_ENTRY_PERMISSION = "consultations.add_lateentrylink"
RESPONDENT_PERMISSION = "consultations.erase_respondent_data"


@permission_required(LATE_ENTRY_PERMISSION)
def late_entry_view(request, page_id):
    """Issue a single-use link; the link is shown once, here."""
    consultation = get_object_or_404(ConsultationPage, pk=page_id)
    form = LateEntryForm(request.POST or None)
    link = None
    if request.method == "POST" and form.is_valid():
        issued, token = late_entry_issue(consultation, user=request.user, **form.cleaned_data)
        link = {"url": late_entry_url(consultation, token), "expires_at": issued.expires_at}
    return TemplateResponse(
        request,
        "consultations/admin/late_entry.html",
        {
            "page_title": "Issue a late-entry link",
            "page_subtitle": consultation.title,
            "header_icon": "time",
            "consultation": consultation,
            "form": form,
            "link": link,
        },
    )


@permission_required(RESPONDENT_PERMISSION)
def respondent_data_view(request):
    """Find everything held for an address; export it as JSON; erase it after a confirmation."""
    form = RespondentForm(request.POST or request.GET or None)
    found = None
    if form.is_valid():
        email = form.cleaned_data["email"]
        if request.method == "POST":
            counts = respondent_erase(email, request.user)
            messages.success(
                request,
                f"Erased: {counts['comments']} comments anonymised, {counts['subscriptions']} "
                f"subscriptions and {counts['emails']} unsent emails deleted.",
            )
            return redirect("consultations_respondent_data")
        found = respondent_find(email)
        if request.GET.get("export") == "json":
            respondent_audit(EXPORT_RESPONDENT, request.user, found)
            return attachment(
                json.dumps({"email": email, **respondent_export(found)}, indent=2, default=str),
                "respondent-data.json",
                "application/json",
            )
        respondent_audit(FIND_RESPONDENT, request.user, found)
    return TemplateResponse(
        request,
        "consultations/admin/respondent_data.html",
        {"page_title": "Respondent data", "header_icon": "user", "form": form, "found": found},
    )


# Wagtail's admin serves every address it registers never cached, these too.
urlpatterns = [
    path(
        "consultations/<int:page_id>/late-entry/", late_entry_view, name="consultations_late_entry"
    ),
    path(
        "consultations/respondent-data/", respondent_data_view, name="consultations_respondent_data"
    ),
]
