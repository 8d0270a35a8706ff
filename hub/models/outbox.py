"""The site's outbox: every email is a row first, so a failed or lost send only delays it."""

from collections.abc import Callable
from typing import NamedTuple

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import models
from django.utils import timezone

from wagtail import hooks


class EmailStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Gave up after repeated failures"


class EmailKind(NamedTuple):
    """What a kind of email is called, and how its message is written from its outbox row."""

    label: str
    message: Callable[["Email"], EmailMessage]


def email_kinds() -> dict[str, EmailKind]:
    """Every kind of email the apps send, from their "hub_email_kinds" hooks."""
    return {
        kind: EmailKind(*v) for fn in hooks.get_hooks("hub_email_kinds") for kind, v in fn().items()
    }


class EmailQuerySet(models.QuerySet):
    """Reads over the outbox."""

    def pending(self):
        return self.filter(status=EmailStatus.PENDING)


class Email(models.Model):
    """One email, at most one of a kind about the same thing and page.

    The recipient is worked out when it is sent, from what the email is about (a comment, a
    subscription, a sign-in link) or its token, so erasing that leaves no address behind here.
    """

    # Each kind, with its label and message, comes from a "hub_email_kinds" hook.
    kind = models.CharField(max_length=30)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    about = GenericForeignKey()
    # Carried only until sent (a signed confirmation token, a sign-in link), then forgotten.
    token = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=EmailStatus.choices, default=EmailStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = EmailQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "content_type", "object_id", "page"],
                condition=models.Q(object_id__isnull=False, page__isnull=False),
                name="email_once_per_kind_and_page",
            ),
        ]

    def __str__(self):
        return f"{self.kind_label} ({self.get_status_display()})"

    @property
    def kind_label(self) -> str:
        kind = email_kinds().get(self.kind)
        return kind.label if kind else self.kind
