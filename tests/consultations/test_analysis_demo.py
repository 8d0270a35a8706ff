"""Must show (demo): the construction consultation's illustrative analysis, and nothing on 2017."""

import pytest

from consultations.analysis import counts
from consultations.analysis.models import CampaignGroup, Coding, ResponseTheme
from consultations.models import Comment, ConsultationPage


pytestmark = pytest.mark.django_db

OPEN = "construction-category-strategy-2026"


def test_the_open_consultation_has_an_illustrative_analysis(demo_site):
    consultation = ConsultationPage.objects.get(slug=OPEN)
    comments = Comment.objects.filter(consultation=consultation).select_related(
        "council__council_type", "council__region"
    )
    assert comments.count() >= 80
    assert all(c.is_illustrative for c in comments)
    assert all(c.council.is_illustrative for c in comments)
    assert len({c.council.council_type.name for c in comments}) >= 4
    assert len({c.council.region.name for c in comments}) >= 4
    themes = ResponseTheme.objects.filter(consultation=consultation)
    assert themes.count() == 6
    assert all(t.codings.exists() for t in themes)
    groups = CampaignGroup.objects.filter(consultation=consultation)
    assert groups.count() == 2
    assert all(g.confirmed_at for g in groups)
    assert sorted(g.members.count() for g in groups) == [12, 18]
    headline = str(counts.headline(consultation))
    assert headline == f"{comments.count()} comments, of which 30 in 2 campaign groups"
    # Every comment in a campaign group carries its campaign's themes.
    for group in groups:
        codings = Coding.objects.filter(comment__campaign_member__group=group)
        assert codings.count() == group.members.count()
        assert all(c.themes.exists() and c.stance for c in codings)


def test_nothing_is_attached_to_the_real_2017_consultations(demo_site):
    real = ConsultationPage.objects.filter(slug__endswith="-2017")
    assert real.count() == 2
    assert not Comment.objects.filter(consultation__in=real).exists()
    assert not ResponseTheme.objects.filter(consultation__in=real).exists()
    assert not CampaignGroup.objects.filter(consultation__in=real).exists()
