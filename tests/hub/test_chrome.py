"""The site chrome: error pages, pagination and download labels."""

import re

import pytest

from django.template import RequestContext, Template
from django.test import RequestFactory, override_settings

from hub.pagination import paginate
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


def test_pager_elides_long_runs_and_keeps_the_query():
    request = RequestFactory().get("/", {"q": "waste", "page": "10"})
    page = paginate(request, list(range(200)), per_page=10)
    html = Template("{% load hub_tags %}{% pagination page %}").render(
        RequestContext(request, {"page": page})
    )
    items = re.findall(r'aria-label="Page (\d+)"|(ellipses)', html)
    assert [number or None for number, _ in items] == [
        "1",
        None,
        "8",
        "9",
        "10",
        "11",
        "12",
        None,
        "20",
    ]
    assert 'href="?q=waste&amp;page=11" rel="next"' in html


@pytest.mark.parametrize(
    ("size", "text"), [(850, "850 bytes"), (250_000, "244 KB"), (1_300_000, "1.2 MB")]
)
def test_human_size_reads_like_govuk(size, text):
    assert human_size(size) == text
