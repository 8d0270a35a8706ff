from django import forms


class SearchForm(forms.Form):
    """The site-wide search query and its content-type filter."""

    q = forms.CharField(label="Search the hub", max_length=200, required=False, strip=True)
    type = forms.ChoiceField(label="Type of content", required=False)

    def __init__(self, *args, type_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", "All types"), *type_choices]
