"""What the return's pages show: task list, profile, national picture, findings and print."""

from collections import defaultdict
from itertools import groupby
from urllib.parse import urlencode

from django.db.models import F
from django.urls import reverse

from casestudies.models import CaseStudyIndexPage
from hub.models import Level
from progress.charts import Chart
from progress.models import Answer, Return, SupersededAnswer
from progress.stats import MIN_GROUP, counted_and_left_out, find, national_picture
from strategy.models import KeyAreaPage, ResourcePage


LEVEL_NAMES = dict(Level.choices)
TOP_GAPS = 5
RESOURCES_PER_AREA = 3


def by_theme(areas):
    """Key areas grouped under their theme, in order."""
    return [
        (theme, list(items))
        for theme, items in groupby(areas, key=lambda a: a.theme.name if a.theme else "")
    ]


def spread_range(answers) -> tuple[int, int, int] | None:
    """Lowest and highest current level, and the spread between them."""
    levels = [a.current_level for a in answers]
    return (min(levels), max(levels), max(levels) - min(levels)) if levels else None


def task_list_context(ret: Return, respondent, user) -> dict:
    areas = list(ret.cycle.areas())
    answers = list(ret.answers.select_related("updated_by"))
    council = {a.key_area_id: a for a in answers if a.is_council}
    mine = {
        a.key_area_id: a for a in answers if respondent and a.department == respondent.department
    }
    rows = []
    for area in areas:
        departments = [a for a in answers if not a.is_council and a.key_area_id == area.pk]
        rows.append(
            {
                "area": area,
                "mine": mine.get(area.pk),
                "council": council.get(area.pk),
                "departments": len(departments),
                "spread": spread_range(departments),
            }
        )
    grouped = [(theme, [r for r in rows if r["area"] in items]) for theme, items in by_theme(areas)]
    return {
        "ret": ret,
        "respondent": respondent,
        "groups": grouped,
        "total": len(areas),
        "mine_done": len(mine),
        "council_done": len(council),
        "is_manager": user.has_perm("progress.reopen_return"),
        "superseded": SupersededAnswer.objects.filter(
            answer__return_obj=ret, editor=user, dismissed_at__isnull=True
        ).select_related("answer__key_area", "superseded_by"),
        "can_submit": bool(
            respondent
            and respondent.is_lead
            and not ret.is_submitted
            and len(council) == len(areas)
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
    result = {}
    for area in areas:
        result[area.pk] = {
            "page": pages.get(area.pk),
            "resources": resources[area.pk],
            "case_studies_url": (
                f"{finder.url}?{urlencode({'key_area': area.slug})}" if finder else ""
            ),
        }
    return result


def council_answers(ret: Return | None) -> dict:
    if ret is None:
        return {}
    return {a.key_area_id: a for a in ret.answers.council().select_related("key_area")}


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
    series = ["Current level", "Target level"]
    if previous:
        series.append(f"Current level in {previous_cycle.year}")
    profile = Chart(
        slug="profile",
        title=f"{ret.council.name}: current and target level by key area, {cycle.year}",
        label_heading="Key area",
        series=series,
        rows=[
            (
                area.name,
                [
                    getattr(mine.get(area.pk), "current_level", None) or 0,
                    getattr(mine.get(area.pk), "target_level", None) or 0,
                    *([getattr(before.get(area.pk), "current_level", 0) or 0] if previous else []),
                ],
            )
            for area in areas
        ],
        note="Levels run from 1 to 5 (Innovator); 0 means not yet answered.",
        illustrative=illustrative,
        csv_url=ret.url("results_csv", "profile"),
    )
    groups = national_picture(cycle)
    overall = find(groups, "overall", "All councils")
    council_type = ret.council.council_type.name if ret.council.council_type else None
    region = ret.council.region.name if ret.council.region else None
    compare = [
        ("All councils", overall),
        (
            f"Council type: {council_type}" if council_type else "Council type",
            find(groups, "type", council_type),
        ),
        (f"Region: {region}" if region else "Region", find(groups, "region", region)),
    ]

    def median(group, area):
        if group is None or group.suppressed or area.pk not in group.areas:
            return None
        return group.areas[area.pk].median_current

    national = Chart(
        slug="national",
        title=f"{ret.council.name} beside the median current level of submitted returns, "
        f"{cycle.year}",
        label_heading="Key area",
        series=[
            "This council",
            *(f"Median, {name} ({group.councils if group else 0})" for name, group in compare),
        ],
        rows=[
            (
                area.name,
                [
                    getattr(mine.get(area.pk), "current_level", None) or 0,
                    *(median(group, area) for _, group in compare),
                ],
            )
            for area in areas
        ],
        note=f"Medians of submitted returns; a group of fewer than {MIN_GROUP} councils is not "
        "shown. The number of councils in each group is in brackets.",
        illustrative=cycle.is_illustrative,
        csv_url=ret.url("results_csv", "national"),
    )
    gaps = sorted(
        (a for a in mine.values() if a.gap > 0),
        key=lambda a: (-a.gap, a.key_area.sort_order, a.key_area.name),
    )[:TOP_GAPS]
    gap_areas = [a.key_area for a in gaps]
    guidance = guidance_for(gap_areas)
    counted, left_out = counted_and_left_out(cycle)
    return {
        "ret": ret,
        "cycle": cycle,
        "counted": counted,
        "left_out": left_out,
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

    def area_value(area, attr):
        if overall is None or overall.suppressed or area.pk not in overall.areas:
            return None
        return getattr(overall.areas[area.pk], attr)

    charts = [
        Chart(
            slug="medians",
            title=f"Median current and target level by key area, {cycle.year}",
            label_heading="Key area",
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
            label_heading="Key area",
            series=list(LEVEL_NAMES.values()),
            rows=[
                (area.name, area_value(area, "distribution") or [None] * len(LEVEL_NAMES))
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
                series=list(LEVEL_NAMES.values()),
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
        chart.csv_url = chart_csv_url(cycle, chart.slug)
    counted, left_out = counted_and_left_out(cycle)
    return {
        "cycle": cycle,
        "councils": councils,
        "counted": counted,
        "left_out": left_out,
        "charts": charts,
        "min_group": MIN_GROUP,
    }


def shares(counts: list[int] | None) -> list[int | None]:
    """Each count as a rounded percentage of their total; no figures for a suppressed group."""
    total = sum(counts or [])
    if not total:
        return [None] * len(LEVEL_NAMES)
    return [round(100 * count / total) for count in counts]


def chart_csv_url(cycle, slug):
    return reverse("progress:findings_csv", args=[cycle.year, slug])


def print_context(ret: Return) -> dict:
    areas = list(ret.cycle.areas())
    answers = list(Answer.objects.filter(return_obj=ret).select_related("updated_by"))
    rows = [
        {
            "area": area,
            "council": next(
                (a for a in answers if a.is_council and a.key_area_id == area.pk), None
            ),
            "departments": [a for a in answers if not a.is_council and a.key_area_id == area.pk],
        }
        for area in areas
    ]
    return {
        "ret": ret,
        "cycle": ret.cycle,
        "groups": [(t, [r for r in rows if r["area"] in items]) for t, items in by_theme(areas)],
        "levels": Level.choices,
    }


def blank_context(cycle) -> dict:
    areas = list(cycle.areas())
    rows = [{"area": area, "council": None, "departments": []} for area in areas]
    return {
        "ret": None,
        "cycle": cycle,
        "groups": [(t, [r for r in rows if r["area"] in items]) for t, items in by_theme(areas)],
        "levels": Level.choices,
    }
