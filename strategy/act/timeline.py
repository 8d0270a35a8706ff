"""The timeline calculator: earliest deadlines under s.54 and the end of standstill under s.51."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from strategy.act.rules import RuleBook
from strategy.act.workingdays import (
    HOLIDAYS_SOURCE,
    is_working_day,
    nth_working_day,
    skipped_days,
)


ACT = "https://www.legislation.gov.uk/ukpga/2023/54/section/{}"
STANDSTILL_DAYS = 8
PROCEDURES = {
    "open": "Open procedure",
    "competitive-flexible": "Competitive flexible procedure",
}
AUTHORITIES = {
    "council": "A council or other authority that is not central government",
    "central": "A central government authority",
}
CIRCUMSTANCES = {
    "light_touch": "It is a light touch contract",
    "utilities": "It is a utilities contract",
    "qualifying_notice": (
        "A qualifying planned procurement notice was published "
        "(40 days to 12 months before the tender notice)"
    ),
    "urgency": "There is a state of urgency that makes the usual minimum periods impractical",
    "dynamic_market": "The contract is awarded by reference to membership of a dynamic market",
    "pre_selected": "Only pre-selected suppliers may tender (competitive flexible procedure)",
    "negotiated": "The tendering period is negotiated with the pre-selected suppliers",
    "electronic": "Tenders may be submitted electronically",
    "all_documents": "All tender documents are provided with the tender notice",
}


@dataclass(frozen=True)
class Plan:
    """The timeline's answers."""

    procedure: str
    authority: str
    tender_notice: date
    light_touch: bool = False
    utilities: bool = False
    qualifying_notice: bool = False
    urgency: bool = False
    dynamic_market: bool = False
    pre_selected: bool = False
    negotiated: bool = False
    electronic: bool = True
    all_documents: bool = True
    invitation: date | None = None
    award_notice: date | None = None

    @property
    def circumstances(self) -> list[str]:
        """The circumstances ticked, as sentences."""
        return [label for name, label in CIRCUMSTANCES.items() if getattr(self, name)]


@dataclass
class Milestone:
    """One dated step of the timeline."""

    title: str
    day: date | None
    text: str
    section: str
    source_url: str
    partly_verified: bool = False
    assumed: bool = False


@dataclass
class Timeline:
    """The calculated timeline."""

    plan: Plan
    rules: RuleBook
    participation_rows: list = field(default_factory=list)
    tendering_rows: list = field(default_factory=list)
    participation_days: int | None = None
    tendering_days: int | None = None
    milestones: list[Milestone] = field(default_factory=list)
    skipped: list = field(default_factory=list)
    standstill_end: date | None = None

    @property
    def dated(self) -> list[Milestone]:
        """Milestones with a date, in date order (for the calendar and the CSV)."""
        return sorted((m for m in self.milestones if m.day), key=lambda m: m.day)


def participation_keys(plan: Plan) -> list[str]:
    """The s.54(3) rows whose circumstance applies."""
    keys = []
    if plan.light_touch:
        keys.append("participation-light-touch")
    if plan.urgency:
        keys.append("participation-urgency")
    if not keys:
        keys.append("participation-standard")
    return keys


def tendering_keys(plan: Plan) -> list[str]:
    """The s.54(4) rows whose circumstance applies."""
    keys = []
    not_central = plan.utilities or plan.authority != "central"
    if plan.light_touch:
        keys.append("tendering-light-touch")
    if not_central and plan.pre_selected and plan.negotiated:
        keys.append("tendering-negotiated")
    if not_central and plan.pre_selected:
        keys.append("tendering-pre-selected")
    if plan.qualifying_notice:
        keys.append("tendering-qualifying-planned-procurement-notice")
    if plan.urgency:
        keys.append("tendering-urgency")
    if plan.dynamic_market:
        keys.append("tendering-dynamic-market")
    media = "electronic" if plan.electronic else "paper"
    documents = "all-documents" if plan.all_documents else "not-all-documents"
    keys.append(f"tendering-{media}-{documents}")
    return keys


def shortest(rows) -> tuple[bool, int | None]:
    """s.54(3), (4): the shortest minimum of the rows that apply; no minimum beats any number.

    Returns (known, days): known is False when no row is in force.
    """
    if not rows:
        return False, None
    if any(row.days is None for row in rows):
        return True, None
    return True, min(row.days for row in rows)


def earliest_deadline(rules: RuleBook, keys: list[str], start: date, period: str, counts: str):
    """A s.54 period's rows that apply, its shortest minimum, and the earliest deadline it sets.

    `period` is "participation" (s.54(3)) or "tendering" (s.54(4)); `counts` says what the
    minimum counts and from when.
    """
    rows = [rules.period(k) for k in keys if rules.period(k)]
    known, days = shortest(rows)
    title, section = {
        "participation": ("Earliest participation deadline", "s.54(3)"),
        "tendering": ("Earliest tender deadline", "s.54(4)"),
    }[period]
    if known and days is not None:
        deadline, text = start + timedelta(days=days), f"At least {days} days for {counts}."
    else:
        deadline = None
        text = f"No minimum {period} period: set a deadline with regard to s.54(1)."
    return rows, days, Milestone(title, deadline, text, section, ACT.format(54))


