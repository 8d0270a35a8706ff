"""Must show 5: anonymised N months after the outcome, not a day before; erasure leaves no trace."""

import io
import json
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from django.apps import apps
from django.core.management import call_command
from django.db import models

from wagtail.models import PageLogEntry

from consultations import times
from consultations.follow_up.notifications import subscribe_token
from consultations.models import Comment, Subscription
from consultations.respondent_data.retention import add_months, anonymise_due
from hub.models import Email
from tests.consultations.follow_up import manager_user, respond


pytestmark = pytest.mark.django_db

EMAIL = "a@x.gov.uk"


@pytest.fixture
def with_outcome(consultation, clock):
    """Two comments; the outcome is published on 3 August 2026."""
    respond(consultation, "Keep these words.", email=EMAIL, name="Ann Example")
    respond(consultation, "And these.", email="b@y.gov.uk", name="Bo Example")
    consultation.outcome_published_on = date(2026, 8, 3)
    consultation.save_revision().publish()
    return consultation


def run(when: datetime) -> str:
    out = io.StringIO()
    with time_machine.travel(when, tick=False):
        call_command("anonymise_consultation_responses", stdout=out)
    return out.getvalue()


def test_anonymised_a_day_after_n_months_and_not_a_day_before(with_outcome, settings):
    settings.CONSULTATIONS_RETENTION_MONTHS = 24
    due = times.london_instant(date(2028, 8, 3))
    assert due == add_months(times.london_instant(date(2026, 8, 3)), 24)

    assert "Anonymised 0 comments" in run(due - timedelta(days=1))
    assert Comment.objects.filter(email=EMAIL, name="Ann Example").count() == 1

    assert "Anonymised 2 comments on 1 consultations" in run(due + timedelta(days=1))
    for comment in Comment.objects.all():
        assert comment.name == comment.email == comment.role == comment.organisation_other == ""
        assert comment.council is None and comment.anonymised_at is not None
    assert set(Comment.objects.values_list("text", flat=True)) == {
        "Keep these words.",
        "And these.",
    }
    assert all(c.reference.startswith("HUB-") for c in Comment.objects.all())
    entry = PageLogEntry.objects.get(action="consultations.anonymise_responses")
    assert entry.data == {"comments": 2, "months": 24}

    before = list(Comment.objects.values())
    assert "Anonymised 0 comments" in run(due + timedelta(days=2))
    assert list(Comment.objects.values()) == before, "a second run changes nothing"
    assert PageLogEntry.objects.filter(action="consultations.anonymise_responses").count() == 1


def test_without_an_outcome_the_period_runs_from_the_close(consultation, clock, settings):
    settings.CONSULTATIONS_RETENTION_MONTHS = 6
    respond(consultation, "Words.", email=EMAIL)
    due = add_months(consultation.closes_at, 6)
    assert due == datetime(2027, 1, 1, 0, 0, tzinfo=UTC)  # 00:00 UK time, six months on
    with time_machine.travel(due - timedelta(days=1), tick=False):
        assert anonymise_due() == {}
    with time_machine.travel(due + timedelta(days=1), tick=False):
        assert anonymise_due() == {consultation.pk: 1}


def test_month_ends_are_kept_within_the_month():
    start = times.london_instant(date(2026, 8, 31))
    assert times.to_london(add_months(start, 6)).date() == date(2027, 2, 28)


def tables_containing(value: str) -> list[str]:
    """Every text column in every table that still holds the value, in any case."""
    found = []
    for model in apps.get_models():
        if model._meta.label == "hub.CouncilDomain":
            continue  # councils' published web domains (essex.gov.uk): nobody's details
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField | models.EmailField):
                hits = model._default_manager.filter(**{f"{field.attname}__icontains": value})
                if hits.exists():
                    found.append(f"{model._meta.label}.{field.attname}")
    return found


def test_erase_by_email_leaves_the_address_in_no_table(
    client, django_user_model, index, consultation, clock, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        respond(consultation, "One.", email=EMAIL, notify_outcome=True)
        respond(consultation, "Two.", email=EMAIL.upper())
        respond(consultation, "Someone else.", email="other@y.gov.uk")
    Subscription.objects.create(
        email=EMAIL,
        key="6f1c1d1e-0000-4000-8000-000000000001",
        confirmed_at=datetime(2026, 6, 1, tzinfo=UTC),
    )
    Email.objects.create(kind="subscription_confirm", token=subscribe_token(EMAIL))
    assert tables_containing(EMAIL)

    manager = manager_user(django_user_model)
    client.force_login(manager)
    export = client.get(f"/admin/consultations/respondent-data/?email={EMAIL}&export=json")
    data = json.loads(export.content)
    assert len(data["comments"]) == 2 and len(data["subscriptions"]) == 1
    assert {c["text"] for c in data["comments"]} == {"One.", "Two."}
    assert "idempotency_key" in data["comments"][0] and "received_at" in data["comments"][0]
    kinds = sorted(e["kind"] for e in data["emails"])
    assert kinds == ["Confirm a subscription", *["Confirmation of a comment"] * 2]

    response = client.post("/admin/consultations/respondent-data/", {"email": EMAIL})
    assert response.status_code == 302
    assert tables_containing(EMAIL) == []
    assert tables_containing("x.gov.uk") == []
    assert Email.objects.filter(token__gt="").count() == 0
    assert Comment.objects.filter(email="other@y.gov.uk").count() == 1, "others untouched"
    assert set(Comment.objects.values_list("text", flat=True)) >= {"One.", "Two."}
    again = json.loads(
        client.get(f"/admin/consultations/respondent-data/?email={EMAIL}&export=json").content
    )
    assert again["comments"] == [] and again["subscriptions"] == [] and again["emails"] == []


def test_the_privacy_notice_and_the_form_state_the_period_the_command_enforces(
    client, demo_site, settings
):
    months = settings.CONSULTATIONS_RETENTION_MONTHS
    privacy = client.get("/privacy/").content.decode()
    assert f"for {months} months after we publish the outcome" in privacy
    assert "(or after it closes, if we publish no outcome)" in privacy
    form = client.get("/consultations/construction-category-strategy-2026/respond/")
    assert f"for {months} months after we publish the outcome" in form.content.decode()
    settings.CONSULTATIONS_RETENTION_MONTHS = 6
    form = client.get("/consultations/construction-category-strategy-2026/respond/")
    assert "for 6 months after we publish the outcome" in form.content.decode()
