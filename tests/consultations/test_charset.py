"""A form body in another charset than UTF-8 is a 400 page, never a 500."""

import pytest

from django.test import Client

from tests.consultations.conftest import respond_url


pytestmark = pytest.mark.django_db


def test_a_latin_1_form_post_answers_400_everywhere(consultation):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.get("/admin/login/")
    token = client.cookies["csrftoken"].value
    body = f"csrfmiddlewaretoken={token}&q=caf%E9&text=caf%E9&username=caf%E9".encode()
    for url in ["/search/", respond_url(consultation), "/admin/login/"]:
        response = client.post(
            url, data=body, content_type="application/x-www-form-urlencoded; charset=iso-8859-1"
        )
        assert response.status_code == 400, url
        assert "Your request could not be read" in response.content.decode(), url
