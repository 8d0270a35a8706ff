"""Sending the site's outbox: each row sent at most once, none lost.

An Email row is written in the same transaction as whatever calls for it, then a background
task sends it once that transaction commits. `send_pending_emails` retries whatever is still
pending, so a failed send or a lost task only delays the email.
"""

import logging
from functools import partial

from django_tasks import task

from django.db import models, transaction
from django.utils import timezone

from hub.models import Email, EmailStatus, email_kinds


logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8


def email_queue(kind: str, *, about: models.Model | None = None, page=None, token: str = ""):
    """Write one email to the outbox and send it once the current transaction commits."""
    email = Email.objects.create(kind=kind, about=about, page=page, token=token)
    emails_enqueue([email.pk])
    return email


def emails_enqueue(ids) -> None:
    """Send these outbox rows in the background once the current transaction commits.

    If queueing fails, the rows are still in the outbox for send_pending_emails.
    """
    for pk in ids:
        transaction.on_commit(partial(send_email.enqueue, pk), robust=True)


@task()
def send_email(email_id: int) -> bool:
    """Send one email from the outbox; a row already sent, or being sent, is left alone."""
    return email_send(email_id)


def email_send(email_id: int) -> bool:
    """Send one pending row under a row lock and record the outcome; True when it went.

    A row another process holds is skipped, not waited for: that process is sending it.
    """
    with transaction.atomic():
        email = (
            Email.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, status=EmailStatus.PENDING)
            .first()
        )
        if email is None:
            return False
        email.attempts += 1
        try:
            email_kinds()[email.kind].message(email).send()
        except Exception as error:  # noqa: BLE001 - any failure leaves it for a retry
            email.last_error = type(error).__name__[:200]
            if email.attempts >= MAX_ATTEMPTS:
                email.status = EmailStatus.FAILED
            email.save(update_fields=["attempts", "last_error", "status"])
            logger.warning("Email %s not sent: %s", email.pk, email.last_error)
            return False
        email.status = EmailStatus.SENT
        email.sent_at = timezone.now()
        # Once sent, a token (and the address or link in it) is held only by its owner.
        email.last_error = email.token = ""
        email.save(update_fields=["attempts", "last_error", "status", "sent_at", "token"])
        return True


def emails_send_pending(limit: int = 500) -> tuple[int, int]:
    """Try each pending email, oldest first; returns (sent, still pending or failed)."""
    ids = list(Email.objects.pending().order_by("created_at").values_list("pk", flat=True)[:limit])
    sent = sum(email_send(pk) for pk in ids)
    return sent, len(ids) - sent
