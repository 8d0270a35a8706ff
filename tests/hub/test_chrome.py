"""The site chrome: error pages, pagination and download labels."""

import pytest

from django.core.paginator import Paginator
from django.test import RequestFactory, override_settings

from hub.pagination import page_window, paginate
from hub.templatetags.hub_tags import human_size
from hub.views import server_error


@pytest.mark.django_db
def test_unknown_address_gets_the_branded_404_page(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b"Procurement Knowledge Hub" in response.content


@override_settings(DEBUG=False)
def test_server_error_page_is_branded_and_needs_no_database():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert b"Sorry, there is a problem with the service" in response.content


@pytest.mark.parametrize(
    ("value", "expected"),
    [("0", 5), ("2", 2), ("abc", 1), ("999", 5), ("-1", 5), ("", 1)],
)
def test_paginate_tolerates_bad_page_numbers(value, expected):
    request = RequestFactory().get("/", {"page": value})
    assert paginate(request, list(range(50)), per_page=10).number == expected


def test_page_window_elides_long_runs():
    page = Paginator(list(range(200)), 10).page(10)
    assert page_window(page) == [1, None, 8, 9, 10, 11, 12, None, 20]


@pytest.mark.parametrize(
    ("size", "text"), [(850, "850 bytes"), (250_000, "244 KB"), (1_300_000, "1.2 MB")]
)
def test_human_size_reads_like_govuk(size, text):
    assert human_size(size) == text
