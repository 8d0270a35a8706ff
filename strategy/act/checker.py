"""The threshold and regime checker: which rules apply to one procurement, each line cited."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from strategy.act.rules import (
    ACT_START,
    BOUNDARY_SECTION,
    BOUNDARY_URL,
    TRANSITION_SECTION,
    TRANSITION_URL,
    RuleBook,
)
from strategy.models.act import Notice


ACT = "https://www.legislation.gov.uk/ukpga/2023/54/section/{}"
FIND_A_TENDER = "https://www.find-tender.service.gov.uk/Home/NoticeTypes"
PART_6_URL = (
    "https://www.lupc.ac.uk/public-procurement/public-procurement/below-threshold-contracts/"
)
FRAMEWORKS_URL = "https://www.wardhadaway.com/insights/updates/procurement-in-a-nutshell-procurement-act-2023-frameworks/"
DIRECT_AWARD_URL = "https://gov.uk/government/publications/procurement-act-2023-guidance-documents-define-phase/direct-award-html"

AUTHORITIES = {
    "council": "A council or other sub-central authority",
    "central": "A central government authority",
}
CONTRACT_FOR = {
    "goods": "Goods",
    "services": "Services",
    "works": "Works",
    "light-touch": "Light touch services (such as health, social care or education services)",
}
CONTRACT_KIND = {
    "standard": "Neither",
    "concession": "A concession contract",
    "utilities": "A utilities contract",
}
ROUTES = {
    "competitive": "A competitive tendering procedure (open or competitive flexible)",
    "direct": "A direct award",
    "framework-act": "A call-off under a framework set up under the Act",
    "framework-pcr": "A call-off under a framework set up under PCR 2015 before 24 February 2025",
    "dynamic-market": "An award by reference to membership of a dynamic market",
}


@dataclass(frozen=True)
class Procurement:
    """The checker's answers."""

    start: date
    authority: str
    contract_for: str
    kind: str
    route: str
    value: Decimal


@dataclass
class Line:
    """One cited line of an answer."""

    title: str
    text: str
    section: str
    source_url: str
    partly_verified: bool = False
    outcome: str = ""

    @classmethod
    def citing(cls, rule, title: str, text: str, outcome: str, fallback: tuple[str, str]):
        """A line citing the rule it applied; where none is in force, the (section, URL) given."""
        section, source_url = (rule.section, rule.source_url) if rule else fallback
        partly = bool(rule and rule.is_partly_verified)
        return cls(title, text, section, source_url, partly, outcome=outcome)


@dataclass
class NoticeDue:
    """A notice the procurement leads to, and why."""

    notice: Notice
    why: str
    not_yet_in_force: bool = False


@dataclass
class Answer:
    """Everything the checker says about one procurement."""

    procurement: Procurement
    rules: RuleBook
    regime: str
    lines: list[Line] = field(default_factory=list)
    procedures: list[Line] = field(default_factory=list)
    notices: list[NoticeDue] = field(default_factory=list)
    above_threshold: bool | None = None
    notifiable: bool | None = None
    kpi_duty: bool | None = None

    @property
    def is_act(self) -> bool:
        return self.regime == "act"


def threshold_key(p: Procurement) -> str:
    """Which Sch. 1 threshold applies to this kind of contract."""
    light_touch = p.contract_for == "light-touch"
    if p.kind == "concession":
        return "light-touch-concession" if light_touch else "concession"
    if p.contract_for == "works":
        return "works"
    if p.kind == "utilities":
        return "utilities-light-touch" if light_touch else "utilities-goods-services"
    if light_touch:
        return "light-touch"
    return "goods-services-central" if p.authority == "central" else "goods-services-sub-central"


def pounds(amount) -> str:
    """£1,234 or £1,234.56."""
    amount = Decimal(amount)
    return f"£{amount:,.0f}" if amount == amount.to_integral() else f"£{amount:,.2f}"


