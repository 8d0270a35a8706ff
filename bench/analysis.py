"""Analyse responses at scale: flat query counts from 20 to 2,000 comments, and grouping time.

    .venv/bin/python bench/analysis.py [--database-url URL] [--comments 2000]

Builds a throwaway database (SQLite in /tmp by default, or the PostgreSQL database named in the
URL, which it drops and creates: use your own, e.g. postgres://postgres@127.0.0.1:5432/
hub_analysis_bench), one consultation with six themes, then measures the comment list, the
analysis view, the report and the campaign groups page at 20 comments and again at the full
count, and times grouping. Fails (exit 1) if a query count grows or grouping takes 10 s or more.
"""

import argparse
import os
import random
import sys
import time
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SQLITE = "sqlite:////tmp/hub_analysis_bench.sqlite3"
CAMPAIGNS = [
    "We object to the framework lots in section two because small local builders cannot meet "
    "the insurance thresholds and will be shut out of council work for years to come.",
    "Please make social value weighting at least twenty per cent in every construction tender "
    "so that apprenticeships and local jobs are counted properly when contracts are awarded.",
]
WORDS = [
    *("council", "supplier", "contract", "local", "social", "value", "framework", "market"),
    *("small", "firms", "pipeline", "carbon", "training", "apprentices", "procurement", "lots"),
    *("districts", "insurance", "payment", "terms", "tender", "category"),
]
THEMES = ["Small firms", "Social value", "Carbon", "Payment terms", "Pipeline", "Skills"]


def say(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def fresh_database(url: str) -> None:
    """Drop and create the bench database, so every run starts empty."""
    if url.startswith("sqlite"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        return
    import psycopg

    base, name = url.rsplit("/", 1)
    if not name.startswith("hub_analysis"):
        sys.exit("Use a database whose name starts with hub_analysis: it is dropped first.")
    with psycopg.connect(base + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def text_for(n: int, rng: random.Random) -> str:
    if n % 10 < 3:  # copies of two campaigns (two in ten, one in ten), a word or two changed
        base = CAMPAIGNS[0 if n % 10 < 2 else 1]
        return base.replace("council", rng.choice(["council", "councils", "the council"]), 1)
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 60))) + f" ({n})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=SQLITE)
    parser.add_argument("--comments", type=int, default=2000)
    args = parser.parse_args()
    fresh_database(args.database_url)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    return measure(args.comments)


def measure(total: int) -> int:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from consultations.analysis.grouping import groups_suggest
    from consultations.analysis.models import AnalysedComment, Stance
    from consultations.analysis.services import comments_tag, theme_create
    from tests.consultations.analysis import analyst_user, comments_make
    from tests.consultations.factories import (
        ConsultationIndexPageFactory,
        ConsultationPageFactory,
    )
    from tests.factories import CouncilFactory, home_as_default_site
    from tests.strategy.factories import (
        CategoryStrategyIndexPageFactory,
        CategoryStrategyPageFactory,
    )

    rng = random.Random(2026)  # noqa: S311 - invented text, not secrets
    home = home_as_default_site(title="Procurement Knowledge Hub")
    strategies = CategoryStrategyIndexPageFactory(parent=home)
    draft = CategoryStrategyPageFactory(parent=strategies, slug="construction-2026", draft=True)
    draft.save_revision().publish()
    draft.refresh_from_db()
    consultation = ConsultationPageFactory(
        parent=ConsultationIndexPageFactory(parent=home), slug="construction", strategy=draft
    )
    sections = [None, *draft.numbered_sections()]
    councils = [None, *(CouncilFactory() for _ in range(12))]
    analyst = analyst_user(get_user_model(), "bench-analyst")
    themes = [theme_create(consultation, name, analyst) for name in THEMES]
    client = Client()
    client.force_login(analyst)
    root = f"/admin/consultations/{consultation.pk}/analysis/"
    pages = {
        "comment list": root + "comments/",
        "comment list, filtered": root + "comments/?section=whole&type=official",
        "one comment": None,
        "analysis view": root,
        "analysis CSV": root + "?export=csv",
        "draft report": root + "report/",
        "campaign groups": root + "groups/",
    }

    def add_comments(upto: int) -> None:
        """Comments up to that many, in bulk, each tagged with 0 to 2 themes and a stance."""
        have = AnalysedComment.objects.count()
        buckets: dict[tuple[int, int], list[str]] = {}
        for n in range(have, upto):
            key = (n % len(sections), n % len(councils))
            buckets.setdefault(key, []).append(text_for(n, rng))
        made = []
        for (section, council), texts in buckets.items():
            made += comments_make(
                consultation,
                texts,
                council=councils[council],
                section=sections[section],
                consent_publish_name=section % 2 == 0,
            )
        tags: dict[tuple, list] = {}
        for comment in made:
            chosen = tuple(sorted(rng.sample(range(len(themes)), rng.randint(0, 2))))
            tags.setdefault((chosen, rng.choice([*Stance.values, ""])), []).append(comment)
        for (chosen, stance), comments in tags.items():
            comments_tag(
                comments, user=analyst, set_themes=[themes[i] for i in chosen], stance=stance
            )

    def queries() -> dict[str, int]:
        found = {}
        first = AnalysedComment.objects.analysable(consultation).in_order().first()
        for label, url in pages.items():
            url = url or root + f"comments/{first.pk}/"
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")
            found[label] = len(captured)
        return found

    say(f"Database: {connection.vendor}; {total} comments in the full run.")
    add_comments(20)
    groups_suggest(consultation)
    small = queries()
    say(f"Adding {total - 20} more comments, tagged...")
    add_comments(total)
    start = time.perf_counter()
    found = groups_suggest(consultation)
    grouping = time.perf_counter() - start
    large = queries()
    sizes = sorted((g.members.count() for g in found), reverse=True)
    say()
    say(f"| Page | queries at 20 comments | queries at {total} | flat |")
    say("|---|---|---|---|")
    flat = True
    for label in pages:
        same = small[label] == large[label]
        flat = flat and same
        say(f"| {label} | {small[label]} | {large[label]} | {'yes' if same else 'NO'} |")
    say()
    say(
        f"Grouping {total} comments: {grouping:.2f} s; {len(found)} groups suggested, "
        f"sizes {sizes[:5]} (the bench wrote two campaigns, {total // 5} and {total // 10} copies)."
    )
    ok = flat and grouping < 10
    say("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
