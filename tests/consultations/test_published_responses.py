"""Must show 2 and 6: published responses show names only with consent; withdrawals leave."""

import csv
import io
from datetime import UTC, datetime

import pytest
import time_machine

from consultations.enums import CommentStatus
from consultations.models import Comment
from consultations.respondent_data.withdrawal import comment_withdraw, withdraw_token
from tests.consultations.follow_up import manager_user, respond


pytestmark = pytest.mark.django_db

AFTER_CLOSE = datetime(2026, 7, 3, 9, 0, tzinfo=UTC)
ORGANISATION_CONSENT = "consent_publish_organisation"


def responses_url(consultation) -> str:
    return consultation.url + "responses/"


@pytest.fixture
def publishing(consultation):
    consultation.publish_responses = True
    consultation.save_revision().publish()
    consultation.refresh_from_db()
    return consultation


def approve(*comments):
    Comment.objects.filter(pk__in=[c.pk for c in comments]).update(status=CommentStatus.PUBLISHED)


@pytest.fixture
def three(publishing, clock, council):
    """No consent, name only, organisation only; all approved."""
    second = publishing.sections()[1]["id"]
    silent = respond(
        publishing, "Keep me anonymous.", name="Wendy Quiet", council=council, organisation_other=""
    )
    named, org = (
        respond(publishing, text, name=name, organisation_other=other, section_id=second, **consent)
        for text, name, other, consent in [
            ("Name me.", "Nadia Named", "Named Trust", {"consent_publish_name": True}),
            ("Name my council.", "Oscar Org", "Visible Org Ltd", {ORGANISATION_CONSENT: True}),
        ]
    )
    approve(silent, named, org)
    return silent, named, org


def test_no_consent_never_shows_a_name_or_organisation(client, three, publishing):
    silent, named, org = three
    with time_machine.travel(AFTER_CLOSE, tick=False):
        html = client.get(responses_url(publishing)).content.decode()
        page = client.get(publishing.url).content.decode()
        feed = client.get("/consultations/feed/").content.decode()
    assert "Keep me anonymous." in html and "Name me." in html
    for public in (html, page, feed):
        assert "Wendy Quiet" not in public
        assert "Northmoor County Council" not in public, "no organisation without consent"
        assert "Named Trust" not in public, "a name alone does not publish the organisation"
        assert "Oscar Org" not in public, "an organisation alone does not publish the name"
        assert "priya@northmoor.gov.uk" not in public, "never an email address"
    assert "Nadia Named" in html and "Visible Org Ltd" in html
    assert "Anonymous respondent" in html


def test_comments_sit_under_their_section(client, three, publishing):
    with time_machine.travel(AFTER_CLOSE, tick=False):
        html = client.get(responses_url(publishing)).content.decode()
    whole, section = html.index("The whole draft"), html.index("2. Sharing a pipeline")
    assert whole < html.index("Keep me anonymous.") < section < html.index("Name me.")


def test_only_approved_comments_after_the_close_on_an_opted_in_consultation(
    client, consultation, clock
):
    approved = respond(consultation, "Approved words.")
    respond(consultation, "Still waiting for moderation.")
    hidden = respond(consultation, "Hidden words.")
    approve(approved)
    Comment.objects.filter(pk=hidden.pk).update(status=CommentStatus.HIDDEN)
    url = responses_url(consultation)
    with time_machine.travel(AFTER_CLOSE, tick=False):
        assert client.get(url).status_code == 404, "not opted in"
        consultation.publish_responses = True
        consultation.save_revision().publish()
        html = client.get(url).content.decode()
    assert "Approved words." in html
    assert "Still waiting" not in html and "Hidden words." not in html
    assert client.get(url).status_code == 404, "nothing is published before the close"


