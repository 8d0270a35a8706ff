"""The Act rules as open data: JSON and CSV at stable addresses, every version of every rule."""

import csv
import io
import json

from django.urls import reverse

from hub.exports import spreadsheet_safe
from strategy.act.rules import LICENCE, LICENCE_URL, data_version
from strategy.models.act import GlossaryTerm, MinimumPeriod, Notice, ValueLine


RULE_COLUMNS = ["key", "effective_from", "section", "source_url", "standing", "source_note"]
TABLES = {
    "thresholds": (
        ValueLine,
        ["kind", "label", "amount", "comparison", *RULE_COLUMNS],
        "Thresholds (both sets), the notifiable below-threshold lines and the KPI duty line",
    ),
    "minimum-periods": (
        MinimumPeriod,
        ["table", "circumstance", "days", *RULE_COLUMNS],
        "Every row of the two s.54 tables (days blank: no minimum period)",
    ),
    "notices": (
        Notice,
        [
            "code",
            "code_standing",
            "name",
            "status",
            "applies_when",
            "timing",
            "contents",
            "below_threshold",
            *RULE_COLUMNS,
        ],
        "The notice catalogue",
    ),
    "glossary": (
        GlossaryTerm,
        ["term", "slug", "definition", "section", "source_url", "standing"],
        "The glossary",
    ),
}
FILES = {name: description for name, (_, _, description) in TABLES.items()}


def value(row, column):
    """A cell as open data: dates as ISO 8601, amounts as plain numbers."""
    v = getattr(row, column)
    if column == "effective_from":
        return v.isoformat()
    if column == "amount":
        return str(int(v)) if v == v.to_integral() else f"{v:.2f}"
    return v


def table_rows(name: str) -> list[dict]:
    """Every row of one table, in a fixed order."""
    model, columns, _ = TABLES[name]
    order = ["term"] if model is GlossaryTerm else ["sort_order", "key", "effective_from"]
    return [{c: value(row, c) for c in columns} for row in model.objects.order_by(*order)]


def as_json(request=None) -> str:
    """The whole data set with its version and licence."""
    document = {
        "title": "Procurement Act 2023 rules used by the Procurement Knowledge Hub's tools",
        "data_version": data_version(),
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "note": "Guidance, not legal advice. Each rule applies from its effective_from date; "
        "for a date, use the row of each key with the latest effective_from on or before it.",
        "standing": {
            "verified": "read in the cited source",
            "partly-verified": "one weak or secondary source only",
        },
        "csv": {name: reverse("act:data_csv", args=[name]) for name in TABLES},
    }
    for name in TABLES:
        document[name.replace("-", "_")] = table_rows(name)
    return json.dumps(document, indent=2, ensure_ascii=False)


def as_csv(name: str) -> str:
    """One table as CSV, cells that a spreadsheet would run as formulas written as text."""
    _, columns, _ = TABLES[name]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in table_rows(name):
        writer.writerow({k: spreadsheet_safe("" if v is None else v) for k, v in row.items()})
    return out.getvalue()
