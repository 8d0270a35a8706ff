"""Remembered parts of rendered pages: reused while nothing changes, never past a change."""

from datetime import timedelta

import pytest
import time_machine

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from hub.page_cache import remembered
from tests.casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from tests.consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from tests.factories import KeyAreaFactory, KeyAreaPageFactory, StandardPageFactory


@pytest.fixture
def rendered(client, page_cache):
    """A client whose every GET is rendered: its cookie keeps the page cache out of the way."""
    client.cookies["sessionid"] = "none"

    def get(url):
        response = client.get(url)
        assert response.status_code == 200
        assert "Age" not in response
        return response.content.decode()

    return get


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change's on-commit work (the generation bump) as a committed transaction would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_key_area_shows_a_newly_published_related_case_study_on_the_next_get(
    home, rendered, committed
):
    key_area = KeyAreaFactory()
    page = KeyAreaPageFactory(parent__parent__parent__parent=home, key_area=key_area)
    index = CaseStudyIndexPageFactory(parent=home)
    assert "Pipeline of home care contracts" not in rendered(page.url)

    with committed():
        CaseStudyPageFactory(
            parent=index, title="Pipeline of home care contracts", key_areas=[key_area]
        )

    assert "Pipeline of home care contracts" in rendered(page.url)


def test_a_new_section_shows_in_every_pages_navigation_on_the_next_get(home, rendered, committed):
    StandardPageFactory(parent=home, slug="guides", title="Guides", show_in_menus=True)
    assert ">Guides<" in rendered("/guides/").replace("\n", "").replace(" ", "")

    with committed():
        StandardPageFactory(parent=home, slug="events", title="Events", show_in_menus=True)

    navigation = rendered("/guides/")
    assert 'href="/events/"' in navigation


def test_remembered_parts_are_reused_while_nothing_changes(home, rendered):
    url = KeyAreaPageFactory(parent__parent__parent__parent=home, slug="contracts").url
    with CaptureQueriesContext(connection) as first:
        rendered(url)
    with CaptureQueriesContext(connection) as second:
        rendered(url)
    # The navigation, breadcrumbs, edition banner and related items were not read again.
    assert len(second) <= len(first) - 4


def test_the_home_pages_respond_action_ends_at_the_closing_instant(home, rendered):
    index = ConsultationIndexPageFactory(parent=home)
    consultation = ConsultationPageFactory(parent=index, slug="construction")
    with time_machine.travel(consultation.closes_at - timedelta(seconds=1), tick=False) as clock:
        assert "Respond to the open consultation" in rendered("/")
        clock.shift(timedelta(seconds=0.5))
        assert "Respond to the open consultation" in rendered("/")
        clock.shift(timedelta(seconds=1.5))  # one second after closing
        after = rendered("/")
    assert "Respond to the open consultation" not in after
    assert "No consultation is open now" in after


def test_previews_are_never_served_nor_stored_remembered_values(db, page_cache):
    calls = []
    request = RequestFactory().get("/")
    request.is_preview = True
    for _ in range(2):
        remembered("preview-test", lambda: calls.append(1) or len(calls), request)
    assert calls == [1, 1]
    assert remembered("preview-test", lambda: "fresh") == "fresh"


def test_without_the_page_cache_nothing_is_remembered(db, settings):
    settings.PAGE_CACHE_SECONDS = 0
    assert remembered("off-test", lambda: 1) == 1
    assert remembered("off-test", lambda: 2) == 2


def test_a_remembered_block_with_a_csrf_token_is_never_reused(db, page_cache):
    from django.template import engines

    template = engines["django"].from_string(
        "{% load hub_tags %}{% remember 'form' %}{% csrf_token %}{% endremember %}"
    )
    first, second = RequestFactory().get("/"), RequestFactory().get("/")
    html = [template.render({}, request) for request in (first, second)]
    assert "csrfmiddlewaretoken" in html[1]
    assert html[0] != html[1], "each request renders its own token"


def test_this_processs_store_keeps_what_was_used_last():
    from hub.page_cache import RecentPages

    store = RecentPages(size=2)
    store.add("a", {"n": 1})
    store.add("b", {"n": 2})
    assert store.get("a") == {"n": 1}  # used: now the newest
    store.add("c", {"n": 3})
    assert store.get("b") is None
    assert store.get("a") == {"n": 1} and store.get("c") == {"n": 3}
