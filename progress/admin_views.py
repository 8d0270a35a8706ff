"""The managers' completion report and reminder emails, in the Wagtail admin."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from progress.models import Cycle
from progress.services import reminders_send
from progress.stats import completion


class CompletionView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Returns started and submitted per cycle, overall, by council type and by region."""

    template_name = "progress/admin/completion.html"
    page_title = "Self-assessment completion"
    header_icon = "tasks"
    permission_required = "progress.view_all_returns"
    raise_exception = True

    def get_context_data(self, **kwargs):
        cycles = [
            {"cycle": cycle, "groups": completion(cycle)} for cycle in Cycle.objects.newest_first()
        ]
        return {**super().get_context_data(**kwargs), "cycles": cycles}

    def post(self, request):
        cycle = get_object_or_404(Cycle, pk=request.POST.get("cycle"))
        sent = reminders_send(cycle, lambda ret: request.build_absolute_uri(ret.get_absolute_url()))
        messages.success(
            request, f"Sent {sent} reminder email{'s' if sent != 1 else ''} for {cycle.year}."
        )
        return HttpResponseRedirect(reverse("progress_completion"))
