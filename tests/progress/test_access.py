"""Every self-assessment URL refuses anonymous users and officers of other councils."""

import pytest

from django.urls import URLPattern, get_resolver

from progress.enums import Role
from progress.models import AccessRequest, Answer, SupersededAnswer
from progress.services import answer_save
from tests.progress.conftest import lead_of


pytestmark = pytest.mark.django_db

SECRET = "Medway secret comment"
# Pages anyone may open: they show no council's answers (checked below).
PUBLIC = {"index", "sign_in", "sign_in_link", "sign_out", "findings", "findings_csv", "blank"}
# Pages for any signed-in officer, about no particular return.
SIGNED_IN = {"start", "request_access"}


def progress_url_names():
    resolver = get_resolver()
    namespace = resolver.namespace_dict["progress"][1]
    return sorted(p.name for p in namespace.url_patterns if isinstance(p, URLPattern))


@pytest.fixture
def secret(medway, officer, manager):
    """Medway's answers carry a secret comment; one was replaced, so every URL has an object."""
    area = medway.cycle.areas().first()
    lead = lead_of(medway)
    colleague = officer("finance@medway.gov.uk", medway, department="Finance")
    values = {"current_level": 2, "target_level": 4, "comment": SECRET, "evidence": SECRET}
    answer_save(medway, area, "", values, 0, lead)
    answer_save(medway, area, "Finance", values, 0, colleague)
    # Only the lead sets the council's answer, so the replaced answer is Finance's.
    answer_save(medway, area, "Finance", {**values, "comment": "later"}, 0, lead)
    # Someone asking for access to Medway's return, for the page where it is decided.
    AccessRequest.objects.create(
        cycle=medway.cycle,
        council=medway.council,
        user=officer("someone@gmail.com"),
        email="someone@gmail.com",
        department="Legal",
    )
    return SupersededAnswer.objects.get()


def url_for(name, ret, superseded):
    area = ret.cycle.areas().first().slug
    year, council = ret.cycle.year, ret.council.slug
    args = {
        "sign_in_link": ["not-a-token"],
        "findings": [year],
        "findings_csv": [year, "medians"],
        "blank": [year],
        "results_csv": [year, council, "profile"],
        "dismiss": [year, council, superseded.pk],
        "area": [year, council, area],
        "council_answer": [year, council, area],
        "access_decide": [AccessRequest.objects.get(council=ret.council).pk],
    }.get(name)
    if args is None:
        args = [] if name in PUBLIC | SIGNED_IN else [year, council]
    from django.urls import reverse

    return reverse(f"progress:{name}", args=args)


def test_the_list_of_urls_is_complete():
    assert set(progress_url_names()) == PUBLIC | SIGNED_IN | {
        "return",
        "colleagues",
        "submit",
        "reopen",
        "results",
        "results_csv",
        "print",
        "dismiss",
        "area",
        "council_answer",
        "access_decide",
    }


@pytest.mark.parametrize("name", progress_url_names())
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_users_are_refused(client, secret, medway, name, method):
    response = getattr(client, method)(url_for(name, medway, secret))
    body = response.content.decode(errors="replace")
    assert SECRET not in body
    if name not in PUBLIC:
        assert response.status_code == 302
        assert response["Location"].startswith("/check-your-progress/self-assessment/sign-in/")


@pytest.mark.parametrize("name", progress_url_names())
@pytest.mark.parametrize("method", ["get", "post"])
def test_officers_of_other_councils_are_refused(client, secret, medway, adur, name, method):
    client.force_login(lead_of(adur))
    response = getattr(client, method)(url_for(name, medway, secret))
    body = response.content.decode(errors="replace")
    assert SECRET not in body
    assert "Medway" not in body or name in PUBLIC | SIGNED_IN
    if name not in PUBLIC | SIGNED_IN:
        assert response.status_code == 404
    medway.refresh_from_db()
    assert medway.status == "draft"
    assert Answer.objects.filter(return_obj=medway).count() == 2


