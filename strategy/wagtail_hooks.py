"""Home page panels for the guidance side."""

from wagtail import hooks

from hub.models import HomePanel
from strategy.models import FindingsPage, KeyAreaPage, ResourcePage, StrategyEditionPage


WHATS_NEW = 3


@hooks.register("hub_home_panels")
def whats_new_panel(request, home):
    """The latest findings and resources."""
    findings = list(FindingsPage.objects.live().public().newest_first()[:WHATS_NEW])
    resources = list(ResourcePage.objects.newest()[:WHATS_NEW])
    if not findings and not resources:
        return None
    return {
        "template": "components/strategy_whats_new.html",
        "order": HomePanel.WHATS_NEW,
        "findings": findings,
        "resources": resources,
    }


@hooks.register("hub_home_panels")
def featured_key_areas_panel(request, home):
    """Key areas of the current edition that editors chose to feature."""
    edition = StrategyEditionPage.objects.live().current().newest_first().first()
    if edition is None:
        return None
    key_areas = list(
        KeyAreaPage.objects.live().public().descendant_of(edition).featured().defer_streamfields()
    )
    if not key_areas:
        return None
    return {
        "template": "components/strategy_featured_key_areas.html",
        "order": HomePanel.FEATURED_KEY_AREAS,
        "edition": edition,
        "key_areas": key_areas,
    }
