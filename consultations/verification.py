"""Official responses for a council, proven by a link emailed to an address at its domain.

The link goes out in the comment's confirmation email, through the outbox, only when the
respondent answered officially for a council and their address is at one of its confirmed
domains (hub.verification). It names the comment and a hash of the address it was sent to, so
it stops working if the address on the comment changes, and it works for LINK_MAX_AGE.
"""

import hashlib
from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from consultations.enums import CommentStatus, ResponseType
from consultations.models import Comment, ConsultationPage
from consultations.views import page_response
from hub.verification import address_verified_for


VERIFY_SALT = "consultations.verify"
LINK_MAX_AGE = timedelta(days=14)


class VerificationFailed(Exception):
    """The link cannot verify the comment; the message says why, for the respondent."""


def _address_hash(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:16]


def verification_wanted(comment: Comment) -> bool:
    """An official response for a council from an address at one of its confirmed domains."""
    return bool(
        comment.council_id
        and comment.response_type == ResponseType.OFFICIAL
        and comment.status != CommentStatus.WITHDRAWN
        and comment.email
        and address_verified_for(comment.council, comment.email)
    )


def verify_token(comment: Comment) -> str:
    """The reference, when the link was made, the address's hash and their signature.

    Joined by "_": page URLs allow only letters, digits, "-" and "_", and only the signature
    (the last part) can contain "_".
    """
    parts = [comment.reference, signing.b62_encode(int(timezone.now().timestamp()))]
    parts.append(_address_hash(comment.email))
    signature = signing.Signer(salt=VERIFY_SALT).signature(":".join(parts))
    return "_".join([*parts, signature])


def _token_parts(token: str) -> tuple[str, int, str] | None:
    """The reference, timestamp and address hash of a genuine token; None otherwise."""
    parts = token.split("_", 3)
    if len(parts) != 4:
        return None
    try:
        # Signer checks the current key and SECRET_KEY_FALLBACKS, so links outlive a rotation.
        signing.Signer(salt=VERIFY_SALT).unsign(":".join(parts))
        return parts[0], signing.b62_decode(parts[1]), parts[2]
    except (signing.BadSignature, ValueError):
        return None


def verify_url(comment: Comment) -> str:
    """The full address of the comment's verification link; empty when none is wanted."""
    if not verification_wanted(comment):
        return ""
    page = comment.consultation
    return page.get_full_url() + page.reverse_subpage("verify", args=[verify_token(comment)])


def verify_mark(comment: Comment) -> bool:
    """Record the comment as verified for its council, if its address still qualifies."""
    with transaction.atomic():
        locked = (
            Comment.objects.select_for_update(of=("self",))
            .select_related("council")
            .get(pk=comment.pk)
        )
        if not verification_wanted(locked):
            return False
        Comment.objects.filter(pk=locked.pk, organisation_verified=False).update(
            organisation_verified=True, verified_at=timezone.now(), verified_email=locked.email
        )
    comment.refresh_from_db()
    return True


def verify_comment(page: ConsultationPage, token: str) -> Comment:
    """The comment a genuine link names, now verified; VerificationFailed says why not."""
    parts = _token_parts(token)
    if parts is None:
        raise Http404("Not a verification link")
    reference, made, address = parts
    comment = get_object_or_404(Comment, consultation=page, reference=reference)
    if timezone.now().timestamp() - made > LINK_MAX_AGE.total_seconds():
        raise VerificationFailed(
            "This link has expired. Your response has been received, and shows as "
            "“Organisation not verified”."
        )
    if _address_hash(comment.email) != address:
        raise VerificationFailed(
            "The email address on this response has changed since we sent this link. Use the "
            "link in the email we sent to the new address."
        )
    if not verify_mark(comment):
        raise VerificationFailed(
            "We cannot verify this response: it is not an official response for a council from "
            "an address at one of that council's confirmed domains. Your response has been "
            "received, and shows as “Organisation not verified”."
        )
    return comment


def verify_view(request, page: ConsultationPage, token: str):
    """GET asks (so a mail scanner opening the link verifies nothing); POST verifies."""
    context = {"token": token}
    status = 200
    if request.method == "POST":
        try:
            context["comment"] = verify_comment(page, token)
        except VerificationFailed as failure:
            context["failure"] = str(failure)
            status = 410
    return page_response(request, page, "verify", status, **context)