# What the lead officer and a manager get from each of the return's pages: every one is a page
# (a manager's key-area page is the council's answer and the spread), never a redirect.
OWN_RETURN_STATUS = {
    "return": 200,
    "colleagues": 200,
    "submit": 200,
    "results": 200,
    "results_csv": 200,
    "print": 200,
    "area": 200,
    "council_answer": 200,
    "access_decide": 200,
}


def test_every_page_of_the_return_has_an_expected_status():
    assert set(OWN_RETURN_STATUS) == set(progress_url_names()) - PUBLIC - SIGNED_IN - {
        "dismiss",
        "reopen",
    }


@pytest.mark.parametrize("name", sorted(OWN_RETURN_STATUS))
def test_own_council_and_managers_see_the_return(client, secret, medway, manager, name):
    # Only the lead officer submits; a manager reads everything else.
    for user in [lead_of(medway), manager][: 1 if name == "submit" else 2]:
        client.force_login(user)
        response = client.get(url_for(name, medway, secret))
        assert response.status_code == OWN_RETURN_STATUS[name], (user, name, response.status_code)
        assert "/sign-in/" not in response.get("Location", ""), (user, name)
        assert "no-store" in response.get("Cache-Control", ""), (user, name)


def test_only_a_manager_reopens(client, secret, medway, manager):
    from progress.enums import ReturnStatus

    medway.status = ReturnStatus.SUBMITTED
    medway.save()
    client.force_login(lead_of(medway))
    assert client.post(url_for("reopen", medway, secret)).status_code == 404
    medway.refresh_from_db()
    assert medway.status == ReturnStatus.SUBMITTED
    client.force_login(manager)
    assert client.post(url_for("reopen", medway, secret)).status_code == 302
    medway.refresh_from_db()
    assert medway.status == ReturnStatus.DRAFT and medway.reopened_by == manager


def test_a_colleague_cannot_set_the_councils_answer_or_invite(client, secret, medway):
    colleague = medway.respondents.get(role=Role.COLLEAGUE).user
    client.force_login(colleague)
    area = medway.cycle.areas().first().slug
    response = client.post(
        medway.url("council_answer", area),
        {"current_level": 5, "target_level": 5, "version": 99},
    )
    assert response.status_code == 404
    assert (
        client.post(medway.url("colleagues"), {"email": "x@y.z", "department": "X"}).status_code
        == 404
    )
    assert client.get(medway.url("submit")).status_code == 404


def test_the_services_hold_the_lead_officers_rules(secret, medway, manager):
    """Whoever calls them, only the lead sets the council's answer, invites and submits."""
    from progress.services import NotAllowed, invitation_create, return_reopen, return_submit

    colleague = medway.respondents.get(role=Role.COLLEAGUE).user
    area = medway.cycle.areas().first()
    values = {"current_level": 5, "target_level": 5, "comment": "", "evidence": ""}
    for user in [colleague, manager]:
        with pytest.raises(NotAllowed, match="set the council's answer"):
            answer_save(medway, area, "", values, 99, user)
        with pytest.raises(NotAllowed, match="invite colleagues"):
            invitation_create(medway, user, "x@medway.gov.uk", "X", "/sign-in/")
        with pytest.raises(NotAllowed, match="submit the return"):
            return_submit(medway, user)
    with pytest.raises(NotAllowed, match="Only a manager"):
        return_reopen(medway, lead_of(medway))
    council = Answer.objects.council().get(return_obj=medway)
    assert (council.current_level, council.comment) == (2, SECRET)
    assert not medway.invitations.exists()
    medway.refresh_from_db()
    assert medway.status == "draft"


def test_a_colleague_posting_a_bad_form_for_the_councils_answer_is_refused(client, secret, medway):
    client.force_login(medway.respondents.get(role=Role.COLLEAGUE).user)
    area = medway.cycle.areas().first().slug
    assert client.post(medway.url("council_answer", area), {}).status_code == 404
    assert client.post(medway.url("colleagues"), {}).status_code == 404
