"""Each Act tool completed by keyboard alone at 1280 and 320px, with and without JavaScript.

Every page on the way has zero axe (WCAG 2.2 AA) violations.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations
from tests.browser.test_consultations import tab_to


pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = [1280, 320]
BASE = "/procurement-act/"


def press_and_wait(page, key: str = "Enter"):
    """Press a key that follows a link or sends a form, and wait for the next page."""
    with page.expect_navigation():
        page.keyboard.press(key)


def pick_radio(page, name: str, index: int = 0):
    """Tab into a radio group and choose the option at index with the keyboard."""
    tab_to(page, f"input[name={name}]")
    if index == 0:
        page.keyboard.press("Space")
    for _ in range(index):
        page.keyboard.press("ArrowDown")
    assert page.locator(f"input[name={name}]").nth(index).is_checked()


def type_into(page, selector: str, text: str):
    tab_to(page, selector)
    page.keyboard.type(text)


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


def contexts(new_context, width):
    """A page at this width with JavaScript on, then one with it off, and its axe checker."""
    for js in (True, False):
        context = new_context(viewport={"width": width, "height": 900}, java_script_enabled=js)
        page = context.new_page()
        yield js, page, Axe(page, js, new_context, width)
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_checker_by_keyboard(live_server, new_context, width):
    for js, page, axe in contexts(new_context, width):
        page.goto(live_server.url + BASE)
        axe.check("tools")
        tab_to(page, "main a[href$='/check/']")
        press_and_wait(page)
        axe.check("start")
        tab_to(page, ".govuk-button--start")
        press_and_wait(page)
        # An empty date: the error summary, then the date typed.
        tab_to(page, "main button[type=submit]")
        press_and_wait(page)
        expect(page.locator(".govuk-error-summary")).to_be_visible()
        axe.check("date with error")
        type_into(page, "#start_day", "2")
        type_into(page, "#start_month", "3")
        type_into(page, "#start_year", "2026")
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
        tab_to(page, "main a.govuk-button")
        press_and_wait(page)
        expect(page.locator("main")).to_contain_text("at or above the threshold of £207,720")
        expect(page.locator("#rules-stamp")).to_contain_text("2 March 2026, data version")
        axe.check("result")
        tab_to(page, "main a[href*='which-do-i-need']")
        press_and_wait(page)
        expect(page.locator("main")).to_contain_text("Contract details notice")
        axe.check("which notices")
        assert not axe.failures, (js, width, axe.failures)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_timeline_by_keyboard(live_server, new_context, width):
    for js, page, axe in contexts(new_context, width):
        page.goto(live_server.url + BASE + "timeline/")
        axe.check("form")
        pick_radio(page, "procedure", 0)
        pick_radio(page, "authority", 0)
        type_into(page, "#tender_notice_day", "1")
        type_into(page, "#tender_notice_month", "12")
        type_into(page, "#tender_notice_year", "2025")
        type_into(page, "#award_notice_day", "31")
        type_into(page, "#award_notice_month", "2")  # no such day: the error summary
        type_into(page, "#award_notice_year", "2026")
        tab_to(page, "main button[type=submit]")
        press_and_wait(page)
        expect(page.locator(".govuk-error-summary")).to_be_visible()
        expect(page.locator("#tender_notice_year")).to_have_value("2025")
        axe.check("form with error")
        tab_to(page, "#award_notice_day")
        page.keyboard.press("Control+A")
        page.keyboard.type("23")
        tab_to(page, "#award_notice_month")
        page.keyboard.press("Control+A")
        page.keyboard.type("12")
        tab_to(page, "#award_notice_year")
        page.keyboard.press("Control+A")
        page.keyboard.type("2025")
        tab_to(page, "main button[type=submit]")
        press_and_wait(page)
        timeline = page.locator("#timeline")
        expect(timeline).to_contain_text("Fri 26 Dec 2025")  # 25 days (s.54(4))
        expect(timeline).to_contain_text("Wed 7 Jan 2026")  # standstill (s.51, s.123)
        axe.check("timeline")
        assert page.locator("main a[href*='timeline.ics']").count() == 1
        assert page.locator("main a[href*='timeline.csv']").count() == 1
        tab_to(page, "main a[href*='/print/']")
        press_and_wait(page)
        expect(page.locator("main")).to_contain_text("Address of this timeline")
        axe.check("print")
        assert not axe.failures, (js, width, axe.failures)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_notices_glossary_and_data_by_keyboard(live_server, new_context, width):
    for js, page, axe in contexts(new_context, width):
        page.goto(live_server.url + BASE + "notices/")
        axe.check("notices")
        tab_to(page, "main a[href$='/notices/contract-award-notice/']")
        press_and_wait(page)
        expect(page.locator("h1")).to_have_text("Contract award notice")
        axe.check("notice")
        page.goto(live_server.url + BASE + "glossary/")
        axe.check("glossary")
        tab_to(page, "main a[href='#letter-S']")
        page.keyboard.press("Enter")
        expect(page).to_have_url(live_server.url + BASE + "glossary/#letter-S")
        page.goto(live_server.url + BASE + "data/")
        axe.check("data")
        assert not axe.failures, (js, width, axe.failures)
