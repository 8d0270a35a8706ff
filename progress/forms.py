"""Forms of the self-assessment; they only validate."""

from django import forms

from hub.forms import choice_errors
from hub.models import Council, Level
from hub.models.taxonomy import level_label
from progress.models import AnswerFields, Cycle


def email_field(label: str) -> forms.EmailField:
    """A work email address, with GOV.UK error messages."""
    return forms.EmailField(
        label=label,
        max_length=254,
        error_messages={
            "required": f"Enter {label[0].lower()}{label[1:]}",
            "invalid": "Enter an email address in the correct format, like name@council.gov.uk",
        },
    )


class EmailForm(forms.Form):
    email = email_field("Your work email address")


class StartForm(forms.Form):
    cycle = forms.ModelChoiceField(
        queryset=Cycle.objects.open(),
        label="Self-assessment",
        empty_label=None,
        error_messages=choice_errors("Choose the self-assessment"),
    )
    council = forms.ModelChoiceField(
        queryset=Council.objects.current().filter(is_illustrative=False).exclude(gss_code=""),
        label="Your council",
        empty_label="Choose your council",
        error_messages=choice_errors("Choose your council"),
    )
    department = forms.CharField(
        label="Your department or team",
        help_text="For example, Procurement or Adult social care. Colleagues in the same "
        "department share one answer to each key area.",
        max_length=100,
        error_messages={"required": "Enter your department or team"},
    )


class InviteForm(forms.Form):
    email = email_field("Your colleague's work email address")
    department = forms.CharField(
        label="Their department or team",
        max_length=100,
        error_messages={"required": "Enter their department or team"},
    )


def level_field(label: str) -> forms.TypedChoiceField:
    """A maturity level chosen from radios, 1 to 5."""
    return forms.TypedChoiceField(
        choices=[(value, level_label(value, name)) for value, name in Level.choices],
        coerce=int,
        widget=forms.RadioSelect,
        label=label,
        error_messages=choice_errors(f"Choose the {label.lower()}"),
    )


def notes_field(label: str, help_text: str, max_length: int = 5000) -> forms.CharField:
    """Optional free text, a few lines long."""
    return forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=max_length,
        label=label,
        help_text=help_text,
    )


class AnswerForm(forms.Form):
    current_level = level_field("Current level")
    target_level = level_field("Target level")
    comment = notes_field("Comment", "Why you chose these levels.")
    evidence = notes_field(
        "Evidence you hold", "Documents, reports or data that show the current level."
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, initial=0)

    def clean(self):
        cleaned = super().clean()
        current, target = cleaned.get("current_level"), cleaned.get("target_level")
        if current and target and target < current:
            self.add_error(
                "target_level", "Choose a target level the same as or higher than the current level"
            )
        return cleaned

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in AnswerFields.VALUE_FIELDS}


class AccessRequestForm(StartForm):
    reason = notes_field(
        "Your role at the council (optional)",
        "For example, your job title and why you are filling in the return. It helps the lead "
        "officer or a manager decide.",
        max_length=2000,
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", "Approve"), ("refuse", "Refuse")],
        widget=forms.RadioSelect,
        label="Your decision",
        error_messages=choice_errors("Choose whether to approve or refuse"),
    )
