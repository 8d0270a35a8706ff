"""The procurement policy note index reads at desktop and phone widths: zero axe violations."""

import pytest

from tests.browser.helpers import BROWSER, AxeReport


pytestmark = BROWSER

PATHS = [
    "/toolkits/procurement-act-2023/procurement-policy-notes/",
    "/toolkits/procurement-act-2023/national-procurement-policy-statement/",
    "/",
]


@pytest.mark.parametrize("width", [1280, 320])
def test_policy_note_pages_and_flags_have_no_axe_violations(live_server, page, demo_site, width):
    page.set_viewport_size({"width": width, "height": 900})
    axe = AxeReport(page)
    for path in PATHS:
        page.goto(live_server.url + path)
        axe.check(path)
    assert not axe.failures, axe.failures
    page.goto(live_server.url + PATHS[0])
    assert page.locator("table.hub-policy-notes tbody tr").count() >= 8
