"""Writes for consultations: the only way a comment is stored and its confirmation sent."""

import secrets
import uuid
from dataclasses import dataclass, fields
from datetime import datetime
from enum import StrEnum

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from consultations.enums import CommentStatus, ConsultationState, NotificationKind
from consultations.late_entry import late_entry_use
from consultations.models import Comment, ConsultationPage
from hub.models import Council, EmailStatus
from hub.outbox import email_queue, emails_enqueue
from hub.ratelimit import rate_limit


# Crockford's base 32 without I, L, O and U: nothing to misread when a reference is read aloud.
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_ATTEMPTS = 5


class CommentRefused(Exception):
    """The consultation was not open when the comment arrived; nothing was stored."""

    def __init__(self, consultation: ConsultationPage, state: ConsultationState, at: datetime):
        super().__init__(f"Consultation {consultation.pk} is {state} at {at.isoformat()}")
        self.state = state


class SubmissionConflict(Exception):
    """The same form was sent again with different text; the first comment stands."""

    def __init__(self, existing: Comment):
        super().__init__(f"Submission already stored as {existing.reference}")
        self.existing = existing


class FormExpired(Exception):
    """The form was shown longer ago than CONSULTATIONS_FORM_MAX_AGE; nothing was stored."""


@dataclass(frozen=True)
class Respondent:
    """Who is commenting, as the form collected it."""

    name: str
    email: str
    council: Council | None
    organisation_other: str
    role: str
    response_type: str
    consent_publish_name: bool = False
    consent_publish_organisation: bool = False
    notify_outcome: bool = False

    @classmethod
    def of(cls, comment: Comment) -> "Respondent":
        """The details stored with a comment."""
        return cls(**{field.name: getattr(comment, field.name) for field in fields(cls)})

    def comment_fields(self) -> dict:
        """The details as a comment stores them: one for a council names no other organisation."""
        values = {field.name: getattr(self, field.name) for field in fields(self)}
        if self.council:
            values["organisation_other"] = ""
        return values


class DetailsChange(StrEnum):
    """What became of changed personal details in a resent form (same form, same text)."""

    NONE = ""
    CORRECTED = "corrected"  # stored on the comment: it is the respondent's own correction
    TOO_LATE = "too late"  # the consultation has closed or the form expired: details kept


def comment_submit(
    *, consultation: ConsultationPage, data: dict, client: str, late_entry=None
) -> tuple[Comment, DetailsChange]:
    """Apply the rules for a valid comment form's cleaned data, in order, and store it.

    `data["age"]` is how long ago the form was shown. A resend of a stored form answers with
    the stored comment, even once the form has expired or the consultation has closed;
    corrected name, email or other details in it are stored while the consultation is open.
    Raises FormExpired, CommentRefused, RateLimited or SubmissionConflict when nothing is
    stored. A manager's late-entry link (consultations.late_entry) lets one comment in after
    the close.
    """
    respondent = Respondent(**{field.name: data[field.name] for field in fields(Respondent)})
    now = timezone.now()
    age = data["age"]
    in_time = age <= settings.CONSULTATIONS_FORM_MAX_AGE
    existing = Comment.objects.with_key(consultation, data["submission_id"]).first()
    if existing:
        comment = _same_submission(existing, data["text"])
        if respondent == Respondent.of(comment):
            return comment, DetailsChange.NONE
        if not (in_time and consultation.is_open_at(now)):
            return comment, DetailsChange.TOO_LATE
        return comment_details_correct(comment, respondent), DetailsChange.CORRECTED
    if not in_time:
        raise FormExpired
    comment_allowed(consultation, now, late_entry)
    rate_limit(
        f"consultations:{consultation.pk}:{client}",
        settings.CONSULTATIONS_RATE_LIMIT,
        settings.CONSULTATIONS_RATE_WINDOW,
    )
    if data["website"]:
        quarantine_reason = "Hidden field filled in"
    elif age < settings.CONSULTATIONS_MIN_SECONDS_TO_RESPOND:
        quarantine_reason = f"Sent {age:.1f} seconds after the form was shown"
    else:
        quarantine_reason = ""
    comment, _ = comment_create(
        consultation=consultation,
        idempotency_key=data["submission_id"],
        respondent=respondent,
        text=data["text"],
        section_id=data["section"],
        quarantine_reason=quarantine_reason,
        late_entry=late_entry,
    )
    return comment, DetailsChange.NONE


