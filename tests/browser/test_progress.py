"""The self-assessment in a real browser: zero axe violations on every page, keyboard alone."""

import pytest
from playwright.sync_api import expect

from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from hub.models import Council, KeyArea
from hub.roles import SELF_ASSESSMENT_MANAGERS
from progress.enums import Access, ReturnStatus, Role
from progress.models import AccessRequest, Cycle, Respondent, Return, SignInLink
from progress.services import answer_save, officer_for_email
from tests.browser.helpers import BROWSER, AxeReport, press_and_wait, tab_to, type_into


pytestmark = BROWSER

BASE = "/check-your-progress/self-assessment/"
DRAFT = "northmoor-county-council"


def sign_in(context, live_server, user):
    """Give the browser the session a used sign-in link would have given it."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


@pytest.fixture
def lead(demo_site):
    """The lead officer of the demo's 2026 draft, with a colleague's answer replaced by theirs."""
    ret = Return.objects.get(cycle__year=2026, council__slug=DRAFT)
    user = officer_for_email("lead.officer@northmoor.example")
    Respondent.objects.filter(return_obj=ret, role=Role.LEAD).update(user=user)
    colleague = officer_for_email("colleague@northmoor.example")
    Respondent.objects.create(
        return_obj=ret,
        user=colleague,
        role=Role.COLLEAGUE,
        department="Procurement",
        access=Access.DOMAIN,
    )
    area = ret.cycle.areas().first()
    values = {"current_level": 2, "target_level": 3, "comment": "Mine", "evidence": ""}
    answer_save(ret, area, "Procurement", values, 1, colleague)
    answer_save(ret, area, "Procurement", {**values, "comment": "Theirs"}, 1, user)
    return user, colleague, ret


def test_every_self_assessment_page_has_no_axe_violations(live_server, page, context, lead):
    user, colleague, ret = lead
    axe = AxeReport(page)
    area = ret.cycle.areas().first().slug
    submitted = Return.objects.filter(cycle__year=2026, status=ReturnStatus.SUBMITTED).first()

    def check(label, path):
        axe.visit(live_server.url + path, label)

    check("landing, signed out", BASE)
    check("sign in", BASE + "sign-in/")
    page.click("main button[type=submit]")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    axe.check("sign in, errors")
    check("sign-in link", BASE + "sign-in/not-a-token/")
    check("findings", f"{BASE}findings/2026/")
    check("blank return", f"{BASE}2026/blank/")
    sign_in(context, live_server, user)
    check("landing, signed in", BASE)
    check("start", BASE + "start/")
    page.click("main button[type=submit]")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    axe.check("start, errors")
    check("task list with a replaced answer", ret.get_absolute_url())
    check("scoring form", ret.url("area", area))
    page.check("#id_current_level_3")
    page.check("#id_target_level_0")
    page.click("button[name=save_and_continue]")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert page.title().startswith("Error: ")
    axe.check("scoring form, errors")
    check("council's answer and spread", ret.url("council_answer", area))
    check("colleagues", ret.url("colleagues"))
    check("check and submit", ret.url("submit"))
    check("results, draft", ret.url("results"))
    check("print, draft", ret.url("print"))
    # Someone not verified for Northmoor asks for access; its lead decides.
    outsider = officer_for_email("outsider@elsewhere.example")
    SignInLink.objects.create(email=outsider.email, token_hash="x" * 64, used_at=timezone.now())
    request = AccessRequest.objects.create(
        cycle=ret.cycle,
        council=ret.council,
        user=outsider,
        email=outsider.email,
        department="Legal",
    )
    check("colleagues, with a request for access", ret.url("colleagues"))
    check("request for access, to decide", request.get_absolute_url())
    page.click("main button[type=submit]")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    axe.check("request to decide, errors")
    context.clear_cookies()
    sign_in(context, live_server, outsider)
    check("ask for access", BASE + "request-access/")
    page.click("main button[type=submit]")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    axe.check("ask for access, errors")
    page.select_option("#id_council", label="Kent County Council")
    page.fill("#id_department", "Legal")
    page.click("main button[type=submit]")
    expect(page.locator(".govuk-panel--confirmation")).to_be_visible()
    axe.check("access requested")
    context.clear_cookies()
    sign_in(context, live_server, colleague)
    check("scoring form, replaced answer", ret.url("area", area))
    manager = officer_for_email("manager@procurement-hub.example")
    manager.groups.add(Group.objects.get(name=SELF_ASSESSMENT_MANAGERS))
    context.clear_cookies()
    sign_in(context, live_server, manager)
    check("submitted return, manager", submitted.get_absolute_url())
    check("results, submitted", submitted.url("results"))
    check("print, submitted", submitted.url("print"))
    assert not axe.failures, axe.failures


def test_the_whole_return_can_be_completed_by_keyboard_alone(live_server, page, context, demo_site):
    cycle = Cycle.objects.create(year=2027)
    cycle.key_areas.set(KeyArea.objects.order_by("sort_order")[:3])
    council = Council.objects.get(slug="brackenfield-district-council")
    ret = Return.objects.create(cycle=cycle, council=council)
    user = officer_for_email("keyboard@brackenfield.example")
    Respondent.objects.create(
        return_obj=ret, user=user, role=Role.LEAD, department="Procurement", access=Access.DOMAIN
    )
    sign_in(context, live_server, user)
    page.goto(live_server.url + ret.get_absolute_url())
    tab_to(page, ".govuk-task-list__link")
    press_and_wait(page, "Enter")
    for _ in range(3 * 2):  # each key area: the department's answer, then the council's
        tab_to(page, "input[name=current_level]")
        page.keyboard.press("Space")  # the first level
        page.keyboard.press("ArrowDown")  # moves to and selects level 2
        tab_to(page, "input[name=target_level]")
        page.keyboard.press("Space")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowDown")  # level 3
        type_into(page, "textarea[name=comment]", "Typed by keyboard.")
        tab_to(page, "button[name=save_and_continue]")
        press_and_wait(page, "Enter")
    expect(page.locator("main")).to_contain_text("3 of 3")
    tab_to(page, "a[href$='/submit/']")
    press_and_wait(page, "Enter")
    tab_to(page, "main form button[type=submit]")
    press_and_wait(page, "Enter")
    ret.refresh_from_db()
    assert ret.status == ReturnStatus.SUBMITTED
    council_answers = ret.answers.council()
    assert [(a.current_level, a.target_level) for a in council_answers] == [(2, 3)] * 3
    assert all(a.comment == "Typed by keyboard." for a in council_answers)
    expect(page.locator("h1")).to_contain_text("results")
