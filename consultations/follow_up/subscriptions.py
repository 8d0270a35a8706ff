"""Email alerts: double opt-in, one email per newly opened consultation, a reminder before a close.

Nothing about an address is stored until its owner confirms, except the signed token in the
outbox row that carries the confirmation email (cleared once the email is sent).
"""

import hashlib
import logging
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from consultations.enums import NotificationKind
from consultations.follow_up.notifications import (
    notifications_enqueue,
    subscribe_token,
    subscribe_token_email,
)
from consultations.models import ConsultationPage, Notification, Subscription


logger = logging.getLogger(__name__)

REMINDER_BEFORE = timedelta(days=3)


def subscribe_request(email: str) -> bool:
    """Send a confirmation link to the address; False when it asked too often recently."""
    email = email.strip().lower()
    digest = hashlib.sha256(email.encode()).hexdigest()
    key = f"consultations:subscribe:{digest}"
    cache.add(key, 0, timeout=60 * 60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=60 * 60)
        count = 1
    if count is None:
        # The cache is down (it answers None): send rather than refuse, as the comment limit does.
        logger.warning("Alert sign-up limit not applied: the cache is unavailable")
    elif count > settings.CONSULTATIONS_SUBSCRIBE_PER_HOUR:
        return False
    if Subscription.objects.filter(email__iexact=email).exists():
        # Already confirmed: nothing to send, and nothing that says so to a stranger.
        return True
    with transaction.atomic():
        row = Notification.objects.create(
            kind=NotificationKind.SUBSCRIPTION_CONFIRM, token=subscribe_token(email)
        )
        notifications_enqueue([row.pk])
    return True


def subscribe_confirm(token: str) -> Subscription:
    """Store the subscription once its owner follows the link; raises signing.BadSignature."""
    email = subscribe_token_email(token, max_age=settings.CONSULTATIONS_SUBSCRIBE_MAX_AGE)
    subscription, _ = Subscription.objects.get_or_create(
        email=email, defaults={"key": uuid.uuid4(), "confirmed_at": timezone.now()}
    )
    return subscription


def unsubscribe(key: uuid.UUID) -> bool:
    """Forget the subscription and its sent-email records; False when there was none."""
    deleted, _ = Subscription.objects.filter(key=key).delete()
    return bool(deleted)


def alerts_create(now: datetime) -> list[int]:
    """Queue the emails due at that instant, once per subscriber, consultation and kind.

    New-consultation emails go to subscribers who confirmed before the consultation opened;
    reminders go out once fewer than three days are left. Rows that exist already (an earlier
    run, or the same consultation edited since) are left alone, so nothing is sent twice.
    """
    consultations = ConsultationPage.objects.live().public().open_at(now)
    rows = []
    for consultation in consultations.only("pk", "opens_at", "closes_at"):
        due = [(NotificationKind.CONSULTATION_OPENED, consultation.opens_at)]
        if consultation.closes_at - now <= REMINDER_BEFORE:
            due.append((NotificationKind.CLOSING_REMINDER, None))
        for kind, confirmed_before in due:
            rows += [
                Notification(kind=kind, consultation=consultation, subscription=subscription)
                for subscription in Subscription.objects.not_yet_sent(
                    kind, consultation, confirmed_before
                ).only("pk")
            ]
    with transaction.atomic():
        Notification.objects.bulk_create(rows, ignore_conflicts=True)
        ids = list(
            Notification.objects.pending()
            .filter(subscription__isnull=False)
            .values_list("pk", flat=True)
        )
        notifications_enqueue(ids)
    return ids


def token_is_valid(token: str) -> bool:
    """Whether a confirmation link is ours and recent enough."""
    try:
        subscribe_token_email(token, max_age=settings.CONSULTATIONS_SUBSCRIBE_MAX_AGE)
    except signing.BadSignature:
        return False
    return True
