"""Wagtail's audit log for responses: who viewed or exported which consultation's comments, when."""

from collections import Counter

from wagtail.log_actions import log

from consultations.models import ConsultationPage


VIEW_RESPONSES = "consultations.view_responses"
EXPORT_RESPONSES = "consultations.export_responses"

ACTIONS = {
    VIEW_RESPONSES: ("View responses", "Viewed responses"),
    EXPORT_RESPONSES: ("Export responses", "Exported responses"),
    "consultations.extend_closing": ("Extend closing date", "Extended the closing date"),
    "consultations.issue_late_entry": ("Issue late-entry link", "Issued a late-entry link"),
    "consultations.withdraw_comment": ("Withdraw comment", "A respondent withdrew a comment"),
    "consultations.anonymise_responses": (
        "Anonymise responses",
        "Anonymised respondents' details after the retention period",
    ),
    "consultations.find_respondent": ("Find respondent data", "Looked up a respondent's data"),
    "consultations.export_respondent": (
        "Export respondent data",
        "Exported a respondent's data",
    ),
    "consultations.erase_respondent": ("Erase respondent data", "Erased a respondent's data"),
}


def responses_log(action: str, user, consultation_ids, **data) -> int:
    """One entry per consultation whose comments were used, with how many; returns how many."""
    counts = Counter(consultation_ids)
    for consultation in ConsultationPage.objects.filter(pk__in=counts).only("pk", "title"):
        log(
            instance=consultation,
            action=action,
            user=user,
            data={**data, "comments": counts[consultation.pk]},
        )
    return len(counts)


class ResponsesAuditMixin:
    """For the comment listing: log each page shown and each export."""

    def render_to_response(self, context, **response_kwargs):
        items = context["object_list"]
        if self.is_export:
            fmt = self.request.GET.get("export")
            responses_log(
                EXPORT_RESPONSES,
                self.request.user,
                items.values_list("consultation_id", flat=True),
                format=fmt,
            )
        else:
            responses_log(VIEW_RESPONSES, self.request.user, [c.consultation_id for c in items])
        return super().render_to_response(context, **response_kwargs)


class ResponseAuditMixin:
    """For one comment's inspect and edit pages: log each time it is shown."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        responses_log(
            VIEW_RESPONSES,
            request.user,
            [self.object.consultation_id],
            reference=self.object.reference,
        )
        return response
