import uuid

import pytest

from django.contrib.auth.models import Group
from django.utils import timezone

from hub.models import Council, CouncilDomain, DomainStatus
from hub.roles import SELF_ASSESSMENT_MANAGERS
from progress.enums import Access, Role
from progress.models import Cycle, Respondent, Return, SignInLink
from tests.factories import KeyAreaFactory, ThemeFactory


MANAGERS = SELF_ASSESSMENT_MANAGERS


@pytest.fixture(autouse=True)
def empty_cache():
    """Sign-in link limits count in the cache; each test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def cycle(db):
    """A 2026 cycle asking about three key areas under one theme."""
    theme = ThemeFactory(name="Showing leadership", slug="showing-leadership")
    cycle = Cycle.objects.create(year=2026)
    cycle.key_areas.set(
        [
            KeyAreaFactory(theme=theme, name=name, slug=slug, sort_order=order)
            for order, (slug, name) in enumerate(
                [
                    ("engaging-councillors", "Engaging councillors"),
                    ("working-with-partners", "Working with partners"),
                    ("engaging-suppliers", "Engaging suppliers"),
                ]
            )
        ]
    )
    return cycle


@pytest.fixture
def officer(django_user_model):
    """A user signed in by email link, with a department on a return.

    A respondent made here is verified for the council (access), as if at a confirmed domain.
    """

    def make(email, ret=None, role=Role.COLLEAGUE, department="Procurement", access=Access.DOMAIN):
        user = django_user_model.objects.create_user(email, email)
        SignInLink.objects.create(
            email=email.lower(), token_hash=uuid.uuid4().hex, used_at=timezone.now()
        )
        if ret is not None:
            Respondent.objects.create(
                return_obj=ret, user=user, role=role, department=department, access=access
            )
        return user

    return make


@pytest.fixture
def medway_domain(db):
    """medway.gov.uk confirmed for Medway, so its officers start and join its return."""
    return CouncilDomain.objects.filter(
        council__gss_code="E06000035", domain="medway.gov.uk"
    ).update(status=DomainStatus.CONFIRMED)


@pytest.fixture
def medway(cycle, officer):
    """Medway's 2026 return with a lead officer in Procurement."""
    ret = Return.objects.create(cycle=cycle, council=Council.objects.get(gss_code="E06000035"))
    officer("lead@medway.gov.uk", ret, Role.LEAD)
    return ret


@pytest.fixture
def adur(cycle, officer):
    """Adur's 2026 return with its own lead officer."""
    ret = Return.objects.create(cycle=cycle, council=Council.objects.get(gss_code="E07000223"))
    officer("lead@adur.gov.uk", ret, Role.LEAD)
    return ret


@pytest.fixture
def manager(django_user_model):
    user = django_user_model.objects.create_user("manager@local.gov.uk", "manager@local.gov.uk")
    user.groups.add(Group.objects.get(name=MANAGERS))
    return user


def lead_of(ret):
    return ret.respondents.get(role=Role.LEAD).user
