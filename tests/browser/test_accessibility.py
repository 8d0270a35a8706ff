"""Every public page type in a real browser: zero axe violations, and usable without JavaScript."""

from playwright.sync_api import expect

from tests.browser.helpers import BROWSER, AxeReport
from tests.browser.pages import demo_pages


pytestmark = BROWSER


def test_every_page_type_has_no_axe_violations(live_server, page, demo_site):
    axe = AxeReport(page)
    for label, path in demo_pages():
        axe.visit(live_server.url + path, f"{label} {path}", statuses=(200, 404))
    assert not axe.failures, axe.failures


def test_pages_work_without_javascript(live_server, new_context, demo_site):
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    for label, path in demo_pages():
        page.goto(live_server.url + path)
        assert page.locator("main h1").first.is_visible(), (label, path)
        assert page.locator(".govuk-service-navigation__list").is_visible(), (label, path)
    # The search box in the header works as a plain form.
    page.goto(live_server.url + "/")
    page.fill("#site-search", "contract")
    page.click(".hub-header__search button")
    # The click only starts the navigation: wait for the results page to be shown.
    expect(page.locator("#results-heading")).to_be_visible()
    assert "/search/?q=contract" in page.url
