"""The comment form's answers given back when the database is down, without touching it."""

import uuid

from django.core.exceptions import BadRequest, RequestDataTooBig, TooManyFieldsSent
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string

from consultations.forms import CommentForm, form_token


# Shown as fields to correct; every other posted answer (choices whose labels live in the
# database) goes back as it was, in hidden fields.
VISIBLE_FIELDS = ["name", "email", "organisation_other", "role", "text"]
REISSUED_FIELDS = {"csrfmiddlewaretoken", "submission_id", "form_token", "website"}


def is_comment_post(request) -> bool:
    """A POST of the comment form (the consultation's respond URL)."""
    return request.method == "POST" and request.path.endswith("/respond/")


def comment_not_sent(request) -> HttpResponse | None:
    """The typed answers and their submission id in a form that sends them again, or None.

    The submission id is kept, so a resend of a response that did reach the database is answered
    with its reference instead of being stored twice.
    """
    if not is_comment_post(request):
        return None
    try:
        posted = request.POST
    except (BadRequest, RequestDataTooBig, TooManyFieldsSent):
        return None
    try:
        submission_id = uuid.UUID(posted.get("submission_id", ""))
    except ValueError:
        submission_id = uuid.uuid4()
    fields = [
        (name, CommentForm.base_fields[name].label, posted.get(name, "")) for name in VISIBLE_FIELDS
    ]
    kept = [
        (name, value)
        for name, values in posted.lists()
        if name not in REISSUED_FIELDS and name not in VISIBLE_FIELDS
        for value in values
    ]
    html = render_to_string(
        "consultations/comment_not_sent_unavailable.html",
        {
            "action": request.path,
            "csrf_token": get_token(request),
            "submission_id": submission_id,
            "form_token": form_token(submission_id),
            "fields": fields,
            "kept": kept,
        },
    )
    return HttpResponse(html, status=503)
