"""The anonymous page cache: changes show at once, clock-driven states end it, nothing private."""

import pickle
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from django.core.cache import cache
from django.core.files.base import ContentFile

from wagtail.documents.models import Document

from hub.models import SiteSettings
from tests.casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from tests.consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from tests.factories import CouncilFactory, StandardPageFactory


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a page's latest content the way the admin does, committing its transaction."""

    def publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()

    return publish


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def assert_cached(client, url):
    """The page is now answered from the cache (a replay carries an Age header)."""
    assert "Age" in get(client, url)


def stored_entries():
    """Every page held in the (in-memory) test cache."""
    items = cache._cache.items()
    return [pickle.loads(value) for key, value in items if ":pagecache:page:" in key]  # noqa: S301


def test_publishing_a_page_shows_on_the_next_get(client, home, page_cache, publish):
    page = StandardPageFactory(parent=home, title="Guides", slug="guides")
    get(client, "/guides/")
    assert_cached(client, "/guides/")

    page.title = "Guides for buyers"
    publish(page)

    response = get(client, "/guides/")
    assert "Age" not in response
    assert "Guides for buyers" in response.content.decode()


def test_a_snippet_shown_on_another_page_shows_on_the_next_get(
    client, home, page_cache, django_capture_on_commit_callbacks
):
    council = CouncilFactory(name="Northmoor County Council")
    case_study = CaseStudyPageFactory(
        parent=CaseStudyIndexPageFactory(parent=home), slug="pipeline", lead_council=council
    )
    url = case_study.url
    assert "Northmoor County Council" in get(client, url).content.decode()
    assert_cached(client, url)

    with django_capture_on_commit_callbacks(execute=True):
        council.name = "Northmoor Council"
        council.save()

    assert "Northmoor Council<" in get(client, url).content.decode()


