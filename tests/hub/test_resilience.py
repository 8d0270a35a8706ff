"""Production behaviour of the hub itself: security headers, sign-in lockout, health, Redis down."""

import io
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import OperationalError
from django.test import Client

from wagtail.models import Site

from hub import views
from tests.browser.pages import demo_pages
from tests.utils import REDIS_DOWN, csp_directives


pytestmark = pytest.mark.django_db

# A <script> element without a src attribute: its code is in the page.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE)


def test_every_public_page_type_answers_200_with_redis_down_under_a_csp(demo_site, settings):
    from hub.page_cache import recent

    settings.CACHES = REDIS_DOWN
    # As in production with REDIS_URL set: the page cache and remembered parts are on.
    settings.PAGE_CACHE_SECONDS = 600
    recent.clear()
    client = Client()
    for label, path in [*demo_pages(), *demo_pages()]:
        response = client.get(path)
        expected = 404 if label == "page not found" else 200
        assert response.status_code == expected, (label, path, response.status_code)
        policy = response["Content-Security-Policy"]
        assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0], label
        assert "object-src 'none'" in policy and "frame-ancestors 'self'" in policy, label
        # Every script is a static file: no nonce in the policy, no script in the page.
        assert "nonce-" not in policy, label
        assert csp_directives(policy)["script-src"] == "'self'", label
        html = response.content.decode()
        assert not INLINE_SCRIPT.search(html), label
        assert "camera=()" in response["Permissions-Policy"], label


def test_no_template_outside_the_admin_has_an_inline_script():
    root = Path(__file__).resolve().parents[2] / "templates"
    top = len(root.parts)
    templates = [path for path in root.rglob("*.html") if "admin" not in path.parts[top]]
    assert templates
    inline = [str(path) for path in templates if INLINE_SCRIPT.search(path.read_text())]
    assert inline == []


def test_the_admin_has_its_own_policy_without_a_nonce(home, admin_user):
    client = Client()
    client.force_login(admin_user)
    for path in ["/admin/", "/admin/login/", f"/admin/pages/{home.pk}/edit/"]:
        response = client.get(path, follow=False)
        policy = response["Content-Security-Policy"]
        assert "script-src 'self' 'unsafe-inline'" in policy, path
        assert "nonce" not in policy, path
        assert "object-src 'none'" in policy, path


def test_sign_in_locks_a_username_and_address_after_5_failures_for_others_too(settings, home):
    settings.AXES_ENABLED = True
    users = get_user_model().objects
    users.create_superuser("alice", "alice@example.com", "right-password-a")
    users.create_superuser("bob", "bob@example.com", "right-password-b")

    def sign_in(username, password):
        client = Client(REMOTE_ADDR="203.0.113.9")
        response = client.post("/admin/login/", {"username": username, "password": password})
        return response, client.get("/admin/").status_code == 200

    statuses = [sign_in("alice", "wrong")[0].status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks
    response, signed_in = sign_in("alice", "right-password-a")
    assert response.status_code == 429 and not signed_in
    assert "Too many attempts to sign in" in response.content.decode()
    # Another person behind the same address is not locked out.
    response, signed_in = sign_in("bob", "right-password-b")
    assert response.status_code == 302 and signed_in


def test_healthz_reports_each_dependency_without_data(home, settings, monkeypatch):
    client = Client()
    healthy = client.get("/healthz")
    assert healthy.status_code == 200
    assert healthy.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok"},
    }
    settings.CACHES = REDIS_DOWN
    assert client.get("/healthz").json()["checks"]["cache"] == "failing"

    def down():
        raise OperationalError("connection refused")

    monkeypatch.setitem(views.HEALTH_CHECKS, "database", down)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "failing"


def test_set_site_points_links_at_the_real_host(home, settings):
    call_command("set_site", hostname="hub.example.org", port=443, stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == "https://hub.example.org"
    settings.SITE_HOSTNAME, settings.SITE_PORT = "procurement-hub.example", 8443
    emit_post_migrate_signal(0, False, "default")  # applied after every migrate
    response = Client().get("/sitemap.xml", HTTP_HOST="procurement-hub.example:8443")
    assert "http://procurement-hub.example:8443/" in response.content.decode()


def test_the_demo_site_takes_the_configured_host(db, settings):
    from hub.demo import load_home

    settings.SITE_HOSTNAME, settings.SITE_PORT = "hub.example.org", 443
    load_home()
    assert Site.objects.get(is_default_site=True).root_url == "https://hub.example.org"


def test_with_redis_down_the_cache_is_left_alone_for_a_while_then_tried_again(settings, caplog):
    from django.core.cache import caches

    from hub.cache import RETRY_AFTER_SECONDS

    settings.CACHES = REDIS_DOWN
    cache = caches["default"]
    with time_machine.travel(datetime(2026, 11, 30, 12, tzinfo=UTC), tick=False) as clock:
        for _ in range(10):
            assert cache.get("anything") is None
            cache.set("anything", 1)
        # One call reached Redis and failed; the other 19 were not made.
        assert len(caplog.records) == 1
        assert "serving without it" in caplog.records[0].getMessage()
        clock.shift(RETRY_AFTER_SECONDS + 1)
        assert cache.get("anything") is None
        assert len(caplog.records) == 2
        # A caller that must not wait out the pause (a generation bump) may call Redis at once.
        cache.client.retry_now()
        assert cache.get("anything") is None
        assert len(caplog.records) == 3
