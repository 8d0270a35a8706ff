"""Table-driven tests of the Act rules: every expected value is written here with its source.

Sources are the sections of the Procurement Act 2023 (and SI 2024/716) as the hub's fact sheet
(domain-act.md) gives them: A7 for thresholds, A4 for the notifiable line, F1 for s.54, F3 for
standstill and working days, F4 for the KPI line, F5 for transition.
"""

from datetime import date
from decimal import Decimal

import pytest

from strategy.act.checker import Procurement, check
from strategy.act.timeline import Plan, calculate
from strategy.act.workingdays import is_working_day, nth_working_day


pytestmark = pytest.mark.django_db

BEFORE_2026 = date(2025, 6, 2)  # under the set in force until 31 December 2025
FROM_2026 = date(2026, 3, 2)  # under the set in force from 1 January 2026


# --- s.54(3): participation period (competitive flexible procedure only) -----------------------
# (row of the table, circumstances, expected minimum days or None for "no minimum")
PARTICIPATION_ROWS = [
    ("s.54(3) light touch contract: no minimum period", {"light_touch": True}, None),
    ("s.54(3) state of urgency: 10 days", {"urgency": True}, 10),
    ("s.54(3) neither of the above: 25 days", {}, 25),
]


@pytest.mark.parametrize(("row", "circumstances", "days"), PARTICIPATION_ROWS)
def test_every_row_of_the_participation_table(row, circumstances, days):
    plan = Plan("competitive-flexible", "council", date(2025, 3, 1), **circumstances)
    result = calculate(plan)
    assert result.participation_days == days, row
    deadline = next(m for m in result.milestones if m.title == "Earliest participation deadline")
    if days is None:
        assert deadline.day is None
    else:
        # s.54(5): the period runs from the day after the tender notice.
        assert deadline.day == date(2025, 3, 1 + days), row


# --- s.54(4): tendering period --------------------------------------------------------------
# (row of the table, procedure, authority, circumstances, expected minimum days or None)
TENDERING_ROWS = [
    ("s.54(4) light touch contract: no minimum", "open", "council", {"light_touch": True}, None),
    (
        "s.54(4) council, negotiated tendering period with pre-selected suppliers: no minimum",
        "competitive-flexible",
        "council",
        {"pre_selected": True, "negotiated": True},
        None,
    ),
    (
        "s.54(4) utilities contract (central government), negotiated: no minimum",
        "competitive-flexible",
        "central",
        {"utilities": True, "pre_selected": True, "negotiated": True},
        None,
    ),
    (
        "s.54(4) council, pre-selected suppliers only: 10 days",
        "competitive-flexible",
        "council",
        {"pre_selected": True},
        10,
    ),
    (
        "s.54(4) utilities contract (central government), pre-selected suppliers: 10 days",
        "competitive-flexible",
        "central",
        {"utilities": True, "pre_selected": True},
        10,
    ),
    (
        "s.54(4) qualifying planned procurement notice: 10 days",
        "open",
        "council",
        {"qualifying_notice": True},
        10,
    ),
    ("s.54(4) state of urgency: 10 days", "open", "council", {"urgency": True}, 10),
    (
        "s.54(4) dynamic market: 10 days",
        "competitive-flexible",
        "council",
        {"dynamic_market": True},
        10,
    ),
    # The four rows for electronic submission and all documents at once, each way.
    *[
        (
            f"s.54(4) {'' if electronic else 'no '}electronic submission, "
            f"{'' if whole else 'not '}all documents at once: {days} days",
            "open",
            "council",
            {"electronic": electronic, "all_documents": whole},
            days,
        )
        for electronic, whole, days in [
            (True, True, 25),
            (True, False, 30),
            (False, True, 30),
            (False, False, 35),
        ]
    ],
    (
        "s.54(4) central government, pre-selected but not utilities: the pre-selected row does "
        "not apply, so electronic with all documents: 25 days",
        "competitive-flexible",
        "central",
        {"pre_selected": True},
        25,
    ),
]


@pytest.mark.parametrize(("row", "procedure", "authority", "circumstances", "days"), TENDERING_ROWS)
def test_every_row_of_the_tendering_table(row, procedure, authority, circumstances, days):
    plan = Plan(procedure, authority, date(2025, 3, 1), **circumstances)
    result = calculate(plan)
    assert result.tendering_days == days, row


