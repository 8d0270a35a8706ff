"""Demo consultations: two closed in 2017, one open for four weeks from loading."""

from datetime import timedelta

import pytest

from django.utils import timezone

from consultations.models import Comment, ConsultationPage
from consultations.times import to_london


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
    assert energy.state_at(now) == "closed"
    assert construction.state_at(now) == "open"
    assert construction.closing_date == to_london(now).date() + timedelta(weeks=4)
    assert construction.strategy.slug == "construction-2026"
    assert construction.strategy.status == "draft"


def test_demo_comments_are_stored_once_and_reloading_adds_none(rerun_demo_command):
    comments = Comment.objects.all()
    assert comments.count() == 3
    assert {c.council.name for c in comments} >= {"Northmoor County Council"}
    assert comments.filter(section_id="").count() == 1
    rerun_demo_command()
    assert Comment.objects.count() == 3


def test_demo_pages_render(client, demo_site):
    for page in ConsultationPage.objects.live():
        assert client.get(page.url).status_code == 200
    assert "Open consultations" in client.get("/").content.decode()
    assert client.get("/consultations/").status_code == 200
