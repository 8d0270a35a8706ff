"""The database down during a comment POST, wherever it fails: 503, text back, safe to resend."""

import contextlib
from datetime import timedelta

import pytest

from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client

from wagtail.test.utils.form_data import querydict_from_html

from consultations.models import Comment
from tests.consultations.conftest import form_data, post_comment, respond_url
from tests.utils import REDIS_DOWN


pytestmark = pytest.mark.django_db

TEXT = "Pipeline data should cover districts & <unitary> councils.\nSecond line: ŵ"


@contextlib.contextmanager
def database_down(monkeypatch):
    """Every query fails as it does while PostgreSQL is stopped."""

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused: is the server running?")

    with monkeypatch.context() as patch:
        patch.setattr(CursorWrapper, "execute", refuse)
        patch.setattr(CursorWrapper, "executemany", refuse)
        yield


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


def test_a_comment_post_meeting_a_dead_database_gets_its_answers_back_and_resends_once(
    client, consultation, clock, monkeypatch
):
    """Wagtail's routing (finding the site, then the page) is the first to meet it."""
    data = form_data(text=TEXT, name="Siân Llŷr")
    url = respond_url(consultation)
    clock.shift(timedelta(seconds=30))
    with database_down(monkeypatch):
        response = client.post(url, data)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Your response has not been sent" in html
    resend = querydict_from_html(html)
    assert resend["text"] == TEXT
    assert resend["name"] == "Siân Llŷr"
    assert resend["submission_id"] == data["submission_id"]
    assert resend["organisation_other"] == data["organisation_other"]
    assert resend["response_type"] == "official"
    assert Comment.objects.count() == 0

    # Back up: the form as shown is sent twice (a double click), and stored once.
    first = post_comment(client, consultation, clock, resend)
    second = post_comment(client, consultation, clock, resend)
    assert first.status_code == second.status_code == 303
    assert first["Location"] == second["Location"]
    comment = Comment.objects.get()
    assert comment.text == TEXT
    assert str(comment.idempotency_key) == data["submission_id"]


def test_any_page_meeting_a_dead_database_is_a_branded_503(client, consultation, monkeypatch):
    urls = [consultation.url, respond_url(consultation)]
    with database_down(monkeypatch):
        responses = [client.get(url) for url in urls]
    for response in responses:
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert "Sorry, the service is unavailable" in response.content.decode()


def test_the_outage_form_labels_every_field(client, consultation, clock, monkeypatch):
    url = respond_url(consultation)
    with database_down(monkeypatch):
        html = client.post(url, form_data()).content.decode()
    assert html.count("<h1") == 1
    for name in ("name", "email", "organisation_other", "role", "text"):
        assert f'for="id_{name}"' in html and f'id="id_{name}"' in html


def test_with_redis_down_comments_are_stored_and_the_rate_limit_fails_open(
    consultation, clock, settings, caplog
):
    settings.CACHES = REDIS_DOWN
    settings.CONSULTATIONS_RATE_LIMIT = 1
    client = Client()
    responses = [post_comment(client, consultation, clock, form_data()) for _ in range(3)]
    assert [r.status_code for r in responses] == [303, 303, 303]
    assert Comment.objects.count() == 3
    messages = [record.getMessage() for record in caplog.records if record.levelname == "WARNING"]
    assert any(m.startswith("Rate limit not") for m in messages), messages
    assert any(m.startswith("Cache unavailable") for m in messages), messages


def test_an_error_raised_while_handling_a_database_error_is_still_a_503(
    client, consultation, clock, monkeypatch
):
    """Such as a failing on-commit hook whose own error report fails."""
    from consultations import views

    def broken(**kwargs):
        try:
            raise OperationalError("server closed the connection unexpectedly")
        except OperationalError:
            raise AttributeError("partial has no __qualname__")  # noqa: B904 - as Django does

    monkeypatch.setattr(views, "comment_submit", broken)
    url = respond_url(consultation)
    clock.shift(timedelta(seconds=30))
    response = client.post(url, form_data(text="Kept"))
    assert response.status_code == 503
    assert "Kept" in response.content.decode()
