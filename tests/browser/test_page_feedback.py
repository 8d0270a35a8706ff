"""Must show 3: "Is this page useful?" in a browser, with and without JavaScript, at two widths."""

import pytest
from playwright.sync_api import expect

from django.core.cache import cache

from hub.models import FEEDBACK_TEXT_MAX, PageFeedback
from tests.browser.helpers import BROWSER, AxeReport
from tests.factories import StandardPageFactory


pytestmark = BROWSER


@pytest.fixture
def content_page(home):
    cache.clear()
    return StandardPageFactory(
        parent=home, title="Buying energy", slug="buying-energy", summary="How councils buy it."
    )


def check(axe, width, label):
    axe.check(f"{label} at {width}px")
    assert axe.page.evaluate("document.documentElement.scrollWidth") <= width, (label, "reflow")


@pytest.mark.parametrize("width", [1280, 320])
def test_feedback_with_javascript_has_no_axe_violations(
    live_server, new_context, content_page, width
):
    page = new_context(viewport={"width": width, "height": 800}).new_page()
    axe = AxeReport(page)
    page.goto(f"{live_server.url}/buying-energy/")
    check(axe, width, "question")

    page.get_by_role("button", name="No this page is not useful").click()
    expect(page.get_by_label("What went wrong? (optional)")).to_be_focused()
    assert "feedback=no" not in page.url  # opened in place
    check(axe, width, "what went wrong")

    page.get_by_label("What went wrong? (optional)").fill("x" * (FEEDBACK_TEXT_MAX + 5))
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check(axe, width, "too long")
    assert not PageFeedback.objects.exists()

    page.get_by_label("What went wrong? (optional)").fill("The contact link is broken.")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("Thank you for your feedback")).to_be_visible()
    check(axe, width, "thanks")
    assert not axe.failures, axe.failures
    assert PageFeedback.objects.get().text == "The contact link is broken."


def test_feedback_works_without_javascript(live_server, new_context, content_page):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(f"{live_server.url}/buying-energy/")
    page.get_by_role("button", name="Yes this page is useful").click()
    expect(page.get_by_text("Thank you for your feedback")).to_be_visible()

    page.goto(f"{live_server.url}/buying-energy/")
    page.get_by_role("button", name="No this page is not useful").click()
    expect(page.get_by_label("What went wrong? (optional)")).to_be_visible()
    page.get_by_label("What went wrong? (optional)").fill("Out of date")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("Thank you for your feedback")).to_be_visible()

    answers = list(PageFeedback.objects.order_by("pk").values_list("useful", "text"))
    assert answers == [(True, ""), (False, "Out of date")]
