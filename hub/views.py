"""Error pages that render without the database, uploaded media, page feedback, health check."""

import logging
import os
import sys

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import InterfaceError, OperationalError, connection
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views import static
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from wagtail import hooks

from hub.feedback import FeedbackSpam, feedback_record
from hub.forms import PageFeedbackForm
from hub.http import client_ip
from hub.models import FEEDBACK_TEXT_MAX
from hub.ratelimit import RateLimited


logger = logging.getLogger(__name__)

# The database is unreachable, restarting, out of connections or too slow: worth a retry.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
# Only images are served from MEDIA_ROOT; documents go through Wagtail's view and its privacy.
PUBLIC_MEDIA = ("original_images/", "images/")


def bad_request(request, exception=None):
    """Branded 400 page; it never reads request.POST again, which may be what could not be read."""
    return HttpResponseBadRequest(render_to_string("400.html"))


def database_unavailable(error: BaseException | None) -> bool:
    """True when the error is, or was raised while handling, the database being unavailable."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, DATABASE_UNAVAILABLE):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def server_error(request):
    """Branded 500 page, or 503 when the database is down; neither touches the database."""
    if database_unavailable(sys.exc_info()[1]):
        return service_unavailable(request)
    return HttpResponseServerError(render_to_string("500.html"))


def service_unavailable(request):
    """503 with Retry-After; a form's "hub_service_unavailable" hook may give its answers back."""
    answers = (
        response for fn in hooks.get_hooks("hub_service_unavailable") if (response := fn(request))
    )
    response = next(answers, None) or HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


@require_safe
def media(request, path):
    """An uploaded image or rendition from MEDIA_ROOT, when there is no S3 bucket to serve it."""
    if not path.startswith(PUBLIC_MEDIA):
        raise Http404("Not public media")
    response = static.serve(request, path, document_root=settings.MEDIA_ROOT)
    patch_cache_control(response, public=True, max_age=settings.MEDIA_CACHE_SECONDS)
    # Never run as a page, whatever the file turns out to contain.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def _database_ok() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _cache_ok() -> bool:
    # A failing cache reads as a miss (hub.cache), so a round trip is the only sure test.
    token = os.urandom(8).hex()
    cache.set("hub:healthz", token, timeout=30)
    return cache.get("hub:healthz") == token


def _storage_ok() -> bool:
    default_storage.exists("healthz-probe")  # S3: one request to the bucket
    if isinstance(default_storage, FileSystemStorage):
        location = default_storage.location
        writable = location if os.path.isdir(location) else os.path.dirname(location)
        return os.access(writable, os.W_OK)
    return True


HEALTH_CHECKS = {"database": _database_ok, "cache": _cache_ok, "storage": _storage_ok}


@never_cache
def healthz(request):
    """200 when the database, cache and media storage all answer, else 503; names no data."""
    results = {}
    for name, check in HEALTH_CHECKS.items():
        try:
            results[name] = "ok" if check() else "failing"
        except Exception as error:  # noqa: BLE001 - any failure is reported, never raised
            logger.warning("Health check %s failed: %s", name, type(error).__name__)
            results[name] = "failing"
    healthy = all(result == "ok" for result in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": results},
        status=200 if healthy else 503,
    )


FEEDBACK_SPAM = "Your feedback could not be sent. Leave the last field empty and try again."
FEEDBACK_RATE_LIMITED = (
    "You have sent a lot of feedback in a short time. Wait a few minutes, then try again."
)


# No CSRF token on the form: pages carrying one could not be kept in the page cache. The
# endpoint only stores yes, no and text, is rate-limited and changes nothing else.
@csrf_exempt
@require_POST
def page_feedback(request):
    """Store "Is this page useful?" and go back to the page, thanked; errors keep the text."""
    form = PageFeedbackForm(request.POST)
    if not form.is_valid():
        return feedback_error(request, form, status=400)
    data = form.cleaned_data
    page = data["page"]
    try:
        feedback_record(
            page=page,
            useful=data["useful"] == "yes",
            text=data["text"],
            website=data["website"],
            client=client_ip(request),
        )
    except FeedbackSpam:
        return feedback_error(request, form, status=400, message=FEEDBACK_SPAM)
    except RateLimited as limited:
        response = feedback_error(request, form, status=429, message=FEEDBACK_RATE_LIMITED)
        response["Retry-After"] = str(limited.retry_after)
        return response
    return redirect(f"{page.get_url(request)}?feedback=thanks#page-feedback")


def feedback_error(request, form, *, status: int, message: str = ""):
    """The feedback form again with what went wrong and the reader's own text."""
    response = render(
        request,
        "hub/page_feedback_error.html",
        {
            "form": form,
            "feedback_page": form.cleaned_data.get("page"),
            "message": message,
            "max_length": FEEDBACK_TEXT_MAX,
        },
        status=status,
    )
    add_never_cache_headers(response)
    return response
