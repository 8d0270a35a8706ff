"""Email alerts: double opt-in, one email per new consultation, a reminder, one-click exit."""

import io
import re
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from django.core.management import call_command

from consultations.enums import NotificationKind
from consultations.models import Notification, Subscription
from tests.consultations.factories import ConsultationPageFactory
from tests.utils import REDIS_DOWN


pytestmark = pytest.mark.django_db

SUBSCRIBE = "/consultations/alerts/"
EMAIL = "lead@northmoor.gov.uk"


def link_in(message) -> str:
    return re.search(r"http://\S+", message.body).group(0)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.fixture
def subscribed(client, home, mailoutbox, django_capture_on_commit_callbacks):
    """Subscribe and confirm, as a person would, on 1 May 2026."""
    with time_machine.travel(datetime(2026, 5, 1, 9, tzinfo=UTC), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(SUBSCRIBE, {"email": EMAIL})
        client.post(path_of(link_in(mailoutbox[-1])))
    mailoutbox.clear()
    return Subscription.objects.get(email=EMAIL)


def test_nothing_is_stored_before_confirmation_but_a_signed_token(
    client, home, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SUBSCRIBE, {"email": EMAIL})
    assert response.status_code == 302
    assert "Check your email" in client.get(response["Location"]).content.decode()
    assert not Subscription.objects.exists()
    (message,) = mailoutbox
    assert message.to == [EMAIL]
    confirm = path_of(link_in(message))
    (row,) = Notification.objects.all()
    assert row.token == "", "the token left with the email"
    # Following the link asks; only the button confirms (mail scanners follow links).
    assert "Confirm your subscription" in client.get(confirm).content.decode()
    assert not Subscription.objects.exists()
    assert "You are subscribed" in client.post(confirm).content.decode()
    assert Subscription.objects.filter(email=EMAIL).count() == 1
    client.post(confirm)
    assert Subscription.objects.count() == 1, "confirming twice stores one"


def test_bad_or_expired_confirmation_links_say_so(
    client, home, mailoutbox, django_capture_on_commit_callbacks
):
    assert client.get("/consultations/alerts/confirm/forged/").status_code == 400
    with (
        time_machine.travel(datetime(2026, 5, 1, tzinfo=UTC), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        client.post(SUBSCRIBE, {"email": EMAIL})
    with time_machine.travel(datetime(2026, 5, 9, tzinfo=UTC), tick=False):
        response = client.post(path_of(link_in(mailoutbox[-1])))
    assert response.status_code == 400 and "expired" in response.content.decode()
    assert not Subscription.objects.exists()


def test_an_invalid_address_keeps_what_was_typed(client, home):
    response = client.post(SUBSCRIBE, {"email": "not an email"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html and 'value="not an email"' in html


def test_too_many_requests_for_one_address_are_refused(client, home, mailoutbox, settings):
    for _ in range(settings.CONSULTATIONS_SUBSCRIBE_PER_HOUR):
        assert client.post(SUBSCRIBE, {"email": EMAIL}).status_code == 302
    assert client.post(SUBSCRIBE, {"email": EMAIL}).status_code == 429


def test_one_email_per_new_consultation_and_one_reminder_never_resent(
    index, subscribed, mailoutbox
):
    page = ConsultationPageFactory(
        parent=index, slug="waste", opening_date=date(2026, 6, 1), closing_date=date(2026, 6, 30)
    )
    page.save_revision().publish()
    with time_machine.travel(datetime(2026, 5, 31, 12, tzinfo=UTC), tick=False):
        call_command("send_consultation_alerts", stdout=io.StringIO())
    assert mailoutbox == [], "not open yet"
    for day in (1, 2):
        with time_machine.travel(datetime(2026, 6, day, 12, tzinfo=UTC), tick=False):
            call_command("send_consultation_alerts", stdout=io.StringIO())
    # An edit does not resend.
    page.title = "Waste category strategy (revised)"
    page.save_revision().publish()
    with time_machine.travel(datetime(2026, 6, 3, 12, tzinfo=UTC), tick=False):
        call_command("send_consultation_alerts", stdout=io.StringIO())
    (opened,) = mailoutbox
    assert opened.subject.startswith("New consultation") and opened.to == [EMAIL]
    unsubscribe = f"/consultations/alerts/unsubscribe/{subscribed.key}/"
    assert opened.extra_headers["List-Unsubscribe"] == f"<http://localhost{unsubscribe}>"
    assert opened.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "11:59pm on 30 June 2026" in opened.body

    for moment in (datetime(2026, 6, 27, 22, tzinfo=UTC), datetime(2026, 6, 28, 9, tzinfo=UTC)):
        with time_machine.travel(moment, tick=False):
            call_command("send_consultation_alerts", stdout=io.StringIO())
    reminders = [m for m in mailoutbox if m.subject.startswith("Closing soon")]
    assert len(reminders) == 1, "one reminder, three days before the close"
    kinds = Notification.objects.filter(subscription__isnull=False).values_list(
        "kind", "subscription", "consultation"
    )
    assert sorted(kinds) == sorted(
        [
            (NotificationKind.CONSULTATION_OPENED, subscribed.pk, page.pk),
            (NotificationKind.CLOSING_REMINDER, subscribed.pk, page.pk),
        ]
    )


def test_the_reminder_waits_for_the_last_three_days(index, subscribed, mailoutbox):
    page = ConsultationPageFactory(
        parent=index, slug="waste", opening_date=date(2026, 6, 1), closing_date=date(2026, 6, 30)
    )
    page.save_revision().publish()
    just_before = page.closes_at - timedelta(days=3, minutes=1)
    with time_machine.travel(just_before, tick=False):
        call_command("send_consultation_alerts", stdout=io.StringIO())
    assert not [m for m in mailoutbox if m.subject.startswith("Closing soon")]


def test_one_click_unsubscribe_works_without_a_session(client, subscribed):
    url = f"/consultations/alerts/unsubscribe/{subscribed.key}/"
    assert "Unsubscribe from consultation emails" in client.get(url).content.decode()
    client.handler.enforce_csrf_checks = True
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and "You have unsubscribed" in response.content.decode()
    assert not Subscription.objects.exists()
    assert client.post(url).status_code == 200, "a second click is harmless"
    assert client.get(url).status_code == 404


def test_with_redis_down_a_sign_up_is_sent_and_the_limit_fails_open(
    client, home, mailoutbox, settings, caplog, django_capture_on_commit_callbacks
):
    settings.CACHES = REDIS_DOWN
    settings.CONSULTATIONS_SUBSCRIBE_PER_HOUR = 1
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(SUBSCRIBE, {"email": EMAIL}).status_code == 302
    assert len(mailoutbox) == 2
    messages = [record.getMessage() for record in caplog.records]
    assert any(m.startswith("Alert sign-up limit not applied") for m in messages), messages


def test_the_alerts_job_writes_nothing_for_emails_already_recorded(index, subscribed):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from consultations.follow_up.subscriptions import alerts_create

    ConsultationPageFactory(
        parent=index, slug="waste", opening_date=date(2026, 6, 1), closing_date=date(2026, 6, 30)
    ).save_revision().publish()
    now = datetime(2026, 6, 28, 9, tzinfo=UTC)  # open, and within three days of the close
    alerts_create(now)
    assert Notification.objects.filter(subscription=subscribed).count() == 2
    with CaptureQueriesContext(connection) as queries:
        alerts_create(now)
    assert not [q for q in queries if q["sql"].lstrip().upper().startswith("INSERT")]
