"""Purging a CDN or caching proxy in front of the hub when content changes.

Wagtail's frontend_cache purges a published or unpublished page by its URLs (its own signal
handlers, run through the task queue). A change can also show on any other page (navigation,
listings, snippets, settings), which is why the page cache starts a new generation; the same
moment here bans the whole site from the proxy, again through the task queue, so a slow CDN API
never delays a publish.
"""

import logging
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

import requests
from django_tasks import task

from django.conf import settings

from wagtail.contrib.frontend_cache.backends import CloudflareBackend, HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends

from .page_cache import content_changed


logger = logging.getLogger("wagtail.frontendcache")


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP PURGE backend, able to ban a whole site too (deploy/varnish/default.vcl)."""

    def purge_all(self, hostname: str) -> None:
        """Ban every page the proxy holds for this host name."""
        request = Request(  # noqa: S310 - the scheme comes from settings
            f"{self.cache_scheme}://{self.cache_netloc}/",
            method="BAN",
            headers={"Host": hostname, "User-Agent": "hub-frontendcache"},
        )
        try:
            urlopen(request, timeout=10)  # noqa: S310 - the scheme comes from settings
        except OSError as error:
            logger.error("Couldn't ban %s from the HTTP cache: %s", hostname, error)


class CloudflareEverythingBackend(CloudflareBackend):
    """Wagtail's Cloudflare backend, which can also purge the whole zone."""

    def purge_all(self, hostname: str) -> None:
        """Purge everything in the zone (one zone per site)."""
        headers = {"Content-Type": "application/json"}
        if self.cloudflare_token:
            headers["Authorization"] = f"Bearer {self.cloudflare_token}"
        else:
            headers["X-Auth-Email"] = self.cloudflare_email
            headers["X-Auth-Key"] = self.cloudflare_api_key
        try:
            response = requests.post(
                self.cloudflare_purge_endpoint_url,
                json={"purge_everything": True},
                headers=headers,
                timeout=30,
            )
            response.raise_for_status()
        except requests.RequestException as error:
            logger.error("Couldn't purge %s from Cloudflare: %s", hostname, error)


@task()
def purge_site_task(hostnames: list[str]) -> None:
    """Drop every page of these sites from every configured proxy or CDN."""
    for backend in get_backends().values():
        for hostname in hostnames:
            if hasattr(backend, "purge_all"):
                backend.purge_all(hostname)
            else:  # CloudFront: a wildcard invalidation
                backend.purge_batch([f"https://{hostname}/*"])


def site_changed(sender=None, instance=None, **kwargs) -> None:
    """Queue a site-wide purge: the page-cache generation moved, so any page may have changed."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.models import Site

    hostnames = sorted({urlsplit(site.root_url).netloc for site in Site.objects.all()})
    task = purge_site_task
    if task.get_backend().supports_priority:
        # Ahead of the search and reference index updates the same publish queues.
        task = task.using(priority=100)
    task.enqueue(hostnames)


def connect_signals() -> None:
    """Ban the site from the proxy whenever the page-cache generation moves."""
    content_changed.connect(site_changed, dispatch_uid="frontend_cache_site_changed")
