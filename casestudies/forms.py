from django import forms

from casestudies.enums import CaseStudySort
from casestudies.facets import FACETS


class CaseStudyFilterForm(forms.Form):
    """The finder's query string: search words, one value per facet, and the sort order."""

    q = forms.CharField(
        label="Search case studies",
        max_length=200,
        required=False,
        strip=True,
        error_messages={"max_length": "Search words must be %(limit_value)d characters or fewer."},
    )
    sort = forms.ChoiceField(
        choices=CaseStudySort.choices,
        required=False,
        error_messages={
            "invalid_choice": "Choose how to sort from the list. Showing newest first."
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {
            "q": self.fields["q"],
            **{name: facet.form_field() for name, facet in FACETS.items()},
            "sort": self.fields["sort"],
        }

    def chosen_facets(self) -> dict:
        """The facet values that passed validation; refused ones are left out."""
        data = getattr(self, "cleaned_data", {})
        return {name: data[name] for name in FACETS if data.get(name) not in (None, "")}
