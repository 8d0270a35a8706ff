"""The Content-Security-Policy blocks nothing the site itself uses: public pages and the admin."""

import re

from playwright.sync_api import expect

from django.contrib.auth import get_user_model

from hub.models import StandardPage
from tests.browser.helpers import BROWSER
from tests.browser.pages import demo_pages
from tests.utils import csp_directives


pytestmark = BROWSER


def test_no_public_page_type_violates_the_policy(live_server, page, demo_site, csp_violations):
    for label, path in demo_pages():
        response = page.goto(live_server.url + path)
        policy = response.headers["content-security-policy"]
        assert csp_directives(policy)["script-src"] == "'self'", label
        assert "nonce-" not in policy, label
        # The scripts ran: GOV.UK Frontend marked the body and started its components.
        expect(page.locator("body.govuk-frontend-supported")).to_have_count(1)
    assert not csp_violations, csp_violations


def test_an_editor_edits_previews_and_publishes_under_the_admin_policy(
    live_server, page, demo_site, csp_violations
):
    get_user_model().objects.create_superuser("csp-admin", "csp@example.gov.uk", "Pass-word-1")
    target = StandardPage.objects.live().first()
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "csp-admin")
    page.fill("#id_password", "Pass-word-1")
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/admin/$"))

    response = page.goto(f"{live_server.url}/admin/pages/{target.pk}/edit/")
    assert "'unsafe-inline'" in response.headers["content-security-policy"]
    page.fill("#id_title", target.title + " (edited)")
    # The preview panel renders the page in an iframe from the admin.
    page.click("[data-side-panel-toggle='preview']")
    preview = page.frame_locator("iframe[title='Preview']").first
    expect(preview.locator("h1").first).to_contain_text("(edited)", timeout=20000)
    # Publish from the footer's action menu.
    page.click("footer [data-w-dropdown-target='toggle'], .actions [aria-label='More actions']")
    page.click("button[name='action-publish']")
    expect(page.locator(".messages")).to_contain_text("published", timeout=20000)
    target.refresh_from_db()
    assert target.title.endswith("(edited)")
    assert not csp_violations, csp_violations
