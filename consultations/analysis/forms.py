"""Forms for the analysis workspace: they only validate."""

from urllib.parse import urlencode

from django import forms

from consultations.analysis.filters import FILTERS
from consultations.analysis.models import ResponseTheme, Stance


# In bulk, a stance left as it is on each comment.
KEEP = "keep"


class ThemeForm(forms.Form):
    name = forms.CharField(
        label="Theme name",
        max_length=100,
        error_messages={"required": "Enter a name for the theme."},
    )


def _themes(consultation):
    return ResponseTheme.objects.filter(consultation=consultation)


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        queryset=ResponseTheme.objects.none(),
        label="Merge into",
        empty_label=None,
        error_messages={"required": "Choose the theme to keep."},
    )
    sources = forms.ModelMultipleChoiceField(
        queryset=ResponseTheme.objects.none(),
        label="Themes to merge into it",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one theme to merge."},
    )

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = self.fields["sources"].queryset = _themes(consultation)

    def clean(self):
        cleaned = super().clean()
        target, sources = cleaned.get("target"), cleaned.get("sources")
        if target and sources and all(s.pk == target.pk for s in sources):
            self.add_error("sources", "Choose a theme other than the one you keep.")
        return cleaned


class TagForm(forms.Form):
    """One comment's themes and stance, exactly as ticked."""

    themes = forms.ModelMultipleChoiceField(
        queryset=ResponseTheme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    stance = forms.ChoiceField(
        choices=[*Stance.choices, ("", "Not given yet")],
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = _themes(consultation)


class BulkTagForm(forms.Form):
    """Themes to add to every selected comment, and a stance for them all or none."""

    comments = forms.TypedMultipleChoiceField(
        coerce=int,
        choices=[],
        error_messages={"required": "Select at least one comment to tag."},
    )
    add_themes = forms.ModelMultipleChoiceField(
        queryset=ResponseTheme.objects.none(),
        required=False,
        label="Add themes",
        widget=forms.CheckboxSelectMultiple,
    )
    stance = forms.ChoiceField(
        choices=[(KEEP, "Leave as it is"), *Stance.choices],
        initial=KEEP,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, consultation, comment_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["add_themes"].queryset = _themes(consultation)
        self.fields["comments"].choices = [(pk, pk) for pk in comment_ids]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("stance") == KEEP:
            if not cleaned.get("add_themes"):
                raise forms.ValidationError("Choose a theme to add or a stance to give.")
            cleaned["stance"] = None  # the services' "leave each comment's stance as it is"
        return cleaned


class GroupTagForm(BulkTagForm):
    """Tagging every member of a campaign group."""

    comments = None

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, consultation=consultation, comment_ids=[], **kwargs)


class FilterForm(forms.Form):
    """The comment list's filters, built from FILTERS for one consultation."""

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        for spec in FILTERS:
            self.fields[spec.name] = forms.ChoiceField(
                label=spec.label,
                required=False,
                choices=[("", "Any"), *spec.options(consultation)],
                error_messages={"invalid_choice": f"Choose a {spec.label.lower()} from the list."},
            )

    def apply(self, queryset):
        """The queryset with every chosen filter applied."""
        for spec in FILTERS:
            value = self.cleaned_data.get(spec.name)
            if value:
                queryset = getattr(queryset, spec.method)(value)
        return queryset

    def query_string(self) -> str:
        """The chosen filters, to carry through paging and tagging."""
        return urlencode({k: v for k, v in self.cleaned_data.items() if v})
