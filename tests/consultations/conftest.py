import re
import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from consultations.forms import form_token
from tests.consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from tests.factories import CouncilFactory
from tests.strategy.factories import CategoryStrategyIndexPageFactory, CategoryStrategyPageFactory


@pytest.fixture
def index(home):
    """The consultation listing under the home page."""
    return ConsultationIndexPageFactory(parent=home)


@pytest.fixture
def draft(home):
    """A live draft category strategy with three numbered sections."""
    strategies = CategoryStrategyIndexPageFactory(parent=home)
    page = CategoryStrategyPageFactory(parent=strategies, slug="construction-2026", draft=True)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def consultation(index, draft):
    """Open 1 June 2026, closes on 30 June 2026 (BST), about the draft."""
    page = ConsultationPageFactory(parent=index, slug="construction", strategy=draft)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def council(db):
    return CouncilFactory(name="Northmoor County Council", slug="northmoor")


@pytest.fixture(params=["Europe/London", "UTC"], ids=["server-tz-london", "server-tz-utc"])
def server_tz(request, settings, monkeypatch):
    """Run the test with the server process (and Django) in London time, then in UTC."""
    settings.TIME_ZONE = request.param
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def clock():
    """A stopped clock the test moves by hand; starts mid-consultation."""
    with time_machine.travel(datetime(2026, 6, 15, 10, 0, tzinfo=UTC), tick=False) as traveller:
        yield traveller


def form_data(council=None, **overrides) -> dict:
    """A complete, valid comment form as the browser would post it, signed now."""
    submission_id = uuid.uuid4()
    data = {
        "name": "Priya Shah",
        "email": "priya.shah@northmoor.gov.uk",
        "organisation": str(council.pk) if council else "other",
        "organisation_other": "" if council else "Northmoor Schools Trust",
        "role": "Head of procurement",
        "response_type": "official",
        "section": "whole",
        "text": "The pipeline section should cover districts too.",
        "website": "",
        "submission_id": str(submission_id),
        "form_token": form_token(submission_id),
    }
    data.update(overrides)
    return data


def respond_url(consultation) -> str:
    return consultation.url + "respond/"


def post_comment(client, consultation, clock, data, wait=timedelta(seconds=30), **extra):
    """Post the form as if the person spent `wait` filling it in."""
    clock.shift(wait)
    return client.post(respond_url(consultation), data, **extra)


REFERENCE = re.compile(r"HUB-\d\d-[0-9A-Z]{4}-[0-9A-Z]{4}")


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate-limit counters live in the cache; each test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
