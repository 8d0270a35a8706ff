"""Must show 4: one outbox for the site; every kind of email is retried after an SMTP failure."""

import uuid
from datetime import UTC, date, datetime

import pytest
import time_machine

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import TestCase

from consultations.follow_up.subscriptions import alerts_create
from consultations.models import Subscription
from hub.models import Email, EmailStatus
from tests.consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from tests.consultations.follow_up import respond


pytestmark = pytest.mark.django_db

OPEN = datetime(2026, 6, 15, 10, 0, tzinfo=UTC)
AFTER_CLOSE = datetime(2026, 8, 3, 9, 0, tzinfo=UTC)


def test_a_receipt_an_outcome_an_alert_and_a_sign_in_link_share_one_outbox_and_its_retry(
    client, home, settings
):
    consultation = ConsultationPageFactory(parent=ConsultationIndexPageFactory(parent=home))
    consultation.save_revision().publish()
    Subscription.objects.create(
        email="sub@east.gov.uk", key=uuid.uuid4(), confirmed_at=datetime(2026, 5, 1, tzinfo=UTC)
    )
    settings.EMAIL_BACKEND = "tests.consultations.failing_email.FailingBackend"
    with TestCase.captureOnCommitCallbacks(execute=True):
        with time_machine.travel(OPEN, tick=False):
            respond(consultation, "Tell me.", email="a@north.gov.uk", notify_outcome=True)
            alerts_create(OPEN)
        with time_machine.travel(AFTER_CLOSE, tick=False):
            consultation.we_did = "<p>We changed section 2.</p>"
            consultation.outcome_published_on = date(2026, 8, 3)
            consultation.save_revision().publish()
        response = client.post(
            "/check-your-progress/self-assessment/sign-in/", {"email": "lead@medway.gov.uk"}
        )
    assert response.status_code == 200
    kinds = {"receipt", "outcome", "opened", "sign_in"}
    rows = Email.objects.all()
    assert {row.kind for row in rows} == kinds and rows.count() == 4
    # Each was tried once, straight after its transaction, and is waiting for the retry.
    assert {(row.status, row.attempts, row.last_error) for row in rows} == {
        (EmailStatus.PENDING, 1, "ConnectionRefusedError")
    }
    assert mail.outbox == []

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_pending_emails", verbosity=0)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "a@north.gov.uk",
        "a@north.gov.uk",
        "lead@medway.gov.uk",
        "sub@east.gov.uk",
    ]
    assert {(row.status, row.attempts) for row in Email.objects.all()} == {(EmailStatus.SENT, 2)}
    sign_in = next(m for m in mail.outbox if m.to == ["lead@medway.gov.uk"])
    assert "/check-your-progress/self-assessment/sign-in/" in sign_in.body
    assert Email.objects.get(kind="sign_in").token == "", "the link left with the email"
    call_command("send_pending_emails", verbosity=0)
    assert len(mail.outbox) == 4, "a sent email is never sent twice"


# Migrating back and forth needs real transactions; the suite puts back the page tree after.
@pytest.mark.django_db(transaction=True)
def test_the_migration_carries_waiting_and_sent_emails_into_the_site_outbox(home):
    # The page is made with today's model, before the columns added since are taken away.
    page = ConsultationPageFactory(parent=ConsultationIndexPageFactory(parent=home))
    before = [("consultations", "0003_consultation_managers_late_entry_and_erasure")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    comment = old.get_model("consultations", "Comment").objects.create(
        consultation_id=page.pk,
        name="Priya Shah",
        email="priya@northmoor.gov.uk",
        role="Head of procurement",
        response_type="official",
        text="A comment.",
        reference="HUB-26-AAAA-BBBB",
        received_at=OPEN,
        idempotency_key=uuid.uuid4(),
    )
    subscription = old.get_model("consultations", "Subscription").objects.create(
        email="sub@east.gov.uk", key=uuid.uuid4(), confirmed_at=OPEN
    )
    old.get_model("consultations", "CommentEmail").objects.create(
        comment_id=comment.pk, status="sent", attempts=1, sent_at=OPEN
    )
    notifications = old.get_model("consultations", "Notification").objects
    notifications.create(kind="outcome", consultation_id=page.pk, comment_id=comment.pk)
    notifications.create(
        kind="opened", consultation_id=page.pk, subscription_id=subscription.pk, attempts=3
    )
    notifications.create(kind="subscription_confirm", token="signed-token")

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    rows = {row.kind: row for row in Email.objects.all()}
    assert set(rows) == {"receipt", "outcome", "opened", "subscription_confirm"}
    assert (rows["receipt"].status, rows["receipt"].sent_at) == (EmailStatus.SENT, OPEN)
    assert rows["receipt"].about.reference == "HUB-26-AAAA-BBBB"
    assert rows["outcome"].about.pk == comment.pk and rows["outcome"].page_id == page.pk
    assert rows["opened"].about.email == "sub@east.gov.uk" and rows["opened"].attempts == 3
    assert rows["subscription_confirm"].token == "signed-token"
    waiting = [rows[kind].status for kind in ("outcome", "opened", "subscription_confirm")]
    assert waiting == [EmailStatus.PENDING] * 3
