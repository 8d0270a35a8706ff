"""Request-level helpers for the hub."""

import time

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http.request import split_domain_port

from wagtail.models import Site


# Sites change a handful of times in a site's life, yet Wagtail looks one up on every request.
# Each process keeps what it found for a short while; a change in this process clears it at once.
SITE_CACHE_SECONDS = 30
_sites: dict[tuple[str, int], tuple[float, dict | None]] = {}


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def _forget_sites(**kwargs):
    _sites.clear()


def find_site(request) -> Site | None:
    """The site for this request, from a short-lived per-process cache of its row."""
    hostname = split_domain_port(request._get_raw_host())[0]
    key = (hostname, request.get_port())
    now = time.monotonic()
    cached = _sites.get(key)
    if not cached or now - cached[0] >= SITE_CACHE_SECONDS:
        site = Site._find_for_request(request)
        fields = {f.attname: getattr(site, f.attname) for f in Site._meta.concrete_fields}
        cached = _sites[key] = (now, fields if site else None)
    # A fresh instance per request, so nothing fetched through it (such as the root page)
    # outlives the request.
    return Site(**cached[1]) if cached[1] else None


class SiteMiddleware:
    """Attach the Wagtail site to the request before Wagtail looks for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = find_site(request)
        return self.get_response(request)
