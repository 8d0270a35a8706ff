"""Council domains: loaded from the register as suggestions, confirmed by hub managers."""

import csv
import importlib
from pathlib import Path

import pytest

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from hub.models import Council, CouncilDomain, DomainSource, DomainStatus, ManagerVerification
from hub.roles import EDITORS, HUB_MANAGERS
from hub.verification import (
    address_verified_for,
    councils_for_address,
    domain_confirm,
    domain_remove,
    domains_take_over,
)


pytestmark = pytest.mark.django_db

CSV = Path(__file__).resolve().parents[2] / "hub" / "data" / "council-web-domains.csv"
LOADER = "hub.migrations.0008_load_council_web_domains"


def council(gss_code):
    return Council.objects.get(gss_code=gss_code)


def domain(gss_code, name):
    return CouncilDomain.objects.get(council__gss_code=gss_code, domain=name)


@pytest.fixture
def manager(django_user_model):
    user = django_user_model.objects.create_user("manager", "manager@example.org", "pw")
    user.groups.add(Group.objects.get(name=HUB_MANAGERS))
    return user


def test_migration_loads_every_row_as_a_suggestion():
    with CSV.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 363
    loaded = CouncilDomain.objects.filter(source=DomainSource.REGISTER)
    assert loaded.count() == len(rows)
    assert set(loaded.values_list("council__gss_code", "domain")) == {
        (row["gss_code"], row["web_domain"]) for row in rows
    }
    assert set(loaded.values_list("status", flat=True)) == {DomainStatus.SUGGESTED}
    # Shared services: one domain, two councils.
    assert set(
        loaded.filter(domain="adur-worthing.gov.uk").values_list("council__name", flat=True)
    ) == {"Adur District Council", "Worthing Borough Council"}


def test_managers_changes_survive_the_next_migrate(manager):
    kent = council("E10000016")
    confirmed = domain("E10000016", "kent.gov.uk")
    domain_confirm(confirmed, manager)
    removed = domain("E07000223", "adur-worthing.gov.uk")
    domain_remove(removed)
    added = CouncilDomain.objects.create(
        council=kent, domain="kent.example", status=DomainStatus.CONFIRMED
    )
    before = set(CouncilDomain.objects.values_list("pk", "council_id", "domain", "status"))

    call_command("migrate", verbosity=0)
    # Loading the register again, as a later migration with a newer file would.
    state = MigrationExecutor(connection).loader.project_state(
        ("hub", "0008_load_council_web_domains")
    )
    importlib.import_module(LOADER).load(state.apps, None)

    after = set(CouncilDomain.objects.values_list("pk", "council_id", "domain", "status"))
    assert after == before
    confirmed.refresh_from_db()
    assert confirmed.status == DomainStatus.CONFIRMED and confirmed.confirmed_by == manager
    assert CouncilDomain.objects.get(pk=removed.pk).status == DomainStatus.REMOVED
    assert CouncilDomain.objects.filter(pk=added.pk).exists()


def test_only_confirmed_domains_verify():
    kent = council("E10000016")
    assert not address_verified_for(kent, "jo@kent.gov.uk")
    domain_confirm(domain("E10000016", "kent.gov.uk"), None)
    assert address_verified_for(kent, "jo@kent.gov.uk")
    assert address_verified_for(kent, "jo@procurement.kent.gov.uk")
    assert not address_verified_for(kent, "jo@kent.gov.uk.example.com")
    assert not address_verified_for(kent, "jo+leader@kent.gov.uk")
    assert not address_verified_for(council("E06000035"), "jo@kent.gov.uk")  # Medway
    assert list(councils_for_address("jo@procurement.kent.gov.uk")) == [kent]


def test_shared_domain_verifies_for_both_councils():
    for gss_code in ("E07000223", "E07000229"):
        domain_confirm(domain(gss_code, "adur-worthing.gov.uk"), None)
    found = councils_for_address("jo@adur-worthing.gov.uk")
    assert set(found.values_list("name", flat=True)) == {
        "Adur District Council",
        "Worthing Borough Council",
    }
    # Removing it from one leaves the other.
    domain_remove(domain("E07000223", "adur-worthing.gov.uk"))
    assert list(councils_for_address("jo@adur-worthing.gov.uk")) == [council("E07000229")]