def test_the_worked_example_of_s54_5():
    # F1: tender notice 1 March, 25-day minimum: day 1 is 2 March, earliest deadline 26 March.
    result = calculate(Plan("open", "council", date(2025, 3, 1)))
    deadline = next(m for m in result.milestones if m.title == "Earliest tender deadline")
    assert deadline.day == date(2025, 3, 26)


def test_the_shortest_applicable_row_governs():
    # s.54(4): the period must equal or exceed the shortest minimum of the rows that apply.
    plan = Plan(
        "open", "council", date(2025, 3, 1), electronic=False, all_documents=False, urgency=True
    )
    assert calculate(plan).tendering_days == 10


# --- Thresholds at their boundary, under both sets (A7, Sch. 1, VAT included) ----------------
# (what it is for, concession/utilities, who buys, until 31 Dec 2025, from 1 Jan 2026)
THRESHOLDS = [
    ("goods", "standard", "council", 214904, 207720),  # goods/services, sub-central
    ("services", "standard", "council", 214904, 207720),  # goods/services, sub-central
    ("services", "standard", "central", 139688, 135018),  # goods/services, central government
    ("works", "standard", "council", 5372609, 5193000),  # works (all authorities)
    ("light-touch", "standard", "council", 663540, 663540),  # light touch (unchanged)
    ("services", "concession", "council", 5372609, 5193000),  # concessions
    ("light-touch", "concession", "council", 5372609, 5372609),  # light touch concessions
    ("goods", "utilities", "council", 429809, 415440),  # utilities goods and services
    ("light-touch", "utilities", "council", 884720, 884720),  # utilities light touch
]
# One pound under is below; equal and one pound over are at or above. Sch. 1: "not less than"
# the threshold amount (partly verified: the fact sheet does not quote that wording).
OFFSETS = [(-1, False), (0, True), (1, True)]
BOUNDARY_CASES = [
    pytest.param(
        day,
        contract_for,
        kind,
        who,
        amount + offset,
        above,
        id=f"{contract_for}-{kind}-{who}-{day}-{amount + offset}",
    )
    for contract_for, kind, who, until_2025, from_2026 in THRESHOLDS
    for day, amount in ((BEFORE_2026, until_2025), (FROM_2026, from_2026))
    for offset, above in OFFSETS
]


@pytest.mark.parametrize(("day", "contract_for", "kind", "who", "value", "above"), BOUNDARY_CASES)
def test_each_threshold_at_its_boundary_under_both_sets(day, contract_for, kind, who, value, above):
    answer = check(Procurement(day, who, contract_for, kind, "competitive", Decimal(value)))
    assert answer.regime == "act"
    assert answer.above_threshold is above


# A4: notifiable from £30,000 for a council, £12,000 for central government (VAT included).
NOTIFIABLE = [
    ("council", 29999, False),
    ("council", 30000, True),
    ("council", 30001, True),
    ("central", 11999, False),
    ("central", 12000, True),
    ("central", 12001, True),
]


@pytest.mark.parametrize(("who", "value", "notifiable"), NOTIFIABLE)
@pytest.mark.parametrize("day", [BEFORE_2026, FROM_2026])
def test_the_notifiable_line_at_its_boundary(day, who, value, notifiable):
    answer = check(Procurement(day, who, "services", "standard", "competitive", Decimal(value)))
    assert answer.above_threshold is False
    assert answer.notifiable is notifiable


# s.52(1): KPIs for a public contract "with an estimated value of more than £5 million".
KPI = [(4999999, False), (5000000, False), (5000001, True)]


@pytest.mark.parametrize(("value", "duty"), KPI)
@pytest.mark.parametrize("day", [BEFORE_2026, FROM_2026])
def test_the_kpi_line_at_its_boundary(day, value, duty):
    answer = check(
        Procurement(day, "council", "services", "standard", "competitive", Decimal(value))
    )
    assert answer.kpi_duty is duty


def test_light_touch_and_concessions_are_exempt_from_the_kpi_duty():
    # s.52(6): concessions and light touch contracts are exempt.
    for contract_for, kind in (("light-touch", "standard"), ("services", "concession")):
        answer = check(
            Procurement(FROM_2026, "council", contract_for, kind, "competitive", Decimal(9000000))
        )
        assert answer.kpi_duty is False