def check(p: Procurement, rules: RuleBook | None = None) -> Answer:
    """The regime, threshold, notifiable and KPI answers, procedures and notices for p."""
    rules = rules or RuleBook.on_date(p.start)
    if p.route == "framework-pcr" or p.start < ACT_START:
        return pcr_answer(p, rules)
    answer = Answer(procurement=p, rules=rules, regime="act")
    answer.lines.append(
        Line(
            "Regime",
            f"The Procurement Act 2023 applies: the procurement starts on or after "
            f"{ACT_START:%-d %B %Y}.",
            TRANSITION_SECTION,
            TRANSITION_URL,
            outcome="Procurement Act 2023",
        )
    )
    threshold = rules.value_lines.get(threshold_key(p))
    if threshold is None:
        answer.lines.append(
            Line(
                "Threshold",
                "No threshold for this kind of contract is in force on that date.",
                "Sch. 1",
                BOUNDARY_URL,
                outcome="Not known",
            )
        )
        return answer
    answer.above_threshold = threshold.reached_by(p.value)
    where = "at or above" if answer.above_threshold else "below"
    answer.lines.append(
        Line(
            "Threshold",
            f"{pounds(p.value)} is {where} the threshold of {pounds(threshold.amount)} for "
            f"{threshold.label[0].lower()}{threshold.label[1:]} (VAT included; the amount in force "
            f"from {threshold.effective_from:%-d %B %Y}).",
            threshold.section,
            threshold.source_url,
            threshold.is_partly_verified,
            outcome=("Above threshold" if answer.above_threshold else "Below threshold"),
        )
    )
    answer.lines.append(
        Line(
            "A value equal to the threshold",
            "A value equal to a threshold amount is treated as reaching it (the Act's schedule "
            'says "not less than" the threshold amount).',
            BOUNDARY_SECTION,
            BOUNDARY_URL,
            partly_verified=True,
        )
    )
    if answer.above_threshold:
        above_threshold(answer, rules, p)
    else:
        below_threshold(answer, rules, p)
    return answer


def pcr_answer(p: Procurement, rules: RuleBook) -> Answer:
    """A procurement that stays under PCR 2015 in transition."""
    answer = Answer(procurement=p, rules=rules, regime="pcr")
    if p.route == "framework-pcr":
        why = (
            "PCR 2015 applies, not the Act: call-offs under a framework agreement concluded under "
            "PCR 2015 before 24 February 2025 stay under PCR 2015 (reg 5(1) and 5(3)(a))."
        )
    else:
        why = (
            f"PCR 2015 applies, not the Act: the procurement started before "
            f"{ACT_START:%-d %B %Y} (for example, a contract notice was submitted for publication "
            "or an opportunity was published on Contracts Finder before that day; reg 5(3))."
        )
    answer.lines.append(
        Line("Regime", why, TRANSITION_SECTION, TRANSITION_URL, outcome="PCR 2015 (transition)")
    )
    answer.lines.append(
        Line(
            "Thresholds, procedures and notices",
            "This tool holds the Act's rules only. Use the PCR 2015 toolkit for the thresholds "
            "and procedures, and the earlier legislation's notice types on Find a Tender for every "
            "further notice in this procurement.",
            "Find a Tender notice types",
            FIND_A_TENDER,
        )
    )
    return answer


