"""Late-entry links: a manager lets one comment in after the close, for a stated reason."""

import hashlib
import secrets
import uuid
from datetime import datetime, timedelta

from django.db import transaction
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.debug import sensitive_post_parameters

from wagtail.log_actions import log

from consultations.enums import ConsultationState
from consultations.forms import CommentForm, form_token
from consultations.models import Comment, ConsultationPage, LateEntryLink


ISSUE_LATE_ENTRY = "consultations.issue_late_entry"
MAX_HOURS = 72
FORM_TEMPLATE = "consultations/consultation_page_respond.html"
UNUSABLE_TEMPLATE = "consultations/consultation_page_not_sent.html"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def late_entry_issue(
    consultation: ConsultationPage, *, reason: str, user, hours: int = MAX_HOURS
) -> tuple[LateEntryLink, str]:
    """A new single-use link; the token is returned once and only its hash is kept."""
    token = secrets.token_urlsafe(24)
    hours = max(1, min(hours, MAX_HOURS))
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


def resent(page: ConsultationPage, data) -> Comment | None:
    """The comment already stored for this form with this text: a double click or a resend."""
    try:
        key = uuid.UUID(data.get("submission_id", ""))
    except ValueError:
        return None
    text = data.get("text", "").replace("\r\n", "\n")
    return Comment.objects.with_key(page, key).filter(text=text).first()


def confirmation_redirect(page: ConsultationPage, comment: Comment):
    response = HttpResponseRedirect(
        page.url + page.reverse_subpage("confirmation", args=[comment.reference])
    )
    response.status_code = 303
    return response


def render(request, page, template, *, status=200, **context):
    response = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    add_never_cache_headers(response)
    return response


@sensitive_post_parameters()
def late_entry_view(request, page: ConsultationPage, token: str):
    """The comment form, after the close, for whoever holds the link; it works once."""
    from consultations.services import CommentRefused, Respondent, comment_create

    link = late_entry_find(page, token)
    now = timezone.now()
    usable = link is not None and link.usable_at(now)
    state = page.state_at(now)
    action = page.url + page.reverse_subpage("late_entry", args=[token])
    if request.method == "POST":
        form = CommentForm(request.POST, sections=page.sections())
        stored = resent(page, request.POST)
        if stored:
            return confirmation_redirect(page, stored)
        if not usable or state == ConsultationState.FORTHCOMING:
            return render(
                request, page, UNUSABLE_TEMPLATE, status=410, form=form, late_unusable=True
            )
        if not form.is_valid():
            return render(
                request,
                page,
                FORM_TEMPLATE,
                status=400,
                form=form,
                show_errors=True,
                form_action=action,
                late=True,
            )
        data = form.cleaned_data
        try:
            comment, _ = comment_create(
                consultation=page,
                idempotency_key=data["submission_id"],
                respondent=Respondent.from_form(data),
                text=data["text"],
                section_id=data["section"],
                late_entry=link,
            )
        except CommentRefused:
            return render(
                request, page, UNUSABLE_TEMPLATE, status=410, form=form, late_unusable=True
            )
        return confirmation_redirect(page, comment)
    if not usable:
        return render(request, page, UNUSABLE_TEMPLATE, status=410, form=None, late_unusable=True)
    submission_id = uuid.uuid4()
    form = CommentForm(
        initial={"submission_id": submission_id, "form_token": form_token(submission_id)},
        sections=page.sections(),
    )
    return render(request, page, FORM_TEMPLATE, form=form, form_action=action, late=True)
