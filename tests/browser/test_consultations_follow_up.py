"""Must show 7: the pages that follow a comment have no axe violations, wide and narrow."""

import re
import uuid
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from consultations import times
from consultations.enums import CommentStatus
from consultations.follow_up.notifications import subscribe_token
from consultations.models import Comment, ConsultationIndexPage, ConsultationPage, Subscription
from consultations.respondent_data.withdrawal import withdraw_token
from tests.browser.helpers import BROWSER, AxeReport
from tests.consultations.factories import ConsultationPageFactory
from tests.consultations.follow_up import respond


pytestmark = BROWSER

OPEN = "/consultations/construction-category-strategy-2026/"


@pytest.fixture
def paths(demo_site):
    """A closed consultation publishing approved comments, and the links a respondent gets."""
    today = timezone.localdate()
    closed = ConsultationPageFactory(
        parent=ConsultationIndexPage.objects.get(),
        title="Transport category strategy – consultation",
        slug="transport-2026",
        opening_date=today - timedelta(days=5),
        closing_date=today + timedelta(days=5),
        publish_responses=True,
    )
    sections = ConsultationPage.objects.get(slug="construction-category-strategy-2026").sections()
    comments = [
        respond(
            closed,
            f"Comment {n}: joint supplier days help small firms.",
            email=f"{n}@x.gov.uk",
            name=f"Person {n}",
            consent_publish_name=n % 2 == 0,
            consent_publish_organisation=n % 3 == 0,
        )
        for n in range(25)
    ]
    Comment.objects.filter(pk__in=[c.pk for c in comments]).update(status=CommentStatus.PUBLISHED)
    past = today - timedelta(days=1)
    ConsultationPage.objects.filter(pk=closed.pk).update(
        closing_date=past, closes_at=times.closing_instant(past)
    )
    open_page = ConsultationPage.objects.get(slug="construction-category-strategy-2026")
    mine = respond(open_page, "I may take this back.", section_id=sections[0]["id"])
    gone = respond(open_page, "I will take this back.")
    Comment.objects.filter(pk=gone.pk).update(status=CommentStatus.WITHDRAWN)
    subscription = Subscription.objects.create(
        email="alerts@x.gov.uk", key=uuid.uuid4(), confirmed_at=timezone.now()
    )
    closed_withdraw = f"/consultations/transport-2026/withdraw/{withdraw_token(comments[0])}/"
    return [
        ("published responses", "/consultations/transport-2026/responses/"),
        ("published responses, page 2", "/consultations/transport-2026/responses/?page=2"),
        ("published responses, search", "/consultations/transport-2026/responses/?q=supplier"),
        ("published responses, no match", "/consultations/transport-2026/responses/?q=zebra"),
        (
            "published responses, bad search",
            "/consultations/transport-2026/responses/?q=" + "x" * 201,
        ),
        ("outcome", "/consultations/ict-category-strategy-2017/"),
        ("outcome without a date", "/consultations/energy-category-strategy-2017/"),
        ("subscribe", "/consultations/alerts/"),
        ("check your email", "/consultations/alerts/check-your-email/"),
        ("confirm", f"/consultations/alerts/confirm/{subscribe_token('new@x.gov.uk')}/"),
        ("confirm, bad link", "/consultations/alerts/confirm/forged/"),
        ("unsubscribe", f"/consultations/alerts/unsubscribe/{subscription.key}/"),
        ("withdraw", f"{OPEN}withdraw/{withdraw_token(mine)}/"),
        ("withdrawn", f"{OPEN}withdraw/{withdraw_token(gone)}/"),
        ("withdraw, too late", closed_withdraw),
        ("confirmation of a withdrawn comment", f"{OPEN}confirmation/{gone.reference}/"),
    ]


@pytest.mark.parametrize("width", [1280, 320])
def test_every_follow_up_page_has_no_axe_violations(live_server, page, paths, width):
    page.set_viewport_size({"width": width, "height": 800})
    axe = AxeReport(page)
    for label, path in paths:
        axe.visit(live_server.url + path, label, statuses=(200, 400))
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (label, "reflow")
    assert not axe.failures, axe.failures


def test_forms_after_posting_have_no_axe_violations(live_server, page, paths):
    axe = AxeReport(page)
    page.goto(live_server.url + "/consultations/alerts/")
    page.click("main button[type=submit]")
    expect(page).to_have_title(re.compile("^Error: "))
    axe.check("subscribe, with errors")
    page.fill("#id_email", "someone@x.gov.uk")
    page.click("main button[type=submit]")
    page.wait_for_url("**/check-your-email/")

    for link, done, label in [
        ("confirm", "You are subscribed", "subscribed"),
        ("unsubscribe", "You have unsubscribed", "unsubscribed"),
        ("withdraw", "Comment withdrawn", "withdrawal done"),
    ]:
        page.goto(live_server.url + dict(paths)[link])
        page.click("main button[type=submit]")
        expect(page.locator("main")).to_contain_text(done)
        axe.check(label)
    assert not axe.failures, axe.failures
