"""The bad-input catalogue (reliability.md) for the comment form, and forged POSTs.

Every row: no 500, a clear message or a 4xx, and the typed text comes back when not stored.
Row numbers refer to the catalogue.
"""

import io
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from django.core import mail
from django.core.files.storage import default_storage
from django.test import Client, override_settings

from consultations.enums import CommentStatus
from consultations.forms import form_token
from consultations.models import Comment
from tests.consultations.conftest import form_data, post_comment, respond_url
from tests.consultations.factories import ConsultationPageFactory


pytestmark = pytest.mark.django_db


def send(client, page, clock, extra=None, **overrides):
    """Post a valid form with some answers changed; `extra` goes to the client (headers)."""
    return post_comment(client, page, clock, form_data(**overrides), **(extra or {}))


def assert_sent_back(response, *texts, status=400):
    """Not stored, answered with a 4xx page that holds the person's own words."""
    assert response.status_code == status, response.status_code
    html = response.content.decode()
    for text in texts:
        assert text in html, text
    assert Comment.objects.count() == 0
    return html


class TestFormValidation:
    @pytest.mark.parametrize("blank", ["", "   ", "\t\n  \r\n"])
    def test_01_empty_comment_says_enter_your_comment_and_keeps_other_fields(
        self, client, consultation, clock, blank
    ):
        response = send(client, consultation, clock, text=blank, role="Category manager")
        html = assert_sent_back(response, "Enter your comment", "Category manager")
        assert html.count("Enter your comment") == 2  # summary and inline
        assert "<title>Error: " in html
        assert 'href="#id_text"' in html

    def test_02_comment_of_exactly_10000_characters_is_accepted(self, client, consultation, clock):
        assert send(client, consultation, clock, text="a" * 10_000).status_code == 303
        assert len(Comment.objects.get().text) == 10_000

    def test_02_comment_of_10001_characters_is_refused_with_all_text_kept(
        self, client, consultation, clock
    ):
        text = "b" * 10_000 + "Z"
        response = send(client, consultation, clock, text=text)
        assert_sent_back(response, "must be 10,000 characters or fewer", text)

    def test_02_windows_line_endings_count_once(self, client, consultation, clock):
        text = ("line\r\n" * 2000).rstrip("\r\n")  # 11,998 bytes, 9,999 characters as seen
        assert send(client, consultation, clock, text=text).status_code == 303

    def test_03_request_body_of_3_mb_is_a_400_page(self, client, consultation, clock):
        response = send(client, consultation, clock, text="x" * 3 * 1024 * 1024)
        assert response.status_code == 400
        assert "comments can be up to 10,000 characters" in response.content.decode()
        assert Comment.objects.count() == 0

    def test_04_a_thousand_and_one_fields_is_a_400_page(self, client, consultation, clock):
        extra = {f"field{i}": "x" for i in range(1001)}
        response = send(client, consultation, clock, **extra)
        assert response.status_code == 400
        assert Comment.objects.count() == 0

    @pytest.mark.parametrize("field", ["name", "role", "organisation_other", "text"])
    def test_05_null_characters_are_refused(self, client, consultation, clock, field):
        response = send(client, consultation, clock, **{field: "abc\x00def"})
        assert_sent_back(response, "Null characters are not allowed.")

    def test_05_null_character_in_email_is_refused(self, client, consultation, clock):
        response = send(client, consultation, clock, email="a\x00b@council.gov.uk")
        assert_sent_back(response, "Null characters are not allowed.")

    def test_06_invalid_utf8_never_causes_a_500(self, client, consultation, clock):
        data = form_data()
        body = "&".join(
            f"{key}={value}" for key, value in data.items() if key not in ("name", "text")
        )
        body += "&name=%FF%FE&text=%ED%A0%80abc"
        clock.shift(timedelta(seconds=30))
        response = client.post(
            respond_url(consultation), body, content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code in (303, 400)
        if response.status_code == 303:
            assert "\ufffd" in Comment.objects.get().name

    def test_07_bidi_controls_are_stripped_from_single_line_fields(
        self, client, consultation, clock
    ):
        response = send(client, consultation, clock, name="\u202egnp.exe", role="\u2066Lead\u2069")
        assert response.status_code == 303
        comment = Comment.objects.get()
        assert (comment.name, comment.role) == ("gnp.exe", "Lead")

    def test_08_email_with_a_zero_width_space_is_invalid(self, client, consultation, clock):
        response = send(client, consultation, clock, email="a\u200b@council.gov.uk")
        assert_sent_back(response, "Enter an email address in the correct format")

    @pytest.mark.parametrize("name", ["O'Hara", "ねこ", "Siân Llŷr", "👩‍💻 Zoë"])
    def test_09_names_in_any_script_are_stored_byte_identical(
        self, client, consultation, clock, name
    ):
        assert send(client, consultation, clock, name=name).status_code == 303
        assert Comment.objects.get().name == name

    def test_10_zalgo_within_the_length_limit_is_accepted(self, client, consultation, clock):
        text = "Z" + "\u0336" * 500 + "algo"
        assert send(client, consultation, clock, text=text).status_code == 303
        assert Comment.objects.get().text == text

    def test_11_email_of_255_characters_is_invalid(self, client, consultation, clock):
        email = "a" * 64 + "@" + ".".join(["b" * 61, "b" * 60, "b" * 60]) + ".gov.uk"
        assert len(email) == 255
        response = send(client, consultation, clock, email=email)
        assert_sent_back(response, "254 characters or fewer")

    def test_12_email_with_a_display_name_is_invalid(self, client, consultation, clock):
        response = send(client, consultation, clock, email="Evil <a@b.gov.uk>")
        assert_sent_back(response, "Enter an email address in the correct format")

    def test_13_internationalised_domain_is_accepted_and_emailed_as_punycode(
        self, client, consultation, clock, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = send(client, consultation, clock, email="user@bücher.example")
        assert response.status_code == 303
        assert Comment.objects.get().email == "user@bücher.example"
        message = mail.outbox[0].message()
        assert message["To"] == "user@xn--bcher-kva.example"

    @pytest.mark.parametrize(
        "text",
        [
            "<script>alert(1)</script>",
            "javascript:alert(1) http://evil.example",
            "{{ 7*7 }} {% debug %}",
        ],
    )
    def test_14_16_17_markup_is_stored_verbatim_and_shown_as_text(
        self, client, consultation, clock, text
    ):
        # Stored verbatim when valid...
        assert send(client, consultation, clock, text=text).status_code == 303
        assert Comment.objects.get().text == text
        Comment.objects.all().delete()
        # ...and shown back escaped, never run, when the form is sent back.
        html = send(client, consultation, clock, text=text, name="").content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;" in html or "{{ 7*7 }}" in html or "javascript:alert(1)" in html
        assert "49" not in html.split("<textarea")[1].split("</textarea>")[0]
        assert 'href="javascript' not in html and 'href="http://evil.example' not in html

    def test_15_html_in_the_name_is_escaped_in_text_and_attributes(
        self, client, consultation, clock
    ):
        payload = '"><img src=x onerror=alert(1)>'
        html = send(client, consultation, clock, name=payload, text="").content.decode()
        assert "<img src=x" not in html
        assert 'value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"' in html

    def test_18_line_breaks_in_the_name_are_refused(self, client, consultation, clock):
        response = send(client, consultation, clock, name="Bob\r\nBcc: x@evil.example")
        assert_sent_back(response, "Enter your name on one line")
        assert mail.outbox == []

    def test_19_header_injection_in_the_email_is_invalid(self, client, consultation, clock):
        response = send(client, consultation, clock, email="a@b.gov.uk\nBcc: c@d.example")
        assert_sent_back(response, "Enter an email address in the correct format")

    def test_other_organisation_needs_a_name(self, client, consultation, clock):
        response = send(client, consultation, clock, organisation="other", organisation_other="")
        assert_sent_back(response, "Enter the name of your organisation")

    def test_unknown_council_and_section_are_refused(self, client, consultation, clock):
        response = send(client, consultation, clock, organisation="999999", section="nope")
        assert_sent_back(response, "Select your council", "Select the whole draft or one")


class TestForgedPosts:
    """Must show 2 and rows 22-25: the URL decides the consultation; extra fields are ignored."""

    def test_22_23_extra_fields_are_ignored(self, client, consultation, index, clock):
        other = ConsultationPageFactory(parent=index)
        forged = form_data(
            consultation=str(other.pk),
            consultation_id=str(other.pk),
            reference="HUB-00-AAAA-AA",
            received_at="2000-01-01T00:00:00Z",
            is_suspect="false",
            status=CommentStatus.PUBLISHED,
            id="1",
            quarantine_reason="",
            page_revision="1",
        )
        response = post_comment(client, consultation, clock, forged)
        assert response.status_code == 303
        comment = Comment.objects.get()
        assert comment.consultation_id == consultation.pk
        assert comment.reference != "HUB-00-AAAA-AA"
        assert comment.received_at == datetime(2026, 6, 15, 10, 0, 30, tzinfo=UTC)
        assert comment.status == CommentStatus.RECEIVED

    def test_24_post_to_a_closed_consultation_stores_nothing(self, client, index):
        closed = ConsultationPageFactory(
            parent=index,
            closing_date=datetime(2026, 6, 1).date(),
            opening_date=datetime(2026, 5, 1).date(),
        )
        with time_machine.travel(datetime(2026, 6, 15, tzinfo=UTC), tick=False) as t:
            response = post_comment(client, closed, t, form_data(text="Too late"))
        html = assert_sent_back(
            response, "Too late", "closed at 11:59pm on 1 June 2026", status=403
        )
        assert "Your response has not been sent" in html

    def test_24_post_to_a_forthcoming_consultation_stores_nothing(self, client, consultation):
        with time_machine.travel(datetime(2026, 5, 20, tzinfo=UTC), tick=False) as t:
            response = post_comment(client, consultation, t, form_data(text="Too early"))
        assert_sent_back(response, "Too early", "not open yet", status=403)

    def test_25_post_to_a_draft_consultation_is_not_found(self, client, consultation, clock):
        consultation.unpublish()
        response = send(client, consultation, clock)
        assert response.status_code == 404
        assert Comment.objects.count() == 0

    def test_25_post_to_a_view_restricted_consultation_asks_for_login(
        self, client, consultation, clock
    ):
        from wagtail.models import PageViewRestriction

        PageViewRestriction.objects.create(page=consultation, restriction_type="login")
        response = send(client, consultation, clock)
        assert response.status_code == 302 and "login" in response["Location"]
        assert Comment.objects.count() == 0

    def test_a_form_token_from_another_submission_is_sent_back(self, client, consultation, clock):
        response = send(
            client, consultation, clock, form_token=form_token(uuid.uuid4()), text="Kept text"
        )
        assert_sent_back(response, "Kept text", "We could not check that this form")

    def test_a_tampered_token_is_sent_back_with_a_fresh_token(self, client, consultation, clock):
        data = form_data(text="Kept text")
        data["form_token"] = data["form_token"][:-2] + "xx"
        response = post_comment(client, consultation, clock, data)
        html = assert_sent_back(response, "Kept text")
        assert data["form_token"] not in html
        assert "Send your response" in html

    def test_a_missing_submission_id_is_sent_back(self, client, consultation, clock):
        response = send(client, consultation, clock, submission_id="", text="Kept text")
        assert_sent_back(response, "Kept text")


class TestAbuse:
    def test_26_same_submission_twice_within_50ms_is_one_row(self, client, consultation, clock):
        data = form_data()
        first = post_comment(client, consultation, clock, data)
        second = post_comment(client, consultation, clock, data, wait=timedelta(milliseconds=50))
        assert first["Location"] == second["Location"] and Comment.objects.count() == 1

    def test_28_a_form_25_hours_old_has_expired_and_comes_back_refilled(
        self, client, consultation, clock
    ):
        data = form_data(text="Written yesterday", role="Buyer")
        response = post_comment(client, consultation, clock, data, wait=timedelta(hours=25))
        html = assert_sent_back(response, "This form has expired", "Written yesterday", "Buyer")
        assert data["submission_id"] in html, "the same submission, so a resend stays idempotent"
        assert data["form_token"] not in html

    def test_29_honeypot_is_quarantined_behind_a_normal_confirmation(
        self, client, consultation, clock, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = send(client, consultation, clock, website="http://spam.example")
        assert response.status_code == 303
        comment = Comment.objects.get()
        assert comment.status == CommentStatus.QUARANTINED
        assert comment.quarantine_reason == "Hidden field filled in"
        assert comment.reference in client.get(response["Location"]).content.decode()
        assert mail.outbox == []

    def test_30_a_post_one_second_after_the_form_is_quarantined_not_refused(
        self, client, consultation, clock
    ):
        response = post_comment(client, consultation, clock, form_data(), wait=timedelta(seconds=1))
        assert response.status_code == 303
        comment = Comment.objects.get()
        assert comment.status == CommentStatus.QUARANTINED
        assert comment.quarantine_reason.startswith("Sent 1.0 seconds")

    @override_settings(CONSULTATIONS_RATE_LIMIT=10)
    def test_31_the_11th_post_from_one_address_is_a_429_with_the_text(
        self, client, consultation, clock
    ):
        for _ in range(10):
            assert send(client, consultation, clock).status_code == 303
        response = send(client, consultation, clock, text="Eleventh")
        assert response.status_code == 429
        assert 0 < int(response["Retry-After"]) <= 600
        assert "Eleventh" in response.content.decode()
        assert "Too many responses" in response.content.decode()
        assert Comment.objects.count() == 10
        # Another address, such as a neighbouring council, is not affected.
        other = send(client, consultation, clock, extra={"REMOTE_ADDR": "198.51.100.7"})
        assert other.status_code == 303

    @override_settings(CONSULTATIONS_RATE_LIMIT=10, CONSULTATIONS_RATE_WINDOW=600)
    def test_the_limit_holds_across_a_window_boundary_and_429_says_when_to_retry(
        self, client, consultation, clock
    ):
        clock.move_to(datetime(2026, 6, 15, 10, 9, 0, tzinfo=UTC))
        forms = [form_data(text=f"Comment {n}") for n in range(11)]
        clock.move_to(datetime(2026, 6, 15, 10, 9, 50, tzinfo=UTC))
        for data in forms[:10]:
            assert client.post(respond_url(consultation), data).status_code == 303
        # 15 seconds later the clock is in a new 10-minute window; a fixed window would reset.
        clock.move_to(datetime(2026, 6, 15, 10, 10, 5, tzinfo=UTC))
        refused = client.post(respond_url(consultation), forms[10])
        assert refused.status_code == 429
        assert "Comment 10" in refused.content.decode()
        wait = int(refused["Retry-After"])
        assert wait == 55, "the 10 posts at 10:09:50 weigh less as the window slides"
        clock.shift(timedelta(seconds=wait - 2))
        assert client.post(respond_url(consultation), forms[10]).status_code == 429
        clock.shift(timedelta(seconds=2))
        assert client.post(respond_url(consultation), forms[10]).status_code == 303
        assert Comment.objects.count() == 11

    @override_settings(CONSULTATIONS_RATE_LIMIT=1)
    def test_a_cache_outage_lets_comments_through_and_is_logged(
        self, client, consultation, clock, monkeypatch, caplog
    ):
        from django.core.cache import cache

        def down(*args, **kwargs):
            raise ConnectionError("cache unreachable")

        monkeypatch.setattr(cache, "incr", down)
        for _ in range(3):
            assert send(client, consultation, clock).status_code == 303
        assert "Rate limit not applied" in caplog.text

    def test_the_default_limit_lets_a_council_office_respond(self, client, consultation, clock):
        for _ in range(40):
            assert send(client, consultation, clock).status_code == 303

    @override_settings(CONSULTATIONS_RATE_LIMIT=1, CONSULTATIONS_TRUSTED_PROXIES=1)
    def test_behind_our_proxy_each_client_address_has_its_own_limit(
        self, client, consultation, clock
    ):
        def forwarded(ip):
            return send(client, consultation, clock, extra={"HTTP_X_FORWARDED_FOR": ip})

        assert forwarded("203.0.113.1").status_code == 303
        assert forwarded("203.0.113.2").status_code == 303
        assert forwarded("203.0.113.1").status_code == 429

    def test_32_missing_csrf_token_is_a_403_that_echoes_the_text(self, consultation, clock):
        client = Client(enforce_csrf_checks=True)
        response = send(client, consultation, clock, text="Typed <carefully> & at length")
        html = assert_sent_back(response, "Your response has not been sent", status=403)
        assert "Typed &lt;carefully&gt; &amp; at length" in html
        assert 'name="csrfmiddlewaretoken"' in html, "a fresh token so they can send it again"

    def test_32_a_foreign_csrf_token_is_a_403_that_echoes_the_text(self, consultation, clock):
        client = Client(enforce_csrf_checks=True)
        client.get(respond_url(consultation))
        response = send(client, consultation, clock, text="Kept", csrfmiddlewaretoken="x" * 64)
        assert_sent_back(response, "Kept", "We could not confirm your browser session", status=403)

    def test_32_with_a_valid_csrf_token_the_comment_is_stored(self, consultation, clock):
        client = Client(enforce_csrf_checks=True)
        html = client.get(respond_url(consultation)).content.decode()
        token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        response = send(client, consultation, clock, csrfmiddlewaretoken=token)
        assert response.status_code == 303

    def test_csrf_failure_elsewhere_is_the_plain_403(self, home):
        client = Client(enforce_csrf_checks=True)
        response = client.post("/search/", {"q": "x"})
        assert response.status_code == 403

    def test_a_csrf_failure_on_a_consultation_not_at_its_form_is_the_plain_403(
        self, index, draft, clock
    ):
        # The path ends in /respond/, but Wagtail routes it to a consultation's own page.
        page = ConsultationPageFactory(parent=index, slug="respond", strategy=draft)
        page.save_revision().publish()
        client = Client(enforce_csrf_checks=True)
        response = client.post(page.url, form_data(text="Not a comment form"))
        assert page.url.endswith("/respond/")
        assert response.status_code == 403
        assert "Not a comment form" not in response.content.decode()

    @pytest.mark.parametrize("method", ["put", "delete", "patch", "trace"])
    def test_33_other_methods_are_not_allowed(self, client, consultation, clock, method):
        response = getattr(client, method)(respond_url(consultation))
        assert response.status_code == 405
        assert Comment.objects.count() == 0

    def test_34_a_json_body_gets_form_errors_and_stores_nothing(self, client, consultation, clock):
        clock.shift(timedelta(seconds=30))
        response = client.post(
            respond_url(consultation), form_data(), content_type="application/json"
        )
        assert response.status_code == 400
        assert Comment.objects.count() == 0

    def test_35_an_unexpected_file_is_ignored_and_nothing_written(
        self, client, consultation, clock, settings, tmp_path
    ):
        settings.MEDIA_ROOT = tmp_path
        upload = io.BytesIO(b"MZ not a program")
        upload.name = "evil.exe"
        response = send(client, consultation, clock, attachment=upload)
        assert response.status_code == 303
        assert list(tmp_path.iterdir()) == []
        assert not default_storage.exists("evil.exe")

    def test_36_a_foreign_host_header_is_a_400(self, client, consultation, clock, settings):
        settings.ALLOWED_HOSTS = ["localhost", "testserver"]
        response = send(client, consultation, clock, extra={"HTTP_HOST": "evil.example"})
        assert response.status_code == 400
        assert Comment.objects.count() == 0

    def test_a_database_failure_is_a_503_with_the_text(
        self, client, consultation, clock, monkeypatch
    ):
        from django.db import OperationalError

        from consultations import services

        def down(**kwargs):
            raise OperationalError("server closed the connection unexpectedly")

        monkeypatch.setattr(services, "comment_create", down)
        response = send(client, consultation, clock, text="Not lost")
        assert_sent_back(response, "Not lost", "Sorry, there is a problem", status=503)
        assert response["Retry-After"] == "60"
