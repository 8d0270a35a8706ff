"""Everything held for one email address: find it, export it, erase it (staff only)."""

from django.core import signing
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from consultations.enums import NotificationKind
from consultations.follow_up.notifications import subscribe_token_email
from consultations.models import (
    Comment,
    CommentEmail,
    ConsultationPage,
    Notification,
    Subscription,
)


EXPORT_RESPONDENT = "consultations.export_respondent"
ERASE_RESPONDENT = "consultations.erase_respondent"
FIND_RESPONDENT = "consultations.find_respondent"


def pending_confirmations(email: str) -> list[Notification]:
    """Unsent subscription confirmations whose signed token carries this address."""
    found = []
    for row in Notification.objects.filter(kind=NotificationKind.SUBSCRIPTION_CONFIRM).exclude(
        token=""
    ):
        try:
            if subscribe_token_email(row.token).lower() == email.lower():
                found.append(row)
        except signing.BadSignature:
            continue
    return found


def respondent_find(email: str) -> dict:
    """Comments, emails sent or waiting, and subscriptions for the address, in any case."""
    comments = Comment.objects.for_email(email).select_related(
        "consultation", "council", "late_entry__created_by"
    )
    subscriptions = Subscription.objects.filter(email__iexact=email)
    notifications = Notification.objects.filter(comment__in=comments) | Notification.objects.filter(
        subscription__in=subscriptions
    )
    receipts = CommentEmail.objects.filter(comment__in=comments).select_related("comment")
    return {
        "receipts": list(receipts),
        "comments": list(comments.order_by("received_at")),
        "subscriptions": list(subscriptions),
        "notifications": list(notifications.order_by("created_at")),
        "confirmations": pending_confirmations(email),
    }


def respondent_export(found: dict) -> dict:
    """Every stored field of what was found, as JSON-ready data."""

    def value(v):
        return v.isoformat() if hasattr(v, "isoformat") else v

    fields = [field.attname for field in Comment._meta.concrete_fields]
    return {
        "comments": [
            {
                **{field: value(getattr(c, field)) for field in fields},
                "consultation": c.consultation.title,
                "organisation": c.organisation,
                "gss_code": c.gss_code,
                "late": c.late,
            }
            for c in found["comments"]
        ],
        "subscriptions": [
            {"email": s.email, "confirmed_at": value(s.confirmed_at)}
            for s in found["subscriptions"]
        ],
        "emails": [
            {
                "kind": "Confirmation of a comment",
                "reference": r.comment.reference,
                "status": r.get_status_display(),
                "created_at": value(r.created_at),
                "sent_at": value(r.sent_at),
            }
            for r in found["receipts"]
        ]
        + [
            {
                "kind": n.get_kind_display(),
                "status": n.get_status_display(),
                "created_at": value(n.created_at),
                "sent_at": value(n.sent_at),
            }
            for n in found["notifications"] + found["confirmations"]
        ],
    }


def respondent_audit(action: str, user, found: dict) -> None:
    """Log who looked, exported or erased, against each consultation involved; never the address."""
    counts = {}
    for comment in found["comments"]:
        counts[comment.consultation_id] = counts.get(comment.consultation_id, 0) + 1
    for consultation in ConsultationPage.objects.filter(pk__in=counts):
        log(
            instance=consultation,
            action=action,
            user=user,
            data={"comments": counts[consultation.pk]},
        )
    if not counts:
        # Nothing tied to a consultation: the entry goes against the member of staff.
        log(
            instance=user,
            action=action,
            user=user,
            data={"subscriptions": len(found["subscriptions"])},
        )


def respondent_erase(email: str, user) -> dict:
    """Anonymise the address's comments and delete its subscriptions and pending emails."""
    with transaction.atomic():
        found = respondent_find(email)
        comment_ids = [c.pk for c in found["comments"]]
        Comment.objects.filter(pk__in=comment_ids).forget_respondents(anonymised_at=timezone.now())
        Notification.objects.filter(pk__in=[n.pk for n in found["confirmations"]]).delete()
        Notification.objects.filter(comment__in=comment_ids, status="pending").delete()
        Subscription.objects.filter(pk__in=[s.pk for s in found["subscriptions"]]).delete()
        respondent_audit(ERASE_RESPONDENT, user, found)
    return {
        "comments": len(comment_ids),
        "subscriptions": len(found["subscriptions"]),
        "emails": len(found["confirmations"]),
    }