def test_a_document_listed_on_a_page_shows_on_the_next_get(
    client, home, page_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = Document.objects.create(
            title="Pipeline template", file=ContentFile(b"a,b\n", name="pipeline.csv")
        )
    StandardPageFactory(parent=home, slug="downloads", body=[("document", {"document": document})])
    assert "Pipeline template" in get(client, "/downloads/").content.decode()
    assert_cached(client, "/downloads/")

    with django_capture_on_commit_callbacks(execute=True):
        document.title = "Forward pipeline template"
        document.save()

    assert "Forward pipeline template" in get(client, "/downloads/").content.decode()


def test_site_settings_show_on_the_next_get(
    client, home, page_cache, django_capture_on_commit_callbacks
):
    get(client, "/")
    assert_cached(client, "/")
    with django_capture_on_commit_callbacks(execute=True):
        site_settings = SiteSettings.for_site(home.get_site())
        site_settings.feedback_email = "new-feedback@example.gov.uk"
        site_settings.save()
    assert "new-feedback@example.gov.uk" in get(client, "/").content.decode()


def test_a_change_rolled_back_or_not_yet_committed_does_not_end_the_generation(
    client, home, page_cache
):
    page = StandardPageFactory(parent=home, slug="guides")
    get(client, "/guides/")
    # The test's own transaction never commits, so no on-commit bump runs.
    page.save_revision().publish()
    assert_cached(client, "/guides/")


def test_query_strings_are_keys_in_any_order(client, home, page_cache):
    index = CaseStudyIndexPageFactory(parent=home)
    CaseStudyPageFactory(parent=index, year=2024)
    get(client, "/case-studies/?year=2024&sort=saving")
    assert_cached(client, "/case-studies/?sort=saving&year=2024")
    assert "Age" not in get(client, "/case-studies/?year=2023&sort=saving")


def test_a_consultation_cached_a_second_before_closing_shows_closed_a_second_after(
    client, home, page_cache
):
    index = ConsultationIndexPageFactory(parent=home)
    consultation = ConsultationPageFactory(parent=index, slug="construction")
    closes = consultation.closes_at  # 23:00 UTC on 30 June 2026: UK midnight
    with time_machine.travel(closes - timedelta(seconds=1), tick=False) as clock:
        before = get(client, consultation.url)
        assert "Open" in before.content.decode()
        clock.shift(timedelta(seconds=0.5))
        assert_cached(client, consultation.url)
        clock.shift(timedelta(seconds=1.5))  # one second after closing
        after = get(client, consultation.url)
    assert "Age" not in after
    assert "Closed" in after.content.decode()
    assert "We are analysing your feedback" in after.content.decode()


def test_an_open_consultation_page_ends_at_the_next_uk_midnight(client, home, page_cache):
    """Its countdown ("Closing in 3 days") drops by one at each UK midnight."""
    index = ConsultationIndexPageFactory(parent=home)
    consultation = ConsultationPageFactory(parent=index, slug="construction")
    # 22:59:59 UTC on 26 June is 23:59:59 BST: four days left, then three.
    with time_machine.travel(datetime(2026, 6, 26, 22, 59, 59, tzinfo=UTC), tick=False) as clock:
        assert "Closing in 4 days" in get(client, consultation.url).content.decode()
        clock.shift(timedelta(seconds=2))
        assert "Closing in 3 days" in get(client, consultation.url).content.decode()


def test_a_forthcoming_consultation_opens_on_time_on_every_page(client, home, page_cache):
    index = ConsultationIndexPageFactory(parent=home)
    consultation = ConsultationPageFactory(parent=index, slug="construction")
    with time_machine.travel(consultation.opens_at - timedelta(seconds=1), tick=False) as clock:
        assert "Forthcoming" in get(client, index.url).content.decode()
        assert "Closing in" not in get(client, "/").content.decode()
        assert_cached(client, "/")
        clock.shift(timedelta(seconds=2))
        assert "Closing in" in get(client, index.url).content.decode()
        assert "Closing in" in get(client, "/").content.decode()


def test_the_comment_form_sets_a_cookie_and_is_never_stored_or_served(client, home, page_cache):
    index = ConsultationIndexPageFactory(parent=home)
    consultation = ConsultationPageFactory(parent=index, slug="construction")
    url = consultation.url + "respond/"
    with time_machine.travel(consultation.opens_at + timedelta(days=1)):
        first = client.get(url)
        assert first.status_code == 200
        assert b"csrfmiddlewaretoken" in first.content
        second = client.get(url)
    assert "Age" not in second
    assert stored_entries() == []


def test_signed_in_users_are_never_served_from_nor_stored_in_the_cache(
    client, home, page_cache, admin_user
):
    StandardPageFactory(parent=home, slug="guides")
    client.force_login(admin_user)
    get(client, "/guides/")
    assert stored_entries() == []

    anonymous = type(client)()
    get(anonymous, "/guides/")
    assert len(stored_entries()) == 1
    response = get(client, "/guides/")
    assert "Age" not in response


def test_any_cookie_but_the_csrf_one_bypasses_the_cache(client, home, page_cache):
    StandardPageFactory(parent=home, slug="guides")
    get(client, "/guides/")
    client.cookies["csrftoken"] = "x" * 32
    assert_cached(client, "/guides/")
    client.cookies["sessionid"] = "whatever"
    assert "Age" not in get(client, "/guides/")


def test_a_response_setting_a_cookie_or_private_is_not_stored(client, home, page_cache, settings):
    from django.http import HttpRequest

    from hub import page_cache as module

    request = HttpRequest()
    request.method = "GET"
    response = module.HttpResponse(b"<p>hello</p>")
    assert module.may_store(request, response)
    response.set_cookie("seen", "1")
    assert not module.may_store(request, response)
    private = module.HttpResponse(b"<p>hello</p>", headers={"Cache-Control": "private"})
    assert not module.may_store(request, private)
    token = module.HttpResponse(b'<input name="csrfmiddlewaretoken" value="x">')
    assert not module.may_store(request, token)
    by_language = module.HttpResponse(b"<p>hello</p>", headers={"Vary": "Accept-Language"})
    assert not module.may_store(request, by_language)


def test_no_stored_page_ever_carries_a_cookie_or_a_token(client, home, page_cache, admin_user):
    index = ConsultationIndexPageFactory(parent=home)
    consultation = ConsultationPageFactory(parent=index, slug="construction")
    urls = ["/", index.url, consultation.url, consultation.url + "respond/", "/search/?q=x"]
    with time_machine.travel(consultation.opens_at + timedelta(days=1)):
        for url in urls:
            client.get(url)
            client.get(url)
        client.force_login(admin_user)
        for url in [*urls, "/admin/"]:
            client.get(url)
    entries = stored_entries()
    assert entries
    for entry in entries:
        assert b"csrfmiddlewaretoken" not in entry["content"]
        assert "Set-Cookie" not in dict(entry["headers"])
        assert b"Sign out" not in entry["content"]


def test_a_replayed_page_is_the_stored_bytes_and_headers(client, home, page_cache):
    first = get(client, "/")
    replay = get(client, "/")
    assert "Age" in replay
    assert replay.content == first.content
    assert replay["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_page_rendered_across_a_closing_instant_is_not_stored(rf, home, page_cache):
    from django.http import HttpResponse

    from hub.page_cache import PageCacheMiddleware

    index = ConsultationIndexPageFactory(parent=home)
    consultation = ConsultationPageFactory(parent=index, slug="construction")
    with time_machine.travel(consultation.closes_at - timedelta(seconds=0.5), tick=False) as clock:

        def slow_view(request):
            clock.shift(timedelta(seconds=2))  # the consultation closes while this renders
            return HttpResponse(b"<p>Open</p>")

        PageCacheMiddleware(slow_view)(rf.get("/consultations/construction/"))
    assert stored_entries() == []


def test_a_render_begun_before_a_closing_keeps_its_own_clock_rule(rf, home, page_cache):
    """A request begun after the closing sees nothing change ahead; one begun before must not."""
    from django.http import HttpResponse

    from hub.page_cache import PageCacheMiddleware

    index = ConsultationIndexPageFactory(parent=home)
    consultation = ConsultationPageFactory(parent=index, slug="construction")
    with time_machine.travel(consultation.closes_at - timedelta(seconds=0.5), tick=False) as clock:

        def slow_view(request):
            clock.shift(timedelta(seconds=2))
            # Meanwhile a request begun after the closing works out the next change: none.
            PageCacheMiddleware(lambda request: HttpResponse(b"<p>Closed</p>"))(
                rf.get("/consultations/")
            )
            return HttpResponse(b"<p>Open</p>")

        response = PageCacheMiddleware(slow_view)(rf.get("/consultations/construction/"))
    assert "public" not in response.get("Cache-Control", "")
    assert [entry["content"] for entry in stored_entries()] == [b"<p>Closed</p>"]


def test_finder_facet_counts_are_kept_per_filter_set_until_content_changes(
    client, home, page_cache, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    index = CaseStudyIndexPageFactory(parent=home)
    CaseStudyPageFactory(parent=index, year=2024)
    # A cookie keeps the page cache out of the way: these requests are all rendered.
    client.cookies["sessionid"] = "none"
    with CaptureQueriesContext(connection) as first:
        assert "2024 (1)" in get(client, "/case-studies/?sort=saving").content.decode()
    with CaptureQueriesContext(connection) as second:
        get(client, "/case-studies/?sort=saving")
    assert len(second) <= len(first) - 7  # the seven facets' counts came from the cache

    with django_capture_on_commit_callbacks(execute=True):
        CaseStudyPageFactory(parent=index, year=2024, slug="another")
    assert "2024 (2)" in get(client, "/case-studies/?sort=saving").content.decode()


def test_a_publish_while_the_cache_is_down_shows_once_it_is_back(
    client, home, page_cache, publish, monkeypatch
):
    """django-redis with IGNORE_EXCEPTIONS reads a Redis outage as misses and failed writes."""
    page = StandardPageFactory(parent=home, title="Guides", slug="guides")
    get(client, "/guides/")
    assert_cached(client, "/guides/")

    with monkeypatch.context() as outage:
        outage.setattr(page_cache, "get", lambda key, default=None, **kwargs: default)
        outage.setattr(page_cache, "add", lambda *args, **kwargs: False)
        outage.setattr(page_cache, "set", lambda *args, **kwargs: None)
        outage.setattr(page_cache, "incr", lambda *args, **kwargs: None)
        page.title = "Guides for buyers"
        publish(page)  # its generation bump is lost
        assert "Guides for buyers" in get(client, "/guides/").content.decode()

    # Redis is back with the old generation, and the page stored under it.
    response = get(client, "/guides/")
    assert "Age" not in response
    assert "Guides for buyers" in response.content.decode()


def test_a_generation_bump_that_fails_is_tried_again_at_once(
    client, home, page_cache, publish, monkeypatch
):
    """A Redis call that times out must not leave old content, and its clock rule, in use."""
    from hub.page_cache import cache_was_down

    page = StandardPageFactory(parent=home, title="Guides", slug="guides")
    get(client, "/guides/")
    assert_cached(client, "/guides/")
    real_incr, waited = page_cache.incr, []

    def incr_answering_only_a_second_try(key, *args, **kwargs):
        if not waited:
            return None  # a timeout, which django-redis reads as a miss
        waited.clear()
        return real_incr(key, *args, **kwargs)

    monkeypatch.setattr(page_cache, "incr", incr_answering_only_a_second_try)
    monkeypatch.setattr("hub.page_cache.time.sleep", lambda seconds: seconds and waited.append(1))
    page.title = "Guides for buyers"
    publish(page)
    # As when a one-off process (a command) published and exited: nothing bumps in its place.
    cache_was_down.clear()
    response = get(client, "/guides/")
    assert "Age" not in response
    assert "Guides for buyers" in response.content.decode()
