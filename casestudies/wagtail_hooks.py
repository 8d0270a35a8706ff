"""Admin and home-page hooks for case studies."""

from wagtail import hooks

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from hub.models import HomePanel


HOME_PANEL_SIZE = 3


@hooks.register("hub_home_panels")
def latest_case_studies_panel(request, home):
    """The "Latest case studies" panel on the home page."""
    latest = list(
        CaseStudyPage.objects.descendant_of(home)
        .live()
        .public()
        .latest_published()
        .for_card()[:HOME_PANEL_SIZE]
    )
    if not latest:
        return None
    index = CaseStudyIndexPage.objects.live().public().first()  # one finder per hub
    return {
        "template": "components/casestudy_home_panel.html",
        "order": HomePanel.LATEST_CASE_STUDIES,
        "index": index,
        "case_studies": latest,
    }
