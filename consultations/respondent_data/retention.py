"""Retention: respondents' personal fields are anonymised a set time after the outcome."""

import logging
from calendar import monthrange
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from consultations import times
from consultations.models import Comment, ConsultationPage


logger = logging.getLogger(__name__)

ANONYMISE = "consultations.anonymise_responses"


def add_months(instant: datetime, months: int) -> datetime:
    """The same UK wall time `months` later, on the month's last day if the day is missing."""
    local = times.to_london(instant)
    month_index = local.month - 1 + months
    year, month = local.year + month_index // 12, month_index % 12 + 1
    day = min(local.day, monthrange(year, month)[1])
    return local.replace(year=year, month=month, day=day)


def retention_starts(consultation: ConsultationPage) -> datetime:
    """The outcome's publication (start of that UK day), or the close if there is none."""
    if consultation.outcome_published_on:
        return times.london_instant(consultation.outcome_published_on)
    return consultation.closes_at


def anonymise_due(now: datetime | None = None, months: int | None = None) -> dict[int, int]:
    """Anonymise every comment whose retention period has ended; {consultation id: count}.

    Idempotent: comments already anonymised are left alone, so a second run changes nothing.
    """
    now = now or timezone.now()
    months = settings.CONSULTATIONS_RETENTION_MONTHS if months is None else months
    pending = Comment.objects.filter(anonymised_at__isnull=True)
    consultations = ConsultationPage.objects.filter(
        pk__in=pending.values("consultation"), closes_at__lte=now
    ).only("pk", "title", "closes_at", "outcome_published_on")
    done = {}
    for consultation in consultations:
        if add_months(retention_starts(consultation), months) > now:
            continue
        with transaction.atomic():
            count = pending.filter(consultation=consultation).forget_respondents(anonymised_at=now)
            log(
                instance=consultation,
                action=ANONYMISE,
                data={"comments": count, "months": months},
            )
        done[consultation.pk] = count
        logger.info("Anonymised %s comments on consultation %s", count, consultation.pk)
    return done
