"""Home page jobs and panels for the guidance side."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from hub.models import HomeAction, HomePanel
from strategy.act.admin import ActRulesGroup
from strategy.models import KeyAreaPage, StrategyEditionPage


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


@hooks.register("hub_search_demoted_paths")
def superseded_edition_paths():
    """Pages of a superseded edition rank after their counterparts in the edition in force."""
    return StrategyEditionPage.objects.superseded().values_list("path", flat=True)


register_snippet(ActRulesGroup)
