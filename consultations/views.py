"""The comment journey: form, refusals that keep the typed text, confirmation, CSRF failure."""

import logging
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import DatabaseError
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views import csrf
from django.views.decorators.debug import sensitive_post_parameters

from wagtail.models import Page

from consultations.enums import ConsultationState
from consultations.forms import CommentForm, form_token, token_age
from consultations.models import Comment, ConsultationPage
from consultations.services import (
    CommentRefused,
    Respondent,
    SubmissionConflict,
    comment_create,
)


logger = logging.getLogger(__name__)

FORM_TEMPLATE = "consultations/consultation_page_respond.html"
NOT_SENT_TEMPLATE = "consultations/consultation_page_not_sent.html"
CONFIRMATION_TEMPLATE = "consultations/consultation_page_confirmation.html"


@dataclass(frozen=True)
class Notice:
    """Why a response was not sent, shown above the re-filled form."""

    title: str
    message: str


EXPIRED = Notice(
    "This form has expired",
    "Your response has not been sent. Forms expire after 24 hours. Check your answers and send "
    "your response again.",
)
UNVERIFIED = Notice(
    "Your response has not been sent",
    "We could not check that this form came from this website. Check your answers and send "
    "your response again.",
)
CSRF_FAILED = Notice(
    "Your response has not been sent",
    "We could not confirm your browser session, which can happen when cookies are blocked or "
    "the page was open for a long time. Your answers are below: check them and send your "
    "response again.",
)
RATE_LIMITED = Notice(
    "Too many responses from your network",
    "Your response has not been sent. We have received a lot of responses from your network in "
    "the last few minutes. Wait a few minutes, then send your response again.",
)
UNAVAILABLE = Notice(
    "Sorry, there is a problem with the service",
    "Your response has not been sent. Your answers are below: try sending them again in a few "
    "minutes.",
)


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or the address our own proxies saw."""
    proxies = settings.CONSULTATIONS_TRUSTED_PROXIES
    if proxies:
        forwarded = [ip.strip() for ip in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if len(forwarded) >= proxies and forwarded[-proxies]:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def over_rate_limit(request, consultation: ConsultationPage) -> bool:
    """Count this POST against its address; True once the address is over the limit."""
    limit = settings.CONSULTATIONS_RATE_LIMIT
    if not limit:
        return False
    window = settings.CONSULTATIONS_RATE_WINDOW
    bucket = int(timezone.now().timestamp() // window)
    key = f"consultations:rate:{consultation.pk}:{client_ip(request)}:{bucket}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit


def refilled(request, page: ConsultationPage, submission_id=None) -> CommentForm:
    """The posted answers in a fresh form, with a new token so they can be sent again."""
    data = request.POST.copy()
    try:
        submission_id = submission_id or uuid.UUID(data.get("submission_id", ""))
    except ValueError:
        submission_id = uuid.uuid4()
    data["submission_id"] = str(submission_id)
    data["form_token"] = form_token(submission_id)
    return CommentForm(data, sections=page.sections())


def render_form(request, page, form, *, status=200, notice=None, show_errors=False):
    """The form page, never cached: it carries a one-off submission id."""
    response = page.render(
        request,
        template=FORM_TEMPLATE,
        context_overrides={"form": form, "notice": notice, "show_errors": show_errors},
    )
    response.status_code = status
    add_never_cache_headers(response)
    return response


def render_not_sent(request, page, form, *, status, state, conflict=None):
    """Refused: the consultation is not open (or the form was already used); the text comes back."""
    response = page.render(
        request,
        template=NOT_SENT_TEMPLATE,
        context_overrides={"form": form, "refused_state": state, "conflict": conflict},
    )
    response.status_code = status
    add_never_cache_headers(response)
    return response


def confirmation_redirect(page: ConsultationPage, comment: Comment):
    """Post/Redirect/Get to the confirmation page; 303 so a reload never re-posts."""
    response = HttpResponseRedirect(
        page.url + page.reverse_subpage("confirmation", args=[comment.reference])
    )
    response.status_code = 303
    return response


@sensitive_post_parameters()
def comment_form_view(request, page: ConsultationPage):
    """GET shows the form while open; POST checks, then stores through comment_create."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    if request.method != "POST":
        if page.state_at(timezone.now()) != ConsultationState.OPEN:
            return HttpResponseRedirect(page.url)
        submission_id = uuid.uuid4()
        sections = page.sections()
        chosen = request.GET.get("section", "")
        form = CommentForm(
            initial={
                "submission_id": submission_id,
                "form_token": form_token(submission_id),
                "section": chosen if any(s["id"] == chosen for s in sections) else None,
            },
            sections=sections,
        )
        return render_form(request, page, form)
    return comment_post(request, page)


