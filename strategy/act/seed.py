# ruff: noqa: E501 (source addresses and sourced sentences are kept whole)
"""The first edition of the Act rules, from the hub's Procurement Act fact sheet.

Loaded by a data migration, so a fresh ``migrate`` gives working tools. Editors change the rules
in the admin afterwards; this module is not read again.
"""

from datetime import date


ACT_START = date(2025, 2, 24)
NEW_THRESHOLDS = date(2026, 1, 1)

ACT = "https://www.legislation.gov.uk/ukpga/2023/54/section/{}"
THRESHOLDS_2026 = "https://dwfgroup.com/en-ie/news-and-insights/insights/2025/12/new-public-procurement-thresholds"
THRESHOLDS_2026_ALSO = (
    "Same figures: Weightmans, Devonshires and LUPC on the 2026 threshold amounts (SI 2025/1200, "
    "PPN 023); PPN 023 itself not read."
)
BELOW_THRESHOLD = (
    "https://blog.anthonycollins.com/post/102k5a7/procurement-unpacked-below-threshold-contracts"
)
DAC_NOTICES = "https://www.dacbeachcroft.com/en/What-we-think/Day-to-day-implications-of-the-Procurement-Act-Notices-modifications-and-KPIs"
FIND_A_TENDER = "https://www.find-tender.service.gov.uk/Home/NoticeTypes"
CODE_NOTE = "Notice code from secondary sources only."

# (key, label, amount until 31 Dec 2025, amount from 1 Jan 2026): Sch. 1 amounts, VAT included.
THRESHOLDS = [
    (
        "goods-services-sub-central",
        "Goods and services, sub-central authority (such as a council)",
        214904,
        207720,
    ),
    ("goods-services-central", "Goods and services, central government authority", 139688, 135018),
    ("works", "Works (all authorities)", 5372609, 5193000),
    ("light-touch", "Light touch (other than concession or utilities)", 663540, 663540),
    ("concession", "Concessions", 5372609, 5193000),
    ("light-touch-concession", "Light touch concessions", 5372609, 5372609),
    ("utilities-goods-services", "Utilities goods and services", 429809, 415440),
    ("utilities-light-touch", "Utilities light touch", 884720, 884720),
]


def value_lines() -> list[dict]:
    """Both threshold sets, the notifiable below-threshold lines and the KPI duty line."""
    rows = []
    for order, (key, label, until_2025, from_2026) in enumerate(THRESHOLDS):
        for effective_from, amount in ((ACT_START, until_2025), (NEW_THRESHOLDS, from_2026)):
            rows.append(
                {
                    "key": key,
                    "kind": "threshold",
                    "label": label,
                    "amount": amount,
                    "comparison": "at-least",
                    "effective_from": effective_from,
                    "section": "Sch. 1"
                    + (" (SI 2025/1200)" if effective_from == NEW_THRESHOLDS else ""),
                    "source_url": THRESHOLDS_2026,
                    "standing": "verified",
                    "source_note": THRESHOLDS_2026_ALSO,
                    "sort_order": order,
                }
            )
    rows += [
        {
            "key": "notifiable-sub-central",
            "kind": "notifiable",
            "label": "Notifiable below-threshold contract, non-central authority (such as a council)",
            "amount": 30000,
            "comparison": "at-least",
            "effective_from": ACT_START,
            "section": "Part 6 (ss.84–88)",
            "source_url": BELOW_THRESHOLD,
            "standing": "verified",
            "source_note": "Also Ward Hadaway: notifiable from £30,000 including VAT.",
            "sort_order": 20,
        },
        {
            "key": "notifiable-central",
            "kind": "notifiable",
            "label": "Notifiable below-threshold contract, central government authority",
            "amount": 12000,
            "comparison": "at-least",
            "effective_from": ACT_START,
            "section": "Part 6 (ss.84–88)",
            "source_url": BELOW_THRESHOLD,
            "standing": "verified",
            "source_note": "",
            "sort_order": 21,
        },
        {
            "key": "kpi-duty",
            "kind": "kpi",
            "label": "Duty to set at least three KPIs",
            "amount": 5000000,
            "comparison": "more-than",
            "effective_from": ACT_START,
            "section": "s.52(1)",
            "source_url": ACT.format(52),
            "standing": "verified",
            "source_note": '"An estimated value of more than £5 million".',
            "sort_order": 30,
        },
    ]
    return rows


