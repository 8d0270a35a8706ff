"""The case-study finder and case studies in a real browser: axe, and filters without JavaScript."""

from tests.browser.helpers import BROWSER, AxeReport


pytestmark = BROWSER

PAGES = [
    (
        "finder with filters",
        "/case-studies/?theme=achieving-community-benefits&council_type=unitary-authority&sort=saving",
    ),
    ("finder with search and a bad value", "/case-studies/?q=solar&year=abc&tag=no-such-tag"),
    ("finder with no results", "/case-studies/?q=zebra&region=wales"),
    ("illustrative case study", "/case-studies/open-book-review-of-home-care-contracts/"),
    ("sourced case study", "/case-studies/a-new-procurement-and-contract-management-strategy/"),
    (
        "key area with related case studies",
        "/strategy/2022/behaving-commercially/managing-contracts-and-relationships/",
    ),
]


def test_case_study_pages_have_no_axe_violations(live_server, page, demo_site):
    axe = AxeReport(page)
    for label, path in PAGES:
        axe.visit(live_server.url + path, label)
    assert not axe.failures, axe.failures


def test_the_finder_filters_without_javascript(live_server, new_context, demo_site):
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/case-studies/")
    page.select_option("#id_category", "energy")
    page.click("text=Apply filters")
    assert "category=energy" in page.url
    assert page.locator("#results-heading").inner_text() == "2 case studies"
    page.fill("#id_q", "solar farm")
    page.click("text=Apply filters")
    assert page.locator("#results-heading").inner_text().startswith("1 case study")
    page.click("text=Clear filters")
    assert page.url.endswith("/case-studies/")
