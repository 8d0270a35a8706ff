"""Everything held for one email address: find it, export it, erase it (staff only)."""

from django.core import signing
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from consultations.enums import NotificationKind
from consultations.follow_up.notifications import subscribe_token_email
from consultations.models import Comment, Subscription
from consultations.respondent_data.audit import responses_log
from hub.models import Email, EmailStatus


EXPORT_RESPONDENT = "consultations.export_respondent"
ERASE_RESPONDENT = "consultations.erase_respondent"
FIND_RESPONDENT = "consultations.find_respondent"


def pending_confirmations(email: str) -> list[Email]:
    """Unsent subscription confirmations whose signed token carries this address."""
    found = []
    for row in Email.objects.filter(kind=NotificationKind.SUBSCRIPTION_CONFIRM).exclude(token=""):
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
    emails = Email.objects.filter(comment__in=comments) | Email.objects.filter(
        subscription__in=subscriptions
    )
    return {
        "comments": list(comments.order_by("received_at")),
        "subscriptions": list(subscriptions),
        "emails": list(emails.prefetch_related("about").order_by("created_at"))
        + pending_confirmations(email),
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
                "kind": e.kind_label,
                **({"reference": e.about.reference} if isinstance(e.about, Comment) else {}),
                "status": e.get_status_display(),
                "created_at": value(e.created_at),
                "sent_at": value(e.sent_at),
            }
            for e in found["emails"]
        ],
    }


def respondent_audit(action: str, user, found: dict) -> None:
    """Log who looked, exported or erased, against each consultation involved; never the address."""
    if not responses_log(action, user, [c.consultation_id for c in found["comments"]]):
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
        confirmations = pending_confirmations(email)
        Email.objects.filter(pk__in=[e.pk for e in confirmations]).delete()
        Email.objects.filter(comment__in=comment_ids, status=EmailStatus.PENDING).delete()
        Subscription.objects.filter(pk__in=[s.pk for s in found["subscriptions"]]).delete()
        respondent_audit(ERASE_RESPONDENT, user, found)
    return {
        "comments": len(comment_ids),
        "subscriptions": len(found["subscriptions"]),
        "emails": len(confirmations),
    }
