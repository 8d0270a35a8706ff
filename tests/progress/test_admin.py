"""Managers in the admin: returns and answers, completion, reminders and formula-safe exports."""

import csv
import io

import pytest
from openpyxl import load_workbook

from django.core import mail
from django.test import TestCase

from progress.enums import ReturnStatus
from progress.services import answer_save
from tests.progress.conftest import lead_of


pytestmark = pytest.mark.django_db

ADMIN_URLS = [
    "/admin/self-assessment/completion/",
    "/admin/snippets/progress/return/",
    "/admin/snippets/progress/return/?export=csv",
    "/admin/snippets/progress/answer/",
    "/admin/snippets/progress/answer/?export=xlsx",
    "/admin/snippets/progress/cycle/",
]


@pytest.fixture
def answered(medway, adur):
    """Medway's answer tries formula injection; Adur is submitted."""
    area = medway.cycle.areas().first()
    values = {"current_level": 2, "target_level": 4, "comment": "=HYPERLINK(1)", "evidence": "@x"}
    answer_save(medway, area, "", values, 0, lead_of(medway))
    adur.status = ReturnStatus.SUBMITTED
    adur.save()
    return medway


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_admin_urls_refuse_anonymous_users_and_officers(client, answered, url):
    response = client.get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(lead_of(answered))
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert "HYPERLINK" not in response.content.decode(errors="replace")


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_managers_see_every_return(client, answered, manager, url):
    client.force_login(manager)
    assert client.get(url).status_code == 200


def test_completion_rates_per_cycle(client, answered, manager):
    client.force_login(manager)
    html = client.get("/admin/self-assessment/completion/").content.decode()
    # 332 current authorities on the register; Medway a draft, Adur submitted.
    assert '<th scope="row">All councils</th><td>332</td><td>2</td><td>1</td><td>0%</td>' in (
        html.replace("\n", "").replace("  ", "")
    )


def test_reminder_goes_to_every_officer_of_a_draft(client, answered, manager):
    client.force_login(manager)
    with TestCase.captureOnCommitCallbacks(execute=True):  # the outbox sends on commit
        response = client.post("/admin/self-assessment/completion/", {"cycle": answered.cycle.pk})
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["lead@medway.gov.uk"]]
    assert "Medway Council" in mail.outbox[0].subject
    assert answered.get_absolute_url() in mail.outbox[0].body


def test_exports_are_formula_safe(client, answered, manager):
    client.force_login(manager)
    response = client.get("/admin/snippets/progress/answer/?export=csv")
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(content)))
    assert rows[0]["Comment"] == "'=HYPERLINK(1)" and rows[0]["Evidence"] == "'@x"
    response = client.get("/admin/snippets/progress/answer/?export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [c for c in cells if c.data_type == "f"]
    assert "=HYPERLINK(1)" in [c.value for c in cells]


def test_exports_need_the_export_right(client, answered, manager):
    from django.contrib.auth.models import Permission

    manager.groups.first().permissions.remove(Permission.objects.get(codename="export_returns"))
    client.force_login(manager)
    response = client.get("/admin/snippets/progress/answer/?export=csv")
    # Wagtail answers a refusal in the admin with a redirect and a message.
    assert response.status_code in (302, 403)
    assert not response.get("Content-Type", "").startswith("text/csv")


def test_exports_survive_a_deleted_editor(client, answered, manager):
    """An answer whose last editor's account was deleted exports with a blank editor."""
    lead = lead_of(answered)
    lead.delete()
    client.force_login(manager)
    response = client.get("/admin/snippets/progress/answer/?export=csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["Last changed by"] for row in rows] == [""]
    response = client.get("/admin/snippets/progress/answer/?export=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    column = rows[0].index("Last changed by")
    assert [row[column] for row in rows[1:]] == [None]


def test_exports_name_the_last_editor(client, answered, manager):
    client.force_login(manager)
    response = client.get("/admin/snippets/progress/answer/?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["Last changed by"] for row in rows] == ["lead@medway.gov.uk"]
