"""Demo content for the guidance side: strategy editions, findings, category strategies,
toolkits and resources. The content is in the TOML files beside this file; figures come from
domain.md and are cited, invented ones say so."""

from hub.demo.kit import DemoContext, load_file, read_data


def key_area_lead(parent: str) -> str:
    """A key area page's lead, from where it sits: it must not repeat "What it is"."""
    _, year, theme = parent.strip("/").split("/")
    place = (
        f"An enabler in the {year} edition"
        if theme == "enablers"
        else f"A key area under “{theme.replace('-', ' ').capitalize()}” in the {year} edition"
    )
    return f"{place}: what it covers, why it matters and what each maturity level looks like."


def key_area_text(text: dict):
    """Completes a key-area page row with its text, declared once for every edition."""

    def prepare(row: dict) -> dict:
        row = dict(row)
        if row["model"] == "strategy.KeyAreaPage":
            what, why, levels = (text[row["slug"]][k] for k in ("what", "why", "levels"))
            row.setdefault("summary", key_area_lead(row["parent"]))
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


def load(ctx: DemoContext) -> None:
    """The guidance side, with sections created in the order of the main navigation."""
    text = read_data(__name__, "strategy")["key_area_text"]
    load_file(ctx, __name__, "strategy", prepare=key_area_text(text))
    for name in ("progress", "category_strategies", "toolkits", "resources"):
        load_file(ctx, __name__, name)
