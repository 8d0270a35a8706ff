"""The table bench/pages.sh prints: each page cold, warm and cached, as multiples of the floor.

python bench/pages_report.py LOAD_TSV PAGECOST_JSON DB "label|path"...
"""

import csv
import json
import statistics
import sys


# Goals (issue 17) as multiples of the floor's CPU ms per request: cold (nothing cached, as just
# after a publish), warm (remembered parts, a visitor with a cookie), cached.
GOALS = {
    "home": (90, 25, 2),
    "key area": (43, 25, 2),
    "category strategy": (43, 25, 2),
    "case study": (43, 25, 2),
    "case-study finder": (57, 25, 2),
    "finder, theme + sort": (57, 25, 2),
    "resources": (68, 25, 2),
    "consultation": (43, 25, 2),
    "search": (80, 40, 2),
}
KINDS = ("cold", "warm", "cached")
CACHED_P99_MS = 50
# The columns of loadtest.sh's TSV lines.
COLUMNS = ["when", "label", "base", "path", "run", "cfg", "rps"]
COLUMNS += ["p50", "p90", "p99", "max", "non2xx", "sockerr", "kb", "srv", "db"]


def number(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def runs(rows, label, path):
    """The measured runs of one path under one label."""
    return [row for row in rows if row["label"] == label and row["path"] == path]


def median(rows, column):
    values = [v for row in rows if (v := number(row[column])) is not None]
    return statistics.median(values) if values else None


def cell(rows, floor_ms, goal):
    """CPU ms (× floor, against the goal), req/s, p50/p99 of one page's runs."""
    if not rows:
        return "–"
    cpu, db = median(rows, "srv"), median(rows, "db")
    text = "–"
    if cpu and floor_ms:
        multiple = cpu / floor_ms
        mark = "" if multiple <= goal else " **over**"
        text = f"{cpu:.2f} ({multiple:.1f}× ≤ {goal}×{mark})"
    if db:
        text += f" + db {db:.2f}"
    errors = sum(int(row["non2xx"]) + int(row["sockerr"]) for row in rows)
    text += f", {median(rows, 'rps'):.0f}/s, {median(rows, 'p50'):.0f}/{median(rows, 'p99'):.0f} ms"
    return text + (f", {errors} errors" if errors else "")


def main(tsv: str, pagecost: str, db: str, pages: list[str]) -> None:
    with open(tsv) as file:
        rows = [dict(zip(COLUMNS, line, strict=False)) for line in csv.reader(file, delimiter="\t")]
    with open(pagecost) as file:
        costs = {page["path"]: page for page in json.load(file)["pages"]}
    floor_rows = runs(rows, f"{db} floor", "/__floor__/")
    floor_ms = median(floor_rows, "srv")
    out = sys.stdout.write
    out(f"\n## {db}: server CPU ms per request (× the floor's, same run)\n\n")
    out(f"Floor (bare Django view, 20 KB): {floor_ms:.3f} ms CPU/request, ")
    out(f"{median(floor_rows, 'rps'):.0f} req/s, {len(floor_rows)} runs.\n")
    out("Each cell: CPU ms (multiple ≤ goal), req/s, p50/p99 ms at 16 connections.\n\n")
    out("| page | queries | HTML KB | cold | warm | cached |\n|---|---|---|---|---|---|\n")
    for page in pages:
        label, path = page.split("|", 1)
        cost = costs.get(path, {})
        cells = [
            cell(runs(rows, f"{db} {kind}", path), floor_ms, goal)
            for kind, goal in zip(KINDS, GOALS[label], strict=True)
        ]
        queries = cost.get("queries_warm", "–")
        html = f"{cost['html_bytes'] / 1024:.1f}" if cost else "–"
        out(f"| {label} | {queries} | {html} | {' | '.join(cells)} |\n")
    out(f"\nCached pages also need p99 ≤ {CACHED_P99_MS} ms at 16 connections.\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:])
