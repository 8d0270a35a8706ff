"""Emailed one-time sign-in links: single use, 30 minutes, throttled."""

import datetime
import re

import pytest

from django.core import mail
from django.test import TestCase
from django.utils import timezone

from progress.models import SignInLink


pytestmark = pytest.mark.django_db

SIGN_IN = "/check-your-progress/self-assessment/sign-in/"


def ask(client, email="officer@medway.gov.uk", ip="10.0.0.1", **data):
    """Ask for a link; the outbox sends it once the request's transaction commits."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(SIGN_IN, {"email": email, **data}, REMOTE_ADDR=ip)


def link_in(message) -> str:
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def test_link_signs_in_once(client):
    assert ask(client).status_code == 200
    link = link_in(mail.outbox[-1])
    assert mail.outbox[-1].to == ["officer@medway.gov.uk"]
    # Opening the link does not use it up (mail scanners open links); the button does.
    assert client.get(link).status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    assert client.session["_auth_user_id"]
    client.logout()
    response = client.post(link)
    assert response.status_code == 410
    assert "_auth_user_id" not in client.session
    assert SignInLink.objects.get().token_hash not in link


def test_link_expires_after_30_minutes(client):
    ask(client)
    link = link_in(mail.outbox[-1])
    SignInLink.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=31))
    response = client.post(link)
    assert response.status_code == 410
    assert "expired or has already been used" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_link_still_works_at_29_minutes(client):
    ask(client)
    link = link_in(mail.outbox[-1])
    SignInLink.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=29))
    assert client.post(link).status_code == 302


def test_repeated_requests_are_throttled_per_address(client):
    for _ in range(3):
        assert ask(client).status_code == 200
    response = ask(client)
    assert response.status_code == 429
    assert "too many sign-in links" in response.content.decode()
    assert len(mail.outbox) == 3
    # Another address is not held up by this one.
    assert ask(client, "other@medway.gov.uk").status_code == 200


def test_repeated_requests_are_throttled_per_client(client):
    for n in range(10):
        assert ask(client, f"officer{n}@medway.gov.uk").status_code == 200
    assert ask(client, "officer11@medway.gov.uk").status_code == 429
    assert ask(client, "officer11@medway.gov.uk", ip="10.0.0.2").status_code == 200


def test_bad_email_is_refused_with_the_text_kept(client):
    response = ask(client, "not an email")
    assert response.status_code == 400
    assert 'value="not an email"' in response.content.decode()
    assert not mail.outbox


def test_unknown_and_known_addresses_get_the_same_answer(client, django_user_model):
    django_user_model.objects.create_user("known@medway.gov.uk", "known@medway.gov.uk")
    known = ask(client, "known@medway.gov.uk").content.decode()
    unknown = ask(client, "unknown@medway.gov.uk").content.decode()
    known, unknown = known.replace("known@", "X@"), unknown.replace("unknown@", "X@")
    strip = lambda html: re.sub(r'(value|nonce)="[^"]+"', "", html)  # noqa: E731
    assert strip(known) == strip(unknown)


def test_signing_in_leads_on_to_the_page_asked_for(client, medway):
    """An officer following a link to their return signs in and lands on that return."""
    wanted = medway.get_absolute_url()
    response = client.get(wanted)
    assert response.status_code == 302
    sign_in_page = response["Location"]
    assert sign_in_page.startswith(SIGN_IN) and "next=" in sign_in_page
    assert f'name="next" value="{wanted}"' in client.get(sign_in_page).content.decode()
    ask(client, "lead@medway.gov.uk", next=wanted)
    link = link_in(mail.outbox[-1])
    assert "?next=" in link
    response = client.post(link)
    assert response.status_code == 302 and response["Location"] == wanted
    assert client.get(wanted).status_code == 200


@pytest.mark.parametrize("unsafe", ["https://evil.example/", "//evil.example/", "javascript:x"])
def test_signing_in_never_leads_off_the_site(client, unsafe):
    ask(client, next=unsafe)
    link = link_in(mail.outbox[-1])
    assert "next" not in link
    # A link edited to lead elsewhere still lands on the self-assessment.
    response = client.post(f"{link}?next={unsafe}")
    assert response.status_code == 302
    assert response["Location"] == "/check-your-progress/self-assessment/"


def test_an_invited_colleague_signs_in_and_lands_on_the_return(client, medway):
    from tests.progress.conftest import lead_of

    client.force_login(lead_of(medway))
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(medway.url("colleagues"), {"email": "finance@medway.gov.uk", "department": "F"})
    client.logout()
    sign_in_page = re.search(r"http://testserver(/\S+)", mail.outbox[-1].body).group(1)
    html = client.get(sign_in_page).content.decode()
    after = re.search(r'name="next" value="([^"]+)"', html).group(1)
    assert after == medway.get_absolute_url()
    ask(client, "finance@medway.gov.uk", next=after)
    response = client.post(link_in(mail.outbox[-1]))
    assert response["Location"] == medway.get_absolute_url()
    assert client.get(response["Location"]).status_code == 200
