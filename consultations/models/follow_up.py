"""Follow-up: subscriptions to email alerts about consultations."""

from datetime import datetime

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Exists, OuterRef

from hub.models import Email


class SubscriptionQuerySet(models.QuerySet):
    """Reads over confirmed subscriptions."""

    def not_yet_sent(self, kind: str, consultation, confirmed_before: datetime | None = None):
        """Subscribers (confirmed by that instant, if given) with no such email about it yet."""
        subscribers = (
            self if confirmed_before is None else self.filter(confirmed_at__lte=confirmed_before)
        )
        sent = Email.objects.filter(subscription=OuterRef("pk"), kind=kind, page=consultation)
        return subscribers.exclude(Exists(sent))


class Subscription(models.Model):
    """A confirmed address that hears about new consultations and closing dates."""

    email = models.EmailField(max_length=254, unique=True)
    # The unsubscribe link carries this, never the address.
    key = models.UUIDField(unique=True, editable=False)
    confirmed_at = models.DateTimeField()
    # Unsubscribing deletes the records of what was sent.
    emails = GenericRelation(Email, related_query_name="subscription")

    objects = SubscriptionQuerySet.as_manager()

    def __str__(self):
        return f"Subscription {self.pk}"
