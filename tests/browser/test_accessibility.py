"""Every public page type in a real browser: zero axe violations, and usable without JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.pages import demo_pages


WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def axe_violations(page) -> list[str]:
    """Axe's WCAG 2.2 AA violations on the page, as readable lines."""
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    assert result.response["passes"], "axe ran no checks"
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes) {v['nodes'][0]['target']}"
        for v in result.response["violations"]
    ]


def test_every_page_type_has_no_axe_violations(live_server, page, demo_site):
    failures = {}
    for label, path in demo_pages():
        response = page.goto(live_server.url + path)
        assert response.status in (200, 404), (label, path, response.status)
        violations = axe_violations(page)
        if violations:
            failures[f"{label} {path}"] = violations
    assert not failures, failures


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
