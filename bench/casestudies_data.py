"""Add many case studies to the demo database, spread over every facet, for benchmarking.

    DJANGO_SETTINGS_MODULE=... python bench/casestudies_data.py [COUNT] [--exactly]

Run it after load_demo_data; it adds case studies until the finder holds COUNT (default 500).
With --exactly it also deletes the newest ones beyond COUNT, to measure small listings.
"""

import os
import sys
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")

import django


django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from taggit.models import Tag  # noqa: E402

from casestudies.enums import OutcomeKind  # noqa: E402
from casestudies.models import (  # noqa: E402
    CaseStudyIndexPage,
    CaseStudyOutcome,
    CaseStudyPage,
    CaseStudyPageTag,
)
from hub.models import Category, Council, KeyArea, Theme  # noqa: E402


WORDS = ["contract", "energy", "social value", "fleet", "care", "digital", "lots", "waste"]


def main(count: int, exactly: bool = False) -> None:
    index = CaseStudyIndexPage.objects.get()
    if exactly:
        for page in CaseStudyPage.objects.child_of(index).order_by("-path")[count:]:
            page.delete()
    themes = list(Theme.objects.all())
    key_areas = list(KeyArea.objects.all())
    categories = list(Category.objects.all())
    councils = list(Council.objects.all())
    tags = [Tag.objects.get_or_create(name=word)[0] for word in WORDS]
    existing = CaseStudyPage.objects.child_of(index).count()
    for n in range(existing, count):
        word = WORDS[n % len(WORDS)]
        page = CaseStudyPage(
            title=f"Benchmark case study {n}: {word}",
            slug=f"benchmark-case-study-{n}",
            summary=f"An illustrative case study about {word}, for load tests.",
            lead_council=councils[n % len(councils)],
            year=2015 + n % 11,
            challenge=f"<p>The council wanted better value from its {word} spend.</p>",
            approach="<p>It reviewed the market and re-let the contract in lots.</p>",
            is_illustrative=True,
            first_published_at=timezone.now(),
            themes=[themes[n % len(themes)]],
            key_areas=[key_areas[n % len(key_areas)]],
            categories=[categories[n % len(categories)]],
            outcomes=[CaseStudyOutcome(kind=OutcomeKind.SAVINGS, value=1000 * (n + 1))],
            tagged_items=[CaseStudyPageTag(tag=tags[n % len(tags)])],
        )
        with transaction.atomic():
            index.add_child(instance=page)
    total = CaseStudyPage.objects.child_of(index).count()
    sys.stdout.write(f"The finder holds {total} case studies.\n")


if __name__ == "__main__":
    args = [arg for arg in sys.argv[1:] if arg != "--exactly"]
    main(int(args[0]) if args else 500, exactly="--exactly" in sys.argv)
