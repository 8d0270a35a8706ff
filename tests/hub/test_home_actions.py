"""The home page leads to the three main jobs, each link worked out from the content."""

from datetime import timedelta

import pytest

from django.utils import timezone

from consultations.models import ConsultationPage
from progress.models import ProgressIndexPage
from strategy.enums import EditionStatus
from strategy.models import StrategyEditionPage
from tests.consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from tests.factories import StrategyEditionPageFactory, StrategyIndexPageFactory
from tests.progress.factories import ProgressIndexPageFactory
from tests.strategy.factories import CategoryStrategyIndexPageFactory, CategoryStrategyPageFactory


@pytest.fixture
def site_with_one_open_consultation(home):
    """Two editions (one current), the progress section, one open and one closed consultation."""
    strategy = StrategyIndexPageFactory(parent=home)
    StrategyEditionPageFactory(parent=strategy, year=2018, status=EditionStatus.SUPERSEDED)
    StrategyEditionPageFactory(parent=strategy, year=2022, slug="nps-2022")
    ProgressIndexPageFactory(parent=home)
    drafts = CategoryStrategyIndexPageFactory(parent=home)
    draft = CategoryStrategyPageFactory(parent=drafts, draft=True)
    consultations = ConsultationIndexPageFactory(parent=home)
    today = timezone.localdate()
    for slug, opens, closes in (
        ("closed", today - timedelta(days=60), today - timedelta(days=30)),
        ("open", today - timedelta(days=5), today + timedelta(days=25)),
    ):
        ConsultationPageFactory(
            parent=consultations, slug=slug, strategy=draft, opening_date=opens, closing_date=closes
        )
    return home


def test_home_page_leads_to_the_three_main_jobs(client, site_with_one_open_consultation):
    response = client.get("/")
    html = response.content.decode()
    assert '<h1 class="govuk-heading-xl">Procurement Knowledge Hub</h1>' not in html
    actions = {action["title"]: action["url"] for action in response.context["actions"]}

    edition = StrategyEditionPage.objects.live().current().newest_first().first()
    progress = ProgressIndexPage.objects.live().first()
    open_now = list(ConsultationPage.objects.live().open_at(timezone.now()))
    assert actions["Read the strategy"] == edition.url
    assert actions["Check your progress"] == progress.url
    assert len(open_now) == 1
    assert actions["Respond to the open consultation"] == open_now[0].url
    assert list(actions) == [
        "Read the strategy",
        "Check your progress",
        "Respond to the open consultation",
    ]
    for url in actions.values():
        assert f'href="{url}"' in html