def comment_post(request, page: ConsultationPage):
    """Every way a POST can end: stored, already stored, refused or sent back to be fixed."""
    form = CommentForm(request.POST, sections=page.sections())
    submission_id = request.POST.get("submission_id", "")
    try:
        submission_uuid = uuid.UUID(submission_id)
        age = token_age(
            request.POST.get("form_token", ""),
            str(submission_uuid),
            max_age=settings.CONSULTATIONS_FORM_MAX_AGE,
        )
    except signing.SignatureExpired:
        age = None
    except (ValueError, signing.BadSignature):
        return render_form(request, page, refilled(request, page), status=400, notice=UNVERIFIED)

    # A double click or a resend of a stored form answers with the stored reference.
    existing = Comment.objects.with_key(page, submission_uuid).first()
    if existing:
        text = form.data.get("text", "").replace("\r\n", "\n")
        if existing.text == text:
            return confirmation_redirect(page, existing)
        return render_not_sent(request, page, form, status=409, state=None, conflict=existing)

    if age is None:
        return render_form(
            request, page, refilled(request, page, submission_uuid), status=400, notice=EXPIRED
        )
    state = page.state_at(timezone.now())
    if state != ConsultationState.OPEN:
        return render_not_sent(request, page, form, status=403, state=state)
    if over_rate_limit(request, page):
        return render_form(
            request, page, refilled(request, page, submission_uuid), status=429, notice=RATE_LIMITED
        )
    if not form.is_valid():
        return render_form(request, page, form, status=400, show_errors=True)

    data = form.cleaned_data
    quarantine = ""
    if data["website"]:
        quarantine = "Hidden field filled in"
    elif age < settings.CONSULTATIONS_MIN_SECONDS_TO_RESPOND:
        quarantine = f"Sent {age:.1f} seconds after the form was shown"
    try:
        comment, _ = comment_create(
            consultation=page,
            idempotency_key=data["submission_id"],
            respondent=Respondent.from_form(data),
            text=data["text"],
            section_id=data["section"],
            quarantine_reason=quarantine,
        )
    except CommentRefused as refused:
        return render_not_sent(request, page, form, status=403, state=refused.state)
    except SubmissionConflict as conflict:
        return render_not_sent(
            request, page, form, status=409, state=None, conflict=conflict.existing
        )
    except DatabaseError:
        logger.exception("Comment not stored for consultation %s", page.pk)
        response = render_form(
            request, page, refilled(request, page, submission_uuid), status=503, notice=UNAVAILABLE
        )
        response["Retry-After"] = "60"
        return response
    return confirmation_redirect(page, comment)


def comment_confirmation_view(request, page: ConsultationPage, reference: str):
    """The reference, once the comment is stored; no personal details are shown."""
    comment = Comment.objects.filter(consultation=page, reference=reference).first()
    if comment is None:
        raise Http404("No comment with this reference")
    response = page.render(
        request, template=CONFIRMATION_TEMPLATE, context_overrides={"comment": comment}
    )
    add_never_cache_headers(response)
    return response


def csrf_failure(request, reason=""):
    """A failed CSRF check on the comment form gives the typed answers back, not a bare 403."""
    if request.method == "POST" and request.path.endswith("/respond/"):
        page = Page.find_for_request(request, request.path)
        page = page.specific if page else None
        if isinstance(page, ConsultationPage):
            return render_form(
                request, page, refilled(request, page), status=403, notice=CSRF_FAILED
            )
    return csrf.csrf_failure(request, reason=reason)
