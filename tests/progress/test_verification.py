"""Who may take part in a return: verified officers, or those its lead or a manager let in."""

import re

import pytest

from django.core import mail

from wagtail.models import ModelLogEntry

from hub.models import Council, CouncilDomain, DomainStatus
from progress.enums import Access, RequestStatus, ReturnStatus, Role
from progress.models import AccessRequest, Answer, Respondent, Return
from progress.services import (
    NeedsApproval,
    NotAllowed,
    Throttled,
    access_request_create,
    access_request_decide,
    answer_save,
    return_start,
    return_submit,
)
from progress.stats import national_picture
from tests.progress.conftest import lead_of
from tests.progress.test_national import make_return


pytestmark = pytest.mark.django_db

START = "/check-your-progress/self-assessment/start/"
REQUEST = "/check-your-progress/self-assessment/request-access/"
VALUES = {"current_level": 3, "target_level": 4, "comment": "", "evidence": ""}


@pytest.fixture(autouse=True)
def outbox_sends_at_once(monkeypatch):
    """Send each outbox email as it is written: a test's transaction never commits."""
    from hub import outbox

    monkeypatch.setattr(outbox, "emails_enqueue", lambda ids: [outbox.email_send(i) for i in ids])


def decide_url(request):
    return f"http://testserver{request.get_absolute_url()}"


def return_url(ret):
    return f"http://testserver{ret.get_absolute_url()}"


@pytest.fixture
def kent(db):
    """Kent County Council with kent.gov.uk confirmed."""
    CouncilDomain.objects.filter(council__gss_code="E10000016", domain="kent.gov.uk").update(
        status=DomainStatus.CONFIRMED
    )
    return Council.objects.get(gss_code="E10000016")


@pytest.mark.parametrize(
    "email",
    [
        "jo@gmail.com",  # another domain altogether
        "jo@kent.gov.uk.example.com",  # lookalike
        "jo@kent-gov.uk",  # lookalike
        "jo+leader@kent.gov.uk",  # "+" tag
        "jo@k\u0435nt.gov.uk",  # homograph
    ],
)
def test_an_unverified_officer_cannot_start(cycle, officer, kent, email):
    with pytest.raises(NeedsApproval, match="not at a confirmed domain of Kent County Council"):
        return_start(officer(email), cycle, kent, "Procurement")
    assert not Return.objects.filter(council=kent).exists()


def test_an_address_no_link_was_sent_to_is_not_verified(cycle, kent, django_user_model):
    """A user whose address was never proven by a used sign-in link is not verified."""
    user = django_user_model.objects.create_user("jo", "jo@kent.gov.uk", "a password")
    with pytest.raises(NeedsApproval):
        return_start(user, cycle, kent, "Procurement")


def test_a_suggested_domain_verifies_nobody(cycle, officer):
    medway = Council.objects.get(gss_code="E06000035")
    assert CouncilDomain.objects.get(council=medway).status == DomainStatus.SUGGESTED
    with pytest.raises(NeedsApproval):
        return_start(officer("jo@medway.gov.uk"), cycle, medway, "Procurement")


def test_a_verified_officer_starts_and_another_joins(cycle, officer, kent):
    ret = return_start(officer("lead@kent.gov.uk"), cycle, kent, "Procurement")
    joined = return_start(officer("jo@procurement.kent.gov.uk"), cycle, kent, "Finance")
    assert joined == ret
    assert list(ret.respondents.values_list("role", "access")) == [
        (Role.LEAD, Access.DOMAIN),
        (Role.COLLEAGUE, Access.DOMAIN),
    ]


def test_an_unverified_officer_cannot_join_answer_or_submit(cycle, officer, kent):
    ret = return_start(officer("lead@kent.gov.uk"), cycle, kent, "Procurement")
    outsider = officer("jo@gmail.com")
    with pytest.raises(NeedsApproval):
        return_start(outsider, cycle, kent, "Finance")
    assert not ret.respondents.filter(user=outsider).exists()
    area = cycle.areas().first()
    with pytest.raises(NotAllowed):
        answer_save(ret, area, "Finance", VALUES, 0, outsider)
    # A respondent from before verification, not verified, reads but does not answer or submit.
    lead = ret.respondents.get(role=Role.LEAD)
    lead.access = Access.NONE
    lead.save()
    with pytest.raises(NotAllowed, match="need approval"):
        answer_save(ret, area, "Procurement", VALUES, 0, lead.user)
    with pytest.raises(NotAllowed, match="need approval"):
        answer_save(ret, area, "", VALUES, 0, lead.user)
    with pytest.raises(NotAllowed, match="need approval"):
        return_submit(ret, lead.user)
    assert not Answer.objects.filter(return_obj=ret).exists()


