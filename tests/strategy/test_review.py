"""Must show 4 (ownership): the overdue-review report lists a page whose review date has passed,
and its owning team is reminded once, through the outbox."""

import datetime

import pytest

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from hub.guidance import guidance_models
from hub.models import ChangeNote, Email, ReviewReminder, Team
from tests.strategy.factories import (
    CategoryStrategyPageFactory,
    ToolkitIndexPageFactory,
    ToolkitPageFactory,
)


pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def team():
    return Team.objects.create(name="Act team", email="act-team@example.org")


@pytest.fixture
def toolkits(home):
    return ToolkitIndexPageFactory(parent=home)


@pytest.fixture
def overdue(toolkits, team):
    return ToolkitPageFactory(
        parent=toolkits,
        title="Procurement Act 2023",
        slug="act",
        owning_team=team,
        review_date=TODAY - 3 * DAY,
    )


@pytest.fixture
def current(home, team):
    return CategoryStrategyPageFactory(
        parent__parent=home, title="Energy", slug="energy", owning_team=team, review_date=TODAY
    )


@pytest.fixture
def remind(django_capture_on_commit_callbacks):
    """Run the daily command; the outbox sends what it queued once its transaction commits."""

    def remind():
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_review_reminders", verbosity=0)

    return remind


def download(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def test_the_report_lists_pages_whose_review_date_has_passed(admin_client, overdue, current):
    response = admin_client.get("/admin/reports/past-review/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Procurement Act 2023" in html
    assert f"/admin/pages/{overdue.pk}/edit/" in html
    assert "Act team" in html
    assert "Energy" not in html  # due today: not yet past
    csv = download(admin_client, "/admin/reports/past-review/?export=csv")
    assert "Page,Address,Review by,Owner,Published" in csv
    assert f"Procurement Act 2023,/toolkits/act/,{TODAY - 3 * DAY:%Y-%m-%d},Act team" in csv


def test_the_owner_is_reminded_once(overdue, current, remind):
    remind()
    remind()

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["act-team@example.org"]
    assert email.subject == "Review due: Procurement Act 2023"
    assert "http://localhost/toolkits/act/" in email.body
    assert ReviewReminder.objects.get().page_id == overdue.pk
    assert Email.objects.get(kind="review_reminder").status == "sent"


def test_a_new_review_date_that_passes_is_reminded_again(overdue, remind):
    remind()
    overdue.review_date = TODAY - DAY
    overdue.save_revision().publish()

    remind()

    assert len(mail.outbox) == 2


def test_pages_without_an_owner_or_not_live_are_not_reminded(toolkits, team, remind):
    ToolkitPageFactory(parent=toolkits, slug="orphan", review_date=TODAY - DAY)
    draft = ToolkitPageFactory(
        parent=toolkits, slug="draft", owning_team=team, review_date=TODAY - DAY
    )
    draft.unpublish()
    remind()
    assert mail.outbox == []


def test_a_failed_send_stays_in_the_outbox_and_goes_next_time(overdue, settings, remind):
    settings.EMAIL_BACKEND = "tests.consultations.failing_email.FailingBackend"
    remind()
    assert Email.objects.get(kind="review_reminder").status == "pending"

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    remind()  # no second reminder
    call_command("send_pending_emails", verbosity=0)  # the outbox's own retry
    assert Email.objects.get(kind="review_reminder").status == "sent"
    assert len(mail.outbox) == 1


def test_every_demo_guidance_page_has_an_owner_and_a_review_date(demo_site):
    for model in guidance_models():
        for page in model.objects.all():
            assert page.owning_team_id and page.review_date, (model.__name__, page.url_path)
    # A note would be dated by the load, and no demo page shows a date the load made.
    assert not ChangeNote.objects.exists()
