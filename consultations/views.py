"""The comment journey: form, refusals that keep the typed text, confirmation, CSRF failure."""

import logging
from dataclasses import dataclass
from functools import partial

from django.contrib import messages
from django.db import DatabaseError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views import csrf
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from wagtail.models import Page

from consultations.enums import ConsultationState
from consultations.forms import CommentForm, posted_submission_id
from consultations.late_entry import late_entry_find
from consultations.models import Comment, ConsultationPage
from consultations.services import (
    CommentRefused,
    DetailsChange,
    FormExpired,
    SubmissionConflict,
    comment_submit,
)
from hub.http import client_ip
from hub.ratelimit import RateLimited


logger = logging.getLogger(__name__)


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

# A resent form with the same comment and other personal details (services.DetailsChange).
DETAILS_NOTICES = {
    DetailsChange.CORRECTED: "This response was already sent. We have updated your details to "
    "the ones you sent just now; if you changed your email address, we will send the "
    "confirmation email to it.",
    DetailsChange.TOO_LATE: "This response was already sent. We have not changed your name or "
    "other details, because the consultation has closed or the form has expired. Quote your "
    "reference number if you contact us to correct them.",
}


def page_response(request, page, step: str, status: int = 200, **context):
    """The page as consultation_page_<step>.html with more context, never cached: it is personal."""
    template = f"consultations/consultation_page_{step}.html"
    response = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    add_never_cache_headers(response)
    return response


def render_form(request, page, form, *, status=200, **context):
    """The form page, with any notice, errors shown or late-entry link: a one-off submission id."""
    return page_response(request, page, "respond", status, form=form, **context)


def confirmation_redirect(page: ConsultationPage, comment: Comment):
    """Post/Redirect/Get to the confirmation page; 303 so a reload never re-posts."""
    url = page.url + page.reverse_subpage("confirmation", args=[comment.reference])
    return HttpResponseRedirect(url, status=303)


@sensitive_post_parameters()
@require_http_methods(["GET", "HEAD", "POST"])
def comment_form_view(request, page: ConsultationPage):
    """GET shows the form while open; POST goes to comment_post."""
    if request.method == "POST":
        return comment_post(request, page)
    if page.state_at(timezone.now()) != ConsultationState.OPEN:
        return HttpResponseRedirect(page.url)
    form = CommentForm.blank(sections=page.sections(), section=request.GET.get("section", ""))
    return render_form(request, page, form)


def comment_post(request, page: ConsultationPage, late_entry=None):
    """Each outcome of a posted form as a response; the rules are in the form and the service."""
    form = CommentForm(request.POST, sections=page.sections())
    show_form = partial(render_form, late_entry=late_entry)
    try:
        if not form.is_valid():
            if form.has_error("form_token"):
                return show_form(request, page, form.renewed(), status=400, notice=UNVERIFIED)
            return show_form(request, page, form, status=400, show_errors=True)
        comment, details = comment_submit(
            consultation=page,
            data=form.cleaned_data,
            client=client_ip(request),
            late_entry=late_entry,
        )
    except FormExpired:
        return show_form(request, page, form.renewed(), status=400, notice=EXPIRED)
    except CommentRefused as refused:
        return page_response(request, page, "not_sent", 403, form=form, refused_state=refused.state)
    except SubmissionConflict as conflict:
        return page_response(request, page, "not_sent", 409, form=form, conflict=conflict.existing)
    except RateLimited as limited:
        response = show_form(request, page, form.renewed(), status=429, notice=RATE_LIMITED)
        return retry_after(response, limited.retry_after)
    except DatabaseError:
        logger.exception("Comment not stored for consultation %s", page.pk)
        response = show_form(request, page, form.renewed(), status=503, notice=UNAVAILABLE)
        return retry_after(response, 60)
    if details:
        messages.info(request, DETAILS_NOTICES[details])
    return confirmation_redirect(page, comment)


def retry_after(response, seconds: int):
    """Tell the browser (and any client that reads it) when to try again."""
    response["Retry-After"] = str(seconds)
    return response


def comment_confirmation_view(request, page: ConsultationPage, reference: str):
    """The reference, once the comment is stored; no personal details are shown."""
    comment = get_object_or_404(Comment, consultation=page, reference=reference)
    return page_response(request, page, "confirmation", comment=comment)


def comment_form_page(request) -> ConsultationPage | None:
    """The consultation whose comment form this request is for, found by Wagtail's routing."""
    match = request.resolver_match
    if match is None or match.url_name != "wagtail_serve":
        return None
    path = match.args[0] if match.args else match.kwargs.get("path", "")
    route = Page.route_for_request(request, path)
    if route is None or not isinstance(route.page, ConsultationPage):
        return None
    view = route.args[0] if route.args else None
    return route.page if view == route.page.respond else None


def csrf_failure(request, reason=""):
    """A failed CSRF check on the comment form gives the typed answers back, not a bare 403."""
    page = comment_form_page(request) if request.method == "POST" else None
    if page is None:
        return csrf.csrf_failure(request, reason=reason)
    form = CommentForm(request.POST, sections=page.sections()).renewed()
    return render_form(request, page, form, status=403, notice=CSRF_FAILED)


def resent(page: ConsultationPage, data) -> Comment | None:
    """The comment already stored for this form with this text: a double click or a resend."""
    key = posted_submission_id(data)
    text = data.get("text", "").replace("\r\n", "\n")
    return key and Comment.objects.with_key(page, key).filter(text=text).first()


@sensitive_post_parameters()
def late_entry_view(request, page: ConsultationPage, token: str):
    """The comment form, after the close, for whoever holds the link; it works once."""
    link = late_entry_find(page, token)
    usable = link is not None and link.usable_at(timezone.now())
    if request.method == "POST":
        if usable:
            return comment_post(request, page, late_entry=link)
        stored = resent(page, request.POST)
        if stored:
            return confirmation_redirect(page, stored)
        form = CommentForm(request.POST, sections=page.sections())
    elif usable:
        return render_form(
            request, page, CommentForm.blank(sections=page.sections()), late_entry=link
        )
    else:
        form = None
    return page_response(request, page, "not_sent", 410, form=form, late_unusable=True)