def test_an_unverified_officer_is_sent_to_ask_for_access_keeping_what_they_typed(
    client, cycle, officer, kent
):
    client.force_login(officer("jo@gmail.com"))
    form = {"cycle": cycle.pk, "council": kent.pk, "department": "Waste & recycling"}
    response = client.post(START, form)
    assert response.status_code == 302 and response["Location"].startswith(REQUEST)
    page = client.get(response["Location"]).content.decode()
    assert "not at a confirmed domain of Kent County Council" in page
    assert 'value="Waste &amp; recycling"' in page
    assert f'<option value="{kent.pk}" selected>' in page


def test_a_request_for_access_tells_the_lead_and_the_lead_approves(client, cycle, officer, kent):
    lead = officer("lead@kent.gov.uk")
    ret = return_start(lead, cycle, kent, "Procurement")
    asker = officer("jo@gmail.com")
    client.force_login(asker)
    response = client.post(
        REQUEST,
        {"cycle": cycle.pk, "council": kent.pk, "department": "Finance", "reason": "Finance lead"},
    )
    assert response.status_code == 200 and "Request sent" in response.content.decode()
    request = AccessRequest.objects.get()
    told = mail.outbox[-1]
    assert told.to == ["lead@kent.gov.uk"] and "jo@gmail.com" in told.subject
    link = re.search(r"http://testserver(/\S+)", told.body).group(1)
    assert link == request.get_absolute_url()

    # Nobody but the lead (or a manager) decides: not the asker, nor another council's lead.
    assert client.get(link).status_code == 404
    other_lead = officer("lead@surrey.example")
    client.force_login(other_lead)
    assert client.post(link, {"decision": "approve"}).status_code == 404

    client.force_login(lead)
    assert "jo@gmail.com" in client.get(ret.url("colleagues")).content.decode()
    assert client.post(link, {}).status_code == 400
    response = client.post(link, {"decision": "approve"})
    assert response.status_code == 302

    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED
    assert request.decided_by == lead and request.decided_at is not None
    joined = ret.respondents.get(user=asker)
    assert (joined.role, joined.access, joined.department) == (
        Role.COLLEAGUE,
        Access.LEAD_APPROVED,
        "Finance",
    )
    # The approval is logged: who, when, what.
    entry = ModelLogEntry.objects.get(action="progress.access_approved")
    assert entry.user == lead and entry.object_id == str(request.pk)
    assert entry.data == {"council": "Kent County Council", "email": "jo@gmail.com"}
    assert mail.outbox[-1].to == ["jo@gmail.com"] and "approved" in mail.outbox[-1].body
    # Approved, they answer for their department.
    answer_save(ret, cycle.areas().first(), "Finance", VALUES, 0, asker)
    # A decided request stays decided.
    assert client.post(link, {"decision": "refuse"}).status_code == 200
    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED


def test_a_refusal_is_logged_and_lets_nobody_in(cycle, officer, kent):
    lead = officer("lead@kent.gov.uk")
    ret = return_start(lead, cycle, kent, "Procurement")
    asker = officer("jo@gmail.com")
    request = access_request_create(asker, cycle, kent, "Finance", "", decide_url)
    access_request_decide(request, lead, False, return_url)
    assert not ret.respondents.filter(user=asker).exists()
    assert ModelLogEntry.objects.get(action="progress.access_refused").user == lead
    assert "refused" in mail.outbox[-1].body


def test_a_manager_approves_someone_to_start_a_return(cycle, officer, kent, manager):
    asker = officer("jo@gmail.com")
    request = access_request_create(asker, cycle, kent, "Procurement", "", decide_url)
    assert not mail.outbox  # no return yet, so no lead to tell
    with pytest.raises(NotAllowed):
        access_request_decide(request, officer("lead@kent.gov.uk"), True, return_url)
    access_request_decide(request, manager, True, return_url)
    ret = Return.objects.get(council=kent)
    lead = ret.respondents.get()
    assert (lead.user, lead.role, lead.access) == (asker, Role.LEAD, Access.MANAGER_APPROVED)
    assert lead.is_verified
    entry = ModelLogEntry.objects.get(action="progress.access_approved")
    assert entry.user == manager


