"""Withdrawing a comment before the close, through the signed link in its confirmation email."""

from django.core import signing
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone

from wagtail.log_actions import log

from consultations.enums import CommentStatus, ConsultationState, NotificationKind
from consultations.models import Comment, ConsultationPage
from consultations.views import page_response


WITHDRAW_COMMENT = "consultations.withdraw_comment"
WITHDRAW_SALT = "consultations.withdraw"
# Kept in place of the words: the row stays so that its reference can answer "withdrawn".
WITHDRAWN_TEXT = "Withdrawn by the respondent."


def withdraw_token(comment: Comment) -> str:
    """The reference and its signature, joined by "_": page URLs allow only letters, digits,
    "-" and "_", and a reference never contains "_"."""
    signature = signing.Signer(salt=WITHDRAW_SALT).signature(comment.reference)
    return f"{comment.reference}_{signature}"


def withdraw_reference(token: str) -> str | None:
    """The reference a withdraw token was made for, or None when it is not genuine."""
    # Signer checks the current key and SECRET_KEY_FALLBACKS, so links outlive a key rotation.
    try:
        return signing.Signer(salt=WITHDRAW_SALT).unsign(token.replace("_", ":", 1))
    except signing.BadSignature:
        return None


def withdraw_url(comment: Comment) -> str:
    """The full address of the comment's withdraw link, for its confirmation email."""
    page = comment.consultation
    return page.get_full_url() + page.reverse_subpage("withdraw", args=[withdraw_token(comment)])


def comment_withdraw(comment: Comment) -> bool:
    """Remove the respondent's words and details, keeping the reference; False if too late."""
    now = timezone.now()
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        if locked.status == CommentStatus.WITHDRAWN:
            return True
        if locked.consultation.state_at(now) != ConsultationState.OPEN:
            return False
        Comment.objects.filter(pk=comment.pk).forget_respondents(
            status=CommentStatus.WITHDRAWN, withdrawn_at=now, text=WITHDRAWN_TEXT
        )
        comment.emails.exclude(kind=NotificationKind.RECEIPT).delete()
        log(
            instance=locked.consultation,
            action=WITHDRAW_COMMENT,
            user=None,
            data={"reference": locked.reference},
        )
    comment.refresh_from_db()
    return True


def withdraw_view(request, page: ConsultationPage, token: str):
    """GET explains and asks; POST withdraws, while the consultation is open."""
    comment = get_object_or_404(Comment, consultation=page, reference=withdraw_reference(token))
    status = 200
    withdrawable = request.method == "POST" and comment.status != CommentStatus.WITHDRAWN
    if withdrawable and not comment_withdraw(comment):
        status = 403
    return page_response(
        request,
        page,
        "withdraw",
        status,
        comment=comment,
        withdrawn=comment.status == CommentStatus.WITHDRAWN,
        too_late=page.state_at(timezone.now()) != ConsultationState.OPEN,
    )
