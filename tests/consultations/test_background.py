"""Emails go through the task worker: no request waits on SMTP, none is lost or sent twice."""

import uuid

import pytest
from django_tasks_db.models import DBTaskResult

from django.core import mail
from django.core.management import call_command
from django.db import connection

from consultations.models import Comment
from hub.models import Email, EmailStatus
from hub.outbox import email_send, send_email
from tests.consultations.conftest import form_data, post_comment
from tests.consultations.failing_email import SlowBackend
from tests.consultations.test_services import at, create, race


pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


# The worker closes database connections between tasks: a real transaction, not a test's.
@pytest.mark.django_db(transaction=True)
def test_the_request_only_queues_the_email_and_the_worker_sends_it_once(
    client, consultation, clock, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    # Were the request to talk to the mail server, this backend would record a failed attempt.
    settings.EMAIL_BACKEND = "tests.consultations.failing_email.FailingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(client, consultation, clock, form_data())
    assert response.status_code == 303
    email = Email.objects.get()
    assert (email.status, email.attempts) == (EmailStatus.PENDING, 0)
    assert DBTaskResult.objects.count() == 1

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run_worker()
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT and len(mail.outbox) == 1
    assert Comment.objects.get().reference in mail.outbox[0].subject

    # The task queued again, and the periodic safety net, find nothing left to send.
    send_email.enqueue(email.pk)
    run_worker()
    call_command("send_pending_emails", verbosity=0)
    assert len(mail.outbox) == 1


def test_an_email_whose_task_was_never_queued_is_sent_by_the_safety_net(
    consultation, clock, settings
):
    # No on-commit callback runs: as if the process died between the commit and the queueing.
    settings.TASKS = DATABASE_TASKS
    comment, _ = create(consultation)
    assert DBTaskResult.objects.count() == 0
    call_command("send_pending_emails", verbosity=0)
    assert [message.to for message in mail.outbox] == [["priya@northmoor.gov.uk"]]
    assert comment.reference in mail.outbox[0].subject


# The suite puts back the page tree that the flush after this test removes (tests/conftest.py).
@pytest.mark.django_db(transaction=True)
def test_two_workers_sending_one_email_at_once_send_it_once(consultation, settings):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite has no row locks; this race is proven on PostgreSQL.")
    settings.TASKS = DATABASE_TASKS  # queued, not sent, when the comment is stored
    settings.EMAIL_BACKEND = "tests.consultations.failing_email.SlowBackend"
    SlowBackend.accepted.clear()
    with at(2026, 6, 15, 10, 0):
        comment, _ = create(consultation, key=uuid.uuid4())
    email = Email.objects.get(comment=comment)
    with at(2026, 6, 15, 10, 1):
        results, errors = race(4, lambda: email_send(email.pk))
    assert errors == []
    assert sorted(results) == [False, False, False, True]
    assert len(SlowBackend.accepted) == 1
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT and email.attempts == 1
