"""The outbox for emails to respondents and subscribers: each sent at most once, none lost.

A Notification row is written in the same transaction as whatever calls for it, then a
background task sends it once that transaction commits. `send_consultation_alerts` retries
whatever is still pending, so a failed send or a lost task only delays the email.
"""

import logging
from functools import partial

from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from wagtail.models import Site

from consultations.enums import NotificationKind
from consultations.models import Notification
from consultations.outbox import outbox_send, outbox_send_pending
from consultations.tasks import send_notification
from hub.models import flag_text


logger = logging.getLogger(__name__)

SUBSCRIBE_SALT = "consultations.subscribe"


def site_url(path: str) -> str:
    """An absolute address on the default site, for links in emails."""
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site else ""
    return f"{root}{path}"


def subscribe_token(email: str) -> str:
    """A signed, timestamped token carrying the address that asked to subscribe."""
    return signing.dumps({"email": email}, salt=SUBSCRIBE_SALT)


def subscribe_token_email(token: str, max_age: float | None = None) -> str:
    """The address in a subscription token; raises signing.BadSignature when not ours or old."""
    return signing.loads(token, salt=SUBSCRIBE_SALT, max_age=max_age)["email"]


def unsubscribe_url(subscription) -> str:
    return site_url(reverse("consultations:unsubscribe", args=[subscription.key]))


def message_for(notification: Notification) -> EmailMessage:
    """The email for one outbox row, addressed from its comment, subscription or token."""
    kind = notification.kind
    consultation = notification.consultation
    context = {"consultation": consultation, "notification": notification}
    headers = {}
    if consultation is not None:
        context["url"] = consultation.get_full_url()
    if kind == NotificationKind.OUTCOME:
        to = notification.comment.email
        context["comment"] = notification.comment
        subject = f"Outcome published: {flag_text(consultation)}{consultation.title}"
    elif kind == NotificationKind.SUBSCRIPTION_CONFIRM:
        to = subscribe_token_email(notification.token)
        context["confirm_url"] = site_url(
            reverse("consultations:subscribe_confirm", args=[notification.token])
        )
        subject = "Confirm that you want emails about consultations"
    else:
        to = notification.subscription.email
        unsubscribe = unsubscribe_url(notification.subscription)
        context["unsubscribe_url"] = unsubscribe
        # RFC 8058 one-click unsubscribe: mail programs POST to the link.
        headers = {
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
        if kind == NotificationKind.CONSULTATION_OPENED:
            subject = f"New consultation: {flag_text(consultation)}{consultation.title}"
        else:
            subject = f"Closing soon: {flag_text(consultation)}{consultation.title}"
    return EmailMessage(
        subject=subject,
        body=render_to_string(f"consultations/email/{kind}.txt", context),
        to=[to],
        headers=headers,
    )


def notification_send(notification_id: int) -> bool:
    """Send one pending email, recording the outcome under a row lock; True when it went."""
    # Once sent, a confirmation's token (and the address in it) is held only by its owner.
    return outbox_send(
        Notification.objects.select_related("consultation", "comment", "subscription"),
        notification_id,
        message_for,
        forget_on_sent=("token",),
    )


def notifications_enqueue(ids) -> None:
    """Send these outbox rows in the background once the current transaction commits."""
    for pk in ids:
        transaction.on_commit(partial(send_notification.enqueue, pk), robust=True)


def notifications_send_pending(limit: int = 500) -> tuple[int, int]:
    """Retry pending emails; returns (sent, still pending or failed)."""
    return outbox_send_pending(Notification.objects.all(), notification_send, limit)
