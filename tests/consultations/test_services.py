"""comment_create: the server's clock decides, one row per submission, email never loses it."""

import re
import threading
import uuid
from datetime import UTC, date, datetime, time

import pytest
import time_machine

from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction

from consultations import services
from consultations.enums import CommentStatus, ConsultationState
from consultations.models import Comment
from consultations.services import CommentRefused, Respondent, SubmissionConflict, comment_create
from hub import outbox
from hub.models import Email, EmailStatus
from tests.consultations.factories import ConsultationPageFactory
from tests.consultations.follow_up import PRIYA


pytestmark = pytest.mark.django_db

RESPONDENT = Respondent(**PRIYA)


def create(consultation, key=None, text="A comment.", **kwargs):
    return comment_create(
        consultation=consultation,
        idempotency_key=key or uuid.uuid4(),
        respondent=RESPONDENT,
        text=text,
        **kwargs,
    )


def race(count, work):
    """Run work in `count` threads released at the same moment; (results, errors)."""
    barrier = threading.Barrier(count)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            results.append(work())
        except Exception as error:  # noqa: BLE001 - reported by the caller's assertion
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results, errors


def at(*args):
    return time_machine.travel(datetime(*args, tzinfo=UTC), tick=False)


class TestClosingDuringSummerTime:
    """Must show 1: closing date 30 June 2026, in BST."""

    def test_closes_at_is_23_00_utc(self, consultation):
        assert consultation.closes_at == datetime(2026, 6, 30, 23, 0, tzinfo=UTC)

    def test_a_comment_at_23_59_30_bst_is_accepted(self, consultation, server_tz):
        with at(2026, 6, 30, 22, 59, 30):
            comment, created = create(consultation)
        assert created and comment.reference
        assert Comment.objects.count() == 1

    def test_a_comment_at_00_00_05_bst_on_1_july_is_refused_and_nothing_stored(
        self, consultation, server_tz
    ):
        with at(2026, 6, 30, 23, 0, 5), pytest.raises(CommentRefused) as refused:
            create(consultation)
        assert refused.value.state == ConsultationState.CLOSED
        assert Comment.objects.count() == 0
        assert Email.objects.count() == 0
        assert mail.outbox == []

    def test_the_last_microsecond_is_accepted_and_the_close_itself_refused(self, consultation):
        with at(2026, 6, 30, 22, 59, 59, 999999):
            create(consultation)
        with at(2026, 6, 30, 23, 0, 0), pytest.raises(CommentRefused):
            create(consultation)
        assert Comment.objects.count() == 1


class TestClockChangeDay:
    """Must show 1: opens 29 March 2026, closes 25 October 2026 (a 25-hour day)."""

    @pytest.fixture
    def autumn(self, index):
        return ConsultationPageFactory(
            parent=index, opening_date=date(2026, 3, 29), closing_date=date(2026, 10, 25)
        )

    def test_closes_at_is_the_start_of_26_october(self, autumn):
        assert autumn.closes_at == datetime(2026, 10, 26, 0, 0, tzinfo=UTC)

    def test_open_one_second_into_29_march(self, autumn, server_tz):
        assert autumn.state_at(datetime(2026, 3, 29, 0, 0, 1, tzinfo=UTC)) == "open"
        assert autumn.state_at(datetime(2026, 3, 28, 23, 59, 59, tzinfo=UTC)) == "forthcoming"

    def test_a_comment_at_23_30_gmt_on_25_october_is_accepted(self, autumn, server_tz):
        with at(2026, 10, 25, 23, 30):
            _, created = create(autumn)
        assert created

    def test_a_comment_at_00_00_on_26_october_is_refused(self, autumn, server_tz):
        with at(2026, 10, 26, 0, 0), pytest.raises(CommentRefused):
            create(autumn)
        assert Comment.objects.count() == 0


def test_forthcoming_consultation_refuses_comments(consultation):
    with at(2026, 5, 31, 22, 59, 59), pytest.raises(CommentRefused) as refused:
        create(consultation)
    assert refused.value.state == ConsultationState.FORTHCOMING
    assert Comment.objects.count() == 0


