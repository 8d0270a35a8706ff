"""Comments people send, and managers' late-entry links."""

from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import GreaterThanOrEqual, LessThanOrEqual

from consultations import times
from consultations.enums import CommentStatus, ResponseType
from hub.models import Email

from .pages import ConsultationPage


COMMENT_MAX_LENGTH = 10_000


class CommentQuerySet(models.QuerySet):
    """Reads over comments."""

    def with_key(self, consultation, key):
        """The comment stored for this form submission, if any."""
        return self.filter(consultation=consultation, idempotency_key=key)

    def exportable(self):
        """Everything but withdrawn comments, which leave the exports."""
        return self.exclude(status=CommentStatus.WITHDRAWN)

    def published_on(self, consultation):
        """Comments on the consultation that a manager approved for publication."""
        return self.filter(consultation=consultation, status=CommentStatus.PUBLISHED)

    def verified(self):
        """Comments proven, by an emailed link to the council's domain, to come from the council."""
        return self.filter(organisation_verified=True)

    def not_verified(self):
        """Comments whose organisation nobody has proven."""
        return self.filter(organisation_verified=False)

    def for_email(self, email: str):
        """Every comment sent from this address, whatever its case."""
        return self.filter(email__iexact=email)

    def forget_respondents(self, **changes) -> int:
        """Clear who sent these comments and what they agreed to, keeping text and reference."""
        return self.update(
            name="",
            email="",
            role="",
            organisation_other="",
            council=None,
            organisation_verified=False,
            verified_email="",
            consent_publish_name=False,
            consent_publish_organisation=False,
            notify_outcome=False,
            **changes,
        )

    def awaiting_outcome_email(self, consultation):
        """Respondents who asked to hear about the outcome and can still be reached."""
        return (
            self.filter(consultation=consultation, notify_outcome=True, anonymised_at__isnull=True)
            .exclude(email="")
            .exclude(status__in=[CommentStatus.QUARANTINED, CommentStatus.WITHDRAWN])
        )


class Comment(models.Model):
    """One response to a consultation, on the whole draft or on one numbered section."""

    consultation = models.ForeignKey(
        ConsultationPage, on_delete=models.PROTECT, related_name="comments"
    )
    section_id = models.CharField(
        max_length=64, blank=True, help_text="Stable id of the section; empty for the whole draft."
    )
    section_number = models.PositiveSmallIntegerField(null=True, blank=True)
    section_heading = models.CharField(
        max_length=255, blank=True, help_text="The section heading when the comment was made."
    )
    page_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The live revision of the draft the comment was made on.",
    )
    name = models.CharField(max_length=200)
    email = models.EmailField(max_length=254)
    council = models.ForeignKey(
        "hub.Council", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation_other = models.CharField("other organisation", max_length=200, blank=True)
    role = models.CharField(max_length=200)
    response_type = models.CharField(max_length=20, choices=ResponseType.choices)
    consent_publish_name = models.BooleanField("may publish name", default=False)
    consent_publish_organisation = models.BooleanField("may publish organisation", default=False)
    text = models.TextField("comment")
    reference = models.CharField(max_length=20, unique=True, editable=False)
    received_at = models.DateTimeField(editable=False)
    status = models.CharField(
        max_length=20, choices=CommentStatus.choices, default=CommentStatus.RECEIVED
    )
    quarantine_reason = models.CharField(max_length=100, blank=True, editable=False)
    idempotency_key = models.UUIDField(editable=False)
    notify_outcome = models.BooleanField("email me the outcome", default=False)
    late_entry = models.OneToOneField(
        "consultations.LateEntryLink",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="comment",
        editable=False,
    )
    # Set when the respondent opened the link emailed to an address at a confirmed domain of the
    # council they answered for (consultations.verification); cleared when those details change.
    organisation_verified = models.BooleanField(
        "organisation verified",
        default=False,
        editable=False,
        help_text="An official response for a council, proven by a link emailed to an address at "
        "one of the council's confirmed domains.",
    )
    verified_at = models.DateTimeField(null=True, blank=True, editable=False)
    verified_email = models.EmailField(max_length=254, blank=True, editable=False)
    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)
    is_illustrative = models.BooleanField(
        default=False, editable=False, help_text="Invented for the demo: never a real response."
    )
    # Its confirmation and outcome emails in the site's outbox.
    emails = GenericRelation(Email, related_query_name="comment")

    objects = CommentQuerySet.as_manager()

    # Comments point at pages, never the other way; indexing them would only slow each POST.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "idempotency_key"], name="comment_unique_submission"
            ),
            models.CheckConstraint(
                condition=models.Q(GreaterThanOrEqual(Length("text"), 1))
                & models.Q(LessThanOrEqual(Length("text"), COMMENT_MAX_LENGTH)),
                name="comment_text_length",
            ),
        ]
        permissions = [
            ("erase_respondent_data", "Can find, export and erase everything held for an email"),
        ]

    def __str__(self):
        return self.reference

    @property
    def organisation(self) -> str:
        """The council's name, or the organisation typed in."""
        return self.council.name if self.council_id else self.organisation_other

    @property
    def verification(self) -> str:
        """What the comment says of its organisation: verified, or not."""
        if self.organisation_verified and self.council_id:
            return f"Verified response from {self.council.name}"
        return "Organisation not verified" if self.organisation else ""

    @property
    def gss_code(self) -> str:
        """The council's GSS code, for exports."""
        return self.council.gss_code if self.council_id else ""

    @property
    def about(self) -> str:
        """What the comment is on: "3. Market engagement" or "The whole draft"."""
        if not self.section_id:
            return "The whole draft"
        return f"{self.section_number}. {self.section_heading}"

    @property
    def received_at_uk(self) -> str:
        """Received time in UK time, ISO 8601 with offset, for exports."""
        return times.to_london(self.received_at).isoformat(timespec="seconds")

    @property
    def late(self) -> str:
        """Who accepted the comment after the close, and why; empty when on time."""
        if not self.late_entry_id:
            return ""
        link = self.late_entry
        user = link.created_by
        by = (user.get_full_name() or user.get_username()) if user else "a manager"
        return f"Late (accepted by {by}: {link.reason})"


# The longest a late-entry link may work for.
LATE_ENTRY_MAX_HOURS = 72


class LateEntryLink(models.Model):
    """A manager's single-use link that lets one comment in after the close."""

    consultation = models.ForeignKey(
        ConsultationPage, on_delete=models.CASCADE, related_name="late_entry_links"
    )
    # Only a hash is kept: the link itself is shown once, to the manager who issued it.
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    reason = models.TextField(help_text="Why a comment is accepted after the close.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Late entry to {self.consultation.title}"

    def usable_at(self, now: datetime) -> bool:
        """Not used and not expired at that instant."""
        return self.used_at is None and now < self.expires_at
