"""What the browser tests share: their marks, axe's verdict on a page, and keyboard moves."""

import pytest
from axe_playwright_python.sync_playwright import Axe


# A real browser talks to the live server's thread, so each test's rows must be committed; the
# migrations' rows are put back after each test (tests/conftest.py).
BROWSER = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page) -> list[str]:
    """Axe's WCAG 2.2 AA violations on the page, as readable lines."""
    # Passes and other results keep one node each: only violations are reported in full.
    options = {"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]}
    result = Axe().run(page, options=options)
    assert result.response["passes"], "axe ran no checks"
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes) {v['nodes'][0]['target']}"
        for v in result.response["violations"]
    ]


class AxeReport:
    """Axe's violations on each state of a page checked, by label; empty when all passed."""

    def __init__(self, page):
        self.page = page
        self.failures = {}

    def check(self, label: str) -> None:
        """Run axe on the page as it stands now."""
        if violations := axe_violations(self.page):
            self.failures[label] = violations

    def visit(self, url: str, label: str, statuses=(200,)) -> None:
        """Open the address, expect one of the statuses, and run axe on it."""
        response = self.page.goto(url)
        assert response.status in statuses, (label, url, response.status)
        self.check(label)


def tab_to(page, selector: str, limit: int = 150):
    """Press Tab until the element matching selector has focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def type_into(page, selector: str, text: str, *, replace: bool = False):
    """Tab to a box and type, over what it held if replace."""
    tab_to(page, selector)
    if replace:
        page.keyboard.press("Control+A")
    page.keyboard.type(text)


def press_and_wait(page, key: str = "Enter"):
    """Press a key that follows a link or sends a form, and wait for the next page."""
    with page.expect_navigation():
        page.keyboard.press(key)
