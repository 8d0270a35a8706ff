from django import forms

from wagtail.models import Page

from hub.models import FEEDBACK_TEXT_MAX


def choice_errors(message: str) -> dict:
    """The same message for a choice not made and for one not offered."""
    return dict.fromkeys(["required", "invalid_choice"], message)


class SearchForm(forms.Form):
    """The site-wide search query and its content-type filter."""

    q = forms.CharField(label="Search the hub", max_length=200, required=False, strip=True)
    type = forms.ChoiceField(label="Type of content", required=False)

    def __init__(self, *args, type_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", "All types"), *type_choices]


class PageFeedbackForm(forms.Form):
    """'Is this page useful?': yes or no about a live page, and on no what went wrong."""

    page = forms.IntegerField(widget=forms.HiddenInput)
    useful = forms.ChoiceField(
        choices=[("yes", "Yes"), ("no", "No")],
        error_messages={"required": "Select yes or no", "invalid_choice": "Select yes or no"},
    )
    text = forms.CharField(
        label="What went wrong? (optional)",
        required=False,
        max_length=FEEDBACK_TEXT_MAX,
        widget=forms.Textarea,
        error_messages={
            "max_length": "What went wrong must be %(limit_value)s characters or fewer "
            "(you entered %(show_value)s)"
        },
    )
    # Hidden from people; a bot that fills every field fills it in.
    website = forms.CharField(required=False, label="Leave this field empty")

    def clean_page(self):
        """The live, public page the feedback is about."""
        page = Page.objects.live().public().filter(pk=self.cleaned_data["page"]).first()
        if page is None:
            raise forms.ValidationError("This page is not on the hub")
        return page

    def clean(self):
        data = super().clean()
        if data.get("useful") == "yes":
            data["text"] = ""  # only a no asks what went wrong
        return data