def test_published_responses_are_paginated_and_searchable(client, publishing, clock):
    comments = [respond(publishing, f"Comment number {n:02d} about frameworks.") for n in range(25)]
    comments.append(respond(publishing, "A lone remark on apprenticeships."))
    approve(*comments)
    url = responses_url(publishing)
    with time_machine.travel(AFTER_CLOSE, tick=False):
        first = client.get(url).content.decode()
        second = client.get(url + "?page=2").content.decode()
        found = client.get(url + "?q=apprenticeships").content.decode()
        too_long = client.get(url + "?q=" + "x" * 300)
    assert "26 published responses" in first
    assert "Comment number 00" in first and "Comment number 24" not in first
    assert "Comment number 24" in second
    assert "A lone remark on apprenticeships." in found and "Comment number" not in found
    assert "1 response containing" in found
    assert too_long.status_code == 400 and "There is a problem" in too_long.content.decode()


def test_a_withdrawn_comment_leaves_exports_and_published_responses(
    client, django_user_model, publishing, clock
):
    kept = respond(publishing, "I stand by this.")
    gone = respond(
        publishing,
        "Please forget this.",
        email="gone@example.gov.uk",
        name="Gina Gone",
        consent_publish_name=True,
    )
    approve(kept, gone)
    url = publishing.url + f"withdraw/{withdraw_token(gone)}/"
    assert "Withdraw your comment" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 200 and "Comment withdrawn" in response.content.decode()
    gone.refresh_from_db()
    assert gone.status == CommentStatus.WITHDRAWN
    assert gone.email == "" and gone.name == "" and "forget" not in gone.text

    # Its reference answers "withdrawn".
    answer = client.get(publishing.url + f"confirmation/{gone.reference}/").content.decode()
    assert "withdrawn" in answer and gone.reference in answer

    client.force_login(manager_user(django_user_model))
    export = client.get("/admin/snippets/consultations/comment/?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert [row["Reference"] for row in rows] == [kept.reference]
    listing = client.get(f"/admin/snippets/consultations/comment/?q={gone.reference}")
    assert "Withdrawn by the respondent" in listing.content.decode()

    with time_machine.travel(AFTER_CLOSE, tick=False):
        html = client.get(responses_url(publishing)).content.decode()
    assert "I stand by this." in html
    assert "Please forget this." not in html and "Gina Gone" not in html
    assert "Withdrawn by the respondent." not in html


def test_withdrawing_is_refused_after_the_close_and_bad_links_are_404(client, consultation, clock):
    comment = respond(consultation, "Too late to take back.")
    assert client.get(consultation.url + "withdraw/HUB-26-AAAA-BBBB_forged/").status_code == 404
    with time_machine.travel(AFTER_CLOSE, tick=False):
        url = consultation.url + f"withdraw/{withdraw_token(comment)}/"
        response = client.post(url)
        assert response.status_code == 403
        assert "You can no longer withdraw" in response.content.decode()
        assert comment_withdraw(comment) is False
    comment.refresh_from_db()
    assert comment.status == CommentStatus.RECEIVED and comment.text == "Too late to take back."


def test_a_withdraw_link_outlives_a_secret_key_rotation(consultation, clock, settings):
    from consultations.respondent_data.withdrawal import withdraw_reference

    comment = respond(consultation, "Sent before the key changed.")
    token = withdraw_token(comment)
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-key-" + "x" * 50
    assert withdraw_reference(token) == comment.reference
    assert withdraw_reference(token[:-1] + ("A" if token[-1] != "A" else "B")) is None


def test_the_confirmation_email_carries_the_withdraw_link(
    client, consultation, clock, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        comment = respond(consultation, "Email me a link.")
    body = mailoutbox[0].body
    assert consultation.full_url + f"withdraw/{withdraw_token(comment)}/" in body
    assert "Email me a link." not in body


def test_approving_a_comment_shows_on_the_next_get_with_the_page_cache_on(
    client, publishing, clock, page_cache
):
    comment = respond(publishing, "Approve me later.", name="Late Approval")
    with time_machine.travel(AFTER_CLOSE, tick=False):
        assert "Approve me later." not in client.get(responses_url(publishing)).content.decode()
        approve(comment)
        response = client.get(responses_url(publishing))
    assert "Approve me later." in response.content.decode()
    assert "no-store" in response["Cache-Control"]
