"""The comment form: validation only; storing is consultations.services.comment_create."""

import re
import time
import uuid

from django import forms
from django.core import signing
from django.utils.text import capfirst

from consultations.enums import ResponseType
from consultations.models import COMMENT_MAX_LENGTH, LATE_ENTRY_MAX_HOURS
from hub.forms import choice_errors
from hub.models import Council


OTHER_ORGANISATION = "other"
WHOLE_DRAFT = "whole"
# Bidi overrides, embeddings and isolates can make a name display as something else.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
LINE_BREAKS = re.compile("[\r\n\u2028\u2029\x0b\x0c\x85]")
TOKEN_SALT = "consultations.comment-form"  # noqa: S105 - a namespace, not a secret
EMAIL_ERRORS = {
    "required": "Enter your email address",
    "invalid": "Enter an email address in the correct format, like name@council.gov.uk",
    "max_length": "Your email address must be 254 characters or fewer",
}


def form_token(submission_id: uuid.UUID | str) -> str:
    """A signed, timestamped token tying a rendered form to its submission id."""
    return signing.TimestampSigner(salt=TOKEN_SALT).sign(str(submission_id))


def posted_submission_id(data) -> uuid.UUID | None:
    """The submission id a posted comment form carries, if it is one."""
    try:
        return uuid.UUID(str(data.get("submission_id", "")))
    except ValueError:
        return None


def token_age(token: str, submission_id: str) -> float:
    """Seconds since the form was rendered.

    Raises signing.BadSignature when the token was altered or belongs to another submission.
    """
    signer = signing.TimestampSigner(salt=TOKEN_SALT)
    if signer.unsign(token) != submission_id:
        raise signing.BadSignature("Token belongs to another submission")
    stamp = token.rsplit(signer.sep, 2)[1]
    return time.time() - signing.b62_decode(stamp)


class SingleLineField(forms.CharField):
    """Up to 200 characters on one line, with invisible direction controls removed."""

    def __init__(self, *, what: str, **kwargs):
        # `what` names the answer in messages: "your role" gives "Enter your role on one line".
        self.line_message = f"Enter {what} on one line"
        super().__init__(max_length=200, **kwargs)
        self.error_messages["max_length"] = f"{capfirst(what)} must be 200 characters or fewer"

    def to_python(self, value):
        value = super().to_python(value)
        return BIDI_CONTROLS.sub("", value).strip() if value else value

    def validate(self, value):
        super().validate(value)
        if value and LINE_BREAKS.search(value):
            raise forms.ValidationError(self.line_message, code="line_break")


