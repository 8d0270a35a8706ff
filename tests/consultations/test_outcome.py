"""Must show 3: one outcome email per respondent who asked; extensions shown and logged."""

import io
from datetime import UTC, date, datetime

import pytest
import time_machine

from wagtail.models import PageLogEntry

from consultations.enums import NotificationKind
from hub.models import Email, EmailStatus
from hub.outbox import emails_send_pending
from tests.consultations.follow_up import respond


pytestmark = pytest.mark.django_db

AFTER_CLOSE = datetime(2026, 8, 3, 9, 0, tzinfo=UTC)


def outcome_emails(mailoutbox):
    return [m for m in mailoutbox if m.subject.startswith("Outcome published")]


def publish_outcome(consultation):
    consultation.outcome_published_on = date(2026, 8, 3)
    consultation.we_did = "<p>We changed section 2.</p>"
    consultation.save_revision().publish()


@pytest.fixture
def early_outcome(consultation, clock, django_capture_on_commit_callbacks):
    """A respondent who asked for the outcome, and an outcome published before the close."""
    respond(consultation, "Tell me.", notify_outcome=True)
    with django_capture_on_commit_callbacks(execute=True):
        consultation.we_did = "<p>Written before the close.</p>"
        consultation.save_revision().publish()
    return consultation


def test_publishing_the_outcome_twice_sends_each_respondent_one_email(
    consultation, clock, mailoutbox, django_capture_on_commit_callbacks
):
    respond(consultation, "Tell me.", email="a@north.gov.uk", notify_outcome=True)
    respond(consultation, "Tell me too.", email="b@south.gov.uk", notify_outcome=True)
    respond(consultation, "Do not email me.", email="c@east.gov.uk")
    mailoutbox.clear()
    with time_machine.travel(AFTER_CLOSE, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            publish_outcome(consultation)
        with django_capture_on_commit_callbacks(execute=True):
            consultation.refresh_from_db()
            consultation.we_did = "<p>We changed sections 2 and 3.</p>"
            consultation.save_revision().publish()
        emails_send_pending()
    sent = outcome_emails(mailoutbox)
    assert sorted(m.to[0] for m in sent) == ["a@north.gov.uk", "b@south.gov.uk"]
    assert all(consultation.title in m.body and "Tell me" not in m.body for m in sent)
    rows = Email.objects.filter(kind=NotificationKind.OUTCOME)
    assert rows.count() == 2 and set(rows.values_list("status", flat=True)) == {EmailStatus.SENT}


def test_a_failed_outcome_email_is_retried_not_lost_and_not_doubled(
    consultation, clock, mailoutbox, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # its receipt goes at once
        respond(consultation, "Tell me.", email="a@north.gov.uk", notify_outcome=True)
    settings.EMAIL_BACKEND = "tests.consultations.failing_email.FailingBackend"
    with time_machine.travel(AFTER_CLOSE, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            publish_outcome(consultation)
        assert Email.objects.get(kind=NotificationKind.OUTCOME).status == EmailStatus.PENDING
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        mailoutbox.clear()
        assert emails_send_pending() == (1, 0)
        assert emails_send_pending() == (0, 0)
    assert len(outcome_emails(mailoutbox)) == 1


def test_no_outcome_email_before_the_outcome_is_published(
    early_outcome, mailoutbox, django_capture_on_commit_callbacks
):
    consultation = early_outcome
    consultation.refresh_from_db()
    with (
        time_machine.travel(AFTER_CLOSE, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        consultation.we_did = ""
        consultation.you_said = "<p>A summary, but no outcome yet.</p>"
        consultation.save_revision().publish()
        assert consultation.state_at(AFTER_CLOSE) == "closed"
    assert not outcome_emails(mailoutbox)
    assert not Email.objects.filter(kind=NotificationKind.OUTCOME).exists()


def test_the_outcome_page_shows_we_asked_you_said_we_did_and_the_report(
    client, consultation, clock
):
    consultation.how_responses_used = "<p>We read every response.</p>"
    with time_machine.travel(AFTER_CLOSE, tick=False):
        publish_outcome(consultation)
        html = client.get(consultation.url).content.decode()
    assert "Outcome published" in html and "We changed section 2." in html
    # A closed consultation speaks of its promise in the past tense.
    assert "How we said we would use responses" in html
    assert "How we will use" not in html


def test_extending_the_close_is_shown_and_logged(client, admin_user, consultation, clock):
    consultation.closing_date = date(2026, 7, 14)
    consultation.full_clean()
    consultation.save_revision(user=admin_user).publish(user=admin_user)
    consultation.refresh_from_db()
    html = client.get(consultation.url).content.decode()
    assert (
        "Closing date extended from "
        '<time datetime="2026-06-30T23:00:00Z">11:59pm on 30 June 2026</time> to '
        '<time datetime="2026-07-14T23:00:00Z">11:59pm on 14 July 2026</time>'
    ) in html
    entry = PageLogEntry.objects.get(action="consultations.extend_closing")
    assert entry.page_id == consultation.pk
    assert entry.data["from"] == "2026-06-30T23:00:00+00:00"
    assert entry.data["to"] == "2026-07-14T23:00:00+00:00"


def test_a_draft_edit_of_the_close_changes_nothing_until_published(consultation, clock):
    consultation.closing_date = date(2026, 7, 14)
    consultation.full_clean()
    consultation.save_revision()
    consultation.refresh_from_db()
    assert consultation.closing_extended_from is None
    assert not PageLogEntry.objects.filter(action="consultations.extend_closing").exists()


def test_an_outcome_written_before_the_close_is_emailed_once_it_shows(
    early_outcome, mailoutbox, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_consultation_alerts", stdout=io.StringIO())
    assert not outcome_emails(mailoutbox), "still open: no outcome shows yet"
    with (
        time_machine.travel(AFTER_CLOSE, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("send_consultation_alerts", stdout=io.StringIO())
        call_command("send_consultation_alerts", stdout=io.StringIO())
    assert len(outcome_emails(mailoutbox)) == 1
