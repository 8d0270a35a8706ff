"""The finder's facets, each declared once: URL name, relation, label, noun and option order."""

from dataclasses import dataclass

from django import forms

from taggit.models import Tag

from casestudies.enums import FIRST_YEAR, LAST_YEAR
from hub.models import Category, CouncilType, KeyArea, Region, Theme


@dataclass(frozen=True)
class CaseStudyFacet:
    """One facet: chosen by a term's slug (or a year) and counted over one relation."""

    name: str
    relation: str
    label: str
    noun: str
    # How options are listed, over the "label" and "value" of each count row.
    order: tuple[str, ...]
    # The term model chosen by slug; None for the year, chosen as a number.
    model: type | None = None

    def form_field(self) -> forms.Field:
        """The filter form's field, refusing unknown values with a plain message."""
        if self.model is None:
            every = f"Showing every {self.noun}."
            return forms.IntegerField(
                label=self.label,
                required=False,
                min_value=FIRST_YEAR,
                max_value=LAST_YEAR,
                error_messages={
                    "invalid": f"Year must be a year in numbers, like 2024. {every}",
                    "min_value": f"Year must be {FIRST_YEAR} or later. {every}",
                    "max_value": f"Year must be {LAST_YEAR} or earlier. {every}",
                },
            )
        return forms.ModelChoiceField(
            label=self.label,
            queryset=self.model.objects.all(),
            to_field_name="slug",
            required=False,
            error_messages={
                "invalid_choice": f"There is no {self.noun} called ‘%(value)s’. "
                f"Showing case studies from every {self.noun}."
            },
        )

    def lookup(self, value) -> dict:
        """Filter keyword arguments for a chosen value."""
        if self.model is None:
            return {self.relation: value}
        return {f"{self.relation}__slug": value.slug}

    def count_columns(self) -> dict:
        """The value and label columns of this facet's count rows."""
        if self.model is None:
            return {"value": self.relation, "label": self.relation}
        return {"value": f"{self.relation}__slug", "label": f"{self.relation}__name"}


def term_facet(name, relation, label, noun, model) -> CaseStudyFacet:
    """A taxonomy facet, listed in the editors' order."""
    return CaseStudyFacet(name, relation, label, noun, (f"{relation}__sort_order", "label"), model)


# In the order the finder shows them.
FACETS = {
    facet.name: facet
    for facet in (
        term_facet("theme", "themes", "Theme", "theme", Theme),
        term_facet("key_area", "key_areas", "Key area or enabler", "key area or enabler", KeyArea),
        term_facet("category", "categories", "Category", "category", Category),
        term_facet("region", "region", "Region", "region", Region),
        term_facet("council_type", "council_type", "Council type", "council type", CouncilType),
        CaseStudyFacet("year", "year", "Year", "year", ("-value",)),
        CaseStudyFacet("tag", "tags", "Tag", "tag", ("label",), Tag),
    )
}
