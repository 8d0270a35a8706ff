"""What the return's pages show: task list, profile, national picture, findings and print."""

from collections import defaultdict
from itertools import groupby
from urllib.parse import urlencode

from django.db.models import F
from django.urls import reverse

from casestudies.models import CaseStudyIndexPage
from hub.models import Level
from progress.charts import Chart
from progress.models import Return, SupersededAnswer
from progress.stats import MIN_GROUP, find, national_picture, returns_counted
from strategy.models import KeyAreaPage, ResourcePage


TOP_GAPS = 5
RESOURCES_PER_AREA = 3


def spread_range(answers) -> tuple[int, int, int] | None:
    """Lowest and highest current level, and the spread between them."""
    levels = [a.current_level for a in answers]
    return (min(levels), max(levels), max(levels) - min(levels)) if levels else None


def answer_groups(cycle, ret: Return | None = None, department: str | None = None) -> list:
    """Each theme with its key areas: the council's answer, the departments' and `department`'s."""
    answers = list(ret.answers.select_related("updated_by")) if ret else []

    def row(area):
        given = [a for a in answers if a.key_area_id == area.pk]
        departments = [a for a in given if not a.is_council]
        return {
            "area": area,
            "council": next((a for a in given if a.is_council), None),
            "departments": departments,
            "spread": spread_range(departments),
            "mine": next((a for a in departments if a.department == department), None),
        }

    return [
        (theme, [row(area) for area in areas])
        for theme, areas in groupby(cycle.areas(), key=lambda a: a.theme.name if a.theme else "")
    ]


def task_list_context(ret: Return, respondent, user) -> dict:
    groups = answer_groups(ret.cycle, ret, respondent.department if respondent else None)
    rows = [row for _, rows in groups for row in rows]
    council_done = sum(1 for row in rows if row["council"])
    return {
        "ret": ret,
        "respondent": respondent,
        "groups": groups,
        "total": len(rows),
        "mine_done": sum(1 for row in rows if row["mine"]),
        "council_done": council_done,
        "is_manager": user.has_perm("progress.reopen_return"),
        "superseded": SupersededAnswer.objects.filter(
            answer__return_obj=ret, editor=user, dismissed_at__isnull=True
        ).select_related("answer__key_area", "superseded_by"),
        "can_submit": bool(
            respondent and respondent.is_lead and not ret.is_submitted and council_done == len(rows)
        ),
    }


def guidance_for(areas) -> dict:
    """For each key area: its guidance page, related resources and a case-study search."""
    pages = {
        p.key_area_id: p
        for p in KeyAreaPage.objects.live().public().filter(key_area__in=areas).defer_streamfields()
    }
    finder = CaseStudyIndexPage.objects.live().public().first()
    # One query for every area's resources, newest first; each area keeps its first few.
    resources = defaultdict(list)
    filed = ResourcePage.objects.newest().filter(key_areas__in=areas)
    for resource in filed.annotate(filed_under=F("key_areas")):
        if len(resources[resource.filed_under]) < RESOURCES_PER_AREA:
            resources[resource.filed_under].append(resource)
    return {
        area.pk: {
            "page": pages.get(area.pk),
            "resources": resources[area.pk],
            "case_studies_url": (
                f"{finder.url}?{urlencode({'key_area': area.slug})}" if finder else ""
            ),
        }
        for area in areas
    }


def council_answers(ret: Return | None) -> dict:
    if ret is None:
        return {}
    return {a.key_area_id: a for a in ret.answers.council().select_related("key_area")}


def level(answers: dict, area, name: str = "current_level") -> int:
    """A council's level in a key area for a chart; 0 where it is not answered."""
    return getattr(answers.get(area.pk), name, None) or 0


