"""Point the default Wagtail Site at the public host and port."""

from django.core.management.base import BaseCommand, CommandError

from hub.sites import default_site_address_set


class Command(BaseCommand):
    help = (
        "Set the default Site's host name and port (default: SITE_HOSTNAME and SITE_PORT), so "
        "emails and sitemap.xml link to the real address. Port 443 gives https:// links."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hostname", default="")
        parser.add_argument("--port", type=int)

    def handle(self, *args, hostname="", port=None, **options):
        site = default_site_address_set(hostname, port)
        if site is None:
            raise CommandError("Give --hostname (or set SITE_HOSTNAME) and create a default Site.")
        self.stdout.write(f"Default site: {site.root_url}")
