"""Email alerts: double opt-in, one email per newly opened consultation, a reminder before a close.

Nothing about an address is stored until its owner confirms, except the signed token in the
outbox row that carries the confirmation email (cleared once the email is sent).
"""

import hashlib
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone

from consultations.enums import NotificationKind
from consultations.follow_up.notifications import subscribe_token, subscribe_token_email
from consultations.models import ConsultationPage, Subscription
from hub.models import Email
from hub.outbox import email_queue, emails_enqueue
from hub.ratelimit import rate_limit


REMINDER_BEFORE = timedelta(days=3)


def subscribe_request(email: str) -> None:
    """Send a confirmation link to the address; RateLimited when it asked too often lately."""
    email = email.strip().lower()
    rate_limit(
        f"consultations:subscribe:{hashlib.sha256(email.encode()).hexdigest()}",
        settings.CONSULTATIONS_SUBSCRIBE_PER_HOUR,
        60 * 60,
        name="Alert sign-up limit",
    )
    if Subscription.objects.filter(email__iexact=email).exists():
        # Already confirmed: nothing to send, and nothing that says so to a stranger.
        return
    email_queue(NotificationKind.SUBSCRIPTION_CONFIRM, token=subscribe_token(email))


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
                Email(kind=kind, page=consultation, about=subscription)
                for subscription in Subscription.objects.not_yet_sent(
                    kind, consultation, confirmed_before
                ).only("pk")
            ]
    with transaction.atomic():
        Email.objects.bulk_create(rows, ignore_conflicts=True)
        ids = list(
            Email.objects.pending().filter(subscription__isnull=False).values_list("pk", flat=True)
        )
        emails_enqueue(ids)
    return ids


def token_is_valid(token: str) -> bool:
    """Whether a confirmation link is ours and recent enough."""
    try:
        subscribe_token_email(token, max_age=settings.CONSULTATIONS_SUBSCRIBE_MAX_AGE)
    except signing.BadSignature:
        return False
    return True
