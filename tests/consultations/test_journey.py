"""The comment journey over HTTP: form, confirmation, closing time, double submits."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from django.core import mail

from consultations.models import Comment
from tests.consultations.conftest import REFERENCE, form_data, post_comment, respond_url


pytestmark = pytest.mark.django_db


def test_the_form_shows_every_field_and_the_closing_time(client, consultation, council, clock):
    response = client.get(respond_url(consultation))
    html = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    for field in [
        'name="name"',
        'name="email"',
        'name="organisation"',
        'name="organisation_other"',
        'name="role"',
        'name="response_type"',
        'name="consent_publish_name"',
        'name="consent_publish_organisation"',
        'name="section"',
        'name="text"',
        'name="submission_id"',
        'name="form_token"',
        'data-prevent-double-click="true"',
    ]:
        assert field in html, field
    assert "Northmoor County Council" in html and "Another organisation" in html
    assert "1. Introduction" in html and "3. Market engagement" in html
    assert " checked" not in html, "consents and choices start unticked"
    assert " maxlength=" not in html, "long pasted text is never truncated by the browser"


def test_comment_on_this_section_preselects_the_section(client, consultation, clock):
    section = consultation.sections()[1]
    html = client.get(respond_url(consultation) + f"?section={section['id']}").content.decode()
    assert f'value="{section["id"]}" checked' in html


def test_a_comment_is_stored_and_the_reference_shown_and_emailed(
    client, consultation, council, clock, django_capture_on_commit_callbacks
):
    section = consultation.sections()[2]
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(
            client,
            consultation,
            clock,
            form_data(council, section=section["id"], consent_publish_name="on"),
        )
    assert response.status_code == 303
    comment = Comment.objects.get()
    assert response["Location"] == f"{consultation.url}confirmation/{comment.reference}/"
    assert (comment.council, comment.organisation_other) == (council, "")
    assert comment.section_heading == "Market engagement"
    assert comment.consent_publish_name and not comment.consent_publish_organisation
    assert comment.status == "received"
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert comment.reference in confirmation.content.decode()
    assert "no-store" in confirmation["Cache-Control"]
    assert len(mail.outbox) == 1 and comment.reference in mail.outbox[0].body


def test_the_confirmation_of_another_consultation_is_not_found(client, consultation, index, clock):
    from tests.consultations.factories import ConsultationPageFactory

    post_comment(client, consultation, clock, form_data())
    other = ConsultationPageFactory(parent=index)
    reference = Comment.objects.get().reference
    assert client.get(f"{other.url}confirmation/{reference}/").status_code == 404
    assert client.get(f"{consultation.url}confirmation/HUB-26-0000-00/").status_code == 404


class TestClosingTimeOverHttp:
    """Must show 1 through the whole stack, with the server in London time and in UTC."""

    def test_the_page_says_closes_at_11_59pm_on_30_june_2026(
        self, client, consultation, clock, server_tz
    ):
        html = client.get(consultation.url).content.decode()
        assert "Closes at" in html
        assert '<time datetime="2026-06-30T23:00:00Z">11:59pm on 30 June 2026</time>' in html
        assert "midnight" not in html.lower() and "12am" not in html

    def test_accepted_at_23_59_30_bst(self, client, consultation, server_tz):
        with time_machine.travel(datetime(2026, 6, 30, 22, 59, 0, tzinfo=UTC), tick=False) as t:
            data = form_data()
            response = post_comment(client, consultation, t, data)
        assert response.status_code == 303
        assert Comment.objects.count() == 1

    def test_refused_at_00_00_05_bst_with_the_text_shown_back(
        self, client, consultation, server_tz
    ):
        with time_machine.travel(datetime(2026, 6, 30, 22, 59, 0, tzinfo=UTC), tick=False) as t:
            data = form_data(text="My late but careful comment")
            response = post_comment(client, consultation, t, data, wait=timedelta(seconds=65))
        html = response.content.decode()
        assert response.status_code == 403
        assert "This consultation closed at 11:59pm on 30 June 2026 (UK time)" in html
        assert "My late but careful comment" in html
        assert Comment.objects.count() == 0 and mail.outbox == []

    def test_clock_change_day_page_is_open_one_second_into_29_march(self, client, index, server_tz):
        from tests.consultations.factories import ConsultationPageFactory

        page = ConsultationPageFactory(
            parent=index, opening_date=date(2026, 3, 29), closing_date=date(2026, 10, 25)
        )
        with time_machine.travel(datetime(2026, 3, 29, 0, 0, 1, tzinfo=UTC), tick=False):
            html = client.get(page.url).content.decode()
        assert '<strong class="govuk-tag govuk-tag--green">Open</strong>' in html
        assert '<time datetime="2026-10-26T00:00:00Z">11:59pm on 25 October 2026</time>' in html

    def test_closed_page_has_no_form_and_says_we_are_analysing(self, client, consultation):
        with time_machine.travel(datetime(2026, 7, 1, 9, 0, tzinfo=UTC), tick=False):
            html = client.get(consultation.url).content.decode()
            form = client.get(respond_url(consultation))
        assert "closed – we are analysing your feedback" in html
        assert "Respond to this consultation" not in html and '<form method="post"' not in html
        assert "Comment on this section" not in html
        assert form.status_code == 302 and form["Location"] == consultation.url

    def test_listing_says_closing_in_n_days(self, client, consultation, index):
        with time_machine.travel(datetime(2026, 6, 27, 9, 0, tzinfo=UTC), tick=False):
            assert "Closing in 3 days" in client.get(index.url).content.decode()
        with time_machine.travel(datetime(2026, 6, 30, 9, 0, tzinfo=UTC), tick=False):
            assert "Closes today at 11:59pm" in client.get(index.url).content.decode()


class TestDoubleSubmit:
    """Must show 3 over HTTP: a double click or a resend stores one comment."""

    def test_two_posts_with_the_same_key_give_the_same_reference(self, client, consultation, clock):
        data = form_data()
        first = post_comment(client, consultation, clock, data)
        second = post_comment(client, consultation, clock, data, wait=timedelta(milliseconds=50))
        assert first.status_code == second.status_code == 303
        assert first["Location"] == second["Location"]
        assert Comment.objects.count() == 1

    def test_the_same_key_with_other_text_is_a_409_showing_the_new_text(
        self, client, consultation, clock
    ):
        data = form_data()
        post_comment(client, consultation, clock, data)
        response = post_comment(client, consultation, clock, {**data, "text": "Second thoughts"})
        html = response.content.decode()
        assert response.status_code == 409
        assert "Second thoughts" in html
        assert Comment.objects.get().reference in html
        assert Comment.objects.count() == 1

    def test_a_resend_with_a_corrected_email_updates_the_details_and_confirms_again(
        self, client, consultation, clock, django_capture_on_commit_callbacks
    ):
        data = form_data(email="priya.shah@nortmoor.gov.uk")
        corrected = {**data, "email": "priya.shah@northmoor.gov.uk", "name": "Priya Shah-Li"}
        with django_capture_on_commit_callbacks(execute=True):
            first = post_comment(client, consultation, clock, data)
        with django_capture_on_commit_callbacks(execute=True):
            second = post_comment(client, consultation, clock, corrected)
        assert first.status_code == second.status_code == 303
        assert first["Location"] == second["Location"]
        comment = Comment.objects.get()
        assert (comment.email, comment.name) == ("priya.shah@northmoor.gov.uk", "Priya Shah-Li")
        page = client.get(second["Location"]).content.decode()
        assert "We have updated your details" in page and comment.reference in page
        assert [m.to for m in mail.outbox] == [
            ["priya.shah@nortmoor.gov.uk"],
            ["priya.shah@northmoor.gov.uk"],
        ]

    def test_a_resend_with_other_details_after_the_close_keeps_them_and_says_so(
        self, client, consultation, clock
    ):
        data = form_data()
        first = post_comment(client, consultation, clock, data)
        clock.move_to(datetime(2026, 7, 2, 9, 0, tzinfo=UTC))
        second = post_comment(client, consultation, clock, {**data, "name": "Someone Else"})
        assert second.status_code == 303 and first["Location"] == second["Location"]
        assert Comment.objects.get().name == "Priya Shah"
        page = client.get(second["Location"]).content.decode()
        assert "We have not changed your name or other details" in page

    def test_reference_format(self, client, consultation, clock):
        response = post_comment(client, consultation, clock, form_data())
        assert REFERENCE.search(response["Location"])


def test_a_forged_timestamp_never_reopens_a_closed_consultation(client, consultation):
    with time_machine.travel(datetime(2026, 6, 30, 22, 59, 0, tzinfo=UTC), tick=False) as t:
        data = form_data(received_at="2026-06-30T22:59:00Z", submitted_at="23:59")
        response = post_comment(client, consultation, t, data, wait=timedelta(minutes=2))
    assert response.status_code == 403
    assert Comment.objects.count() == 0


def test_no_personal_details_or_comment_text_reach_the_logs(
    client, consultation, clock, caplog, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.consultations.failing_email.FailingBackend"
    secrets = {
        "name": "Zebedee Quill",
        "email": "zebedee.quill@northmoor.gov.uk",
        "organisation_other": "Quill Trust",
        "text": "Confidential remark about suppliers",
    }
    with caplog.at_level("DEBUG"), django_capture_on_commit_callbacks(execute=True):
        post_comment(client, consultation, clock, form_data(**secrets))
        post_comment(client, consultation, clock, form_data(**{**secrets, "role": ""}))
        post_comment(client, consultation, clock, form_data(**secrets), wait=timedelta(days=2))
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert logged, "the failed email and the refused posts are logged"
    for value in secrets.values():
        assert value not in logged
