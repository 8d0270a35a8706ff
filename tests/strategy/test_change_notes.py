"""Must show 4 (change notes): a published change note shows on the page and its updates list;
a minor change adds none; the edit form asks for one or the minor-change tick."""

import pytest

from hub.models import ChangeNote
from strategy.models import (
    CategoryStrategyPage,
    KeyAreaPage,
    StrategyEditionPage,
    ThemePage,
    ToolkitPage,
)
from tests.strategy.factories import CategoryStrategyPageFactory, ToolkitPageFactory
from tests.utils import preview_data


pytestmark = pytest.mark.django_db


@pytest.fixture
def toolkit(home):
    return ToolkitPageFactory(
        parent__parent=home, title="Procurement Act 2023", slug="procurement-act-2023"
    )


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    revision = page.save_revision()
    revision.publish()
    return revision


def test_a_change_note_shows_on_the_page_and_in_its_updates(client, toolkit):
    publish(toolkit, change_note="Page added to the hub.")
    publish(toolkit, change_note="Added the 30-day payment term.")

    notes = list(ChangeNote.objects.for_page(toolkit).values_list("note", flat=True))
    assert notes == ["Added the 30-day payment term.", "Page added to the hub."]
    html = client.get(toolkit.url).content.decode()
    assert "Last updated <time" in html
    assert '<a class="govuk-link" href="#full-history">see all updates</a>' in html
    updates = html[html.index('id="full-history"') :]
    assert "Updates to this page" in updates
    assert updates.index("Added the 30-day payment term.") < updates.index("Page added to the hub.")


def test_a_minor_change_adds_no_note(client, toolkit):
    publish(toolkit, change_note="Page added to the hub.")
    publish(toolkit, change_note="Fixed a typo in the title.", minor_change=True)

    assert list(ChangeNote.objects.for_page(toolkit).values_list("note", flat=True)) == [
        "Page added to the hub."
    ]
    assert "Fixed a typo" not in client.get(toolkit.url).content.decode()


def test_publishing_again_with_the_same_note_adds_none(toolkit):
    revision = publish(toolkit, change_note="Page added to the hub.")
    revision.publish()
    publish(toolkit)  # a later revision still carrying the last note
    assert ChangeNote.objects.for_page(toolkit).count() == 1


def test_a_page_without_notes_shows_no_updates(client, home):
    strategy = CategoryStrategyPageFactory(parent__parent=home, slug="energy")
    html = client.get(strategy.url).content.decode()
    assert "Last updated" not in html
    assert "full-history" not in html


def test_the_edit_form_asks_for_a_note_or_a_minor_change(admin_client, toolkit):
    publish(toolkit, change_note="Page added to the hub.")
    edit = f"/admin/pages/{toolkit.pk}/edit/"

    data = preview_data(admin_client, toolkit)
    assert data.get("change_note", "").strip() == ""  # the published note is not offered again
    assert "minor_change" not in data

    response = admin_client.post(edit, {**data.dict(), "action-publish": "action-publish"})
    assert response.status_code == 200
    assert "Write a change note for readers" in response.content.decode()

    data["minor_change"] = "on"
    response = admin_client.post(edit, {**data.dict(), "action-publish": "action-publish"})
    assert response.status_code == 302
    assert ChangeNote.objects.for_page(toolkit).count() == 1

    data = preview_data(admin_client, toolkit)
    assert "minor_change" not in data  # every edit chooses afresh
    data["change_note"] = "Added the KPI duty under section 52."
    response = admin_client.post(edit, {**data.dict(), "action-publish": "action-publish"})
    assert response.status_code == 302
    assert ChangeNote.objects.for_page(toolkit).first().note == (
        "Added the KPI duty under section 52."
    )


def test_a_draft_may_be_saved_without_a_note(admin_client, toolkit):
    data = preview_data(admin_client, toolkit)
    response = admin_client.post(f"/admin/pages/{toolkit.pk}/edit/", data.dict())
    assert response.status_code == 302
    assert not ChangeNote.objects.exists()


@pytest.mark.parametrize(
    "model", [StrategyEditionPage, ThemePage, KeyAreaPage, CategoryStrategyPage, ToolkitPage]
)
def test_every_guidance_page_type_shows_its_updates(client, demo_site, model):
    page = model.objects.live().first()
    publish(page, change_note="Corrected the source link.", minor_change=False)

    html = client.get(page.url).content.decode()
    header = html[: html.index("</h1>") + 600]
    assert "Last updated" in header and "see all updates" in header
    updates = html[html.index('id="full-history"') :]
    assert "Corrected the source link." in updates