def test_requests_for_access_are_throttled(client, cycle, officer, kent):
    lead = officer("lead@kent.gov.uk")
    return_start(lead, cycle, kent, "Procurement")
    asker = officer("jo@gmail.com")
    others = [Council.objects.get(gss_code=code) for code in ("E06000035", "E07000223")]
    # Each request is a different council, so none is a repeat: the third is the last allowed.
    for council in [kent, *others]:
        access_request_create(asker, cycle, council, "Finance", "", decide_url)
    client.force_login(asker)
    form = {
        "cycle": cycle.pk,
        "council": Council.objects.get(gss_code="E07000229").pk,
        "department": "Kept department",
        "reason": "Kept reason",
    }
    response = client.post(REQUEST, form)
    assert response.status_code == 429
    html = response.content.decode()
    assert "govuk-error-summary" in html and "Too many requests for access" in html
    assert "Kept department" in html and "Kept reason" in html
    assert AccessRequest.objects.count() == 3
    # The lead heard of the one request for Kent.
    assert [m.to for m in mail.outbox] == [["lead@kent.gov.uk"]]


def test_requests_for_one_council_are_throttled_across_people(cycle, officer, kent):
    for n in range(10):
        access_request_create(officer(f"p{n}@gmail.com"), cycle, kent, "X", "", decide_url)
    with pytest.raises(Throttled):
        access_request_create(officer("late@gmail.com"), cycle, kent, "X", "", decide_url)


def test_the_lead_invitation_lets_an_unverified_colleague_in(client, cycle, officer, kent):
    lead = officer("lead@kent.gov.uk")
    ret = return_start(lead, cycle, kent, "Procurement")
    client.force_login(lead)
    client.post(ret.url("colleagues"), {"email": "jo@gmail.com", "department": "Finance"})
    client.logout()
    client.post("/check-your-progress/self-assessment/sign-in/", {"email": "jo@gmail.com"})
    link = re.search(r"http://testserver(/\S+)", mail.outbox[-1].body).group(1)
    client.post(link)
    assert ret.respondents.get(user__email="jo@gmail.com").access == Access.LEAD_APPROVED


def test_an_unverified_return_is_left_out_of_national_figures_and_counted(client, cycle):
    boroughs = list(Council.objects.filter(council_type__slug="london-borough").order_by("name"))
    for council in boroughs[:5]:
        make_return(cycle, council, [(2, 3)] * 3)
    # Two more submitted returns whose leads are not verified; they would move every median.
    for council in boroughs[5:7]:
        make_return(cycle, council, [(5, 5)] * 3, access=Access.NONE)
    # A lead the lead of another return let in is not verified either.
    make_return(cycle, boroughs[7], [(5, 5)] * 3, access=Access.LEAD_APPROVED)
    overall = next(g for g in national_picture(cycle) if g.kind == "overall")
    assert overall.councils == 5
    assert {figures.median_current for figures in overall.areas.values()} == {2}
    assert Return.objects.filter(cycle=cycle).counted().count() == 5
    assert Return.objects.filter(cycle=cycle).left_out().count() == 3

    page = client.get(f"/check-your-progress/self-assessment/findings/{cycle.year}/")
    text = re.sub(r"\s+", " ", page.content.decode())
    assert "the national figures count 5 submitted returns whose lead officer is verified" in text
    assert "and leave out 3 whose lead officer is not" in text

    ret = Return.objects.get(council=boroughs[0])
    client.force_login(lead_of(ret))
    text = re.sub(r"\s+", " ", client.get(ret.url("results")).content.decode())
    assert "count 5 submitted returns" in text and "leave out 3" in text


def test_a_return_counts_once_its_lead_is_verified(cycle):
    council = Council.objects.get(gss_code="E10000016")
    ret = make_return(cycle, council, [(2, 3)] * 3, access=Access.NONE)
    assert not Return.objects.counted().filter(pk=ret.pk).exists()
    Respondent.objects.filter(return_obj=ret).update(access=Access.MANAGER_VERIFIED)
    assert Return.objects.counted().filter(pk=ret.pk).exists()
    ret.status = ReturnStatus.DRAFT
    ret.save()
    assert not Return.objects.counted().filter(pk=ret.pk).exists()


def test_manager_verified_officer_may_start(cycle, officer):
    from hub.models import ManagerVerification

    gla = Council.objects.get(name="Greater London Authority")
    ManagerVerification.objects.create(council=gla, email="jo@london.gov.uk", reason="Known")
    ret = return_start(officer("jo@london.gov.uk"), cycle, gla, "Procurement")
    assert ret.respondents.get().access == Access.MANAGER_VERIFIED
