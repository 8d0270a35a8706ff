"""Content-Security-Policy: the one place that decides which policy and nonce a response gets.

Public pages get settings.CONTENT_SECURITY_POLICY, whose script-src holds a nonce: templates put
``nonce="{{ request.csp_nonce }}"`` on each inline script, and the header names the same nonce.
The Wagtail admin (everything under /admin/, previews included) gets HUB_ADMIN_CSP_DIRECTIVES.

The page cache (hub.page_cache) sits before this middleware: it stores a page with its header
and records the nonce used, and on each replay swaps that nonce for a fresh one in the header and
the body alike (page_cache.fresh_nonce), so the two always match and no two visitors share one.
A response that already carries a Content-Security-Policy header is left as it is (django-csp's
own rule).
"""

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.middleware import PolicyParts

from django.conf import settings


ADMIN_PREFIX = "/admin/"


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware, with the admin's own policy under /admin/."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            return PolicyParts(config=settings.HUB_ADMIN_CSP_DIRECTIVES, nonce=None)
        return parts
