"""The first screen: one row of navigation at 1280px, the finder's results near the top at 375px."""

from tests.browser.helpers import BROWSER


pytestmark = BROWSER

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}


def test_navigation_fits_one_row_at_1280px(live_server, new_context, demo_site):
    context = new_context(viewport=DESKTOP)
    page = context.new_page()
    for path in ("/", "/case-studies/", "/consultations/"):
        page.goto(live_server.url + path)
        tops = page.eval_on_selector_all(
            ".govuk-service-navigation__item", "items => items.map(i => i.offsetTop)"
        )
        assert len(tops) >= 6 and len(set(tops)) == 1, (path, tops)
    # Beside the results, the finder's filters stand open.
    page.goto(live_server.url + "/case-studies/")
    assert page.locator("#id_theme").is_visible()


def test_finder_filters_fold_away_on_a_phone_without_javascript(
    live_server, new_context, demo_site
):
    context = new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/case-studies/")
    assert not page.locator("#id_theme").is_visible()
    page.click(".hub-filter-panel__summary")
    assert page.locator("#id_theme").is_visible()


def test_finder_results_start_near_the_top_on_a_phone(live_server, new_context, demo_site):
    # With scripts on, as most phones run, the navigation folds into its Menu button too.
    context = new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + "/case-studies/")
    first = page.locator("main .hub-card-list li").first.bounding_box()
    assert first["y"] < 900, first