def above_threshold(answer: Answer, rules: RuleBook, p: Procurement) -> None:
    """Lines, procedures and notices for a public contract under the Act."""
    light_touch = p.contract_for == "light-touch"
    answer.lines.append(
        Line(
            "Below-threshold rules",
            "Not relevant: at or above the threshold, the contract is a public contract and the "
            "below-threshold rules (Part 6) do not apply.",
            "Part 6",
            PART_6_URL,
            outcome="Not relevant",
        )
    )
    kpi = rules.value_lines.get("kpi-duty")
    exempt = light_touch or p.kind == "concession"
    reached = kpi is not None and kpi.reached_by(p.value)
    answer.kpi_duty = reached and not exempt
    if kpi is None:
        text = "No KPI duty line is in force on that date."
    elif exempt:
        text = (
            "No: concessions and light touch contracts are exempt from the duty to set KPIs "
            "(s.52(6))."
        )
    elif reached:
        text = (
            f"Yes: the estimated value is more than {pounds(kpi.amount)}, so set at least three "
            "KPIs before entering into the contract and publish them, unless you consider "
            "performance could not appropriately be assessed by KPIs (s.52(2))."
        )
    else:
        text = f"No: the duty applies only to contracts worth more than {pounds(kpi.amount)}."
    outcome = "Applies" if answer.kpi_duty else "Does not apply"
    answer.lines.append(Line.citing(kpi, "KPI duty", text, outcome, ("s.52", ACT.format(52))))
    standstill = standstill_line(p)
    answer.lines.append(standstill)
    answer.procedures = procedures(p)
    keys = {
        "competitive": [
            (
                "preliminary-market-engagement-notice",
                "If you carry out preliminary market engagement.",
            ),
            (
                "planned-procurement-notice",
                "Optional; published 40 days to 12 months ahead, it can shorten the "
                "tendering period.",
            ),
            ("tender-notice", "To start the procedure."),
        ],
        "dynamic-market": [("tender-notice", "To invite tenders from the market's members.")],
        "direct": [("transparency-notice", "Before the direct award.")],
        "framework-act": [],
    }[p.route]
    keys += [
        ("contract-award-notice", "Before you enter into the contract."),
        (
            "contract-details-notice",
            "Within 120 days of entering into the contract (light touch)."
            if light_touch
            else "Within 30 days of entering into the contract.",
        ),
    ]
    if p.value > 5_000_000:
        keys.append(
            (
                "copy-of-contract",
                "The contract is worth more than £5 million: publish a copy within "
                + ("180 days (light touch)." if light_touch else "90 days."),
            )
        )
    keys.append(
        (
            "contract-performance-notice",
            "KPI assessment at least every 12 months."
            if answer.kpi_duty
            else "Only for a breach or poor performance."
            if not light_touch
            else "",
        )
    )
    if not light_touch:
        keys.append(
            ("contract-change-notice", "If you modify the contract beyond the exempt limits.")
        )
    keys += [
        ("contract-termination-notice", "When the contract ends, including on expiry."),
        ("payment-information", "For each payment over £30,000 under the contract."),
    ]
    if p.route in ("competitive", "direct", "dynamic-market"):
        keys.append(
            ("procurement-termination-notice", "Only if you decide not to award the contract.")
        )
    if light_touch:
        keys = [(k, why) for k, why in keys if k != "contract-performance-notice"]
    answer.notices = notices_due(rules, keys)


def standstill_line(p: Procurement) -> Line:
    """Whether the mandatory 8-working-day standstill applies (s.51)."""
    exempt = {
        "light-touch": "light touch contracts",
        "framework-act": "call-offs under a framework",
        "dynamic-market": "awards by reference to a dynamic market",
    }
    reason = exempt.get(p.contract_for) or exempt.get(p.route)
    if reason:
        text = (
            f"No mandatory standstill for {reason} (s.51(3)). You may set a voluntary standstill "
            "in the contract award notice; it then binds you and must be at least 8 working days."
        )
        outcome = "Voluntary"
    else:
        text = (
            "A mandatory standstill of 8 working days, beginning with the day the contract award "
            "notice is published, before you may enter into the contract."
        )
        if p.route == "direct":
            text += (
                " Not for a direct award for extreme and unavoidable urgency (Schedule 5 "
                "paragraph 13) or under s.42 (s.51(3))."
            )
        outcome = "Mandatory, 8 working days"
    return Line("Standstill", text, "s.51", ACT.format(51), outcome=outcome)


