"""Councils' email domains and the officers a manager verified by hand."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import HelpPanel

from hub.domains import address_normalised, domain_normalised, domain_problem


class DomainStatus(models.TextChoices):
    SUGGESTED = "suggested", "Suggested"
    CONFIRMED = "confirmed", "Confirmed"
    # Kept, not deleted, so that loading the register again never suggests it a second time.
    REMOVED = "removed", "Removed"


class DomainSource(models.TextChoices):
    REGISTER = "register", "GOV.UK Local Links Manager"
    MANAGER = "manager", "Added by a manager"
    PREDECESSOR = "predecessor", "Taken over from a predecessor"


class CouncilDomainQuerySet(models.QuerySet):
    """Reads of council domains."""

    def confirmed(self):
        """Domains a manager confirmed: the only ones that verify anyone."""
        return self.filter(status=DomainStatus.CONFIRMED)

    def kept(self):
        """Domains not removed."""
        return self.exclude(status=DomainStatus.REMOVED)


class CouncilDomainForm(WagtailAdminModelForm):
    """Validates a domain and records who confirmed it."""

    def clean_domain(self):
        domain = self.cleaned_data["domain"]
        if problem := domain_problem(domain):
            raise ValidationError(problem)
        return domain_normalised(domain)

    def save(self, commit=True):
        domain = self.instance
        if domain.status != DomainStatus.CONFIRMED:
            domain.confirmed_by = domain.confirmed_at = None
        elif "status" in self.changed_data:
            domain.confirmed_by, domain.confirmed_at = self.for_user, timezone.now()
        if not domain.pk:
            domain.source = DomainSource.MANAGER
        return super().save(commit)


class CouncilDomain(models.Model):
    """A web or email domain of one council; a shared domain has one row per council."""

    council = models.ForeignKey("hub.Council", on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(
        max_length=253,
        help_text="The host of the council's email addresses, e.g. kent.gov.uk. Its subdomains "
        "match too.",
    )
    status = models.CharField(
        max_length=20,
        choices=DomainStatus.choices,
        default=DomainStatus.SUGGESTED,
        help_text="Only confirmed domains verify officers. Remove a domain that is not the "
        "council's.",
    )
    source = models.CharField(
        max_length=20, choices=DomainSource.choices, default=DomainSource.MANAGER, editable=False
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CouncilDomainQuerySet.as_manager()

    base_form_class = CouncilDomainForm
    panels = [
        HelpPanel(
            "Suggested domains come from GOV.UK's Local Links Manager (Crown copyright, Open "
            "Government Licence v3.0): a council's website domain, which is usually, but not "
            "always, where its staff's email comes from. Confirm one only when you know it is."
        ),
        "council",
        "domain",
        "status",
    ]

    class Meta:
        ordering = ["council__name", "domain"]
        constraints = [
            models.UniqueConstraint(fields=["council", "domain"], name="hub_one_council_domain")
        ]

    def __str__(self):
        return f"{self.domain} ({self.council})"


class ManagerVerificationForm(WagtailAdminModelForm):
    """Only for councils without a confirmed domain; records the manager."""

    def clean_email(self):
        email = address_normalised(self.cleaned_data["email"])
        if email is None:
            raise ValidationError("Enter one plain email address, like name@example.org.")
        return email

    def clean(self):
        cleaned = super().clean()
        council = cleaned.get("council")
        if council and council.domains.confirmed().exists():
            self.add_error(
                "council",
                f"{council} has a confirmed domain: its officers verify with an address there.",
            )
        return cleaned

    def save(self, commit=True):
        self.instance.verified_by = self.for_user
        return super().save(commit)


class ManagerVerification(models.Model):
    """One person a manager verified for a council that has no confirmed domain."""

    council = models.ForeignKey(
        "hub.Council", on_delete=models.CASCADE, related_name="manager_verifications"
    )
    email = models.EmailField(
        help_text="The officer's own address. They still prove it with an emailed link."
    )
    reason = models.TextField(help_text="How you know this person speaks for the council.")
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    verified_at = models.DateTimeField(auto_now_add=True)

    base_form_class = ManagerVerificationForm

    class Meta:
        ordering = ["council__name", "email"]
        verbose_name = "officer verified by a manager"
        verbose_name_plural = "officers verified by a manager"
        constraints = [
            models.UniqueConstraint(
                fields=["council", "email"], name="hub_one_manager_verification"
            )
        ]

    def __str__(self):
        return f"{self.email} for {self.council}"
