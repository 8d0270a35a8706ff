from django import forms

from taggit.models import Tag

from casestudies.enums import FACETS, FIRST_YEAR, LAST_YEAR, CaseStudySort
from hub.models import Category, CouncilType, KeyArea, Region, Theme


def term_field(queryset, noun: str) -> forms.ModelChoiceField:
    """A facet chosen by its slug in the URL, refused with a plain message when unknown."""
    return forms.ModelChoiceField(
        queryset=queryset,
        to_field_name="slug",
        required=False,
        error_messages={
            "invalid_choice": f"There is no {noun} called ‘%(value)s’. "
            f"Showing case studies from every {noun}."
        },
    )


class CaseStudyFilterForm(forms.Form):
    """The finder's query string: search words, one value per facet, and the sort order."""

    q = forms.CharField(
        label="Search case studies",
        max_length=200,
        required=False,
        strip=True,
        error_messages={"max_length": "Search words must be %(limit_value)d characters or fewer."},
    )
    theme = term_field(Theme.objects.all(), "theme")
    key_area = term_field(KeyArea.objects.all(), "key area or enabler")
    category = term_field(Category.objects.all(), "category")
    region = term_field(Region.objects.all(), "region")
    council_type = term_field(CouncilType.objects.all(), "council type")
    year = forms.IntegerField(
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        error_messages={
            "invalid": "Year must be a year in numbers, like 2024. Showing every year.",
            "min_value": f"Year must be {FIRST_YEAR} or later. Showing every year.",
            "max_value": f"Year must be {LAST_YEAR} or earlier. Showing every year.",
        },
    )
    tag = term_field(Tag.objects.all(), "tag")
    sort = forms.ChoiceField(
        choices=CaseStudySort.choices,
        required=False,
        error_messages={
            "invalid_choice": "Choose how to sort from the list. Showing newest first."
        },
    )

    def chosen_facets(self) -> dict:
        """The facet values that passed validation; refused ones are left out."""
        data = getattr(self, "cleaned_data", {})
        return {name: data[name] for name in FACETS if data.get(name) not in (None, "")}
