"""Purging the proxy in front: by URL for a published page, the whole site when anything changes."""

import pytest
from django_tasks import default_task_backend

from hub.frontend_cache import purge_site_task
from hub.settings.base import frontend_cache_settings
from tests.factories import StandardPageFactory


class FakeBackend:
    """A frontend cache that records what it was asked to purge."""

    calls: list = []

    def __init__(self, params):
        pass

    def invalidates_hostname(self, hostname):
        return True

    def purge(self, url):
        self.calls.append(("purge", url))

    def purge_batch(self, urls):
        self.calls.extend(("purge", url) for url in urls)

    def purge_all(self, hostname):
        self.calls.append(("ban", hostname))


@pytest.fixture
def fake_cdn(settings):
    """A fake CDN configured, and a task queue that only records what is enqueued."""
    settings.WAGTAILFRONTENDCACHE = {"fake": {"BACKEND": f"{__name__}.FakeBackend"}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    FakeBackend.calls = []
    default_task_backend.clear()
    yield FakeBackend.calls
    default_task_backend.clear()


def purges_queued() -> set:
    """The names of the purge tasks enqueued so far."""
    names = {result.task.name for result in default_task_backend.results}
    return {name for name in names if name.startswith("purge_")}


def run_queued():
    """What a worker does: run every task enqueued so far."""
    for result in list(default_task_backend.results):
        if result.task.name.startswith("purge_"):
            result.task.call(*result.args, **result.kwargs)
    default_task_backend.clear()


def test_a_publish_queues_the_purges_and_calls_no_cdn_itself(
    home, fake_cdn, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=home, slug="guides")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert fake_cdn == []  # nothing waited on the CDN during the publish
    assert purges_queued() == {"purge_urls_from_cache_task", "purge_site_task"}
    run_queued()
    assert ("purge", page.full_url) in fake_cdn
    assert {call for call in fake_cdn if call[0] == "ban"} == {("ban", "localhost")}


def test_a_snippet_or_setting_change_bans_the_whole_site(
    home, fake_cdn, django_capture_on_commit_callbacks
):
    from hub.models import SiteSettings

    site_settings = SiteSettings.for_site(home.get_site())
    default_task_backend.clear()
    with django_capture_on_commit_callbacks(execute=True):
        site_settings.feedback_email = "new-feedback@example.gov.uk"
        site_settings.save()
    assert purges_queued() == {"purge_site_task"}
    run_queued()
    assert fake_cdn == [("ban", "localhost")]


def test_a_draft_saved_purges_nothing(home, fake_cdn, django_capture_on_commit_callbacks):
    page = StandardPageFactory(parent=home, slug="guides")
    default_task_backend.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Draft title"
        page.save_revision()
    assert purges_queued() == set()


def test_no_site_ban_is_queued_without_a_cdn(home, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = None
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    page = StandardPageFactory(parent=home, slug="guides")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    # Wagtail queues its URL purge anyway, and it does nothing without a backend.
    assert "purge_site_task" not in purges_queued()


def test_cdns_are_configured_from_the_environment():
    assert frontend_cache_settings({}) is None
    configured = frontend_cache_settings(
        {
            "FRONTEND_CACHE_VARNISH_URL": "http://127.0.0.1:6081",
            "FRONTEND_CACHE_CLOUDFLARE_ZONEID": "zone",
            "FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN": "token",
        }
    )
    assert configured["varnish"] == {
        "BACKEND": "hub.frontend_cache.VarnishBackend",
        "LOCATION": "http://127.0.0.1:6081",
    }
    assert configured["cloudflare"]["ZONEID"] == "zone"


def test_the_varnish_backend_bans_with_the_site_host(monkeypatch):
    from hub import frontend_cache

    sent = []
    monkeypatch.setattr(frontend_cache, "urlopen", lambda request, timeout: sent.append(request))
    backend = frontend_cache.VarnishBackend({"LOCATION": "http://127.0.0.1:6081"})
    backend.purge_all("hub.example:8000")
    assert sent[0].get_method() == "BAN"
    assert sent[0].full_url == "http://127.0.0.1:6081/"
    assert sent[0].get_header("Host") == "hub.example:8000"


def test_purge_site_task_reaches_every_backend(fake_cdn):
    purge_site_task.call(["a.example", "b.example"])
    assert fake_cdn == [("ban", "a.example"), ("ban", "b.example")]
