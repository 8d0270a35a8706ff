"""The comment list's filters: each one a query-string name, its options and a QuerySet method.

Adding a filter is one line in FILTERS.
"""

from collections.abc import Callable
from dataclasses import dataclass

from consultations.analysis.models import (
    UNKNOWN,
    UNTAGGED,
    WHOLE_DRAFT,
    AnalysedComment,
    ResponseTheme,
    Stance,
)
from consultations.enums import ResponseType
from hub.models import CouncilType, Region


@dataclass(frozen=True)
class Filter:
    name: str
    label: str
    options: Callable[[object], list[tuple[str, str]]]  # consultation -> (value, label)
    method: str  # the AnalysedCommentQuerySet method that applies a chosen value


def section_options(consultation) -> list[tuple[str, str]]:
    sections = AnalysedComment.objects.analysable(consultation).sections()
    return [(WHOLE_DRAFT, "The whole draft"), *sections]


def theme_options(consultation) -> list[tuple[str, str]]:
    themes = ResponseTheme.objects.filter(consultation=consultation)
    return [(UNTAGGED, "No theme yet"), *((str(t.pk), t.name) for t in themes)]


def stance_options(consultation) -> list[tuple[str, str]]:
    return [*Stance.choices, (UNTAGGED, "Not given yet")]


def response_type_options(consultation) -> list[tuple[str, str]]:
    return list(ResponseType.choices)


def council_type_options(consultation) -> list[tuple[str, str]]:
    types = CouncilType.objects.order_by("name")
    return [*((str(t.pk), t.name) for t in types), (UNKNOWN, "Not a council, or not known")]


def region_options(consultation) -> list[tuple[str, str]]:
    regions = Region.objects.order_by("name")
    return [*((str(r.pk), r.name) for r in regions), (UNKNOWN, "Not a council, or not known")]


def verified_options(consultation) -> list[tuple[str, str]]:
    return [("yes", "Verified response from a council"), ("no", "Not verified")]


FILTERS = (
    Filter("section", "Section", section_options, "on_section"),
    Filter("theme", "Theme", theme_options, "with_theme"),
    Filter("stance", "Stance", stance_options, "with_stance"),
    Filter("type", "Respondent type", response_type_options, "of_response_type"),
    Filter("council_type", "Council type", council_type_options, "of_council_type"),
    Filter("region", "Region", region_options, "in_region"),
    Filter("verified", "Verified or not", verified_options, "verified_as"),
)
