"""The national picture: medians and distributions of submitted returns, with suppression."""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from hub.models import Council, Level
from progress.enums import ReturnStatus
from progress.models import Answer, Return


# No figure is shown for a group of fewer councils than this.
MIN_GROUP = 5


@dataclass
class AreaFigures:
    """One group's figures for one key area; None where the group is too small to show."""

    median_current: float | None
    median_target: float | None
    # Councils at each level, 1 to 5.
    distribution: list[int] | None


@dataclass
class Group:
    """A group of councils (all of them, a council type or a region) and its figures."""

    kind: str
    name: str
    councils: int
    areas: dict[int, AreaFigures] = field(default_factory=dict)
    # Medians of every key-area answer in the group, None when the group is too small.
    overall_current: float | None = None
    overall_target: float | None = None
    # Key-area answers at each current level, 1 to 5, None when the group is too small.
    overall_distribution: list[int] | None = None

    @property
    def suppressed(self) -> bool:
        return self.councils < MIN_GROUP

    def figure(self, area, name: str):
        """One of the group's figures for a key area; None where it is not shown."""
        if self.suppressed or area.pk not in self.areas:
            return None
        return getattr(self.areas[area.pk], name)


def group_keys(council_type: str | None, region: str | None) -> list[tuple[str, str]]:
    """The groups a council is in: all councils, then its type and its region if it has them."""
    keys = [("overall", "All councils"), ("type", council_type), ("region", region)]
    return [key for key in keys if key[1] is not None]


def group_order(key: tuple[str, str]):
    """All councils first, then council types, then regions, each by name."""
    return (["overall", "type", "region"].index(key[0]), key[1])


def figures(currents: list[int], targets: list[int], councils: int | None = None) -> AreaFigures:
    """Medians and distribution of the answers, unless fewer than MIN_GROUP councils gave them."""
    # Each council gives one answer to a key area, so by default the answers are the councils:
    # a key area added after returns were in can have far fewer answers than the group councils.
    if councils is None:
        councils = len(currents)
    if councils < MIN_GROUP or not currents:
        return AreaFigures(None, None, None)
    return AreaFigures(
        statistics.median(currents),
        statistics.median(targets),
        [currents.count(level) for level in Level.values],
    )


def returns_counted(cycle) -> dict:
    """Submitted returns the national figures count (lead verified), and those they leave out."""
    returns = Return.objects.filter(cycle=cycle)
    return {"counted": returns.counted().count(), "left_out": returns.left_out().count()}


def national_picture(cycle) -> list[Group]:
    """All counted returns (lead officer verified), then each council type and each region."""
    rows = (
        Answer.objects.council()
        .filter(return_obj__in=Return.objects.filter(cycle=cycle).counted().values("pk"))
        .values_list(
            "return_obj_id",
            "key_area_id",
            "current_level",
            "target_level",
            "return_obj__council__council_type__name",
            "return_obj__council__region__name",
        )
    )
    members = defaultdict(set)
    levels = defaultdict(lambda: defaultdict(lambda: ([], [])))
    for return_id, area, current, target, council_type, region in rows:
        for key in group_keys(council_type, region):
            members[key].add(return_id)
            levels[key][area][0].append(current)
            levels[key][area][1].append(target)
    groups = []
    for key in sorted(members, key=group_order):
        count, by_area = len(members[key]), levels[key]
        pooled = figures(
            [c for currents, _ in by_area.values() for c in currents],
            [t for _, targets in by_area.values() for t in targets],
            count,
        )
        group = Group(*key, count, {area: figures(*answers) for area, answers in by_area.items()})
        group.overall_current, group.overall_target = pooled.median_current, pooled.median_target
        group.overall_distribution = pooled.distribution
        groups.append(group)
    return groups


def find(groups: list[Group], kind: str, name: str | None) -> Group | None:
    return next((g for g in groups if g.kind == kind and g.name == name), None)


def completion(cycle) -> list[dict]:
    """Councils that could take part, returns started and submitted: overall, by type, by region.

    Councils that could take part are the real authorities current today, plus any other council
    (an ended or illustrative one) that has a return in the cycle.
    """
    with_return = dict(Return.objects.filter(cycle=cycle).values_list("council_id", "status"))
    councils = Council.objects.current().exclude(gss_code="") | Council.objects.filter(
        pk__in=with_return
    )
    counts = defaultdict(lambda: [0, 0, 0])
    for pk, council_type, region in councils.values_list(
        "pk", "council_type__name", "region__name"
    ):
        status = with_return.get(pk)
        for key in group_keys(council_type, region):
            counts[key][0] += 1
            counts[key][1] += status is not None
            counts[key][2] += status == ReturnStatus.SUBMITTED
    return [
        {
            "kind": kind,
            "name": name,
            "councils": eligible,
            "started": started,
            "submitted": submitted,
            "rate": round(100 * submitted / eligible) if eligible else 0,
        }
        for (kind, name), (eligible, started, submitted) in sorted(
            counts.items(), key=lambda item: group_order(item[0])
        )
    ]