def test_an_explicit_5pm_close_refuses_from_5pm(index):
    page = ConsultationPageFactory(parent=index, closing_time=time(17, 0))
    assert page.closes_text == "5pm on 30 June 2026"
    with at(2026, 6, 30, 15, 59, 59):
        create(page)
    with at(2026, 6, 30, 16, 0), pytest.raises(CommentRefused):
        create(page)


class TestStoring:
    def test_a_comment_keeps_the_section_heading_and_draft_revision(self, consultation, clock):
        section = consultation.sections()[2]
        comment, _ = create(consultation, section_id=section["id"])
        assert comment.section_heading == "Market engagement"
        assert comment.section_number == 3
        assert comment.page_revision_id == consultation.draft.live_revision_id is not None
        assert comment.about == "3. Market engagement"

    def test_an_unknown_section_is_stored_as_the_whole_draft(self, consultation, clock):
        comment, _ = create(consultation, section_id="not-a-section")
        assert comment.section_id == "" and comment.about == "The whole draft"

    def test_references_are_unique_and_not_sequential(self, consultation, clock):
        references = [create(consultation)[0].reference for _ in range(30)]
        assert len(set(references)) == 30
        assert references != sorted(references)
        assert all(ref.startswith("HUB-26-") for ref in references)

    def test_a_reference_collision_draws_another(self, consultation, clock, monkeypatch):
        taken = create(consultation)[0].reference
        draws = iter([taken, "HUB-26-ZZZZ-ZZZZ"])
        monkeypatch.setattr(services, "reference_generate", lambda: next(draws))
        comment, created = create(consultation)
        assert created and comment.reference == "HUB-26-ZZZZ-ZZZZ"
        assert Comment.objects.count() == 2


def test_100000_references_are_unique_unambiguous_and_not_sequential():
    with at(2026, 6, 15, 10, 0):
        references = [services.reference_generate() for _ in range(100_000)]
    # 32^8 values: 100,000 draws clash about once in 220 runs, and comment_create then draws again
    # (the column is unique). More than two clashes would mean far fewer values than that.
    assert len(references) - len(set(references)) <= 2
    # Crockford base 32: no I, L, O or U to misread.
    pattern = re.compile(r"HUB-26-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")
    assert all(pattern.fullmatch(reference) for reference in references)
    assert sum(a < b for a, b in zip(references, references[1:], strict=False)) < 60_000


class TestIdempotency:
    """Must show 3: two POSTs with the same key store one comment, same reference."""

    def test_the_same_key_twice_returns_the_stored_comment(self, consultation, clock):
        key = uuid.uuid4()
        first, created_first = create(consultation, key=key)
        second, created_second = create(consultation, key=key)
        assert (created_first, created_second) == (True, False)
        assert first.reference == second.reference
        assert Comment.objects.count() == 1
        assert Email.objects.count() == 1

    def test_the_same_key_with_other_text_is_a_conflict(self, consultation, clock):
        key = uuid.uuid4()
        first, _ = create(consultation, key=key, text="First")
        with pytest.raises(SubmissionConflict) as conflict:
            create(consultation, key=key, text="Changed")
        assert conflict.value.existing == first
        assert Comment.objects.get().text == "First"

    def test_a_resend_after_the_close_still_gets_its_reference(self, consultation):
        key = uuid.uuid4()
        with at(2026, 6, 30, 22, 59):
            first, _ = create(consultation, key=key)
        with at(2026, 7, 1, 9, 0):
            again, created = create(consultation, key=key)
        assert again.reference == first.reference and not created

    def test_the_same_key_in_two_consultations_is_two_comments(self, consultation, index, clock):
        other = ConsultationPageFactory(parent=index)
        key = uuid.uuid4()
        create(consultation, key=key)
        create(other, key=key)
        assert Comment.objects.count() == 2


