"""Must show 6: a late-entry link works once, only until it expires, and its comment is flagged."""

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from wagtail.models import PageLogEntry

from consultations.late_entry import late_entry_issue
from consultations.models import Comment, LateEntryLink
from tests.consultations.conftest import form_data
from tests.consultations.follow_up import editor_user, manager_user


pytestmark = pytest.mark.django_db

AFTER_CLOSE = datetime(2026, 7, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def manager(django_user_model):
    user = manager_user(django_user_model)
    user.first_name, user.last_name = "Mina", "Manager"
    user.save()
    return user


def late_url(consultation, token):
    return consultation.url + f"late/{token}/"


def test_a_manager_issues_a_link_shown_once_with_the_reason_logged(
    client, manager, consultation, clock
):
    client.force_login(manager)
    url = f"/admin/consultations/{consultation.pk}/late-entry/"
    response = client.post(url, {"reason": "Council server outage on closing day", "hours": 48})
    html = response.content.decode()
    assert response.status_code == 200
    link = LateEntryLink.objects.get()
    assert link.reason == "Council server outage on closing day"
    assert link.created_by == manager
    assert link.expires_at == datetime(2026, 6, 17, 10, 0, tzinfo=UTC)
    token = html.split(f"{consultation.url}late/")[1].split("/")[0]
    assert token not in link.token_hash, "only a hash of the link is kept"
    entry = PageLogEntry.objects.get(action="consultations.issue_late_entry")
    assert entry.user == manager and entry.data["reason"] == link.reason
    assert client.post(url, {"reason": "", "hours": 100}).status_code == 200
    assert LateEntryLink.objects.count() == 1, "a reason is required and 72 hours is the most"


def test_editors_outside_the_group_cannot_issue_links(client, django_user_model, consultation):
    client.force_login(editor_user(django_user_model))
    response = client.post(
        f"/admin/consultations/{consultation.pk}/late-entry/", {"reason": "x", "hours": 1}
    )
    assert response.status_code in (302, 403)
    assert not LateEntryLink.objects.exists()


def test_the_link_works_once_after_the_close_and_the_comment_is_late_in_the_csv(
    client, manager, consultation
):
    with time_machine.travel(AFTER_CLOSE - timedelta(hours=1), tick=False):
        _, token = late_entry_issue(consultation, reason="Outage on closing day", user=manager)
    with time_machine.travel(AFTER_CLOSE, tick=False):
        # The ordinary form is closed; the link's form is open.
        assert client.get(consultation.url + "respond/").status_code == 302
        form = client.get(late_url(consultation, token))
        assert form.status_code == 200 and "It works once" in form.content.decode()
        data = form_data(text="Sent late, with permission.")
        response = client.post(late_url(consultation, token), data)
        assert response.status_code == 303
        comment = Comment.objects.get()
        assert comment.late == "Late (accepted by Mina Manager: Outage on closing day)"
        # A double click answers with the same reference; a second use is refused.
        assert client.post(late_url(consultation, token), data)["Location"] == response["Location"]
        again = client.post(late_url(consultation, token), form_data(text="Another one."))
        assert again.status_code == 410
        assert "Another one." in again.content.decode(), "the text comes back"
        assert client.get(late_url(consultation, token)).status_code == 410
    assert Comment.objects.count() == 1

    client.force_login(manager)
    export = client.get("/admin/snippets/consultations/comment/?export=csv")
    (row,) = csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode()))
    assert row["Late"] == "Late (accepted by Mina Manager: Outage on closing day)"
    assert (
        "Late (accepted by Mina Manager"
        in client.get("/admin/snippets/consultations/comment/").content.decode()
    )


def test_the_link_stops_working_when_it_expires(client, manager, consultation):
    with time_machine.travel(AFTER_CLOSE, tick=False):
        link, token = late_entry_issue(consultation, reason="Outage", user=manager, hours=2)
    with time_machine.travel(link.expires_at - timedelta(seconds=1), tick=False):
        assert client.get(late_url(consultation, token)).status_code == 200
    with time_machine.travel(link.expires_at, tick=False):
        response = client.post(late_url(consultation, token), form_data(text="Just too late."))
        assert response.status_code == 410
        assert "Just too late." in response.content.decode()
    assert not Comment.objects.exists()


def test_a_forged_token_is_refused(client, consultation):
    with time_machine.travel(AFTER_CLOSE, tick=False):
        response = client.post(late_url(consultation, "forged-token"), form_data())
    assert response.status_code == 410
    assert not Comment.objects.exists()


def test_comments_on_time_are_not_late(client, consultation, clock):
    clock.shift(timedelta(seconds=30))
    client.post(consultation.url + "respond/", form_data())
    assert Comment.objects.get().late == ""
