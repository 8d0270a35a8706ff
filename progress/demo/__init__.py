"""Demo "Check your progress": the section and its findings pages, then the self-assessment, a
closed 2025 cycle and an open 2026 one, every return illustrative.

The councils are fictional (flagged illustrative) and the scores are invented here, seeded so
every run gives the same figures; no score is attached to a real council. The content is in
findings.toml and self_assessment.toml beside this file; findings figures come from domain.md
and are cited, invented ones say so.
"""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from hub.demo import load_councils
from hub.demo.kit import DemoContext, demo_user, load_file, read_data
from hub.models import KeyArea, Level
from hub.roles import SELF_ASSESSMENT_MANAGERS
from progress.enums import Access, ReturnStatus, Role
from progress.models import COUNCIL, Answer, Cycle, Return
from progress.services import officer_for_email
from strategy.demo import owned


COMMENT = "Illustrative answer, invented for the demonstration."
EVIDENCE = "Illustrative: contract register, spend analysis and committee reports."


def seeded(key: str) -> random.Random:
    """The same invented figures on every run; nothing secret depends on them."""
    return random.Random(key)  # noqa: S311


def level(value: int) -> int:
    """The value kept on the maturity scale."""
    return max(min(Level.values), min(max(Level.values), value))


def scores(council, area, year: int) -> tuple[int, int]:
    """An invented current and target level, a little higher in later years."""
    rng = seeded(f"{council.slug}:{area.slug}")
    base = seeded(council.slug).choice([2, 2, 3, 3, 3, 4])
    current = level(base + rng.choice([-1, 0, 0, 1]))
    if year > 2025:
        current = level(current + rng.choice([0, 0, 0, 1]))
    return current, level(current + rng.choice([0, 1, 1, 2]))


def load_people(data: dict):
    """The lead officer, colleague and manager to sign in as on a local copy."""
    people = data["people"]
    lead = officer_for_email(people["lead"]["email"])
    colleague = officer_for_email(people["colleague"]["email"])
    manager = people["manager"]
    demo_user(
        manager["username"],
        SELF_ASSESSMENT_MANAGERS,
        "Self-assessment",
        "Manager",
        email=manager["email"],
    )
    return lead, colleague


def answers(ret, areas, when, editor, departments=(), only=None) -> list[Answer]:
    """The council's answers (and some departments') for a return, all invented."""
    rows = []
    for n, area in enumerate(areas[:only]):
        current, target = scores(ret.council, area, ret.cycle.year)
        given = [(COUNCIL, current, target, EVIDENCE if n % 3 == 0 else "")]
        rng = seeded(f"{ret.council.slug}:{area.slug}:departments")
        for department in departments:
            now = level(current + rng.choice([-2, -1, 0, 0, 1]))
            given.append((department, now, level(now + rng.choice([0, 1, 1])), ""))
        rows += [
            Answer(
                return_obj=ret,
                key_area=area,
                department=department,
                current_level=current_level,
                target_level=target_level,
                comment=COMMENT,
                evidence=evidence,
                updated_by=editor,
                updated_at=when,
            )
            for department, current_level, target_level, evidence in given
        ]
    return rows


@transaction.atomic
def load(ctx: DemoContext) -> None:
    """The findings pages, then both cycles, their returns and (with demo users) the sign-ins."""
    load_file(ctx, __name__, "findings", prepare=owned())
    data = read_data(__name__, "self_assessment")
    load_councils(ctx, data["councils"])
    slugs = data["hub_councils"] + [slugify(row["name"]) for row in data["councils"]]
    councils = [ctx.shared["councils"][slug] for slug in slugs]
    # The current edition's key areas and enablers: the hub's taxonomy holds NPS 2022's.
    areas = list(
        KeyArea.objects.select_related("theme").order_by("theme__sort_order", "sort_order")
    )
    people = load_people(data) if ctx.shared.get("demo_users") else None
    draft = data["draft"]
    now = timezone.now()
    for row in data["cycles"]:
        cycle, created = Cycle.objects.get_or_create(
            year=row["year"],
            defaults={
                "is_open": row["is_open"],
                "commentary": row["commentary"],
                "is_illustrative": True,
            },
        )
        if not created:
            continue
        cycle.key_areas.set(areas)
        taking_part = councils if row["is_open"] else councils[: -data["previous_missing"]]
        when = now - timedelta(days=3 if row["is_open"] else 365)
        rows = []
        for n, council in enumerate(taking_part):
            is_draft = row["is_open"] and council.slug == draft["council"]
            ret = Return.objects.create(
                cycle=cycle,
                council=council,
                status=ReturnStatus.DRAFT if is_draft else ReturnStatus.SUBMITTED,
                submitted_at=None if is_draft else when,
            )
            lead = officer_for_email(f"lead@{council.slug}.example")
            if council.slug == draft["council"] and people:
                # The demo's lead officer sees this council's previous return too.
                lead = people[0]
            officers = [(lead, Role.LEAD, data["departments"][0])]
            if is_draft and people:
                colleague = (people[1], Role.COLLEAGUE, data["people"]["colleague"]["department"])
                officers.insert(0, colleague)
            # Every demo officer's address is at a fictional council's confirmed .example domain.
            for user, role, department in officers:
                ret.respondents.create(
                    user=user, role=role, department=department, access=Access.DOMAIN
                )
            departments = data["departments"] if is_draft or n % 5 == 0 else ()
            only = draft["answered"] if is_draft else None
            rows += answers(ret, areas, when, lead, departments=departments, only=only)
        Answer.objects.bulk_create(rows)
