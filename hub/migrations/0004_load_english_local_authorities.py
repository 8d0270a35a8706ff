"""Load the register of English local authorities (hub/data/english-local-authorities.csv)."""

import csv
import datetime
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify


DATA = Path(__file__).resolve().parent.parent / "data" / "english-local-authorities.csv"

# The register's types, filed under the hub's existing council-type vocabulary (slug, name).
COUNCIL_TYPES = {
    "County": ("county-council", "County council"),
    "Non-metropolitan district": ("district-council", "District council"),
    "Unitary authority": ("unitary-authority", "Unitary authority"),
    "Metropolitan district": ("metropolitan-borough", "Metropolitan borough"),
    "London borough": ("london-borough", "London borough"),
    "City corporation": ("city-corporation", "City corporation"),
    "Strategic Regional Authority": ("strategic-regional-authority", "Strategic regional authority"),
    "Combined authority": ("combined-authority", "Combined authority"),
}


def date_or_none(value):
    return datetime.date.fromisoformat(value) if value else None


def load(apps, schema_editor):
    Council = apps.get_model("hub", "Council")
    Region = apps.get_model("hub", "Region")
    CouncilType = apps.get_model("hub", "CouncilType")
    with DATA.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    by_code = {row["code"]: row for row in rows}

    def region_name(row):
        # Ended authorities often have no region; their successor's region is where they were.
        seen = set()
        while row and not row["region"] and row["code"] not in seen:
            seen.add(row["code"])
            row = by_code.get(row["replaced_by_code"])
        return row["region"] if row else ""

    regions, types = {}, {}
    for row in rows:
        name = region_name(row)
        if name and name not in regions:
            regions[name] = Region.objects.get_or_create(
                slug=slugify(name), defaults={"name": name}
            )[0]
        slug, type_name = COUNCIL_TYPES[row["type"]]
        if row["type"] not in types:
            types[row["type"]] = CouncilType.objects.get_or_create(
                slug=slug, defaults={"name": type_name}
            )[0]

    councils = {}
    for row in rows:
        values = {
            "name": row["official_name"],
            "short_name": row["short_name"],
            "register_code": row["code"],
            "council_type": types[row["type"]],
            "region": regions.get(region_name(row)),
            "start_date": date_or_none(row["start_date"]),
            "end_date": date_or_none(row["end_date"]),
        }
        slug = slugify(row["official_name"])
        council = (
            Council.objects.filter(gss_code=row["gss_code"]).first()
            # A council added by hand before the register was loaded, by the same name.
            or Council.objects.filter(slug=slug, gss_code="").first()
        )
        if council is None:
            if Council.objects.filter(slug=slug).exists():
                slug = f"{slug}-{row['gss_code'].lower()}"
            council = Council(slug=slug)
        for field, value in values.items():
            setattr(council, field, value)
        council.gss_code = row["gss_code"]
        council.save()
        councils[row["code"]] = council

    for row in rows:
        council = councils[row["code"]]
        council.replaced_by = councils.get(row["replaced_by_code"])
        council.combined_authority = councils.get(row["combined_authority_code"])
        council.save(update_fields=["replaced_by", "combined_authority"])


class Migration(migrations.Migration):
    dependencies = [("hub", "0003_council_register_fields")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
