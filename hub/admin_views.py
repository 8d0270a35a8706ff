"""Hub managers' admin views over council domains beyond the snippet listing; menu items."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.views.generic import FormView

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from hub.models import Council
from hub.verification import domains_take_over


class PermissionMenuItem(MenuItem):
    """Shown only to staff with the permission its page requires."""

    def __init__(self, label, url, permission, **kwargs):
        super().__init__(label, url, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class TakeOverForm(forms.Form):
    council = forms.ModelChoiceField(
        queryset=Council.objects.current().filter(replaced__isnull=False).distinct(),
        label="Successor council",
        help_text="Confirms, for this council, every domain its predecessors have not had removed.",
        error_messages={"required": "Choose the council taking over its predecessors' domains."},
    )


class TakeOverView(PermissionRequiredMixin, WagtailAdminTemplateMixin, FormView):
    """A successor council takes over the domains of the councils it replaced."""

    template_name = "hub/admin/take_over.html"
    form_class = TakeOverForm
    page_title = "Take over predecessors' domains"
    header_icon = "home"
    permission_required = "hub.change_councildomain"
    raise_exception = True

    def form_valid(self, form):
        council = form.cleaned_data["council"]
        taken = domains_take_over(council, self.request.user)
        if taken:
            names = ", ".join(domain.domain for domain in taken)
            messages.success(self.request, f"{council} now has these confirmed domains: {names}.")
        else:
            messages.info(self.request, f"{council} had no predecessor domains left to take over.")
        return HttpResponseRedirect(reverse("wagtailsnippets_hub_councildomain:list"))