# --- Cut-overs ----------------------------------------------------------------------------------
# F5, SI 2024/716 reg 5(3): started before 24 February 2025 stays under PCR 2015.
TRANSITION = [
    (date(2025, 2, 23), "pcr"),
    (date(2025, 2, 24), "act"),
]


@pytest.mark.parametrize(("day", "regime"), TRANSITION)
def test_the_transition_cut_over_on_24_february_2025(day, regime):
    answer = check(
        Procurement(day, "council", "services", "standard", "competitive", Decimal(300000))
    )
    assert answer.regime == regime


def test_a_call_off_under_a_pcr_framework_stays_under_pcr_after_the_cut_over():
    # F5: reg 5(1) and 5(3)(a), frameworks concluded before 24 February 2025.
    answer = check(
        Procurement(
            date(2026, 5, 1), "council", "services", "standard", "framework-pcr", Decimal(300000)
        )
    )
    assert answer.regime == "pcr"


# A7: £210,000 of services for a council is below £214,904 on 31 December 2025 and above
# £207,720 on 1 January 2026 (procurements starting on or after 1 January 2026).
THRESHOLD_CUT_OVER = [
    (date(2025, 12, 31), False, Decimal(214904)),
    (date(2026, 1, 1), True, Decimal(207720)),
]


@pytest.mark.parametrize(("day", "above", "amount"), THRESHOLD_CUT_OVER)
def test_the_threshold_cut_over_on_1_january_2026(day, above, amount):
    answer = check(
        Procurement(day, "council", "services", "standard", "competitive", Decimal(210000))
    )
    assert answer.above_threshold is above
    assert answer.rules.value_lines["goods-services-sub-central"].amount == amount


# --- Standstill: 8 working days beginning with the publication day (s.51(2), s.123) ----------
STANDSTILL = [
    # F3 worked example: published Monday 2 June 2025, ends 11 June 2025.
    ("s.51(2) worked example", date(2025, 6, 2), date(2025, 6, 11)),
    # Christmas and New Year: 25, 26 Dec, 1 Jan (all UK) and 2 Jan 2026 (Scotland) skipped:
    # 23, 24, 29, 30, 31 Dec, 5, 6, 7 Jan.
    ("s.123 Christmas and New Year", date(2025, 12, 23), date(2026, 1, 7)),
    # Scotland only: St Andrew's Day observed, Monday 1 December 2025. 27, 28 Nov, 2-5, 8, 9 Dec.
    ("s.123 Scotland-only bank holiday", date(2025, 11, 27), date(2025, 12, 9)),
    # Northern Ireland only: St Patrick's Day, Monday 17 March 2025. 13, 14, 18-21, 24, 25 Mar.
    ("s.123 Northern Ireland-only bank holiday", date(2025, 3, 13), date(2025, 3, 25)),
    # Northern Ireland only: Battle of the Boyne observed, Monday 14 July 2025.
    ("s.123 Northern Ireland-only bank holiday (July)", date(2025, 7, 10), date(2025, 7, 22)),
]


@pytest.mark.parametrize(("row", "published", "ends"), STANDSTILL)
def test_standstill_ends_after_eight_uk_working_days(row, published, ends):
    assert nth_working_day(published, 8) == ends, row
    plan = Plan("open", "council", date(2025, 3, 1), award_notice=published)
    result = calculate(plan)
    assert result.standstill_end == ends, row
    entered = next(
        m for m in result.milestones if m.title == "Earliest day to enter into the contract"
    )
    assert entered.day > ends


def test_scottish_and_northern_irish_bank_holidays_are_not_working_days():
    # s.123: a bank holiday "in any part of the United Kingdom".
    assert not is_working_day(date(2025, 12, 1))  # St Andrew's Day (observed), Scotland
    assert not is_working_day(date(2025, 3, 17))  # St Patrick's Day, Northern Ireland
    assert not is_working_day(date(2026, 1, 2))  # 2 January, Scotland
    assert is_working_day(date(2025, 12, 2))


def test_a_notice_published_on_a_saturday_starts_the_count_on_monday():
    # F3 [P]: published on a non-working day, the count presumably starts on the next working day.
    result = calculate(Plan("open", "council", date(2025, 3, 1), award_notice=date(2025, 6, 7)))
    assert result.standstill_end == date(2025, 6, 18)  # Mon 9 June is day 1
    end = next(m for m in result.milestones if m.title == "End of standstill")
    assert end.partly_verified