class CommentForm(forms.Form):
    """Who is responding and what they say about the draft."""

    name = SingleLineField(
        label="Full name", what="your name", error_messages={"required": "Enter your full name"}
    )
    email = forms.EmailField(
        label="Work email address", max_length=254, error_messages=EMAIL_ERRORS
    )
    organisation = forms.ChoiceField(
        label="Organisation",
        error_messages=choice_errors('Select your council, or select "Another organisation"'),
    )
    organisation_other = SingleLineField(
        label="Name of your organisation", what="the name of your organisation", required=False
    )
    role = SingleLineField(
        label="Your role", what="your role", error_messages={"required": "Enter your role"}
    )
    response_type = forms.ChoiceField(
        label="Is this your organisation's official response or your personal view?",
        choices=ResponseType.choices,
        widget=forms.RadioSelect,
        error_messages=choice_errors(
            "Select whether this is an official response or your personal view"
        ),
    )
    consent_publish_name = forms.BooleanField(
        label="You may publish my name with my comment", required=False
    )
    consent_publish_organisation = forms.BooleanField(
        label="You may publish the name of my organisation with my comment", required=False
    )
    notify_outcome = forms.BooleanField(
        label="Email me when the outcome is published", required=False
    )
    section = forms.ChoiceField(
        label="What is your comment about?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select what your comment is about",
            "invalid_choice": "Select the whole draft or one of its sections",
        },
    )
    text = forms.CharField(
        label="Your comment",
        strip=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": "Enter your comment"},
    )
    # Left empty by people; off screen and hidden from assistive technology.
    website = forms.CharField(required=False, label="Leave this field empty")
    submission_id = forms.UUIDField(widget=forms.HiddenInput)
    form_token = forms.CharField(widget=forms.HiddenInput, max_length=200)

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = sections
        self.fields["organisation"].choices = [
            ("", "Choose your council"),
            *[(str(pk), name) for pk, name in Council.objects.current().values_list("pk", "name")],
            (OTHER_ORGANISATION, "Another organisation"),
        ]
        self.fields["section"].choices = [
            (WHOLE_DRAFT, "The whole draft"),
            *[(s["id"], f"{s['number']}. {s['heading']}") for s in sections],
        ]

    @classmethod
    def blank(cls, *, sections, section: str = "") -> "CommentForm":
        """A new form with its own submission id, on one section if that section exists."""
        submission_id = uuid.uuid4()
        return cls(
            initial={
                "submission_id": submission_id,
                "form_token": form_token(submission_id),
                "section": section if any(s["id"] == section for s in sections) else None,
            },
            sections=sections,
        )

    def renewed(self) -> "CommentForm":
        """The answers as sent, with a fresh token for the same submission, to send again."""
        data = self.data.copy()
        submission_id = posted_submission_id(data) or uuid.uuid4()
        data["submission_id"] = str(submission_id)
        data["form_token"] = form_token(submission_id)
        return type(self)(data, sections=self.sections)

    def clean_form_token(self):
        # The token ties this form to its submission id; a form altered on the way is refused.
        token = self.cleaned_data["form_token"]
        submission_id = self.cleaned_data.get("submission_id")
        try:
            age = token_age(token, str(submission_id)) if submission_id else None
        except signing.BadSignature:
            age = None
        if age is None:
            raise forms.ValidationError("This form could not be checked", code="unverified")
        # Seconds since the form was shown, for the service's time rules.
        self.cleaned_data["age"] = age
        return token

    def clean_text(self):
        # Browsers send CRLF; store one newline per line so length means what people see.
        text = self.cleaned_data["text"].replace("\r\n", "\n")
        if not text.strip():
            raise forms.ValidationError("Enter your comment", code="required")
        if len(text) > COMMENT_MAX_LENGTH:
            raise forms.ValidationError(
                f"Your comment must be {COMMENT_MAX_LENGTH:,} characters or fewer. It has "
                f"{len(text):,} characters.",
                code="max_length",
            )
        return text

    def clean(self):
        cleaned = super().clean()
        organisation = cleaned.get("organisation")
        if organisation == OTHER_ORGANISATION:
            if not cleaned.get("organisation_other"):
                self.add_error("organisation_other", "Enter the name of your organisation")
            cleaned["council"] = None
        elif organisation:
            cleaned["council"] = Council.objects.filter(pk=organisation).first()
            cleaned["organisation_other"] = ""
        if cleaned.get("section") == WHOLE_DRAFT:
            cleaned["section"] = ""
        return cleaned


class SubscribeForm(forms.Form):
    """An address that would like emails about consultations."""

    email = forms.EmailField(label="Email address", max_length=254, error_messages=EMAIL_ERRORS)


class ResponseSearchForm(forms.Form):
    """Words to look for in published responses."""

    q = SingleLineField(label="Search the responses", what="your search", required=False)


class LateEntryForm(forms.Form):
    """Why a comment may come in after the close, and for how long the link works."""

    reason = forms.CharField(
        label="Reason",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Recorded with the comment and in the audit log.",
    )
    hours = forms.IntegerField(
        label="Link works for (hours)",
        min_value=1,
        max_value=LATE_ENTRY_MAX_HOURS,
        initial=LATE_ENTRY_MAX_HOURS,
    )


class RespondentForm(forms.Form):
    """The address whose data staff look up, export or erase."""

    email = forms.EmailField(label="Email address", max_length=254)
