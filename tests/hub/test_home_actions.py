"""The home page leads to the three main jobs, each link worked out from the content."""

from django.utils import timezone

from consultations.models import ConsultationPage
from strategy.models import ProgressIndexPage, StrategyEditionPage


def test_home_page_leads_to_the_three_main_jobs(client, demo_site):
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
