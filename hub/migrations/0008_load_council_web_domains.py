"""Suggest each council's web domain (hub/data/council-web-domains.csv) as its email domain.

Suggestions only: a manager confirms them in the admin. A council and domain already known, in
any status, are left as they are, so loading again never undoes a manager's confirmation or
removal and never suggests a removed domain a second time.
"""

import csv
from pathlib import Path

from django.db import migrations


DATA = Path(__file__).resolve().parent.parent / "data" / "council-web-domains.csv"


def load(apps, schema_editor):
    Council = apps.get_model("hub", "Council")
    CouncilDomain = apps.get_model("hub", "CouncilDomain")
    with DATA.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    councils = dict(
        Council.objects.filter(gss_code__in=[row["gss_code"] for row in rows]).values_list(
            "gss_code", "pk"
        )
    )
    known = set(CouncilDomain.objects.values_list("council_id", "domain"))
    new = []
    for row in rows:
        key = (councils.get(row["gss_code"]), row["web_domain"].strip().lower())
        if key[0] is None or key in known:
            continue
        known.add(key)
        new.append(
            CouncilDomain(council_id=key[0], domain=key[1], status="suggested", source="register")
        )
    CouncilDomain.objects.bulk_create(new)

class Migration(migrations.Migration):
    dependencies = [("hub", "0007_council_domains")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