def procedures(p: Procurement) -> list[Line]:
    """The procedures open to the officer for a public contract."""
    if p.route == "direct":
        return [
            Line(
                "Direct award",
                "Only under s.41 with a Schedule 5 justification, s.42 (protecting life and "
                "similar) or s.43 (switching to direct award after no suitable tenders), after a "
                "transparency notice (s.44).",
                "ss.41–44",
                DIRECT_AWARD_URL,
            )
        ]
    if p.route == "framework-act":
        return [
            Line(
                "Call-off under the framework",
                "By competitive selection or by direct award under the framework's terms; a "
                "direct award needs set core terms and an objective selection mechanism.",
                "s.45",
                FRAMEWORKS_URL,
            )
        ]
    lines = [
        Line(
            "Open procedure",
            "A single-stage procedure in which any supplier may tender.",
            "s.20",
            ACT.format(20),
        ),
        Line(
            "Competitive flexible procedure",
            "Any other procedure you design, proportionate to the contract's nature, complexity "
            "and cost.",
            "s.20",
            ACT.format(20),
        ),
    ]
    if p.route == "dynamic-market":
        lines.append(
            Line(
                "Dynamic market",
                "Tenders only from the market's members; the minimum tendering period is 10 days.",
                "s.54(4)",
                ACT.format(54),
            )
        )
    if p.contract_for == "light-touch":
        lines.append(
            Line(
                "Light touch",
                "No minimum time limits and no mandatory standstill apply; award criteria may "
                "also cover service users' or carers' views (s.23(6)).",
                "s.9",
                ACT.format(9),
            )
        )
    return lines


def below_threshold(answer: Answer, rules: RuleBook, p: Procurement) -> None:
    """Lines, procedures and notices for a contract below the threshold."""
    answer.kpi_duty = False
    answer.lines.append(
        Line(
            "KPI duty",
            "No: the duty to set KPIs applies only to public contracts (above the threshold).",
            "s.52",
            ACT.format(52),
            outcome="Does not apply",
        )
    )
    if p.kind != "standard":
        answer.notifiable = False
        answer.lines.append(
            Line(
                "Below-threshold rules",
                "Part 6 does not apply: a concession or utilities contract is not a regulated "
                "below-threshold contract, so it is not notifiable and no Act notices are needed.",
                "Part 6 (ss.84–88)",
                PART_6_URL,
                outcome="Do not apply",
            )
        )
        return
    key = "notifiable-central" if p.authority == "central" else "notifiable-sub-central"
    line = rules.value_lines.get(key)
    answer.notifiable = bool(line and line.reached_by(p.value))
    if line is None:
        text = "No notifiable line is in force on that date."
    elif answer.notifiable:
        text = (
            f"Yes: a regulated below-threshold contract worth {pounds(line.amount)} or more "
            "(VAT included) is notifiable."
        )
    else:
        text = f"No: it is worth less than {pounds(line.amount)} (VAT included)."
    outcome = "Notifiable" if answer.notifiable else "Not notifiable"
    title = "Notifiable below threshold"
    answer.lines.append(Line.citing(line, title, text, outcome, ("Part 6", PART_6_URL)))
    answer.procedures = [
        Line(
            "Your own procedure",
            "No statutory procedure or minimum periods. You may not use a suitability "
            "pre-qualification stage, though suitability may be assessed at evaluation (s.85). "
            "Any time limits must be reasonable and the same for each supplier (s.87(6)).",
            "ss.85, 87",
            ACT.format(85),
        )
    ]
    if answer.notifiable:
        answer.notices = notices_due(
            rules,
            [
                ("below-threshold-tender-notice", "Only if you advertise the contract."),
                ("below-threshold-contract-details-notice", "After you enter into the contract."),
            ],
        )


def notices_due(rules: RuleBook, keys: list[tuple[str, str]]) -> list[NoticeDue]:
    """The notices named, as in force on the day; those that start later, marked so."""
    later = {}
    missing = [key for key, _ in keys if key not in rules.notices]
    if missing:
        for notice in Notice.objects.filter(key__in=missing, effective_from__gt=rules.on).order_by(
            "effective_from"
        ):
            later.setdefault(notice.key, notice)
    due = []
    for key, why in keys:
        if key in rules.notices:
            due.append(NoticeDue(rules.notices[key], why))
        elif key in later:
            due.append(NoticeDue(later[key], why, not_yet_in_force=True))
    return due
