"""Each Act tool completed by keyboard alone at 1280 and 320px, with and without JavaScript.

Every page on the way has zero axe (WCAG 2.2 AA) violations.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import BROWSER, axe_violations, press_and_wait, tab_to, type_into


pytestmark = BROWSER

WIDTHS = [1280, 320]
BASE = "/procurement-act/"


def pick_radio(page, name: str, index: int = 0):
    """Tab into a radio group and choose the option at index with the keyboard."""
    tab_to(page, f"input[name={name}]")
    if index == 0:
        page.keyboard.press("Space")
    for _ in range(index):
        page.keyboard.press("ArrowDown")
    assert page.locator(f"input[name={name}]").nth(index).is_checked()


def follow(page, selector: str):
    """Tab to a link or button and press Enter on it; wait for the next page."""
    tab_to(page, selector)
    press_and_wait(page)


def type_date(page, field: str, day: str, month: str, year: str, *, replace: bool = False):
    """Type a date into the field's day, month and year boxes."""
    for part, text in (("day", day), ("month", month), ("year", year)):
        type_into(page, f"#{field}_{part}", text, replace=replace)


SCRIPTS = re.compile(r"<script\b.*?</script>", re.S)


class Axe:
    """Collects axe violations of every page visited, by label.

    Axe is a script, so without JavaScript the page's HTML as served is checked in a second,
    scripted page with its scripts taken out: the same DOM a visitor without JavaScript gets.
    """

    def __init__(self, page, js: bool, new_context, width: int):
        self.page, self.js, self.width, self.failures = page, js, width, {}
        self.helper = None
        if not js:
            context = new_context(viewport={"width": width, "height": 900})
            self.helper = context.new_page()

    def check(self, label: str):
        page = self.page
        # Reflow: nothing scrolls sideways, even at 320px.
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > self.width:
            self.failures[f"{label}: wider than the window"] = scroll_width
        if self.helper is not None:
            html = SCRIPTS.sub("", page.content())
            url = page.url.split("#")[0]

            def same(address, url=url):
                return address == url

            self.helper.route(
                same, lambda route: route.fulfill(body=html, content_type="text/html")
            )
            self.helper.goto(url)
            self.helper.unroute(same)
            page = self.helper
        violations = axe_violations(page)
        if violations:
            self.failures[label] = violations

    def follow(self, selector: str, text: str, label: str):
        """Follow a link or button by keyboard; the next page shows the text, and is checked."""
        follow(self.page, selector)
        expect(self.page.locator("main")).to_contain_text(text)
        self.check(label)


def visits(live_server, new_context, width, path: str, label: str):
    """The tool's page at this width with JavaScript on, then off, checked, with its checker.

    Each visit must end with no failure in the checker.
    """
    for js in (True, False):
        context = new_context(viewport={"width": width, "height": 900}, java_script_enabled=js)
        page = context.new_page()
        axe = Axe(page, js, new_context, width)
        page.goto(live_server.url + BASE + path)
        axe.check(label)
        yield page, axe
        assert not axe.failures, (js, width, axe.failures)
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_checker_by_keyboard(live_server, new_context, width):
    for page, axe in visits(live_server, new_context, width, "", "tools"):
        follow(page, "main a[href$='/check/']")
        axe.check("start")
        follow(page, ".govuk-button--start")
        # An empty date: the error summary, then the date typed.
        follow(page, "main button[type=submit]")
        expect(page.locator(".govuk-error-summary")).to_be_visible()
        axe.check("date with error")
        type_date(page, "start", "2", "3", "2026")
        press_and_wait(page)
        pick_radio(page, "authority", 0)
        axe.check("authority")
        press_and_wait(page)
        pick_radio(page, "contract_for", 1)  # services
        press_and_wait(page)
        pick_radio(page, "kind", 0)
        press_and_wait(page)
        pick_radio(page, "route", 0)
        press_and_wait(page)
        type_into(page, "#id_value", "6,000,000")
        axe.check("value")
        press_and_wait(page)
        expect(page.locator("h1")).to_have_text("Check your answers")
        axe.check("check your answers")
        axe.follow("main a.govuk-button", "at or above the threshold of £207,720", "result")
        expect(page.locator("#rules-stamp")).to_contain_text("2 March 2026, data version")
        axe.follow("main a[href*='which-do-i-need']", "Contract details notice", "which notices")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_timeline_by_keyboard(live_server, new_context, width):
    for page, axe in visits(live_server, new_context, width, "timeline/", "form"):
        pick_radio(page, "procedure", 0)
        pick_radio(page, "authority", 0)
        type_date(page, "tender_notice", "1", "12", "2025")
        type_date(page, "award_notice", "31", "2", "2026")  # no such day: the error summary
        follow(page, "main button[type=submit]")
        expect(page.locator(".govuk-error-summary")).to_be_visible()
        expect(page.locator("#tender_notice_year")).to_have_value("2025")
        axe.check("form with error")
        type_date(page, "award_notice", "23", "12", "2025", replace=True)
        follow(page, "main button[type=submit]")
        timeline = page.locator("#timeline")
        expect(timeline).to_contain_text("Fri 26 Dec 2025")  # 25 days (s.54(4))
        expect(timeline).to_contain_text("Wed 7 Jan 2026")  # standstill (s.51, s.123)
        axe.check("timeline")
        assert page.locator("main a[href*='timeline.ics']").count() == 1
        assert page.locator("main a[href*='timeline.csv']").count() == 1
        axe.follow("main a[href*='/print/']", "Address of this timeline", "print")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_notices_glossary_and_data_by_keyboard(live_server, new_context, width):
    for page, axe in visits(live_server, new_context, width, "notices/", "notices"):
        follow(page, "main a[href$='/notices/contract-award-notice/']")
        expect(page.locator("h1")).to_have_text("Contract award notice")
        axe.check("notice")
        page.goto(live_server.url + BASE + "glossary/")
        axe.check("glossary")
        tab_to(page, "main a[href='#letter-S']")
        page.keyboard.press("Enter")
        expect(page).to_have_url(live_server.url + BASE + "glossary/#letter-S")
        page.goto(live_server.url + BASE + "data/")
        axe.check("data")
