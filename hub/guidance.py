"""Writes and reads for guidance pages: change notes on publish, review dates and reminders."""

import datetime

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils import timezone

from wagtail.models import Page

from hub.models import ChangeNote, Guidance, ReviewReminder
from hub.outbox import email_queue


def change_note_record(sender, instance, revision=None, **kwargs) -> ChangeNote | None:
    """On page_published: store the page's public change note, unless it was a minor change.

    Publishing the same revision again, or a later one still carrying the last note, adds none.
    """
    if not isinstance(instance, Guidance) or instance.minor_change:
        return None
    note = instance.change_note.strip()
    if not note:
        return None
    if revision is not None and ChangeNote.objects.filter(revision=revision).exists():
        return None
    latest = ChangeNote.objects.for_page(instance).first()
    if latest is not None and latest.note == note:
        return None
    published_at = getattr(revision, "approved_go_live_at", None) or instance.last_published_at
    return ChangeNote.objects.create(
        page=instance, revision=revision, note=note, published_at=published_at or timezone.now()
    )


def guidance_models() -> list:
    """Every page type that has an owner and a review date."""
    return [m for m in apps.get_models() if issubclass(m, Page) and issubclass(m, Guidance)]


def guidance_pages():
    """Every guidance page, of whatever type, with its review date and owning team's id."""

    def each_type(field: str):
        return Coalesce(
            *[
                Subquery(model.objects.filter(pk=OuterRef("pk")).values(field)[:1])
                for model in guidance_models()
            ]
        )

    types = ContentType.objects.get_for_models(*guidance_models()).values()
    pages = Page.objects.filter(content_type__in=list(types))
    return pages.annotate(review_by=each_type("review_date"), team_id=each_type("owning_team"))


def pages_past_review(today: datetime.date | None = None):
    """Guidance pages whose review date has passed, the longest overdue first."""
    today = today or timezone.localdate()
    return guidance_pages().filter(review_by__lt=today).order_by("review_by", "title")


REVIEW_REMINDER = "review_reminder"


def review_reminders_queue(today: datetime.date | None = None) -> list[int]:
    """An outbox email for each live page past review whose team has not been told of that date.

    One reminder per page and review date (a unique constraint), so running daily reminds once;
    the outbox sends it once the transaction commits, and send_pending_emails retries it.
    """
    queued = []
    for page in pages_past_review(today).live().filter(team_id__isnull=False):
        with transaction.atomic():
            reminder, made = ReviewReminder.objects.get_or_create(
                page_id=page.pk, review_date=page.review_by, defaults={"team_id": page.team_id}
            )
            if made:
                queued.append(email_queue(REVIEW_REMINDER, about=reminder, page=page).pk)
    return queued


def reminder_message(email) -> EmailMessage:
    """The email for one reminder, to the owning team's address as it is now."""
    reminder = email.about
    page = reminder.page.specific
    context = {"page": page, "team": reminder.team, "review_date": reminder.review_date}
    return EmailMessage(
        subject=f"Review due: {page.title}",
        body=render_to_string("hub/email/review_reminder.txt", context),
        to=[reminder.team.email],
    )