def results_context(ret: Return) -> dict:
    cycle = ret.cycle
    areas = list(cycle.areas())
    mine = council_answers(ret)
    previous_cycle = cycle.previous()
    previous = (
        Return.objects.submitted().filter(cycle=previous_cycle, council=ret.council).first()
        if previous_cycle
        else None
    )
    before = council_answers(previous)
    illustrative = cycle.is_illustrative or ret.council.is_illustrative
    # Each series of the profile, with the answers and the level it shows.
    series = {"Current level": (mine, "current_level"), "Target level": (mine, "target_level")}
    if previous:
        series[f"Current level in {previous_cycle.year}"] = (before, "current_level")
    profile = Chart(
        slug="profile",
        title=f"{ret.council.name}: current and target level by key area, {cycle.year}",
        series=list(series),
        rows=[
            (area.name, [level(answers, area, name) for answers, name in series.values()])
            for area in areas
        ],
        note="Levels run from 1 to 5 (Innovator); 0 means not yet answered.",
        illustrative=illustrative,
    )
    groups = national_picture(cycle)
    council_type = ret.council.council_type.name if ret.council.council_type else None
    region = ret.council.region.name if ret.council.region else None
    compare = [
        ("All councils", find(groups, "overall", "All councils")),
        (
            f"Council type: {council_type}" if council_type else "Council type",
            find(groups, "type", council_type),
        ),
        (f"Region: {region}" if region else "Region", find(groups, "region", region)),
    ]

    def medians(area):
        return [group.figure(area, "median_current") if group else None for _, group in compare]

    national = Chart(
        slug="national",
        title=f"{ret.council.name} beside the median current level of submitted returns, "
        f"{cycle.year}",
        series=[
            "This council",
            *(f"Median, {name} ({group.councils if group else 0})" for name, group in compare),
        ],
        rows=[(area.name, [level(mine, area), *medians(area)]) for area in areas],
        note=f"Medians of submitted returns; a group of fewer than {MIN_GROUP} councils is not "
        "shown. The number of councils in each group is in brackets.",
        illustrative=cycle.is_illustrative,
    )
    for chart in [profile, national]:
        chart.csv_url = ret.url("results_csv", chart.slug)
    gaps = sorted(
        (a for a in mine.values() if a.gap > 0),
        key=lambda a: (-a.gap, a.key_area.sort_order, a.key_area.name),
    )[:TOP_GAPS]
    guidance = guidance_for([a.key_area for a in gaps])
    return {
        "ret": ret,
        "cycle": cycle,
        **returns_counted(cycle),
        "previous": previous,
        "charts": [profile, national],
        "gaps": [{"answer": a, "guidance": guidance[a.key_area_id]} for a in gaps],
        "illustrative": illustrative,
    }


def findings_context(cycle) -> dict:
    areas = list(cycle.areas())
    groups = national_picture(cycle)
    overall = find(groups, "overall", "All councils")
    councils = overall.councils if overall else 0

    def area_value(area, name):
        return overall.figure(area, name) if overall else None

    charts = [
        Chart(
            slug="medians",
            title=f"Median current and target level by key area, {cycle.year}",
            series=["Median current level", "Median target level"],
            rows=[
                (area.name, [area_value(area, "median_current"), area_value(area, "median_target")])
                for area in areas
            ],
            note=f"From {councils} submitted returns whose lead officer is verified.",
        ),
        Chart(
            slug="distribution",
            title=f"Councils at each current level by key area, {cycle.year}",
            series=Level.labels,
            rows=[
                (area.name, area_value(area, "distribution") or [None] * len(Level))
                for area in areas
            ],
            maximum=max(councils, 1),
            note="Number of councils at each level.",
        ),
    ]
    for kind, title in [("type", "council type"), ("region", "region")]:
        rows = [g for g in groups if g.kind == kind]
        charts.append(
            Chart(
                slug=f"by-{kind}",
                title=f"Median current and target level across key areas by {title}, {cycle.year}",
                label_heading=title.capitalize(),
                series=["Median current level", "Median target level"],
                rows=[
                    (f"{g.name} ({g.councils})", [g.overall_current, g.overall_target])
                    for g in rows
                ],
                note=f"Medians of every key-area answer in the group. A group of fewer than "
                f"{MIN_GROUP} councils is not shown; the number of councils is in brackets.",
            )
        )
        charts.append(
            Chart(
                slug=f"levels-by-{kind}",
                title=f"Per cent of key-area answers at each current level by {title}, "
                f"{cycle.year}",
                label_heading=title.capitalize(),
                series=Level.labels,
                rows=[
                    (f"{g.name} ({g.councils})", shares(g.overall_distribution))
                    for g in ([overall] if overall else []) + rows
                ],
                maximum=100,
                note="Every key-area answer in the group, rounded to whole per cent; all councils "
                f"first, for comparison. A group of fewer than {MIN_GROUP} councils is not shown; "
                "the number of councils is in brackets.",
            )
        )
    for chart in charts:
        chart.illustrative = cycle.is_illustrative
        chart.csv_url = reverse("progress:findings_csv", args=[cycle.year, chart.slug])
    return {
        "cycle": cycle,
        **returns_counted(cycle),
        "charts": charts,
        "min_group": MIN_GROUP,
    }


def shares(counts: list[int] | None) -> list[int | None]:
    """Each count as a rounded percentage of their total; no figures for a suppressed group."""
    total = sum(counts or [])
    if not total:
        return [None] * len(Level)
    return [round(100 * count / total) for count in counts]


def print_context(cycle, ret: Return | None = None) -> dict:
    """The return on paper, or with no return every question of the cycle, blank."""
    return {
        "ret": ret,
        "cycle": cycle,
        "groups": answer_groups(cycle, ret),
        "levels": Level.choices,
    }
