"""Official responses for a council, verified by a link emailed to an address at its domain."""

import csv
import io
import re
from datetime import timedelta

import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from consultations.enums import CommentStatus
from consultations.models import Comment
from consultations.services import Respondent, comment_details_correct
from hub.models import CouncilDomain, DomainStatus
from hub.roles import CONSULTATION_MANAGERS
from tests.consultations.conftest import form_data, post_comment


pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://localhost(/\S+/verify/[\w-]+/)")


@pytest.fixture
def northmoor(council):
    """The fictional council with northmoor.example confirmed."""
    CouncilDomain.objects.create(
        council=council, domain="northmoor.example", status=DomainStatus.CONFIRMED
    )
    return council


@pytest.fixture
def send(client, consultation, clock, django_capture_on_commit_callbacks):
    """Post a comment for a council (its emails sent); the comment stored."""

    def post(council, **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            data = form_data(council, **overrides)
            response = post_comment(client, consultation, clock, data)
        assert response.status_code == 303
        return Comment.objects.get(reference=response["Location"].rstrip("/").split("/")[-1])

    return post


@pytest.fixture
def comment(send, northmoor):
    """An official response from priya@northmoor.example, its verification link emailed."""
    return send(northmoor, email="priya@northmoor.example")


def export_rows(client, url, **query) -> list[dict]:
    response = client.get(url, {"export": "csv", **query})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def link_in(message) -> str:
    found = LINK.search(message.body)
    return found.group(1) if found else ""


def test_official_response_is_verified_by_its_emailed_link(client, consultation, northmoor, send):
    comment = send(
        northmoor,
        email="Priya.Shah@Procurement.Northmoor.example",
        consent_publish_organisation="on",
    )
    assert comment.verification == "Organisation not verified"
    page = client.get(f"{consultation.url}confirmation/{comment.reference}/").content.decode()
    assert "The confirmation email has a link" in page
    (message,) = mail.outbox
    assert message.to == ["Priya.Shah@Procurement.Northmoor.example"]
    link = link_in(message)
    assert link
    # Opening the link (as a mail scanner would) verifies nothing; confirming does.
    assert "Verify my response" in client.get(link).content.decode()
    assert not Comment.objects.verified().exists()
    response = client.post(link)
    assert response.status_code == 200
    assert "Verified response from Northmoor County Council" in response.content.decode()
    comment.refresh_from_db()
    assert comment.organisation_verified and comment.verified_at
    assert comment.verified_email == "Priya.Shah@Procurement.Northmoor.example"
    assert comment.verification == "Verified response from Northmoor County Council"
    assert list(Comment.objects.verified()) == [comment]
    assert not Comment.objects.not_verified().exists()
    # A second use changes nothing.
    assert client.post(link).status_code == 200


@pytest.mark.parametrize(
    "email",
    [
        "priya@gmail.com",
        "priya@northmoor.example.com",  # lookalike
        "priya@northmoor-example.org",  # lookalike
        "priya+chief@northmoor.example",  # "+" tag
        "priya@n\u043erthmoor.example",  # homograph (Cyrillic o) is refused by the form or here
    ],
)
def test_no_link_for_an_address_not_at_the_councils_domain(
    client, consultation, northmoor, clock, django_capture_on_commit_callbacks, email
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(client, consultation, clock, form_data(northmoor, email=email))
    if response.status_code == 400:
        # The form refuses the address itself, and keeps everything typed.
        assert "The pipeline section should cover districts too." in response.content.decode()
        return
    comment = Comment.objects.get()
    assert comment.text == "The pipeline section should cover districts too."  # nothing lost
    assert not link_in(mail.outbox[0])
    page = client.get(response["Location"]).content.decode()
    assert "could not verify" in page and "Organisation not verified" in page
    assert comment.verification == "Organisation not verified"


def test_a_personal_view_or_a_suggested_domain_gets_no_link(council, send):
    CouncilDomain.objects.create(council=council, domain="northmoor.example")  # suggested
    send(council, email="priya@northmoor.example")
    CouncilDomain.objects.filter(council=council).update(status=DomainStatus.CONFIRMED)
    send(council, email="priya@northmoor.example", response_type="personal")
    assert [link_in(m) for m in mail.outbox] == ["", ""]


def test_a_link_fails_once_the_address_changes_and_nothing_is_lost(client, comment):
    link = link_in(mail.outbox[0])
    comment_details_correct(
        comment, Respondent(**{**Respondent.of(comment).__dict__, "email": "priya@gmail.com"})
    )
    response = client.post(link)
    assert response.status_code == 410
    assert "has changed since we sent this link" in response.content.decode()
    comment.refresh_from_db()
    assert not comment.organisation_verified
    assert comment.text == "The pipeline section should cover districts too."


def test_correcting_the_council_undoes_a_verification(client, comment):
    client.post(link_in(mail.outbox[0]))
    comment.refresh_from_db()
    assert comment.organisation_verified
    comment_details_correct(
        comment, Respondent(**{**Respondent.of(comment).__dict__, "response_type": "personal"})
    )
    comment.refresh_from_db()
    assert not comment.organisation_verified and comment.verified_email == ""


def test_a_forged_or_expired_link_verifies_nothing(client, comment, clock):
    link = link_in(mail.outbox[0])
    assert client.post(link[:-3] + "xx/").status_code == 404
    clock.shift(timedelta(days=15))
    response = client.post(link)
    assert response.status_code == 410 and "expired" in response.content.decode()
    comment.refresh_from_db()
    assert not comment.organisation_verified


def test_admin_list_filter_and_export_say_whether_verified(
    client, northmoor, send, comment, django_user_model
):
    verified = comment
    client.post(link_in(mail.outbox[0]))
    other = send(northmoor, email="tom@gmail.com", text="Another view.")
    manager = django_user_model.objects.create_user("m", "m@example.org", "pw")
    manager.groups.add(Group.objects.get(name=CONSULTATION_MANAGERS))
    client.force_login(manager)
    url = reverse("wagtailsnippets_consultations_comment:list")
    html = client.get(url).content.decode()
    assert "Verified response from Northmoor County Council" in html
    assert "Organisation not verified" in html
    html = client.get(url, {"organisation_verified": "true"}).content.decode()
    assert verified.reference in html and other.reference not in html

    by_reference = {row["Reference"]: row for row in export_rows(client, url)}
    assert by_reference[verified.reference]["Organisation verification"] == (
        "Verified response from Northmoor County Council"
    )
    assert by_reference[other.reference]["Organisation verification"] == "Organisation not verified"
    rows = export_rows(client, url, organisation_verified="true")
    assert [row["Reference"] for row in rows] == [verified.reference]


def test_published_responses_say_whether_verified(client, consultation, northmoor, clock, send):
    send(northmoor, email="priya@northmoor.example", consent_publish_organisation="on")
    client.post(link_in(mail.outbox[0]))
    send(northmoor, email="tom@gmail.com", text="Another view.", consent_publish_organisation="on")
    Comment.objects.update(status=CommentStatus.PUBLISHED)
    consultation.publish_responses = True
    consultation.save_revision().publish()
    clock.shift(timedelta(days=30))
    html = client.get(consultation.url + "responses/").content.decode()
    assert "Verified response from Northmoor County Council" in html
    assert "Organisation not verified" in html
    assert "priya@northmoor.example" not in html


def test_erasing_a_respondent_forgets_the_verification(client, comment):
    client.post(link_in(mail.outbox[0]))
    Comment.objects.filter(pk=comment.pk).forget_respondents()
    comment.refresh_from_db()
    assert not comment.organisation_verified and comment.verified_email == ""
    assert comment.verification == ""
