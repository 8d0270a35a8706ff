"""Fictional councils could exist: each has a type and region that English councils really have."""

import csv
import importlib
from pathlib import Path

import pytest

from django.conf import settings
from django.utils.text import slugify

from casestudies.models import CaseStudyPage
from consultations.models import Comment
from hub.models import Council


pytestmark = pytest.mark.django_db

REGISTER = Path(settings.BASE_DIR) / "hub" / "data" / "english-local-authorities.csv"
# The register's types as the hub files them, as the migration that loads the register does.
COUNCIL_TYPES = importlib.import_module(
    "hub.migrations.0004_load_english_local_authorities"
).COUNCIL_TYPES


def real_combinations() -> set[tuple[str, str]]:
    """Every (council type slug, region slug) pair an English council has, past or present."""
    with REGISTER.open(newline="", encoding="utf-8") as handle:
        return {
            (COUNCIL_TYPES[row["type"]][0], slugify(row["region"]))
            for row in csv.DictReader(handle)
            if row["region"]
        }


def test_every_fictional_council_takes_a_type_and_region_found_in_the_register(demo_site):
    real = real_combinations()
    assert ("district-council", "south-east") in real
    assert ("metropolitan-borough", "east-of-england") not in real
    fictional = Council.objects.filter(is_illustrative=True).select_related(
        "council_type", "region"
    )
    assert fictional.count() >= 10
    impossible = [
        f"{c.name}: {c.council_type} in {c.region}"
        for c in fictional
        if (c.council_type.slug, c.region.slug) not in real
    ]
    assert not impossible, "\n".join(impossible)


def test_fictional_councils_keep_example_addresses(demo_site):
    for page in CaseStudyPage.objects.filter(lead_council__is_illustrative=True):
        domain = page.contact_email.rpartition("@")[2]
        assert not page.contact_email or domain.endswith(".example"), page.contact_email
    for comment in Comment.objects.filter(council__is_illustrative=True):
        assert comment.email.endswith(".example"), comment.email
