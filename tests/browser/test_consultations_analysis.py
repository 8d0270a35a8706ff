"""Must show 3: an analyst tags 10 comments by keyboard alone; no axe violations, wide or narrow."""

import re

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

from consultations.analysis.models import Coding, Stance
from consultations.analysis.services import theme_create
from tests.browser.helpers import BROWSER, AxeReport
from tests.consultations.analysis import analyst_user, comments_make
from tests.consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from tests.factories import CouncilFactory, home_as_default_site


pytestmark = BROWSER


@pytest.fixture
def workspace(db):
    home = home_as_default_site(title="Procurement Knowledge Hub")
    consultation = ConsultationPageFactory(
        parent=ConsultationIndexPageFactory(parent=home), slug="construction"
    )
    analyst = analyst_user(get_user_model(), "keyboard-analyst")
    analyst.set_password("Pass-word-1")
    analyst.save()
    for name in ("Small firms", "Carbon"):
        theme_create(consultation, name, analyst)
    council = CouncilFactory(name="Eastmere District Council", slug="eastmere")
    comments = comments_make(
        consultation, [f"Comment number {n} about lots." for n in range(12)], council=council
    )
    return {"consultation": consultation, "analyst": analyst, "comments": comments}


def sign_in(page, base_url):
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", "keyboard-analyst")
    page.fill("#id_password", "Pass-word-1")
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_ten_comments_tagged_by_keyboard_alone(live_server, page, workspace):
    consultation, comments = workspace["consultation"], workspace["comments"]
    sign_in(page, live_server.url)
    root = f"{live_server.url}/admin/consultations/{consultation.pk}/analysis/"
    page.goto(root + f"comments/{comments[0].pk}/?theme=untagged")
    for n in range(10):
        expect(page.locator("#comment-text")).to_contain_text(f"Comment number {n} about")
        # The first theme has the focus: tick it, move to the stance and choose "Supports".
        expect(page.locator("#tag-form input[name=themes]").first).to_be_focused()
        page.keyboard.press("Space")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")  # the stance group, on its checked "Not given yet"
        page.keyboard.press("ArrowDown")  # round to "Supports"
        expect(page.locator("#tag-form input[value=supports]")).to_be_checked()
        page.keyboard.press("Enter")  # saves and goes to the next untagged comment
        expect(page.locator(".messages")).to_contain_text(f"Tagged {comments[n].reference}")
    expect(page.locator("#comment-text")).to_contain_text("Comment number 10 about")
    tagged = Coding.objects.order_by("comment__received_at")
    assert [c.comment_id for c in tagged] == [c.pk for c in comments[:10]]
    for coding in tagged:
        assert coding.stance == Stance.SUPPORTS
        assert coding.tagged_by == workspace["analyst"]
        assert [t.name for t in coding.themes.all()] == ["Carbon"]  # themes sort by name


@pytest.mark.parametrize("width", [1280, 320])
def test_the_workspace_has_no_axe_violations(live_server, new_context, workspace, width):
    page = new_context(viewport={"width": width, "height": 900}).new_page()
    consultation, comments = workspace["consultation"], workspace["comments"]
    sign_in(page, live_server.url)
    root = f"{live_server.url}/admin/consultations/{consultation.pk}/analysis/"
    axe = AxeReport(page)
    for path in [
        "",
        "themes/",
        "comments/",
        f"comments/{comments[0].pk}/",
        "comments/?stance=angry",
        "groups/",
        "report/",
    ]:
        # The whole page, Wagtail's own admin chrome included.
        axe.visit(root + path, path, statuses=(200, 400))
    assert not axe.failures, axe.failures
