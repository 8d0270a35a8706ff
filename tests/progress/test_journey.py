"""The return from start to submission, as a lead officer and a colleague see it."""

import pytest

from django.core import mail
from django.test import TestCase

from progress.enums import ReturnStatus
from progress.models import Answer, Return
from tests.progress.conftest import lead_of


pytestmark = pytest.mark.django_db


def answer(
    client,
    ret,
    slug,
    current,
    target,
    comment="",
    council=False,
    button="save_and_continue",
    version=0,
):
    url = ret.url("council_answer" if council else "area", slug)
    return client.post(
        url,
        {
            "current_level": current,
            "target_level": target,
            "comment": comment,
            "evidence": "",
            "version": version,
            button: "",
        },
    )


def test_lead_starts_scores_and_submits(client, cycle, officer, medway_domain):
    from hub.models import Council

    lead = officer("head@medway.gov.uk")
    client.force_login(lead)
    medway = Council.objects.get(gss_code="E06000035")
    response = client.post(
        "/check-your-progress/self-assessment/start/",
        {"cycle": cycle.pk, "council": medway.pk, "department": "Procurement"},
    )
    ret = Return.objects.get(council=medway, cycle=cycle)
    assert response.status_code == 302 and response["Location"] == ret.get_absolute_url()
    areas = list(cycle.areas())
    for area in areas:
        # Save and continue leads the lead from their department's answer to the council's.
        response = answer(client, ret, area.slug, 2, 4, "Team view")
        assert response["Location"] == ret.url("council_answer", area.slug)
        response = answer(client, ret, area.slug, 2, 3, "Council view", council=True)
    assert response["Location"] == ret.get_absolute_url()
    page = client.get(ret.get_absolute_url()).content.decode()
    assert "3 of 3" in page and "Check and submit" in page
    assert client.post(ret.url("submit")).status_code == 302
    ret.refresh_from_db()
    assert ret.status == ReturnStatus.SUBMITTED
    # Nobody but a manager changes a submitted return.
    response = answer(client, ret, areas[0].slug, 5, 5)
    assert (
        response.status_code == 404
        or Answer.objects.council().get(return_obj=ret, key_area=areas[0]).current_level == 2
    )


def test_submit_refused_until_every_council_answer_is_set(client, medway):
    client.force_login(lead_of(medway))
    area = medway.cycle.areas().first()
    answer(client, medway, area.slug, 3, 4, council=True)
    response = client.post(medway.url("submit"))
    assert response.status_code == 409
    assert "Working with partners" in response.content.decode()
    medway.refresh_from_db()
    assert medway.status == ReturnStatus.DRAFT


def test_answer_form_errors_keep_what_was_typed(client, medway):
    client.force_login(lead_of(medway))
    response = answer(client, medway, "engaging-councillors", 4, 2, "Typed words kept")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose a target level the same as or higher than the current level" in html
    assert "Typed words kept" in html
    response = client.post(medway.url("area", "engaging-councillors"), {"comment": "Only this"})
    assert response.status_code == 400
    assert "Choose the current level" in response.content.decode()
    assert "Only this" in response.content.decode()


def test_lead_invites_a_colleague_who_joins_on_sign_in(client, medway, officer):
    client.force_login(lead_of(medway))
    with TestCase.captureOnCommitCallbacks(execute=True):  # the outbox sends on commit
        response = client.post(
            medway.url("colleagues"), {"email": "Finance@Medway.gov.uk", "department": "Finance"}
        )
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["finance@medway.gov.uk"]
    assert "/check-your-progress/self-assessment/sign-in/" in mail.outbox[-1].body
    client.logout()
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(
            "/check-your-progress/self-assessment/sign-in/", {"email": "finance@medway.gov.uk"}
        )
    link = [w for w in mail.outbox[-1].body.split() if "/sign-in/" in w][0]
    client.post(link)
    assert client.get(medway.get_absolute_url()).status_code == 200
    respondent = medway.respondents.get(user__email="finance@medway.gov.uk")
    assert respondent.department == "Finance"


def test_spread_of_departments_and_last_editor(client, medway, officer):
    finance = officer("finance@medway.gov.uk", medway, department="Finance")
    client.force_login(finance)
    answer(client, medway, "engaging-councillors", 1, 3, "Finance view")
    client.force_login(lead_of(medway))
    answer(client, medway, "engaging-councillors", 4, 5, "Procurement view")
    html = client.get(medway.url("council_answer", "engaging-councillors")).content.decode()
    assert "range from <strong>1</strong> to <strong>4</strong>, a spread of 3 levels" in html
    assert "finance@medway.gov.uk" in html and "Finance view" in html
    answer(client, medway, "engaging-councillors", 2, 4, council=True)
    html = client.get(medway.url("council_answer", "engaging-councillors")).content.decode()
    assert "Last changed by lead@medway.gov.uk" in html


def test_a_second_return_for_the_same_council_is_never_started(client, medway, officer):
    """Starting a started return joins it (a verified officer) or asks for access (anyone else)."""
    other = officer("other@medway.gov.uk")
    client.force_login(other)
    form = {"cycle": medway.cycle.pk, "council": medway.council.pk, "department": "Legal"}
    response = client.post("/check-your-progress/self-assessment/start/", form)
    assert response.status_code == 302 and "/request-access/?" in response["Location"]
    assert not medway.respondents.filter(user=other).exists()

    from hub.models import CouncilDomain

    CouncilDomain.objects.filter(council=medway.council, domain="medway.gov.uk").update(
        status="confirmed"
    )
    response = client.post("/check-your-progress/self-assessment/start/", form)
    assert response.status_code == 302 and response["Location"] == medway.get_absolute_url()
    assert medway.respondents.get(user=other).role == "colleague"
    assert Return.objects.filter(council=medway.council).count() == 1


def test_an_answer_sent_to_a_submitted_return_is_refused_with_a_reason(client, medway):
    client.force_login(lead_of(medway))
    area = medway.cycle.areas().first()
    answer(client, medway, area.slug, 2, 3, "Before")
    medway.status = ReturnStatus.SUBMITTED
    medway.save()
    response = answer(client, medway, area.slug, 5, 5, "After", version=1)
    assert response.status_code == 302 and response["Location"] == medway.get_absolute_url()
    page = client.get(response["Location"]).content.decode()
    assert "This return has been submitted. Only a manager can reopen it." in page
    assert Answer.objects.get(return_obj=medway, key_area=area).comment == "Before"
