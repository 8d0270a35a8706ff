"""Demo content for the guidance side: strategy editions, findings, category strategies,
toolkits and resources. The content is in the TOML files beside this file; figures come from
domain.md and are cited, invented ones say so."""

from hub.demo.kit import DemoContext, load_file, read_data


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


def load(ctx: DemoContext) -> None:
    """The guidance side, with sections created in the order of the main navigation."""
    data = read_data(__name__, "strategy")
    load_file(
        ctx, __name__, "strategy", prepare=strategy_rows(data["editions"], data["key_area_text"])
    )
    for name in ("progress", "category_strategies"):
        load_file(ctx, __name__, name)
    notes = read_data(__name__, "toolkits")["outline_notes"]
    load_file(ctx, __name__, "toolkits", prepare=outlined(notes))
    load_file(ctx, __name__, "resources")