def comment_allowed(consultation: ConsultationPage, at: datetime, late_entry=None) -> str:
    """The state at that instant, or CommentRefused unless a comment may be made then.

    Comments are taken while open, or after the close through a manager's late-entry link.
    """
    state = consultation.state_at(at)
    if state != ConsultationState.OPEN and not (
        late_entry and state != ConsultationState.FORTHCOMING
    ):
        raise CommentRefused(consultation, state, at)
    return state


@transaction.atomic
def comment_details_correct(comment: Comment, respondent: Respondent) -> Comment:
    """Store the respondent's corrected details on their comment (same row, same reference).

    A corrected email address gets the confirmation again, at the new address.
    """
    email_changed = respondent.email != comment.email
    # A verification proved one address speaking for one council: other details undo it.
    proof_undone = (respondent.email, respondent.council, respondent.response_type) != (
        comment.email,
        comment.council,
        comment.response_type,
    )
    changes = respondent.comment_fields()
    for name, value in changes.items():
        setattr(comment, name, value)
    changed = list(changes)
    if proof_undone and comment.organisation_verified:
        comment.organisation_verified, comment.verified_at, comment.verified_email = False, None, ""
        changed += ["organisation_verified", "verified_at", "verified_email"]
    comment.save(update_fields=changed)
    if email_changed:
        receipts = comment.emails.filter(kind=NotificationKind.RECEIPT)
        if receipts.update(status=EmailStatus.PENDING, attempts=0, last_error="", sent_at=None):
            emails_enqueue(receipts.values_list("pk", flat=True))
    return comment


def reference_generate() -> str:
    """A random, non-sequential reference such as HUB-26-7K3M-Q9XD (32^8, about 10^12, a year)."""
    body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"HUB-{timezone.now():%y}-{body[:4]}-{body[4:]}"


def comment_create(
    *,
    consultation: ConsultationPage,
    idempotency_key: uuid.UUID,
    respondent: Respondent,
    text: str,
    section_id: str = "",
    quarantine_reason: str = "",
    confirm_by_email: bool = True,
    late_entry=None,
) -> tuple[Comment, bool]:
    """Store one comment if the consultation is open by the server's clock.

    Returns the comment and whether it is new. The same idempotency key returns the comment
    already stored for it, even when both requests race; the same key with other text raises
    SubmissionConflict. A closed or forthcoming consultation raises CommentRefused.
    confirm_by_email=False is for comments received another way, such as by post. A manager's
    late-entry link (consultations.late_entry) lets one comment in after the close.
    """
    received_at = timezone.now()
    existing = Comment.objects.with_key(consultation, idempotency_key).first()
    if existing:
        return _same_submission(existing, text), False
    state = comment_allowed(consultation, received_at, late_entry)

    draft = consultation.draft
    section = draft.section_by_id(section_id) if draft and section_id else None
    comment = Comment(
        consultation=consultation,
        idempotency_key=idempotency_key,
        section_id=section["id"] if section else "",
        section_number=section["number"] if section else None,
        section_heading=section["heading"] if section else "",
        page_revision_id=draft.live_revision_id if draft else None,
        **respondent.comment_fields(),
        late_entry=late_entry,
        text=text,
        received_at=received_at,
        status=CommentStatus.QUARANTINED if quarantine_reason else CommentStatus.RECEIVED,
        quarantine_reason=quarantine_reason[:100],
    )
    for _ in range(REFERENCE_ATTEMPTS):
        comment.reference = reference_generate()
        comment.full_clean(
            exclude=["consultation", "council", "page_revision"],
            validate_unique=False,
            validate_constraints=False,
        )
        try:
            with transaction.atomic():
                if late_entry and not late_entry_use(late_entry, received_at):
                    raise CommentRefused(consultation, state, received_at)
                comment.save(force_insert=True)
                if confirm_by_email and comment.status == CommentStatus.RECEIVED:
                    email_queue(NotificationKind.RECEIPT, about=comment, page=consultation)
        except IntegrityError:
            comment.pk = None
            # Another request with the same form won the race: answer with its reference.
            existing = Comment.objects.with_key(consultation, idempotency_key).first()
            if existing:
                return _same_submission(existing, text), False
            continue  # the reference was taken: draw another
        return comment, True
    raise IntegrityError("Could not generate a unique comment reference")


def _same_submission(existing: Comment, text: str) -> Comment:
    """The stored comment for a resent form, if the text is the one stored."""
    if existing.text != text:
        raise SubmissionConflict(existing)
    return existing
