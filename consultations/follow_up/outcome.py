"""After the close: the outcome email to respondents who asked."""

from datetime import datetime

from django.db.models import Exists, OuterRef
from django.dispatch import receiver
from django.utils import timezone

from wagtail.signals import page_published

from consultations.enums import ConsultationState, NotificationKind
from consultations.follow_up.notifications import notifications_enqueue
from consultations.models import Comment, ConsultationPage, Notification


def outcome_notifications_create(page: ConsultationPage) -> list[int]:
    """Queue one outcome email per respondent who asked for it, never a second one.

    Publishing the page again finds the rows already there: the unique constraint on
    (kind, comment) makes a second row impossible even when two publishes race.
    """
    if page.state_at(timezone.now()) != ConsultationState.OUTCOME_PUBLISHED:
        return []
    comments = Comment.objects.awaiting_outcome_email(page).exclude(
        notifications__kind=NotificationKind.OUTCOME
    )
    Notification.objects.bulk_create(
        [
            Notification(kind=NotificationKind.OUTCOME, consultation=page, comment=comment)
            for comment in comments.only("pk")
        ],
        ignore_conflicts=True,
    )
    ids = list(
        Notification.objects.pending()
        .filter(kind=NotificationKind.OUTCOME, consultation=page)
        .values_list("pk", flat=True)
    )
    notifications_enqueue(ids)
    return ids


def outcome_notifications_due(now: datetime) -> list[int]:
    """Outcome emails for consultations whose outcome, written before the close, is now shown.

    Publishing queues them only once the outcome shows; one published earlier shows from the
    close by the clock alone, so the periodic alerts job queues them then.
    """
    not_yet_told = Comment.objects.awaiting_outcome_email(OuterRef("pk")).exclude(
        notifications__kind=NotificationKind.OUTCOME
    )
    pages = ConsultationPage.objects.live().outcome_published_at(now).filter(Exists(not_yet_told))
    return [pk for page in pages for pk in outcome_notifications_create(page)]


@receiver(page_published)
def consultation_published(sender, instance, **kwargs):
    """Publishing a consultation with its outcome tells the respondents who asked."""
    if isinstance(instance, ConsultationPage):
        outcome_notifications_create(instance)
