"""Demo consultations: two from 2017 with their outcomes, one open four weeks to a working day."""

from datetime import timedelta

import pytest

from django.utils import timezone

from consultations.models import Comment, ConsultationPage
from consultations.times import closing_date_warning, next_working_day, to_london


pytestmark = pytest.mark.django_db


def test_demo_has_the_2017_consultations_and_an_open_one(demo_site):
    now = timezone.now()
    pages = {p.slug: p for p in ConsultationPage.objects.live()}
    ict = pages["ict-category-strategy-2017"]
    energy = pages["energy-category-strategy-2017"]
    construction = pages["construction-category-strategy-2026"]
    assert ict.closes_text == energy.closes_text == "11:59pm on 12 May 2017"
    assert ict.state_at(now) == "outcome"
    assert str(ict.outcome_published_on) == "2017-07-11"
    assert energy.state_at(now) == "outcome", "its outcome is the final 2017 strategy"
    assert energy.outcome_strategy.slug == "energy-2017" and not energy.outcome_published_on
    assert construction.state_at(now) == "open"
    # Four weeks from loading, moved on to a working day: never a weekend or bank holiday.
    assert construction.closing_date == next_working_day(to_london(now).date() + timedelta(weeks=4))
    assert not closing_date_warning(construction.closing_date)
    assert construction.strategy.slug == "construction-2026"
    assert construction.strategy.status == "draft"


def test_demo_comments_are_stored_once_and_reloading_adds_none(rerun_demo_command):
    # Three sample comments, and the 80 of the illustrative analysis (test_analysis_demo.py).
    comments = Comment.objects.all()
    assert comments.count() == 83
    assert {c.council.name for c in comments} >= {"Northmoor County Council"}
    assert comments.filter(section_id="", email__endswith="council.example").count() > 1
    rerun_demo_command()
    assert Comment.objects.count() == 83


def test_demo_pages_render(client, demo_site):
    for page in ConsultationPage.objects.live():
        assert client.get(page.url).status_code == 200
    assert "Open consultations" in client.get("/").content.decode()
    assert client.get("/consultations/").status_code == 200


def test_demo_responses_come_only_from_fictional_councils_verified_at_example_domains(demo_site):
    """No real council ever shows as having answered; official demo responses are verified."""
    from hub.models import CouncilDomain

    comments = Comment.objects.select_related("council")
    assert comments.exists()
    assert all(c.council.is_illustrative and not c.council.gss_code for c in comments)
    assert all(c.email.endswith(".example") for c in comments)
    official = comments.filter(response_type="official")
    assert official.exists() and set(official) == set(comments.verified())
    assert all(c.verification.startswith("Verified response from ") for c in official)
    # Only fictional councils have confirmed domains, every one of them reserved .example.
    confirmed = CouncilDomain.objects.confirmed().select_related("council")
    assert confirmed.exists()
    assert all(d.council.is_illustrative and d.domain.endswith(".example") for d in confirmed)
