"""Forms for the guidance side: they only validate."""

from django import forms

from hub.models import Category, Theme
from strategy.enums import Audience, ResourceType


def term_field(label: str, model, every: str) -> forms.ModelChoiceField:
    """A filter chosen by a taxonomy term's slug; left empty, every term."""
    return forms.ModelChoiceField(
        label=label,
        required=False,
        queryset=model.objects.all(),
        to_field_name="slug",
        empty_label=every,
    )


class ResourceFilterForm(forms.Form):
    """The resources library's filters, read from the query string."""

    type = forms.ChoiceField(
        label="Type", required=False, choices=[("", "All types"), *ResourceType.choices]
    )
    theme = term_field("Theme", Theme, "All themes")
    category = term_field("Category", Category, "All categories")
    audience = forms.ChoiceField(
        label="Audience", required=False, choices=[("", "All audiences"), *Audience.choices]
    )

    def filters(self) -> dict:
        """Keyword arguments for ResourceQuerySet.filtered from the fields that validated."""
        data = getattr(self, "cleaned_data", {})
        return {
            "resource_type": data.get("type", ""),
            "theme": data.get("theme"),
            "category": data.get("category"),
            "audience": data.get("audience", ""),
        }