PARTICIPATION = [
    ("participation-light-touch", "Light touch contract", None),
    (
        "participation-urgency",
        "The authority considers there is a state of urgency that makes a 25-day participation period impractical",
        10,
    ),
    ("participation-standard", "Neither of the above applies", 25),
]
TENDERING = [
    ("tendering-light-touch", "Light touch contract", None),
    (
        "tendering-negotiated",
        "Utilities contract, or awarded by an authority that is not a central government authority, "
        "and subject to a negotiated tendering period",
        None,
    ),
    (
        "tendering-pre-selected",
        "Utilities contract, or awarded by an authority that is not a central government authority, "
        "and tenders may be submitted only by pre-selected suppliers",
        10,
    ),
    (
        "tendering-qualifying-planned-procurement-notice",
        "A qualifying planned procurement notice has been published",
        10,
    ),
    (
        "tendering-urgency",
        "The authority considers a state of urgency makes any other applicable minimum impractical",
        10,
    ),
    (
        "tendering-dynamic-market",
        "The contract is awarded by reference to membership of a dynamic market",
        10,
    ),
    (
        "tendering-electronic-all-documents",
        "Electronic submission allowed, and the tender notice and all associated tender documents provided at the same time",
        25,
    ),
    (
        "tendering-electronic-not-all-documents",
        "Electronic submission allowed, but not all documents provided at the same time",
        30,
    ),
    (
        "tendering-paper-all-documents",
        "No electronic submission, but all documents provided at the same time",
        30,
    ),
    (
        "tendering-paper-not-all-documents",
        "No electronic submission, and not all documents provided at the same time",
        35,
    ),
]


def minimum_periods() -> list[dict]:
    """Every row of the two s.54 tables."""
    rows = []
    for table, section, entries in (
        ("participation", "s.54(3)", PARTICIPATION),
        ("tendering", "s.54(4)", TENDERING),
    ):
        for order, (key, circumstance, days) in enumerate(entries):
            rows.append(
                {
                    "key": key,
                    "table": table,
                    "circumstance": circumstance,
                    "days": days,
                    "effective_from": ACT_START,
                    "section": section,
                    "source_url": ACT.format(54),
                    "standing": "verified",
                    "source_note": "",
                    "sort_order": order,
                }
            )
    return rows


def _notice(
    key, code, code_standing, name, section, status, applies_when, timing, contents="", **extra
):
    row = {
        "key": key,
        "code": code,
        "code_standing": code_standing,
        "name": name,
        "section": section,
        "status": status,
        "applies_when": applies_when,
        "timing": timing,
        "contents": contents,
        "below_threshold": False,
        "effective_from": ACT_START,
        "source_url": ACT.format(section.split("(")[0].removeprefix("s.")),
        "standing": "verified",
        "source_note": "" if code_standing == "verified" else CODE_NOTE,
        "sort_order": 0,
    }
    row.update(extra)
    return row


NO_CONTENT_LIST = (
    "The Procurement Regulations 2024 (SI 2024/692) set out what each notice must contain. The "
    "hub's sources do not list the contents of this notice beyond what is said here."
)


