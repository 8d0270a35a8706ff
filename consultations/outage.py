"""The comment form's answers given back when the database is down, without touching it."""

import uuid

from django.core.exceptions import BadRequest, RequestDataTooBig, TooManyFieldsSent
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string

from consultations.forms import CommentForm, form_token, posted_submission_id


# Shown as fields to correct; every other posted answer (choices whose labels live in the
# database) goes back as it was, in hidden fields.
VISIBLE_FIELDS = ["name", "email", "organisation_other", "role", "text"]
REISSUED_FIELDS = {"csrfmiddlewaretoken", "submission_id", "form_token", "website"}


def comment_not_sent(request) -> HttpResponse | None:
    """The typed answers and their submission id in a form that sends them again, or None.

    The submission id is kept, so a resend of a response that did reach the database is answered
    with its reference instead of being stored twice.
    """
    if request.method != "POST" or not request.path.endswith("/respond/"):
        return None  # not the comment form
    try:
        posted = request.POST
    except (BadRequest, RequestDataTooBig, TooManyFieldsSent):
        return None
    submission_id = posted_submission_id(posted) or uuid.uuid4()
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