def calculate(plan: Plan, rules: RuleBook | None = None) -> Timeline:
    """The earliest deadlines, standstill and notices for plan."""
    rules = rules or RuleBook.on_date(plan.tender_notice)
    t = Timeline(plan=plan, rules=rules)
    ms = t.milestones
    if plan.qualifying_notice:
        ms.append(
            Milestone(
                "Planned procurement notice (UK3), to qualify",
                plan.tender_notice - timedelta(days=40),
                f"Published no later than this day and no earlier than "
                f"{_months_before(plan.tender_notice, 12):%-d %B %Y}: at least 40 days but not "
                "more than 12 months before the tender notice.",
                "s.15(3)",
                ACT.format(15),
                partly_verified=True,
            )
        )
    ms.append(
        Milestone(
            "Tender notice (UK4) published",
            plan.tender_notice,
            "It starts the procedure. Day 1 of each period is the day after the invitation.",
            "s.21, s.54(5)",
            ACT.format(54),
        )
    )
    invitation = plan.tender_notice
    if plan.procedure == "competitive-flexible":
        t.participation_rows, t.participation_days, participation = earliest_deadline(
            rules,
            participation_keys(plan),
            plan.tender_notice,
            "participation",
            "requests to participate, counted from the day after the tender notice",
        )
        ms.append(participation)
        deadline = participation.day
        if plan.invitation:
            invitation = plan.invitation
            assumed = False
        else:
            invitation = (deadline or plan.tender_notice) + timedelta(days=1)
            assumed = True
        ms.append(
            Milestone(
                "Invitation to tender",
                invitation,
                "Assumed to be the day after the earliest participation deadline, the earliest "
                "you could invite tenders."
                if assumed
                else "The day you said you will invite tenders.",
                "s.54(5)",
                ACT.format(54),
                assumed=assumed,
            )
        )
    t.tendering_rows, t.tendering_days, tendering = earliest_deadline(
        rules,
        tendering_keys(plan),
        invitation,
        "tendering",
        "tenders, counted from the day after the invitation to tender; the shortest minimum of the "
        "rows that apply",
    )
    ms.append(tendering)
    tender_deadline = tendering.day
    award = plan.award_notice or (tender_deadline or invitation) + timedelta(days=1)
    ms.append(
        Milestone(
            "Contract award notice (UK6) published",
            award,
            "The day you said you will publish it."
            if plan.award_notice
            else "Assumed to be the day after the earliest tender deadline; in practice it follows "
            "evaluation and the assessment summaries.",
            "s.50",
            ACT.format(50),
            assumed=not plan.award_notice,
        )
    )
    t.standstill_end = nth_working_day(award, STANDSTILL_DAYS)
    t.skipped = skipped_days(award, t.standstill_end)
    if plan.light_touch:
        standstill_text = (
            "No mandatory standstill for a light touch contract (s.51(3)). A voluntary standstill, "
            "if you set one in the contract award notice, must be at least 8 working days and "
            "would end on this day."
        )
    else:
        standstill_text = (
            "The 8 working days begin with the day the contract award notice is published; a "
            "working day is not a weekend or a bank holiday in any part of the UK (s.123)."
        )
    starts_late = not is_working_day(award)
    if starts_late:
        standstill_text += (
            " The notice is published on a day that is not a working day, so the count starts on "
            "the next working day (a reading of the text, not confirmed by guidance)."
        )
    ms.append(
        Milestone(
            "End of standstill",
            t.standstill_end,
            standstill_text,
            "s.51, s.123",
            ACT.format(51),
            partly_verified=starts_late,
        )
    )
    signed = t.standstill_end + timedelta(days=1)
    ms.append(
        Milestone(
            "Earliest day to enter into the contract",
            signed,
            "The contract may not be entered into before the end of the standstill period.",
            "s.51",
            ACT.format(51),
        )
    )
    details_days, copy_days = (120, 180) if plan.light_touch else (30, 90)
    ms.append(
        Milestone(
            "Contract details notice (UK7) due",
            signed + timedelta(days=details_days),
            f"Within {details_days} days of entering into the contract, if you enter into it on "
            "the earliest day (the day after it counted as day 1).",
            "s.53(1)",
            ACT.format(53),
            partly_verified=True,
        )
    )
    ms.append(
        Milestone(
            "Copy of the contract due, if worth more than £5 million",
            signed + timedelta(days=copy_days),
            f"Within {copy_days} days of entering into the contract, counted the same way.",
            "s.53(3)",
            ACT.format(53),
            partly_verified=True,
        )
    )
    return t


def _months_before(day: date, months: int) -> date:
    """The same day of the month, months earlier (the last day of a shorter month)."""
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)


__all__ = ["HOLIDAYS_SOURCE", "Plan", "Timeline", "calculate"]