def notices() -> list[dict]:
    """The notice catalogue: UK1 to UK17, the below-threshold notices and the contract copy."""
    rows = [
        _notice(
            "pipeline-notice",
            "UK1",
            "verified",
            "Pipeline notice",
            "s.93",
            "mandatory",
            "Only an authority that expects to pay more than £100 million under relevant contracts "
            "in the coming financial year. It lists the contracts over £2 million.",
            "Within 56 days beginning with the first day of the financial year (1 April); Find a "
            'Tender says "between 1 April and 26 May inclusive".',
            "The authority's planned contracts over £2 million, for an 18-month reporting period "
            "from 1 April.",
            source_url=FIND_A_TENDER,
        ),
        _notice(
            "preliminary-market-engagement-notice",
            "UK2",
            "verified",
            "Preliminary market engagement notice",
            "s.17",
            "conditional",
            "If the authority carries out preliminary market engagement, it publishes this notice "
            "before the tender notice, or gives its reasons for not doing so in the tender notice.",
            "Before the tender notice.",
            NO_CONTENT_LIST,
        ),
        _notice(
            "planned-procurement-notice",
            "UK3",
            "verified",
            "Planned procurement notice",
            "s.15",
            "voluntary",
            "Any authority may publish one. Published at least 40 days but not more than 12 months "
            "before the tender notice, it is a qualifying planned procurement notice and can cut the "
            "minimum tendering period to 10 days (s.54(4)). It does not shorten the participation "
            "period.",
            "Before the tender notice; to qualify, 40 days to 12 months before it (s.15(3)).",
            NO_CONTENT_LIST,
        ),
        _notice(
            "tender-notice",
            "UK4",
            "verified",
            "Tender notice",
            "s.21",
            "mandatory",
            "Needed to award a public contract by a competitive tendering procedure (s.19). "
            "Exception: qualifying utilities dynamic markets (s.40).",
            "It starts the procedure.",
            "If the authority did not publish a preliminary market engagement notice after engaging "
            "the market, the tender notice gives its reasons. " + NO_CONTENT_LIST,
        ),
        _notice(
            "below-threshold-tender-notice",
            "UK4",
            "verified",
            "Below-threshold tender notice",
            "s.87(1)",
            "conditional",
            "Only if the authority advertises a notifiable below-threshold contract (£30,000 or "
            "more for a council, including VAT). Not needed if it invites only particular or "
            "pre-selected suppliers (s.87(2)).",
            "Before advertising the contract. Any time limits in it must be reasonable and the "
            "same for each supplier (s.87(6)).",
            NO_CONTENT_LIST,
            below_threshold=True,
            source_note='Code from DAC Beachcroft ("also UK4"): ' + DAC_NOTICES,
            sort_order=1,
        ),
        _notice(
            "transparency-notice",
            "UK5",
            "verified",
            "Transparency notice",
            "s.44",
            "mandatory",
            "Before a direct award under s.41 (with a Schedule 5 justification) or s.43 (switching "
            "to direct award). Not for user choice contracts (Schedule 5 paragraph 15).",
            "Before the award.",
            NO_CONTENT_LIST,
        ),
        _notice(
            "contract-award-notice",
            "UK6",
            "partly-verified",
            "Contract award notice",
            "s.50",
            "mandatory",
            "Before entering into a public contract. Exceptions: defence call-offs under a defence "
            "and security framework; user choice direct awards. Assessment summaries go privately "
            "to bidders first.",
            "Before the contract is entered into. Its publication starts the standstill period: 8 "
            "working days (s.51), where one applies.",
            "It may set a standstill longer than 8 working days, or a voluntary standstill where no "
            "mandatory one applies; once set it binds the authority (s.51(4), (5)). "
            + NO_CONTENT_LIST,
        ),
        _notice(
            "contract-details-notice",
            "UK7",
            "verified",
            "Contract details notice",
            "s.53(1)",
            "mandatory",
            "After entering into a public contract. Not for private utilities or user choice "
            "awards.",
            "Within 30 days of entering into the contract; 120 days for a light touch contract "
            "(s.53(1)(a)).",
            "For a contract over £5 million, it gives access to a copy of the contract and sets out "
            "the 3 most material KPIs (KPIs are published through it: reg 5(3)(l)). It confirms the "
            "conflicts assessment (s.83).",
        ),
        _notice(
            "below-threshold-contract-details-notice",
            "UK7",
            "verified",
            "Below-threshold contract details notice",
            "s.87(3)",
            "mandatory",
            "After entering into a notifiable below-threshold contract (£30,000 or more for a "
            "council, including VAT).",
            "As soon as reasonably practicable after entering into the contract.",
            NO_CONTENT_LIST,
            below_threshold=True,
            source_note='Code from DAC Beachcroft ("also UK7"): ' + DAC_NOTICES,
            sort_order=1,
        ),
        _notice(
            "copy-of-contract",
            "",
            "verified",
            "Copy of the contract (published with the UK7)",
            "s.53(3)",
            "mandatory",
            "Public contracts worth more than £5 million. Not for Welsh devolved awards.",
            "Within 90 days of entering into the contract; 180 days for a light touch contract "
            "(s.53(3)(a)).",
            "A copy of the contract as entered into.",
            sort_order=2,
        ),
        _notice(
            "payment-information",
            "",
            "verified",
            "Information on payments over £30,000",
            "s.70",
            "mandatory",
            "Information on each payment over £30,000 made under a public contract. The notice "
            "code used for it is not confirmed by the hub's sources.",
            "Within 30 days of the end of the quarter in which the payment was made.",
            NO_CONTENT_LIST,
            effective_from=date(2026, 4, 1),
        ),
        _notice(
            "contract-performance-notice",
            "UK9",
            "verified",
            "Contract performance notice",
            "s.71",
            "mandatory",
            "KPI assessment: only for contracts where KPIs were set under s.52(1) (over £5 million "
            "and not exempt). Breach or poor performance: any public contract, whatever its value, "
            "except light touch (s.71(6)). Not for private utilities (s.71(7)).",
            "KPI assessment at least once in every 12 months of the contract and on termination. "
            "Breach or poor performance within 30 days of the trigger.",
            "For KPI assessment, the three KPIs the authority regards as most material, each rated "
            "good, approaching target, requires improvement, inadequate or other (reg 39(4)). A "
            "breach that leads to full termination goes in the contract termination notice instead "
            "(reg 39(9)).",
            effective_from=NEW_THRESHOLDS,
        ),
        _notice(
            "contract-change-notice",
            "UK10",
            "partly-verified",
            "Contract change notice",
            "s.75",
            "mandatory",
            "Before modifying a public contract. Not needed where the change is 10% or less of the "
            "value (goods or services), 15% or less (works) or 10% or less of the term, unless it is "
            "a Schedule 8 paragraph 9 corporate restructuring change. Not needed for light touch or "
            "defence contracts.",
            "Before the modification. For a contract over £5 million, a copy of the modified "
            "contract (or the modification) within 90 days (s.77).",
            "It may set a voluntary standstill of at least 8 working days from its publication "
            "(s.76). " + NO_CONTENT_LIST,
        ),
        _notice(
            "contract-termination-notice",
            "UK11",
            "partly-verified",
            "Contract termination notice",
            "s.80",
            "mandatory",
            "Whenever a public contract ends, including on expiry. Not for private utilities or "
            "user choice awards.",
            "Within 30 days of termination.",
            "Details of a breach that led to full termination (reg 39(9)). " + NO_CONTENT_LIST,
        ),
        _notice(
            "procurement-termination-notice",
            "UK12",
            "partly-verified",
            "Procurement termination notice",
            "s.55",
            "conditional",
            "If the authority decides not to award the contract after a tender or transparency "
            "notice.",
            "As soon as reasonably practicable.",
            NO_CONTENT_LIST,
        ),
        _notice(
            "dynamic-market-intention-notice",
            "UK13",
            "partly-verified",
            "Dynamic market notice: intention",
            "s.39(2)",
            "mandatory",
            "Before establishing a dynamic market.",
            "Before the market is established.",
            NO_CONTENT_LIST,
            source_url=ACT.format(39),
        ),
        _notice(
            "dynamic-market-establishment-notice",
            "UK14",
            "partly-verified",
            "Dynamic market notice: establishment",
            "s.39(3)",
            "mandatory",
            "When a dynamic market is established.",
            "As soon as reasonably practicable after it.",
            NO_CONTENT_LIST,
            source_url=ACT.format(39),
        ),
        _notice(
            "dynamic-market-modification-notice",
            "UK15",
            "partly-verified",
            "Dynamic market notice: modification",
            "s.39(4)",
            "mandatory",
            "When a dynamic market is modified.",
            "As soon as reasonably practicable after it.",
            NO_CONTENT_LIST,
            source_url=ACT.format(39),
        ),
        _notice(
            "dynamic-market-cessation-notice",
            "UK16",
            "partly-verified",
            "Dynamic market notice: cessation",
            "s.39(5)",
            "mandatory",
            "When a dynamic market ceases. Not for private utilities.",
            "As soon as reasonably practicable after it.",
            NO_CONTENT_LIST,
            source_url=ACT.format(39),
        ),
        _notice(
            "payments-compliance-notice",
            "UK17",
            "partly-verified",
            "Payments compliance notice",
            "s.69",
            "mandatory",
            "Every contracting authority, reporting against the 30-day payment term. In England it "
            "runs from 1 January 2026: the first period is 1 January to 31 March 2026, with the "
            "notice due by 30 April 2026.",
            "Every 6 months, within 30 days of the end of each period.",
            "Payments made in the period: the average days to pay; the percentage paid in days "
            "1–30, 31–60 and 61 or later (day 1 is the first day after the invoice day); the "
            "percentage of sums that became payable in the period but were not paid in it; and an "
            "approval statement, with name and job title, by the director or equivalent "
            "responsible for the authority's finances (reg 38).",
            effective_from=NEW_THRESHOLDS,
            source_note="Notice code from secondary sources only (including a supplier's blog).",
        ),
    ]
    for order, row in enumerate(rows):
        row["sort_order"] = order * 10 + row["sort_order"]
    return rows


