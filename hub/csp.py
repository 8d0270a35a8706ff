"""Content-Security-Policy: django-csp's policy on public pages, the admin's own under /admin/.

Public pages load every script from a static file, so their policy has no nonce and a page
served from the page cache is the same bytes for every visitor. The Wagtail admin (everything
under /admin/, previews included) gets HUB_ADMIN_CSP_DIRECTIVES.
"""

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.middleware import PolicyParts

from django.conf import settings


ADMIN_PREFIX = "/admin/"


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware, with the admin's own policy under /admin/."""

    def get_policy_parts(self, request, response, report_only=False):
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            return PolicyParts(config=settings.HUB_ADMIN_CSP_DIRECTIVES, nonce=None)
        return super().get_policy_parts(request, response, report_only=report_only)