# The suite puts back the page tree that the flush after this test removes (tests/conftest.py).
@pytest.mark.django_db(transaction=True)
def test_concurrent_posts_with_the_same_key_store_one_comment(consultation):
    """Must show 3 under real concurrency: eight threads race with one key."""
    if connection.vendor == "sqlite":
        pytest.skip(
            "SQLite takes one database-wide write lock and its in-memory test database is "
            "not shared between threads; this race is proven on PostgreSQL."
        )
    key = uuid.uuid4()
    with at(2026, 6, 15, 10, 0):
        results, errors = race(8, lambda: create(consultation, key=key, text="Same text"))
    assert errors == []
    references = [comment.reference for comment, _ in results]
    assert len(references) == 8 and len(set(references)) == 1
    assert Comment.objects.filter(idempotency_key=key).count() == 1
    assert Email.objects.count() == 1


class TestEmail:
    """Must show 6: an email backend that raises never loses the comment."""

    def test_confirmation_email_has_the_reference_and_none_of_the_text(
        self, consultation, clock, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            comment, _ = create(consultation, text="Secret words")
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == ["priya@northmoor.gov.uk"] and not message.bcc and not message.cc
        assert comment.reference in message.subject and comment.reference in message.body
        assert "Secret words" not in message.body and "Priya" not in message.body
        assert "11:59pm on 30 June 2026" in message.body
        assert "Your comment is about: The whole draft" in message.body
        assert "We received your comment at 11am on 15 June 2026 (UK time)" in message.body
        assert Email.objects.get().status == EmailStatus.SENT

    def test_a_failing_backend_keeps_the_comment_and_the_retry_sends_it(
        self, consultation, clock, settings, django_capture_on_commit_callbacks
    ):
        settings.EMAIL_BACKEND = "tests.consultations.failing_email.FailingBackend"
        with django_capture_on_commit_callbacks(execute=True):
            comment, _ = create(consultation)
        assert Comment.objects.filter(reference=comment.reference).exists()
        job = Email.objects.get()
        assert (job.status, job.attempts, job.last_error) == (
            EmailStatus.PENDING,
            1,
            "ConnectionRefusedError",
        )
        assert mail.outbox == []

        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        call_command("send_pending_emails", verbosity=0)
        job.refresh_from_db()
        assert job.status == EmailStatus.SENT and job.attempts == 2
        assert len(mail.outbox) == 1 and comment.reference in mail.outbox[0].body
        call_command("send_pending_emails", verbosity=0)
        assert len(mail.outbox) == 1, "a sent email is never sent twice"

    def test_an_email_that_keeps_failing_is_given_up_after_eight_attempts(
        self, consultation, clock, settings
    ):
        settings.EMAIL_BACKEND = "tests.consultations.failing_email.FailingBackend"
        create(consultation)
        for _ in range(outbox.MAX_ATTEMPTS):
            outbox.emails_send_pending()
        assert Email.objects.get().status == EmailStatus.FAILED
        assert Comment.objects.count() == 1

    def test_quarantined_comments_get_no_email(self, consultation, clock):
        comment, _ = create(consultation, quarantine_reason="Hidden field filled in")
        assert comment.status == CommentStatus.QUARANTINED
        assert not Email.objects.exists()


class TestDatabaseRules:
    def test_text_longer_than_10000_characters_is_refused_by_the_database(
        self, consultation, clock
    ):
        comment, _ = create(consultation)
        with pytest.raises(IntegrityError), transaction.atomic():
            Comment.objects.filter(pk=comment.pk).update(text="x" * 10_001)

    def test_empty_text_is_refused_by_the_database(self, consultation, clock):
        comment, _ = create(consultation)
        with pytest.raises(IntegrityError), transaction.atomic():
            Comment.objects.filter(pk=comment.pk).update(text="")

    def test_references_are_unique_in_the_database(self, consultation, clock):
        first, _ = create(consultation)
        second, _ = create(consultation)
        with pytest.raises(IntegrityError), transaction.atomic():
            Comment.objects.filter(pk=second.pk).update(reference=first.reference)
