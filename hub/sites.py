"""The default Site's public address, from settings.SITE_HOSTNAME and SITE_PORT."""

from django.conf import settings

from wagtail.models import Site


def default_site_address_set(hostname: str = "", port: int | None = None) -> Site | None:
    """Point the default Site at hostname:port (settings when not given); None if no address."""
    hostname = hostname or settings.SITE_HOSTNAME
    port = port or settings.SITE_PORT
    site = Site.objects.filter(is_default_site=True).first()
    if not hostname or site is None:
        return None
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
    return site


def site_address_after_migrate(**kwargs):
    """post_migrate: keep the default Site on the configured address after every deploy."""
    if settings.SITE_HOSTNAME:
        default_site_address_set()
