"""Home page jobs and panels for the guidance side."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from hub.models import HomeAction, HomePanel
from strategy.act.admin import ActRulesGroup
from strategy.models import (
    FindingsPage,
    KeyAreaPage,
    ProgressIndexPage,
    ResourcePage,
    StrategyEditionPage,
)


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
    edition = StrategyEditionPage.objects.in_force()
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


@hooks.register("hub_home_actions")
def read_the_strategy_action(request, home):
    """Read the edition of the strategy in force."""
    edition = StrategyEditionPage.objects.in_force()
    if edition is None:
        return None
    return {
        "order": HomeAction.READ_STRATEGY,
        "title": "Read the strategy",
        "url": edition.get_url(request=request),
        "text": f"The {edition.title}: its themes, key areas and what good looks like.",
    }


@hooks.register("hub_home_actions")
def check_your_progress_action(request, home):
    """Check a council's progress against the strategy's maturity levels."""
    progress = ProgressIndexPage.objects.live().first()
    if progress is None:
        return None
    return {
        "order": HomeAction.CHECK_PROGRESS,
        "title": "Check your progress",
        "url": progress.get_url(request=request),
        "text": "Score your council on the five maturity levels and compare with past surveys.",
    }


@hooks.register("hub_search_demoted_paths")
def superseded_edition_paths():
    """Pages of a superseded edition rank after their counterparts in the edition in force."""
    return StrategyEditionPage.objects.superseded().values_list("path", flat=True)


register_snippet(ActRulesGroup)
