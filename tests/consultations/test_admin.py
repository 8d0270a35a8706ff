"""Comments in the admin: managers list, moderate and export them; others cannot."""

import csv
import io
import uuid

import pytest
from openpyxl import load_workbook

from django.contrib.auth.models import Group, Permission

from consultations.enums import CommentStatus
from consultations.services import Respondent, comment_create
from hub.roles import CONSULTATION_MANAGERS


pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/consultations/comment/"


@pytest.fixture
def comments(consultation, clock):
    """Two comments whose fields try formula and markup injection."""
    stored = []
    for org, name, text in [
        (
            '=HYPERLINK("http://evil.example","x")',
            '"><img src=x onerror=alert(1)>',
            "<script>alert(1)</script>",
        ),
        ("+44 20 7946 0000", "Siân Llŷr", "@SUM(1+1) is not a formula"),
    ]:
        comment, _ = comment_create(
            consultation=consultation,
            idempotency_key=uuid.uuid4(),
            respondent=Respondent(
                name=name,
                email="someone@example.gov.uk",
                council=None,
                organisation_other=org,
                role="Buyer",
                response_type="personal",
            ),
            text=text,
        )
        stored.append(comment)
    return stored


@pytest.fixture
def manager(django_user_model):
    user = django_user_model.objects.create_user("manager", password="x" * 12)
    # The role as migrations create it, with no rights added by the test.
    user.groups.add(Group.objects.get(name=CONSULTATION_MANAGERS))
    return user


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("plain-editor", password="x" * 12)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_a_manager_sees_comments_with_markup_escaped(client, manager, comments, consultation):
    client.force_login(manager)
    response = client.get(LIST_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert comments[0].reference in html and comments[1].reference in html
    assert "<img src=x" not in html and "&lt;img src=x" in html


def test_45_an_editor_without_permission_cannot_list_or_export(client, editor, comments):
    client.force_login(editor)
    assert client.get(LIST_URL).status_code in (302, 403)
    response = client.get(LIST_URL + "?export=csv")
    assert response.status_code in (302, 403)
    assert comments[0].reference not in response.content.decode()


def test_nobody_adds_comments_in_the_admin(admin_client, comments):
    assert admin_client.get(LIST_URL + "add/").status_code in (302, 403)


def test_moderation_status_is_editable(client, manager, comments):
    client.force_login(manager)
    comment = comments[1]
    url = f"{LIST_URL}edit/{comment.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"status": CommentStatus.HIDDEN, "text": "tampered"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HIDDEN
    assert comment.text == "@SUM(1+1) is not a formula", "only the status can change"


def test_20_21_csv_export_neutralises_formulas_and_keeps_text(client, manager, comments):
    client.force_login(manager)
    response = client.get(LIST_URL + "?export=csv")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    by_ref = {row["Reference"]: row for row in rows}
    first, second = by_ref[comments[0].reference], by_ref[comments[1].reference]
    assert first["Organisation"] == '\'=HYPERLINK("http://evil.example","x")'
    assert second["Organisation"] == "'+44 20 7946 0000"
    assert second["Comment"] == "'@SUM(1+1) is not a formula"
    assert first["Comment"] == "<script>alert(1)</script>"
    assert first["Received (UK time)"].endswith("+01:00")


def test_20_xlsx_export_has_no_formula_cells(client, manager, comments):
    client.force_login(manager)
    response = client.get(LIST_URL + "?export=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell for cell in cells if cell.data_type == "f"]
    values = {cell.value for cell in cells}
    assert '=HYPERLINK("http://evil.example","x")' in values


def test_38_a_consultation_title_with_markup_is_escaped_in_the_comment_listing(
    client, manager, comments, consultation
):
    consultation.title = "<img src=x onerror=alert(1)>"
    consultation.save_revision().publish()
    client.force_login(manager)
    html = client.get(LIST_URL).content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
