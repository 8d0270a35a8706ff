"""Follow-up: subscriptions to email alerts, and the outbox of emails after a comment."""

from datetime import datetime

from django.db import models
from django.db.models import Exists, OuterRef

from consultations.enums import EmailStatus, NotificationKind

from .comments import Comment
from .pages import ConsultationPage


class SubscriptionQuerySet(models.QuerySet):
    """Reads over confirmed subscriptions."""

    def confirmed_before(self, instant: datetime):
        """Subscribers who had confirmed by that instant."""
        return self.filter(confirmed_at__lte=instant)

    def not_yet_sent(self, kind: str, consultation, confirmed_before: datetime | None = None):
        """Subscribers with no email of this kind about the consultation yet."""
        subscribers = self if confirmed_before is None else self.confirmed_before(confirmed_before)
        sent = Notification.objects.filter(
            subscription=OuterRef("pk"), kind=kind, consultation=consultation
        )
        return subscribers.exclude(Exists(sent))


class Subscription(models.Model):
    """A confirmed address that hears about new consultations and closing dates."""

    email = models.EmailField(max_length=254, unique=True)
    # The unsubscribe link carries this, never the address.
    key = models.UUIDField(unique=True, editable=False)
    confirmed_at = models.DateTimeField()

    objects = SubscriptionQuerySet.as_manager()

    def __str__(self):
        return f"Subscription {self.pk}"


class NotificationQuerySet(models.QuerySet):
    """Reads over the outbox of emails to respondents and subscribers."""

    def pending(self):
        return self.filter(status=EmailStatus.PENDING)


class Notification(models.Model):
    """One email in the outbox, at most one per recipient, consultation and kind.

    The recipient is worked out when it is sent (from its comment, subscription or signed
    token), so erasing a comment or a subscription leaves no address behind here.
    """

    kind = models.CharField(max_length=30, choices=NotificationKind.choices)
    consultation = models.ForeignKey(
        ConsultationPage, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    subscription = models.ForeignKey(
        Subscription,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    # A subscription confirmation goes to an address held nowhere else: its signed token.
    token = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=EmailStatus.choices, default=EmailStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "comment"],
                condition=models.Q(comment__isnull=False),
                name="notification_once_per_comment",
            ),
            models.UniqueConstraint(
                fields=["kind", "subscription", "consultation"],
                condition=models.Q(subscription__isnull=False),
                name="notification_once_per_subscriber",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()})"