GLOSSARY = [
    (
        "Assessment summary",
        "assessment summaries",
        "A summary sent privately to each bidder, before the contract award notice is published, "
        "explaining how its tender was assessed.",
        "s.50",
        ACT.format(50),
        "verified",
    ),
    (
        "Central digital platform",
        "CDP",
        "The enhanced Find a Tender service. Authorities and suppliers register on it, authorities "
        "publish their notices on it, and suppliers store their core information and share it only "
        "with authorities they choose.",
        "reg 5, SI 2024/692",
        "https://gov.uk/government/publications/procurement-act-2023-guidance-documents-procure-phase/guidance-central-digital-platform-and-publication-of-information-html",
        "verified",
    ),
    (
        "Central government authority",
        "central government authorities",
        "Has the meaning in Schedule 1 paragraph 5 to the Act. Regulation 44 and Schedule 2 of the "
        "Procurement Regulations 2024 list these bodies; local authorities are not among them.",
        "Sch. 1 para 5",
        "https://www.legislation.gov.uk/uksi/2024/692/regulation/44",
        "verified",
    ),
    (
        "Competitive flexible procedure",
        "competitive flexible",
        "Any competitive tendering procedure the authority designs, other than the open procedure. "
        "The choice must be proportionate to the contract's nature, complexity and cost.",
        "s.20",
        ACT.format(20),
        "verified",
    ),
    (
        "Conflicts assessment",
        "conflicts assessments",
        "An assessment of actual and potential conflicts of interest that the authority prepares "
        "before publishing a tender, dynamic market or transparency notice.",
        "s.83",
        ACT.format(83),
        "verified",
    ),
    (
        "Contract award notice",
        "contract award notices",
        "The notice an authority publishes before entering into a public contract. Its publication "
        "starts the standstill period.",
        "s.50",
        ACT.format(50),
        "verified",
    ),
    (
        "Contract details notice",
        "contract details notices",
        "The notice published after a contract is entered into: within 30 days, or 120 days for a "
        "light touch contract.",
        "s.53",
        ACT.format(53),
        "verified",
    ),
    (
        "Debarment list",
        "",
        "A list kept by a Minister and run by the Procurement Review Unit. Authorities must exclude "
        "suppliers listed on a mandatory ground and consider excluding those listed on a "
        "discretionary ground.",
        "",
        "https://blog.anthonycollins.com/post/102ky0t/procurement-unpacked-contracting-authorities-debarment-list-duties",
        "verified",
    ),
    (
        "Direct award",
        "direct awards",
        "Awarding a contract without competition, only under s.41 (with a Schedule 5 justification), "
        "s.42 (protecting life and similar) or s.43 (switching to direct award), after a "
        "transparency notice (except for a user choice contract).",
        "ss.41–44",
        ACT.format(41),
        "verified",
    ),
    (
        "Dynamic market",
        "dynamic markets",
        "A list of suppliers that meet conditions for membership, open to new suppliers at any time "
        "and with no cap on members. It replaces the dynamic purchasing system.",
        "",
        "https://gov.uk/government/publications/procurement-act-2023-guidance-documents-define-phase/guidance-dynamic-markets-html",
        "verified",
    ),
    (
        "Excluded supplier",
        "excluded suppliers, excludable supplier, excludable suppliers",
        "A supplier is excluded if a mandatory exclusion ground applies to it, and excludable if a "
        "discretionary ground (such as poor performance, Sch. 7) applies.",
        "",
        "https://www.hilldickinson.com/our-view/articles/procurement-act-2023-update-6-changes-to-grounds-for-exclusion-and-the-new-debarment-list",
        "verified",
    ),
    (
        "Framework",
        "frameworks",
        "An agreement setting terms for the later award of contracts (call-offs). Its maximum term is "
        "4 years, or 8 for defence and security and utilities frameworks.",
        "s.47",
        "https://www.wardhadaway.com/insights/updates/procurement-in-a-nutshell-procurement-act-2023-frameworks/",
        "verified",
    ),
    (
        "Key performance indicator",
        "KPI, KPIs, key performance indicators",
        "\"A factor or measure against which a supplier's performance of a contract can be assessed "
        'during the life-cycle of the contract". At least three must be set for a public contract '
        "worth more than £5 million, unless an exemption applies.",
        "s.52",
        ACT.format(52),
        "verified",
    ),
    (
        "Light touch contract",
        "light touch contracts, light touch",
        'A contract "wholly or mainly" for services listed by CPV code in Schedule 1 to the '
        "Procurement Regulations 2024, such as health, social, education and some legal services. "
        "Fewer rules apply: no minimum time limits and no mandatory standstill.",
        "s.9",
        ACT.format(9),
        "verified",
    ),
    (
        "Most advantageous tender",
        "",
        "The award test for a competitive tendering procedure under the Act.",
        "",
        "https://trowers.com/insights/2024/may/procurement-on-demand-changes-to-contract-award-procedures",
        "verified",
    ),
    (
        "National Procurement Policy Statement",
        "NPPS",
        "A statutory statement under s.13 that authorities must have regard to when they procure. The "
        "current statement came into effect on 24 February 2025.",
        "s.13",
        "https://gov.uk/government/publications/procurement-act-2023-guidance-documents-plan-phase/guidance-national-procurement-policy-statement-html",
        "verified",
    ),
    (
        "Negotiated tendering period",
        "",
        "A tendering period agreed between the authority and pre-selected suppliers, where only "
        "those suppliers may tender.",
        "s.54(5)",
        ACT.format(54),
        "verified",
    ),
    (
        "Notifiable below-threshold contract",
        "notifiable below-threshold contracts, notifiable",
        "A regulated below-threshold contract worth £30,000 or more including VAT for a council "
        "(£12,000 for central government). It needs a contract details notice.",
        "Part 6",
        BELOW_THRESHOLD,
        "verified",
    ),
    (
        "Open framework",
        "open frameworks",
        '"A scheme of frameworks that provides for the award of successive frameworks on '
        'substantially the same terms", so new suppliers can join at set points.',
        "s.49",
        "https://gov.wales/node/66837",
        "verified",
    ),
    (
        "Open procedure",
        "",
        "A single-stage competitive tendering procedure in which any supplier may tender.",
        "s.20",
        ACT.format(20),
        "verified",
    ),
    (
        "Participation period",
        "participation periods",
        "In the competitive flexible procedure, the time suppliers have to request to participate. "
        "It runs from the day after the invitation to the deadline day.",
        "s.54",
        ACT.format(54),
        "verified",
    ),
    (
        "Pre-selected supplier",
        "pre-selected suppliers",
        "A supplier assessed as meeting the conditions of participation before being invited to "
        "tender, or a member of the dynamic market concerned.",
        "s.54(5)",
        ACT.format(54),
        "verified",
    ),
    (
        "Procurement Policy Note",
        "PPN, PPNs, Procurement Policy Notes",
        'Government guidance notes on procurement. The "Procurement Act 2023 PPNs" apply to '
        "procurements commenced on or after 24 February 2025; most bind central government only.",
        "",
        "https://gov.uk/government/collections/procurement-policy-notes",
        "verified",
    ),
    (
        "PPON",
        "",
        "The unique identifier an authority or supplier receives when it registers on the central "
        "digital platform.",
        "",
        "https://gov.uk/government/publications/procurement-act-2023-guidance-documents-procure-phase/guidance-central-digital-platform-and-publication-of-information-html",
        "verified",
    ),
    (
        "Qualifying planned procurement notice",
        "qualifying planned procurement notices",
        "A planned procurement notice published at least 40 days but not more than 12 months before "
        "the tender notice. It allows a 10-day minimum tendering period.",
        "s.15(3)",
        ACT.format(15),
        "verified",
    ),
    (
        "Regulated below-threshold contract",
        "regulated below-threshold contracts",
        "A contract below the threshold that is not exempted, a concession or a utilities contract. "
        "Part 6 of the Act applies to it.",
        "Part 6",
        "https://www.lupc.ac.uk/public-procurement/public-procurement/below-threshold-contracts/",
        "verified",
    ),
    (
        "Standstill",
        "standstill period, mandatory standstill, voluntary standstill",
        "The period between publishing a contract award notice and entering into the contract: 8 "
        "working days beginning with the day of publication, where a mandatory standstill applies.",
        "s.51",
        ACT.format(51),
        "verified",
    ),
    (
        "Tender notice",
        "tender notices",
        "The notice that starts a competitive tendering procedure.",
        "s.21",
        ACT.format(21),
        "verified",
    ),
    (
        "Tendering period",
        "tendering periods",
        "The time suppliers have to submit tenders. It runs from the day after the invitation to "
        "tender to the deadline day.",
        "s.54",
        ACT.format(54),
        "verified",
    ),
    (
        "Transparency notice",
        "transparency notices",
        "The notice an authority publishes before a direct award.",
        "s.44",
        ACT.format(44),
        "verified",
    ),
    (
        "User choice contract",
        "user choice contracts",
        "A light touch contract for services for a particular individual, awarded directly where the "
        "individual or their carer has expressed a preference, or only one supplier can provide the "
        "service.",
        "Sch. 5 paras 15–17",
        "https://www.legislation.gov.uk/ukpga/2023/54/schedule/5",
        "verified",
    ),
    (
        "Working day",
        "working days",
        "A day other than a Saturday, a Sunday or a bank holiday in any part of the United Kingdom.",
        "s.123",
        ACT.format(123),
        "verified",
    ),
]


def glossary() -> list[dict]:
    """The glossary's first terms."""
    return [
        {
            "term": term,
            "also_matches": also,
            "definition": definition,
            "section": section,
            "source_url": url,
            "standing": standing,
        }
        for term, also, definition, section, url, standing in GLOSSARY
    ]
