"""The Act tools' questions: they validate answers read from the query string, nothing more."""

import copy
import re
from datetime import date
from decimal import Decimal, InvalidOperation

from django import forms

from strategy.act import checker, timeline
from strategy.act.rules import ACT_START, EARLIEST_DATE, LATEST_DATE


MAX_VALUE = Decimal("100000000000")  # £100 billion: anything larger is a typing slip
# A date input's boxes: name, label and width in characters.
DATE_BOXES = [("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4)]


class DateParts:
    """A GOV.UK date input: three text boxes named <name>_day, <name>_month and <name>_year."""

    def __init__(self, name: str, label: str, hint: str, earliest: date, too_early: str):
        self.name, self.label, self.hint = name, label, hint
        self.earliest, self.too_early = earliest, too_early

    def bind(self, form, required: bool) -> "DateParts":
        """A copy for this form, its three boxes added to the form's fields."""
        bound = copy.copy(self)
        bound.required = required
        for part in ("day", "month", "year"):
            form.fields[f"{self.name}_{part}"] = forms.CharField(
                required=False, max_length=10, strip=True
            )
        form.date_inputs.append(bound)
        return bound

    def clean(self, form) -> date | None:
        """The date, or None; errors are added to the day box, the summary's anchor."""
        data = form.cleaned_data
        parts = [data.get(f"{self.name}_{part}", "") for part in ("day", "month", "year")]
        field = f"{self.name}_day"
        if not any(parts):
            if self.required:
                form.add_error(field, f"Enter {self.label[0].lower()}{self.label[1:]}")
            return None
        if not all(parts):
            missing = [
                p for p, v in zip(("a day", "a month", "a year"), parts, strict=True) if not v
            ]
            form.add_error(field, f"{self.label} must include {' and '.join(missing)}")
            return None
        if not all(re.fullmatch(r"[0-9]{1,4}", v) for v in parts) or len(parts[2]) != 4:
            form.add_error(field, f"{self.label} must be a real date, like 24 2 2025")
            return None
        try:
            day = date(int(parts[2]), int(parts[1]), int(parts[0]))
        except ValueError:
            form.add_error(field, f"{self.label} must be a real date, like 24 2 2025")
            return None
        if day < self.earliest:
            form.add_error(field, self.too_early)
            return None
        if day > LATEST_DATE:
            form.add_error(field, f"{self.label} must be {LATEST_DATE:%-d %B %Y} or earlier")
            return None
        return day

    def bound(self, form) -> dict:
        """What the template needs: id, label, hint, errors and each box with what was typed."""
        data = form.data if form.is_bound else {}
        return {
            "name": self.name,
            "label": self.label,
            "hint": self.hint,
            "errors": form.errors.get(f"{self.name}_day", []) if form.is_bound else [],
            "boxes": [
                {
                    "id": f"{self.name}_{part}",
                    "label": label,
                    "width": width,
                    "value": data.get(f"{self.name}_{part}", "")[:10],
                }
                for part, label, width in DATE_BOXES
            ],
        }


class QueryForm(forms.Form):
    """A form read from GET: answers may arrive tampered with, so every field is checked."""

    def __init__(self, *args, **kwargs):
        self.date_inputs: list[DateParts] = []
        super().__init__(*args, **kwargs)

    def date_input(self, name: str) -> dict:
        return next(d.bound(self) for d in self.date_inputs if d.name == name)


def radio(label: str, choices: dict, required_message: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=list(choices.items()),
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": required_message},
    )


# The checker asks one question a page, in this order.
CHECKER_STEPS = [
    ("start-date", ["start"], "When does the procurement start?"),
    ("authority", ["authority"], "Who is buying?"),
    ("contract-for", ["contract_for"], "What is the contract for?"),
    ("contract-kind", ["kind"], "Is it a concession or a utilities contract?"),
    ("route", ["route"], "How will the contract be awarded?"),
    ("value", ["value"], "What is the estimated value of the contract?"),
]
CHECKER_MESSAGES = {
    "authority": "Select who is buying",
    "contract_for": "Select what the contract is for",
    "kind": "Select whether it is a concession or a utilities contract",
    "route": "Select how the contract will be awarded",
    "value": "Enter the estimated value of the contract",
}


class CheckerForm(QueryForm):
    """Every checker answer; those of the steps up to ``upto`` are required."""

    authority = radio("Who is buying?", checker.AUTHORITIES, CHECKER_MESSAGES["authority"])
    contract_for = radio(
        "What is the contract for?", checker.CONTRACT_FOR, CHECKER_MESSAGES["contract_for"]
    )
    kind = radio(
        "Is it a concession or a utilities contract?",
        checker.CONTRACT_KIND,
        CHECKER_MESSAGES["kind"],
    )
    route = radio("How will the contract be awarded?", checker.ROUTES, CHECKER_MESSAGES["route"])
    value = forms.CharField(
        label="What is the estimated value of the contract?", required=False, max_length=40
    )

    start = DateParts(
        "start",
        "The date the procurement starts",
        "The day the tender or transparency notice is published, or was submitted for "
        "publication; for example, 24 2 2025. For a call-off, the day you start the call-off.",
        EARLIEST_DATE,
        "The date the procurement starts must be on or after 1 January 2015",
    )

    def __init__(self, *args, upto: int = len(CHECKER_STEPS), **kwargs):
        super().__init__(*args, **kwargs)
        self.required_names = [n for _, names, _ in CHECKER_STEPS[:upto] for n in names]
        self.start = self.start.bind(self, "start" in self.required_names)

    def clean_value(self):
        raw = self.cleaned_data.get("value", "")
        if not raw:
            return None
        text = raw.replace(",", "").replace("£", "").replace(" ", "")
        if not re.fullmatch(r"-?[0-9]+(\.[0-9]{1,2})?", text):
            raise forms.ValidationError(
                "Estimated value must be an amount in pounds, like 250000 or 250,000.50"
            )
        try:
            value = Decimal(text)
        except InvalidOperation as error:  # pragma: no cover - the pattern rules it out
            raise forms.ValidationError("Estimated value must be an amount in pounds") from error
        if value < 1:
            raise forms.ValidationError("Estimated value must be £1 or more")
        if value >= MAX_VALUE:
            raise forms.ValidationError("Estimated value must be less than £100,000,000,000")
        return value

    def clean(self):
        data = super().clean()
        data["start"] = self.start.clean(self)
        for name in self.required_names:
            if name != "start" and not data.get(name) and name not in self.errors:
                self.add_error(name, CHECKER_MESSAGES[name])
        return data

    def procurement(self) -> checker.Procurement:
        d = self.cleaned_data
        return checker.Procurement(
            d["start"], d["authority"], d["contract_for"], d["kind"], d["route"], d["value"]
        )


TIMELINE_BOOLEANS = list(timeline.CIRCUMSTANCES)


class TimelineForm(QueryForm):
    """The timeline's answers, all on one page."""

    procedure = radio("Which procedure?", timeline.PROCEDURES, "Select the procedure")
    authority = radio("Who is buying?", timeline.AUTHORITIES, "Select who is buying")

    tender_notice = DateParts(
        "tender_notice",
        "The date the tender notice is published",
        "For example, 2 6 2026.",
        ACT_START,
        "The date the tender notice is published must be on or after 24 February 2025, when "
        "the Act's time limits began; for earlier procurements see the PCR 2015 toolkit",
    )
    invitation = DateParts(
        "invitation",
        "The date you will invite tenders",
        "Competitive flexible procedure only. Leave blank to use the earliest possible day.",
        ACT_START,
        "The date you will invite tenders must be on or after 24 February 2025",
    )
    award_notice = DateParts(
        "award_notice",
        "The date you will publish the contract award notice",
        "Leave blank to use the day after the earliest tender deadline.",
        ACT_START,
        "The date you will publish the contract award notice must be on or after 24 February 2025",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in timeline.CIRCUMSTANCES.items():
            self.fields[name] = forms.BooleanField(
                label=label, required=False, initial=name in ("electronic", "all_documents")
            )
        self.tender_notice = self.tender_notice.bind(self, True)
        self.invitation = self.invitation.bind(self, False)
        self.award_notice = self.award_notice.bind(self, False)

    def clean(self):
        data = super().clean()
        for name in ("procedure", "authority"):
            if not data.get(name) and name not in self.errors:
                self.add_error(
                    name, f"Select {'the procedure' if name == 'procedure' else 'who is buying'}"
                )
        notice = data["tender_notice"] = self.tender_notice.clean(self)
        invitation = data["invitation"] = self.invitation.clean(self)
        award = data["award_notice"] = self.award_notice.clean(self)
        if data.get("procedure") == "open":
            if data.get("pre_selected") or data.get("negotiated"):
                self.add_error(
                    "pre_selected",
                    "Pre-selected suppliers and negotiated tendering periods are for the "
                    "competitive flexible procedure: choose it, or untick them",
                )
            if invitation:
                self.add_error(
                    "invitation_day",
                    "Leave the date you will invite tenders blank for the open procedure: "
                    "the tender notice is the invitation",
                )
        if data.get("negotiated") and not data.get("pre_selected"):
            self.add_error(
                "pre_selected",
                "A negotiated tendering period needs pre-selected suppliers: tick both or neither",
            )
        if notice and invitation and invitation <= notice:
            self.add_error(
                "invitation_day", "The date you will invite tenders must be after the tender notice"
            )
        if notice and award and award <= notice:
            self.add_error(
                "award_notice_day",
                "The date you will publish the contract award notice must be after the "
                "tender notice",
            )
        return data

    def plan(self) -> timeline.Plan:
        d = self.cleaned_data
        return timeline.Plan(
            procedure=d["procedure"],
            authority=d["authority"],
            tender_notice=d["tender_notice"],
            invitation=d["invitation"],
            award_notice=d["award_notice"],
            **{name: bool(d.get(name)) for name in TIMELINE_BOOLEANS},
        )
