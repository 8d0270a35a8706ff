"""Consultations in a real browser: zero axe violations in every state, and keyboard only."""

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from consultations.models import Comment, ConsultationIndexPage, ConsultationPage
from tests.browser.helpers import BROWSER, AxeReport, tab_to, type_into
from tests.consultations.factories import ConsultationPageFactory


pytestmark = BROWSER

OPEN = "/consultations/construction-category-strategy-2026/"


@pytest.fixture
def site(demo_site, settings):
    """The demo site plus a forthcoming and a closed consultation; no speed check for typing."""
    settings.CONSULTATIONS_MIN_SECONDS_TO_RESPOND = 0
    today = timezone.localdate()
    ConsultationPageFactory(
        parent=ConsultationIndexPage.objects.get(),
        title="Waste category strategy – consultation",
        slug="waste-2026",
        opening_date=today + timedelta(days=10),
        closing_date=today + timedelta(days=40),
    )
    ConsultationPageFactory(
        parent=ConsultationIndexPage.objects.get(),
        title="Transport category strategy – consultation",
        slug="transport-2026",
        opening_date=today - timedelta(days=40),
        closing_date=today - timedelta(days=10),
    )
    return demo_site


def test_every_consultation_state_and_the_journey_have_no_axe_violations(live_server, page, site):
    axe = AxeReport(page)
    for label, path in [
        ("listing", "/consultations/"),
        ("open", OPEN),
        ("forthcoming", "/consultations/waste-2026/"),
        ("closed", "/consultations/transport-2026/"),
        ("outcome published, no date", "/consultations/energy-category-strategy-2017/"),
        ("outcome published", "/consultations/ict-category-strategy-2017/"),
        ("form, empty", OPEN + "respond/"),
        ("strategy with comment links", "/category-strategies/construction-2026/"),
    ]:
        axe.visit(live_server.url + path, label)

    page.goto(live_server.url + OPEN + "respond/")
    page.click("main button[type=submit]")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert page.title().startswith("Error: ")
    axe.check("form, with errors")

    page.fill("#id_name", "Priya Shah")
    page.fill("#id_email", "priya@northmoor.gov.uk")
    page.select_option("#id_organisation", label="Northmoor County Council")
    page.fill("#id_role", "Head of procurement")
    page.check("#id_response_type_0")
    page.check("#id_section_0")
    page.fill("#id_text", "Please cover districts in the pipeline section.")
    page.click("main button[type=submit]")
    expect(page.locator(".govuk-panel--confirmation")).to_be_visible()
    axe.check("confirmation")
    assert not axe.failures, axe.failures


def test_the_whole_journey_works_by_keyboard_alone(live_server, page, site):
    page.goto(live_server.url + "/consultations/")
    tab_to(page, f'a[href="{OPEN}"]')
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(OPEN) + "$"))

    consultation = ConsultationPage.objects.get(slug="construction-category-strategy-2026")
    section = consultation.sections()[2]
    tab_to(page, f'a[href$="?section={section["id"]}"]')
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"respond/\?section="))
    assert page.is_checked(f'input[name=section][value="{section["id"]}"]')

    # Sending the empty form moves focus to the error summary.
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector(".govuk-error-summary")
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    assert page.is_checked(f'input[name=section][value="{section["id"]}"]'), "choice kept"

    type_into(page, "#id_name", "Tom Ellis")
    type_into(page, "#id_email", "tom@brackenfield.example")
    type_into(page, "#id_organisation", "Brackenfield")
    type_into(page, "#id_role", "Procurement officer")
    tab_to(page, "input[name=response_type]")
    page.keyboard.press("ArrowDown")  # moves to and selects "Personal view"
    tab_to(page, "#id_consent_publish_organisation")
    page.keyboard.press("Space")
    type_into(page, "#id_text", "Joint supplier days work best.")
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")

    expect(page.locator(".govuk-panel--confirmation")).to_be_visible()
    reference = page.locator("#reference").inner_text()
    comment = Comment.objects.get(reference=reference)
    assert comment.name == "Tom Ellis"
    assert comment.council.name == "Brackenfield District Council"
    assert comment.response_type == "personal"
    assert comment.consent_publish_organisation and not comment.consent_publish_name
    assert comment.section_heading == section["heading"]
    assert comment.text == "Joint supplier days work best."


def test_the_form_works_without_javascript(live_server, new_context, site):
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + OPEN + "respond/")
    page.fill("#id_name", "Aisha Okafor")
    page.fill("#id_email", "aisha@harbourside.example")
    page.select_option("#id_organisation", value="other")
    page.fill("#id_organisation_other", "Harbourside Schools Trust")
    page.fill("#id_role", "Commercial manager")
    page.check("#id_response_type_0")
    page.check("#id_section_0")
    page.fill("#id_text", "No scripts needed.")
    page.click("main button[type=submit]")
    assert page.locator(".govuk-panel--confirmation").is_visible()
    assert Comment.objects.filter(organisation_other="Harbourside Schools Trust").count() == 1
    assert date.today()
