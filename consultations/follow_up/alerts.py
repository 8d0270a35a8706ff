"""Public pages for email alerts: subscribe, confirm, unsubscribe (one click, RFC 8058)."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from consultations.follow_up.subscriptions import (
    subscribe_confirm,
    subscribe_request,
    token_is_valid,
    unsubscribe,
)
from consultations.forms import SubscribeForm
from consultations.models import Subscription
from consultations.views import retry_after
from hub.ratelimit import RateLimited


TOO_OFTEN = (
    "We have sent several emails to this address in the last hour. Wait an hour, then try again."
)


def private(request, template: str, context: dict | None = None, status: int = 200):
    """These pages carry personal links or addresses: never cached."""
    response = render(request, f"consultations/alerts/{template}", context, status=status)
    add_never_cache_headers(response)
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe_view(request):
    """Ask for an address, then send it a confirmation link."""
    form = SubscribeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                subscribe_request(form.cleaned_data["email"])
            except RateLimited as limited:
                form.add_error("email", TOO_OFTEN)
                response = private(request, "subscribe.html", {"form": form}, status=429)
                return retry_after(response, limited.retry_after)
            return redirect("consultations:subscribe_sent")
    return private(request, "subscribe.html", {"form": form}, status=status)


def subscribe_sent_view(request):
    """What to do next: follow the link in the email."""
    return private(request, "sent.html")


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe_confirm_view(request, token):
    """GET asks to confirm, as mail scanners follow links; POST stores the subscription."""
    if not token_is_valid(token):
        return private(request, "confirm.html", {"invalid": True}, status=400)
    if request.method == "POST":
        return private(request, "confirm.html", {"subscription": subscribe_confirm(token)})
    return private(request, "confirm.html", {"token": token})


@csrf_exempt  # mail programs POST here with no session (RFC 8058); the key is the secret
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe_view(request, key):
    """GET offers the button; POST, from the page or a mail program, unsubscribes at once."""
    if request.method == "POST":
        unsubscribe(key)
        return private(request, "unsubscribe.html", {"done": True})
    if not Subscription.objects.filter(key=key).exists():
        raise Http404("No subscription with this key")
    return private(request, "unsubscribe.html", {"key": key})
