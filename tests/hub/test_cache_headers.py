"""Cache-Control for shared caches: public only for what the page cache stores, clock-capped."""

from datetime import UTC, datetime, timedelta

import time_machine

from django.utils.cache import cc_delim_re

from tests.consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from tests.factories import StandardPageFactory


def directives(response) -> dict:
    """The response's Cache-Control as a dict of directive to value (True when bare)."""
    found = {}
    for part in cc_delim_re.split(response.get("Cache-Control", "")):
        name, _, value = part.strip().partition("=")
        if name:
            found[name.lower()] = int(value) if value else True
    return found


def assert_never_public(response):
    cache_control = directives(response)
    assert "public" not in cache_control
    assert "s-maxage" not in cache_control
    assert cache_control.keys() & {"private", "no-store", "no-cache"}


def test_an_anonymous_page_is_public_for_the_page_cache_lifetime(client, home, page_cache):
    StandardPageFactory(parent=home, slug="guides")
    # 10:00 UTC on a day with nothing changing by the clock.
    with time_machine.travel(datetime(2026, 1, 5, 10, 0, tzinfo=UTC), tick=False) as clock:
        first = directives(client.get("/guides/"))
        assert first == {
            "public": True,
            "max-age": 60,
            "s-maxage": 600,
            "stale-while-revalidate": 30,
            "stale-if-error": 86400,
        }
        clock.shift(timedelta(seconds=100))
        replayed = client.get("/guides/")
    # A replay says how much of the stored page's lifetime has gone.
    assert replayed["Age"] == "100"
    assert directives(replayed)["s-maxage"] == 600


def test_s_maxage_ends_at_the_closing_instant_and_nothing_is_served_stale_past_it(
    client, home, page_cache
):
    index = ConsultationIndexPageFactory(parent=home)
    consultation = ConsultationPageFactory(parent=index, slug="construction")
    with time_machine.travel(consultation.closes_at - timedelta(seconds=90), tick=False):
        for url in [consultation.url, index.url, "/"]:
            cache_control = directives(client.get(url))
            assert cache_control["public"] is True
            # Two seconds short of the instant: a shared cache counts from when the page reaches it.
            assert cache_control["s-maxage"] == 88
            assert cache_control["max-age"] == 60
            assert cache_control["stale-while-revalidate"] == 0
            assert cache_control["stale-if-error"] == 0


def test_while_a_consultation_is_open_pages_may_go_stale_until_uk_midnight_only(
    client, home, page_cache
):
    index = ConsultationIndexPageFactory(parent=home)
    consultation = ConsultationPageFactory(parent=index, slug="construction")
    # 22:45 UTC on 26 June 2026 is 23:45 BST: UK midnight is 15 minutes away.
    with time_machine.travel(datetime(2026, 6, 26, 22, 45, tzinfo=UTC), tick=False):
        assert consultation.opens_at < datetime(2026, 6, 26, tzinfo=UTC)
        cache_control = directives(client.get(consultation.url))
    assert cache_control["s-maxage"] == 600
    assert cache_control["stale-while-revalidate"] == 30
    # Stale copies end two seconds before midnight, like s-maxage before a closing instant.
    assert cache_control["stale-if-error"] == 298


def test_the_comment_form_is_never_public(client, home, page_cache):
    index = ConsultationIndexPageFactory(parent=home)
    consultation = ConsultationPageFactory(parent=index, slug="construction")
    with time_machine.travel(consultation.opens_at + timedelta(days=1)):
        form = client.get(consultation.url + "respond/")
        assert form.status_code == 200
        assert form.cookies
        assert_never_public(form)
        posted = client.post(consultation.url + "respond/", {})
        assert_never_public(posted)


def test_signed_in_pages_and_the_admin_are_never_public(client, home, page_cache, admin_user):
    page = StandardPageFactory(parent=home, slug="guides")
    client.get("/guides/")  # stored for anonymous visitors
    client.force_login(admin_user)
    for url in ["/guides/", "/", "/admin/", f"/admin/pages/{page.pk}/edit/preview/"]:
        assert_never_public(client.get(url))


def test_other_cookies_and_errors_are_never_public(client, home, page_cache):
    StandardPageFactory(parent=home, slug="guides")
    assert_never_public(client.get("/no-such-page/"))
    client.cookies["sessionid"] = "whatever"
    assert_never_public(client.get("/guides/"))


def test_nothing_is_public_with_the_page_cache_off(client, home, settings):
    settings.PAGE_CACHE_SECONDS = 0
    StandardPageFactory(parent=home, slug="guides")
    assert_never_public(client.get("/guides/"))


def test_no_response_that_sets_a_cookie_is_ever_public(client, home, page_cache, admin_user):
    index = ConsultationIndexPageFactory(parent=home)
    consultation = ConsultationPageFactory(parent=index, slug="construction")
    urls = [
        "/",
        index.url,
        consultation.url,
        consultation.url + "respond/",
        "/search/?q=x",
        "/admin/login/",
        "/no-such-page/",
    ]
    seen = 0
    with time_machine.travel(consultation.opens_at + timedelta(days=1)):
        for signed_in in (False, True):
            if signed_in:
                client.force_login(admin_user)
            for url in urls:
                for _ in range(2):
                    response = client.get(url)
                    if response.cookies or signed_in:
                        seen += 1
                        assert_never_public(response)
    assert seen > len(urls)


def test_a_page_rendered_across_a_publish_is_never_public(rf, home, page_cache):
    """It carries the old generation's clock rule, and the CDN purge may already have run."""
    from django.http import HttpResponse

    from hub.page_cache import PageCacheMiddleware, bump_generation

    def publishing_view(request):
        bump_generation()
        return HttpResponse(b"<p>rendered</p>")

    request = rf.get("/guides/")
    request.user = type("Anonymous", (), {"is_authenticated": False})()
    response = PageCacheMiddleware(publishing_view)(request)
    assert_never_public(response)
