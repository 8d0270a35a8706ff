import datetime

import pytest

from django.urls import reverse

from hub.models import Council


pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 30)


def test_register_loads_every_english_authority():
    """380 authorities from the register, 332 of them current on 30 November 2026."""
    register = Council.objects.exclude(gss_code="")
    assert register.count() == 380
    assert register.current(on=TODAY).count() == 332
    assert register.filter(region__isnull=True).count() == 0


def test_ended_authority_keeps_its_successor_and_region():
    copeland = Council.objects.get(gss_code="E07000029")
    assert copeland.name == "Copeland Borough Council"
    assert copeland.end_date == datetime.date(2023, 4, 1)
    assert copeland.replaced_by.gss_code == "E06000063"
    assert copeland in Council.objects.ended(on=TODAY)
    # The register gives Poole no region; it takes Bournemouth, Christchurch and Poole's.
    poole = Council.objects.get(gss_code="E06000029")
    assert poole.region.name == "South West"
    assert poole.council_type.slug == "unitary-authority"


def test_combined_authority_links_its_constituents():
    gmca = Council.objects.get(gss_code="E47000001")
    assert gmca.council_type.name == "Combined authority"
    assert Council.objects.get(gss_code="E08000001").combined_authority == gmca
    assert gmca.constituent_councils.count() == 10


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(user)
    return client


def form_data(council, **changes):
    data = {
        "name": council.name,
        "short_name": council.short_name,
        "slug": council.slug,
        "council_type": council.council_type_id or "",
        "region": council.region_id or "",
        "gss_code": council.gss_code,
        "register_code": council.register_code,
        "combined_authority": council.combined_authority_id or "",
        "start_date": council.start_date or "",
        "end_date": council.end_date or "",
        "replaced_by": council.replaced_by_id or "",
    }
    return {**data, **changes}


def test_editor_renames_and_ends_an_authority(admin_client):
    adur = Council.objects.get(gss_code="E07000223")
    worthing = Council.objects.get(gss_code="E07000229")
    url = reverse("wagtailsnippets_hub_council:edit", args=[adur.pk])
    response = admin_client.post(
        url,
        form_data(
            adur,
            name="Adur and Worthing Council",
            end_date="2026-04-01",
            replaced_by=worthing.pk,
        ),
    )
    assert response.status_code == 302
    adur.refresh_from_db()
    assert adur.name == "Adur and Worthing Council"
    assert adur.has_ended and adur.replaced_by == worthing
    assert adur not in Council.objects.current()


def test_editor_adds_an_authority_but_not_a_duplicate_gss_code(admin_client):
    url = reverse("wagtailsnippets_hub_council:add")
    blank = Council(name="", slug="")
    response = admin_client.post(
        url, form_data(blank, name="Duplicate", slug="duplicate", gss_code="E07000223")
    )
    assert response.status_code == 200
    assert "Another council already has this GSS code." in response.content.decode()
    response = admin_client.post(
        url,
        form_data(blank, name="New Council", slug="new-council", gss_code="E06000099"),
    )
    assert response.status_code == 302
    assert Council.objects.get(gss_code="E06000099").name == "New Council"
