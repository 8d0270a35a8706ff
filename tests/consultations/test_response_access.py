"""Must show 1: who may see, export and erase responses, and the audit log of every look."""

from datetime import UTC, datetime

import pytest
import time_machine

from wagtail.models import PageLogEntry

from consultations.models import Comment
from consultations.respondent_data.audit import EXPORT_RESPONSES, VIEW_RESPONSES
from tests.consultations.follow_up import editor_user, manager_user, respond


pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/consultations/comment/"
RESPONDENT = "/admin/consultations/respondent-data/"
EMAIL = "priya@northmoor.gov.uk"


@pytest.fixture
def comment(consultation, clock):
    return respond(consultation, "Pipelines matter.")


@pytest.fixture
def urls(comment, consultation):
    """Every response view and export, with what only a permitted user may see in it."""
    return {
        "listing": LIST,
        "listing filtered": f"{LIST}?consultation={consultation.pk}",
        "export csv": f"{LIST}?export=csv",
        "export xlsx": f"{LIST}?export=xlsx",
        "inspect": f"{LIST}inspect/{comment.pk}/",
        "moderate": f"{LIST}edit/{comment.pk}/",
        "respondent search": f"{RESPONDENT}?email={EMAIL}",
        "respondent export": f"{RESPONDENT}?email={EMAIL}&export=json",
        "late-entry link": f"/admin/consultations/{consultation.pk}/late-entry/",
    }


def body(response) -> str:
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def test_anonymous_visitors_are_sent_to_sign_in(client, urls, comment):
    for label, url in urls.items():
        response = client.get(url)
        assert response.status_code == 302, label
        assert response["Location"].startswith("/admin/login/"), label
    response = client.post(RESPONDENT, {"email": EMAIL})
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert Comment.objects.get(pk=comment.pk).email == EMAIL


def test_editors_outside_the_group_are_refused_everything(client, django_user_model, urls, comment):
    client.force_login(editor_user(django_user_model))
    for label, url in urls.items():
        response = client.get(url)
        assert response.status_code in (302, 403), label
        assert comment.reference not in body(response), label
        assert not response.get("Location", "").startswith("/admin/login/"), label
    response = client.post(RESPONDENT, {"email": EMAIL})
    assert response.status_code in (302, 403)
    assert Comment.objects.get(pk=comment.pk).email == EMAIL, "nothing erased"
    assert not PageLogEntry.objects.filter(action__startswith="consultations.").exists()


def test_managers_get_every_view_and_export(client, django_user_model, urls, comment):
    client.force_login(manager_user(django_user_model))
    for label, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, label
        if label not in ("late-entry link", "export xlsx"):
            assert comment.reference in body(response), label
    response = client.post(RESPONDENT, {"email": EMAIL})
    assert response.status_code == 302
    assert Comment.objects.get(pk=comment.pk).email == ""


def test_every_view_and_export_leaves_an_audit_entry(
    client, django_user_model, comment, consultation
):
    manager = manager_user(django_user_model)
    client.force_login(manager)
    expected = [
        (LIST, VIEW_RESPONSES),
        (f"{LIST}inspect/{comment.pk}/", VIEW_RESPONSES),
        (f"{LIST}edit/{comment.pk}/", VIEW_RESPONSES),
        (f"{LIST}?export=csv", EXPORT_RESPONSES),
        (f"{LIST}?export=xlsx", EXPORT_RESPONSES),
        (f"{RESPONDENT}?email={EMAIL}", "consultations.find_respondent"),
        (f"{RESPONDENT}?email={EMAIL}&export=json", "consultations.export_respondent"),
    ]
    when = datetime(2026, 6, 20, 9, 30, tzinfo=UTC)
    for url, action in expected:
        before = PageLogEntry.objects.filter(action=action).count()
        with time_machine.travel(when, tick=False):
            response = client.get(url)
            body(response)
        entries = PageLogEntry.objects.filter(action=action)
        assert entries.count() == before + 1, url
        entry = entries.latest("pk")
        assert entry.user == manager, url
        assert entry.page_id == consultation.pk, url
        assert entry.timestamp == when, url
        assert EMAIL not in str(entry.data), "the log records who looked, not the data"
    client.post(RESPONDENT, {"email": EMAIL})
    erased = PageLogEntry.objects.get(action="consultations.erase_respondent")
    assert erased.user == manager and erased.page_id == consultation.pk
    assert erased.data == {"comments": 1}


def test_the_export_says_which_consultation_and_format(client, django_user_model, comment):
    client.force_login(manager_user(django_user_model))
    body(client.get(f"{LIST}?export=csv"))
    entry = PageLogEntry.objects.get(action=EXPORT_RESPONSES)
    assert entry.data == {"format": "csv", "comments": 1}
    assert "Exported responses" in entry.message


def test_an_export_and_its_audit_count_leave_out_withdrawn_comments(
    client, django_user_model, comment, consultation
):
    from consultations.respondent_data.withdrawal import comment_withdraw

    gone = respond(consultation, "Please forget this.", email="gone@north.gov.uk")
    assert comment_withdraw(gone)
    client.force_login(manager_user(django_user_model))
    csv_text = body(client.get(f"{LIST}?export=csv"))
    assert gone.reference not in csv_text and comment.reference in csv_text
    entry = PageLogEntry.objects.get(action=EXPORT_RESPONSES)
    assert entry.data == {"format": "csv", "comments": 1}
