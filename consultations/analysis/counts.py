"""The analysis view's numbers: theme by section, respondent type, council type, region, stance."""

from dataclasses import dataclass, field, replace

from django.db.models import Count, Max, Q

from consultations.analysis.models import (
    AnalysedComment,
    CampaignGroup,
    ResponseTheme,
    Stance,
)
from consultations.enums import CommentStatus, ResponseType
from hub.models import CouncilType, Region
from progress.stats import MIN_GROUP


# Shown in place of a count that could identify someone, as the self-assessment findings do.
SUPPRESSED = f"Fewer than {MIN_GROUP}"
NO_THEME = "No theme yet"
ALL = "All comments"
NOT_GIVEN = "Not a council, or not known"


def suppress(value: int | None) -> int | None:
    """None for a group too small to show publicly (1 to MIN_GROUP - 1 comments)."""
    if value is None or 0 < value < MIN_GROUP:
        return None
    return value


def shown(value: int | None) -> str:
    """A count as a table or an export shows it."""
    return SUPPRESSED if value is None else str(value)


@dataclass
class Table:
    """Comments counted by theme (rows) and one other dimension (columns)."""

    slug: str
    title: str
    column_heading: str
    columns: list[str]
    rows: list[tuple[str, list[int | None]]] = field(default_factory=list)

    def suppressed(self) -> "Table":
        """The same table with every small group hidden, for anything shown publicly."""
        rows = [(label, [suppress(v) for v in values]) for label, values in self.rows]
        return replace(self, rows=rows)

    def cell(self, row: str, column: str) -> int | None:
        values = dict(self.rows)[row]
        return values[self.columns.index(column)]


@dataclass
class Headline:
    comments: int
    in_groups: int
    groups: int

    def __str__(self):
        noun = "comment" if self.comments == 1 else "comments"
        if not self.groups:
            return f"{self.comments} {noun}, none in a campaign group"
        groups = "campaign group" if self.groups == 1 else "campaign groups"
        return f"{self.comments} {noun}, of which {self.in_groups} in {self.groups} {groups}"


def headline(consultation) -> Headline:
    """ "412 comments, of which 380 in 3 campaign groups" (confirmed groups only)."""
    comments = AnalysedComment.objects.analysable(consultation)
    found = comments.aggregate(
        total=Count("pk"),
        in_groups=Count("pk", filter=~_no_confirmed_group()),
        groups=Count("campaign_member__group", filter=~_no_confirmed_group(), distinct=True),
    )
    return Headline(found["total"], found["in_groups"], found["groups"])


def _no_confirmed_group():
    return Q(campaign_member__isnull=True) | Q(campaign_member__group__confirmed_at__isnull=True)


def _crosstab(consultation, themes, slug, title, heading, key, columns) -> Table:
    """Two queries: counts per (theme, column) and per column over all comments."""
    comments = AnalysedComment.objects.analysable(consultation)
    keys = [k for k, _ in columns]
    index = {k: i for i, k in enumerate(keys)}
    # No tags yet reads as None from the join and "" from a stored coding: one column.
    if "" in index:
        index[None] = index[""]
    per_theme: dict = {}
    for theme_id, value, n in (
        comments.values_list("coding__themes", key)
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    ):
        per_theme.setdefault(theme_id, [0] * len(keys))[index[value]] += n
    overall = [0] * len(keys)
    for value, n in comments.values_list(key).annotate(n=Count("pk")).order_by():
        overall[index[value]] += n
    rows = [(t.name, per_theme.get(t.pk, [0] * len(keys))) for t in themes]
    rows.append((NO_THEME, per_theme.get(None, [0] * len(keys))))
    rows.append((ALL, overall))
    return Table(slug, title, heading, [label for _, label in columns], rows)


def sections_ranked(consultation) -> list[tuple[str, int]]:
    """Sections (and the whole draft) by how many comments they drew, most first."""
    rows = (
        AnalysedComment.objects.analysable(consultation)
        .values("section_id")
        .annotate(n=Count("pk"), number=Max("section_number"), heading=Max("section_heading"))
        .order_by("-n", "number")
    )
    return [
        (f"{r['number']}. {r['heading']}" if r["section_id"] else "The whole draft", r["n"])
        for r in rows
    ]


def tables(consultation) -> list[Table]:
    """Every table of the analysis view, in a fixed number of queries whatever the numbers."""
    themes = list(ResponseTheme.objects.filter(consultation=consultation))
    comments = AnalysedComment.objects.analysable(consultation)
    council_types = [(ct.pk, ct.name) for ct in CouncilType.objects.order_by("name")]
    regions = [(r.pk, r.name) for r in Region.objects.order_by("name")]
    dimensions = [
        ("section", "Section", "section_id", [("", "The whole draft"), *comments.sections()]),
        ("stance", "Stance", "coding__stance", [*Stance.choices, ("", "Not given yet")]),
        ("respondent-type", "Respondent type", "response_type", list(ResponseType.choices)),
        (
            "council-type",
            "Council type",
            "council__council_type",
            [*council_types, (None, NOT_GIVEN)],
        ),
        ("region", "Region", "council__region", [*regions, (None, NOT_GIVEN)]),
    ]
    return [
        _crosstab(consultation, themes, slug, f"Themes by {heading.lower()}", heading, key, columns)
        for slug, heading, key, columns in dimensions
    ]


def campaign_groups(consultation):
    """Confirmed groups first, then suggestions, each with its size."""
    gone = [CommentStatus.WITHDRAWN, CommentStatus.QUARANTINED]
    return (
        CampaignGroup.objects.filter(consultation=consultation)
        .annotate(size=Count("members", filter=~Q(members__comment__status__in=gone)))
        .order_by("confirmed_at", "-size", "pk")
    )
