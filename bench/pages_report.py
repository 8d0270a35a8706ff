"""The table bench/pages.sh prints: each page uncached and cached, as multiples of the floor.

python bench/pages_report.py LOAD_TSV PAGECOST_JSON DB "label|path"...
"""

import csv
import json
import statistics
import sys


# Goal for each page uncached, as a multiple of the floor's CPU ms per request (issue 12).
GOALS = {
    "home": 36,
    "key area": 25,
    "category strategy": 30,
    "case study": 30,
    "case-study finder": 45,
    "finder, theme + sort": 45,
    "resources": 45,
    "consultation": 25,
    "search": 54,
}
CACHED_GOAL = 2
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


def cell(rows, floor_ms):
    """CPU ms (× floor), req/s, p50/p99 of one page's runs."""
    if not rows:
        return ["–"] * 3
    cpu = median(rows, "srv")
    db = median(rows, "db")
    cpu_text = f"{cpu:.2f} ({cpu / floor_ms:.1f}×)" if cpu and floor_ms else "–"
    if db:
        cpu_text += f" + db {db:.2f}"
    latency = f"{median(rows, 'p50'):.0f} / {median(rows, 'p99'):.0f}"
    errors = sum(int(row["non2xx"]) + int(row["sockerr"]) for row in rows)
    rps = f"{median(rows, 'rps'):.0f}" + (f" ({errors} errors)" if errors else "")
    return [cpu_text, rps, latency]


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
    out(f"{median(floor_rows, 'rps'):.0f} req/s, {len(floor_rows)} runs.\n\n")
    out("| page | goal uncached | uncached CPU ms | req/s | p50 / p99 ms | queries | HTML KB ")
    out("| cached CPU ms | req/s | p50 / p99 ms |\n")
    out("|---|---|---|---|---|---|---|---|---|---|\n")
    for page in pages:
        label, path = page.split("|", 1)
        cost = costs.get(path, {})
        uncached = cell(runs(rows, f"{db} uncached", path), floor_ms)
        cached = cell(runs(rows, f"{db} cached", path), floor_ms)
        queries = cost.get("queries_warm", "–")
        html = f"{cost['html_bytes'] / 1024:.1f}" if cost else "–"
        goal = f"≤ {GOALS[label]}×" if label in GOALS else "–"
        out(f"| {label} | {goal} | {uncached[0]} | {uncached[1]} | {uncached[2]} | {queries} ")
        out(f"| {html} | {cached[0]} | {cached[1]} | {cached[2]} |\n")
    out(f"\nGoal cached: ≤ {CACHED_GOAL}× the floor.\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:])
