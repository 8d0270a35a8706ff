"""An official consultation response verified end to end in a browser, axe-checked at two widths."""

import re
from urllib.parse import urlsplit

from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.core import mail

from consultations.models import Comment
from tests.browser.helpers import BROWSER, AxeReport


pytestmark = BROWSER

OPEN = "/consultations/construction-category-strategy-2026/"
WIDTHS = (1280, 320)
COUNCIL = "Northmoor County Council"


def test_an_official_response_is_verified_by_its_emailed_link(
    live_server, page, demo_site, settings
):
    settings.CONSULTATIONS_MIN_SECONDS_TO_RESPOND = 0
    axe = AxeReport(page)

    def check(label):
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            axe.check(f"{label} at {width}px")

    # Answer, as the fictional council's officer at its own .example domain.
    page.goto(live_server.url + OPEN + "respond/")
    page.fill("#id_name", "Sam Patel")
    page.fill("#id_email", "sam.patel@northmoor.example")
    page.select_option("#id_organisation", label=COUNCIL)
    page.fill("#id_role", "Head of procurement")
    page.check("#id_response_type_0")  # the official response
    page.check("#id_section_0")
    page.fill("#id_text", "A regional pipeline needs the districts' contracts in it too.")
    page.click("main button[type=submit]")
    expect(page.locator(".govuk-panel--confirmation")).to_be_visible()
    expect(page.locator("main")).to_contain_text("The confirmation email has a link")
    check("confirmation")
    reference = page.locator("#reference").inner_text()

    # The emailed link: opening it asks; the button verifies.
    (message,) = [m for m in mail.outbox if reference in m.subject]
    assert message.to == ["sam.patel@northmoor.example"]
    link = re.search(r"https?://\S+/verify/[\w-]+/", message.body).group(0)
    page.goto(live_server.url + urlsplit(link).path)
    expect(page.locator("h1")).to_have_text("Verify your response")
    check("verify, asking")
    page.click("main button[type=submit]")
    expect(page.locator(".govuk-panel__body")).to_contain_text(f"Verified response from {COUNCIL}")
    check("verify, done")
    assert not axe.failures, axe.failures
    assert Comment.objects.get(reference=reference).organisation_verified

    # The admin's export says so.
    get_user_model().objects.create_superuser("checker", "checker@example.org", "a-long-password")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "checker")
    page.fill("#id_password", "a-long-password")
    page.click("button[type=submit]")
    listing = live_server.url + "/admin/snippets/consultations/comment/?organisation_verified=true"
    page.goto(listing)
    expect(page.locator("main")).to_contain_text(f"Verified response from {COUNCIL}")
    export = page.request.get(listing + "&export=csv")
    assert export.ok
    rows = [line for line in export.text().splitlines() if reference in line]
    assert len(rows) == 1 and f"Verified response from {COUNCIL}" in rows[0]