def test_successor_takes_over_its_predecessors_domains(manager):
    cumberland = council("E06000063")
    domain_remove(domain("E07000029", "copeland.gov.uk"))  # not Copeland's after all
    CouncilDomain.objects.create(council=cumberland, domain="carlisle.gov.uk", status="removed")

    taken = domains_take_over(cumberland, manager)

    assert [d.domain for d in taken] == ["allerdale.gov.uk"]
    assert taken[0].confirmed_by == manager and taken[0].source == DomainSource.PREDECESSOR
    assert address_verified_for(cumberland, "jo@allerdale.gov.uk")
    # What a manager removed stays removed, on the predecessor or the successor.
    assert not address_verified_for(cumberland, "jo@copeland.gov.uk")
    assert not address_verified_for(cumberland, "jo@carlisle.gov.uk")
    assert domains_take_over(cumberland, manager) == []


def test_manager_verifies_one_person_for_a_council_without_domains(client, manager):
    gla = Council.objects.get(name="Greater London Authority")
    assert not gla.domains.exists()
    client.force_login(manager)
    response = client.post(
        reverse("wagtailsnippets_hub_managerverification:add"),
        {"council": gla.pk, "email": "Jo.Bloggs@London.gov.uk", "reason": "Called their office."},
    )
    assert response.status_code == 302
    verification = ManagerVerification.objects.get()
    assert verification.email == "jo.bloggs@london.gov.uk"
    assert verification.verified_by == manager
    assert address_verified_for(gla, "jo.bloggs@london.gov.uk")
    # Only that one person.
    assert not address_verified_for(gla, "someone.else@london.gov.uk")


def test_manager_cannot_hand_verify_where_a_domain_is_confirmed(client, manager):
    kent = council("E10000016")
    domain_confirm(domain("E10000016", "kent.gov.uk"), manager)
    client.force_login(manager)
    response = client.post(
        reverse("wagtailsnippets_hub_managerverification:add"),
        {"council": kent.pk, "email": "jo@gmail.com", "reason": "Says so."},
    )
    assert response.status_code == 200
    assert "has a confirmed domain" in response.content.decode()
    assert not ManagerVerification.objects.exists()


def test_manager_confirms_adds_and_removes_in_the_admin(client, manager):
    client.force_login(manager)
    kent = council("E10000016")
    row = domain("E10000016", "kent.gov.uk")
    list_url = reverse("wagtailsnippets_hub_councildomain:list")
    assert client.get(list_url, {"q": "kent"}).status_code == 200

    edit = reverse("wagtailsnippets_hub_councildomain:edit", args=[row.pk])
    response = client.post(
        edit, {"council": kent.pk, "domain": "kent.gov.uk", "status": "confirmed"}
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.status == DomainStatus.CONFIRMED and row.confirmed_by == manager
    assert row.confirmed_at is not None

    add = reverse("wagtailsnippets_hub_councildomain:add")
    response = client.post(
        add, {"council": kent.pk, "domain": "KENT.example", "status": "confirmed"}
    )
    assert response.status_code == 302
    added = CouncilDomain.objects.get(council=kent, domain="kent.example")
    assert added.source == DomainSource.MANAGER and added.confirmed_by == manager

    response = client.post(edit, {"council": kent.pk, "domain": "kent.gov.uk", "status": "removed"})
    row.refresh_from_db()
    assert row.status == DomainStatus.REMOVED and row.confirmed_by is None


@pytest.mark.parametrize(
    "typed,message",
    [
        ("kent.gov.uk.", "without a trailing dot"),
        ("gov.uk", "shared by many organisations"),
        ("https://www.kent.gov.uk/", "Enter a domain such as"),
    ],
)
def test_bad_domain_is_refused_with_its_reason(client, manager, typed, message):
    client.force_login(manager)
    response = client.post(
        reverse("wagtailsnippets_hub_councildomain:add"),
        {"council": council("E10000016").pk, "domain": typed, "status": "confirmed"},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert f'value="{typed}"' in response.content.decode()  # what was typed is kept


def test_take_over_in_the_admin(client, manager):
    client.force_login(manager)
    url = reverse("hub_domains_take_over")
    assert client.get(url).status_code == 200
    response = client.post(url, {"council": council("E06000063").pk})
    assert response.status_code == 302
    assert address_verified_for(council("E06000063"), "jo@allerdale.gov.uk")
    assert client.post(url, {}).status_code == 200


def test_editors_cannot_manage_domains(client, django_user_model):
    editor = django_user_model.objects.create_user("ed", "ed@example.org", "pw")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    response = client.get(reverse("wagtailsnippets_hub_councildomain:list"))
    assert response.status_code in (302, 403)
    assert client.get(reverse("hub_domains_take_over")).status_code in (302, 403)
