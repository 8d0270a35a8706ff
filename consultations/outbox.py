"""Sending one outbox row at most once: the rule shared by confirmations and notifications."""

import logging
from collections.abc import Callable

from django.core.mail import EmailMessage
from django.db import models, transaction
from django.utils import timezone

from consultations.enums import EmailStatus


logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8


def outbox_send(
    rows: models.QuerySet,
    pk: int,
    message: Callable[[models.Model], EmailMessage],
    *,
    forget_on_sent: tuple[str, ...] = (),
) -> bool:
    """Send one pending row under a row lock and record the outcome; True when it went.

    A row another process holds is skipped, not waited for: that process is sending it.
    """
    with transaction.atomic():
        # Lock only the outbox row: a joined comment or subscription may be absent.
        row = (
            rows.select_for_update(skip_locked=True, of=("self",))
            .filter(pk=pk, status=EmailStatus.PENDING)
            .first()
        )
        if row is None:
            return False
        row.attempts += 1
        try:
            message(row).send()
        except Exception as error:  # noqa: BLE001 - any failure leaves it for a retry
            row.last_error = type(error).__name__[:200]
            if row.attempts >= MAX_ATTEMPTS:
                row.status = EmailStatus.FAILED
            row.save(update_fields=["attempts", "last_error", "status"])
            logger.warning("%s %s not sent: %s", row._meta.verbose_name, row.pk, row.last_error)
            return False
        row.status = EmailStatus.SENT
        row.sent_at = timezone.now()
        row.last_error = ""
        for name in forget_on_sent:
            setattr(row, name, "")
        row.save(update_fields=["attempts", "last_error", "status", "sent_at", *forget_on_sent])
        return True


def outbox_send_pending(
    rows: models.QuerySet, send: Callable[[int], bool], limit: int
) -> tuple[int, int]:
    """Try each pending row, oldest first; returns (sent, still pending or failed)."""
    ids = list(
        rows.filter(status=EmailStatus.PENDING)
        .order_by("created_at")
        .values_list("pk", flat=True)[:limit]
    )
    sent = sum(send(pk) for pk in ids)
    return sent, len(ids) - sent
