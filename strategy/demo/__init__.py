"""Demo content for the guidance side: strategy editions, category strategies, toolkits and
resources. The content is in the TOML files beside this file; figures come from
domain.md and are cited, invented ones say so."""

import datetime

from django.apps import apps
from django.utils import timezone

from hub.demo.kit import DemoContext, load_file, read_data
from hub.models import Guidance, Team


# The 2022 edition's own key areas are not confirmed; its pages show the 2018 list.
UNCONFIRMED_KEY_AREAS = {"2022"}


def page_kind(row: dict) -> str | None:
    """The kind of an edition's page (theme, key_area or enabler); None outside an edition."""
    parts = row["parent"].strip("/").split("/")
    if parts[0] != "strategy" or len(parts) < 2:
        return None
    if row["model"] == "strategy.ThemePage":
        return "theme"
    if row["model"] == "strategy.KeyAreaPage":
        return "enabler" if parts[-1] == "enablers" else "key_area"
    return None


def key_area_lead(parent: str, kind: str) -> str:
    """A key area page's lead, from where it sits: it must not repeat "What it is"."""
    _, year, theme = parent.strip("/").split("/")
    theme_name = theme.replace("-", " ").capitalize()
    if kind == "enabler":
        place = f"An enabler in the {year} edition"
    elif year in UNCONFIRMED_KEY_AREAS:
        place = (
            f"A key area under “{theme_name}” as listed in the 2018 edition (the {year} list is "
            "not confirmed)"
        )
    else:
        place = f"A key area under “{theme_name}” in the {year} edition"
    return f"{place}: what it covers, why it matters and what each maturity level looks like."


def strategy_rows(editions: dict, text: dict):
    """Completes a strategy page row: its edition's shared fields, and a key area's own text."""

    def prepare(row: dict) -> dict:
        row = dict(row)
        kind = page_kind(row)
        if kind is None:
            return row
        year = row["parent"].strip("/").split("/")[1]
        for name, value in editions.get(year, {}).get(kind, {}).items():
            row.setdefault(name, value)
        if kind in ("key_area", "enabler"):
            what, why, levels = (text[row["slug"]][k] for k in ("what", "why", "levels"))
            row.setdefault("summary", key_area_lead(row["parent"], kind))
            row.setdefault("what_it_is", f"<p>{what}</p>")
            row.setdefault("why_it_matters", f"<p>{why}</p>")
            row.setdefault(
                "maturity_descriptors",
                [
                    {"type": "descriptor", "level": n, "descriptor": descriptor}
                    for n, descriptor in enumerate(levels, start=1)
                ],
            )
        return row

    return prepare


def outlined(notes: dict):
    """Completes a toolkit page row that only outlines its topic with the note that says so."""

    def prepare(row: dict) -> dict:
        row = dict(row)
        if kind := row.pop("outline", None):
            row.setdefault("body", [{"type": "inset_text", "text": notes[kind]}])
        return row

    return prepare


# Owning teams, illustrative like the organisation's other details (example.org is reserved).
TEAMS = {
    "guidance": ("Strategy and guidance team (illustrative)", "guidance-team@example.org"),
    "act": ("Procurement Act team (illustrative)", "act-team@example.org"),
}
# Legal guidance is checked more often than the rest.
REVIEW_AFTER = {"guidance": datetime.timedelta(days=365), "act": datetime.timedelta(days=90)}


def owned(prepare=None):
    """Completes a guidance page row with its owning team and review date.

    Applied when a page is created; an existing page keeps what its editors set. The demo writes
    no change notes: a note would be dated by the load, and no page shows a date the load made.
    """
    teams = {
        key: Team.objects.get_or_create(name=name, defaults={"email": email})[0]
        for key, (name, email) in TEAMS.items()
    }
    today = timezone.localdate()

    def complete(row: dict) -> dict:
        row = prepare(row) if prepare else dict(row)
        if not issubclass(apps.get_model(row["model"]), Guidance):
            return row
        path = row["parent"] + row["slug"] + "/"
        team = "act" if path.startswith("/toolkits/procurement-act-2023/") else "guidance"
        row.setdefault("owning_team", teams[team])
        row.setdefault("review_date", today + REVIEW_AFTER[team])
        return row

    return complete


def load(ctx: DemoContext) -> None:
    """The guidance side, with sections created in the order of the main navigation."""
    data = read_data(__name__, "strategy")
    rows = strategy_rows(data["editions"], data["key_area_text"])
    load_file(ctx, __name__, "strategy", prepare=owned(rows))
    load_file(ctx, __name__, "category_strategies", prepare=owned())
    notes = read_data(__name__, "toolkits")["outline_notes"]
    load_file(ctx, __name__, "toolkits", prepare=owned(outlined(notes)))
    load_file(ctx, __name__, "resources", prepare=owned())
