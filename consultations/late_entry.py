"""Late-entry links: a manager lets one comment in after the close, for a stated reason."""

import secrets
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from consultations.models import LATE_ENTRY_MAX_HOURS, ConsultationPage, LateEntryLink
from hub.tokens import token_hash


ISSUE_LATE_ENTRY = "consultations.issue_late_entry"


def late_entry_issue(
    consultation: ConsultationPage, *, reason: str, user, hours: int = LATE_ENTRY_MAX_HOURS
) -> tuple[LateEntryLink, str]:
    """A new single-use link; the token is returned once and only its hash is kept."""
    token = secrets.token_urlsafe(24)
    hours = max(1, min(hours, LATE_ENTRY_MAX_HOURS))
    with transaction.atomic():
        link = LateEntryLink.objects.create(
            consultation=consultation,
            token_hash=token_hash(token),
            reason=reason,
            created_by=user,
            expires_at=timezone.now() + timedelta(hours=hours),
        )
        log(
            instance=consultation,
            action=ISSUE_LATE_ENTRY,
            user=user,
            data={"reason": reason, "expires_at": link.expires_at.isoformat(), "link": link.pk},
        )
    return link, token


def late_entry_url(consultation: ConsultationPage, token: str) -> str:
    return consultation.get_full_url() + consultation.reverse_subpage("late_entry", args=[token])


def late_entry_find(consultation: ConsultationPage, token: str) -> LateEntryLink | None:
    return LateEntryLink.objects.filter(
        consultation=consultation, token_hash=token_hash(token)
    ).first()


def late_entry_use(link: LateEntryLink, at: datetime) -> bool:
    """Mark the link used, once, inside the caller's transaction; False if used or expired."""
    return bool(
        LateEntryLink.objects.filter(pk=link.pk, used_at__isnull=True, expires_at__gt=at).update(
            used_at=at
        )
    )
