"""Demo content for the strategy section: the 2022 edition with its themes and key areas."""

from hub.demo import DemoContext, heading, paragraph, upsert_page
from strategy.enums import EditionStatus
from strategy.models import KeyAreaPage, StrategyEditionPage, StrategyIndexPage, ThemePage


# Key-area text paraphrases the NPS toolkit format: what it is, why it matters, a descriptor per
# maturity level. Descriptors are our own wording.
KEY_AREA_TEXT = {
    "engaging-councillors-and-senior-managers": (
        "Councillors and senior managers understand what procurement can do for the council's "
        "priorities, set its direction and hold it to account.",
        "Procurement shapes how a large share of the council's budget is spent. When leaders "
        "take an interest, commercial decisions follow the council's goals rather than habit.",
        [
            "Procurement is reported to councillors only when the constitution requires it.",
            "A lead councillor for procurement is named and briefed once a year.",
            "Councillors approve the procurement strategy and receive regular reports on outcomes.",
            "Councillors and senior managers champion procurement and challenge results across "
            "services.",
            "The council's leaders help shape national procurement policy and mentor others.",
        ],
    ),
    "working-with-partners": (
        "Buying jointly with other councils and public bodies, sharing teams, frameworks and "
        "know-how where it serves residents better.",
        "Collaboration brings scale, spreads scarce skills and avoids each council solving the "
        "same problem alone.",
        [
            "Collaboration happens occasionally, when a framework is already available.",
            "The council joins regional frameworks and shares some information with neighbours.",
            "Collaboration is planned each year with partners across the region.",
            "The council leads shared procurement teams or joint category plans.",
            "The council creates new partnership models that others adopt.",
        ],
    ),
    "engaging-strategic-suppliers": (
        "Identifying the suppliers that matter most and working with them to improve "
        "performance, cut cost, reduce risk and harness innovation.",
        "A few suppliers account for much of the council's spend and risk. Knowing them well "
        "protects services when markets are under strain.",
        [
            "Strategic suppliers are not identified.",
            "A list of strategic suppliers exists but relationships depend on individuals.",
            "Each strategic supplier has an owner, a relationship plan and regular reviews.",
            "Joint improvement plans with strategic suppliers deliver measured results.",
            "The council shapes supplier relationship management across the sector.",
        ],
    ),
    "creating-commercial-opportunities": (
        "Using the council's buying power, assets and skills to generate income or save money, "
        "within the law and the council's appetite for risk.",
        "Commercial thinking helps protect front-line services when budgets are tight.",
        [
            "Commercial opportunities are not looked for.",
            "Some services look for income, with little central support.",
            "A commercial strategy is agreed and opportunities are assessed consistently.",
            "Commercial ventures deliver planned returns and are reviewed openly.",
            "The council pioneers new commercial models and shares what it learns.",
        ],
    ),
    "managing-contracts-and-relationships": (
        "Control of every contract from inception to completion: performance, payment, change "
        "and exit.",
        "Most value is won or lost after the contract is signed. End-to-end contract management "
        "keeps the savings and the service quality that the procurement promised.",
        [
            "Contracts are filed once signed; problems are handled as they arise.",
            "A contract register exists and major contracts have named managers.",
            "Contracts are managed to a consistent standard with performance measures.",
            "Contract management is a recognised skill, with training and clear savings tracking.",
            "The council sets the standard for contract management that others follow.",
        ],
    ),
    "managing-strategic-risk": (
        "Understanding and managing the risks in supply chains and markets, including "
        "supplier failure, fraud and modern slavery.",
        "Inflation, energy prices and supplier failure have shown how quickly a supply chain can "
        "put services at risk.",
        [
            "Supply risks are considered only when a contract fails.",
            "Risks are recorded for major contracts at the start.",
            "Supply-chain risk is assessed and reviewed for every significant contract.",
            "The council monitors markets and has tested plans for supplier failure.",
            "The council helps shape resilient markets across its region.",
        ],
    ),
    "obtaining-social-value": (
        "Securing wider financial and non-financial benefits for the area through contracts: "
        "jobs, skills, wellbeing and the environment.",
        "The Public Services (Social Value) Act 2012 asks councils to consider it; residents "
        "expect their money to do more than buy a service.",
        [
            "Social value is considered when the law requires it.",
            "Social value questions appear in some tenders.",
            "A social value policy applies to all tenders and outcomes are measured.",
            "Social value commitments are delivered, verified and reported publicly.",
            "The council develops new ways to create and measure social value.",
        ],
    ),
    "engaging-local-smes-and-micro-businesses": (
        "Making it easy for small and micro businesses to win council contracts.",
        "Small local firms create jobs in the area and bring competition and new ideas.",
        [
            "Tenders are advertised as the rules require.",
            "Some contracts are divided into lots and suppliers are told about opportunities.",
            "Barriers to SMEs are removed in every procurement and spend with them is tracked.",
            "SME spend rises year on year and the council supports suppliers to bid.",
            "The council creates new routes for small firms that others copy.",
        ],
    ),
    "enabling-vcse-engagement": (
        "Working with voluntary, community and social enterprise (VCSE) organisations as "
        "providers and partners.",
        "VCSE organisations reach people and places that others do not.",
        [
            "VCSE organisations are treated as any other bidder.",
            "The council talks to the VCSE sector about some services.",
            "VCSE engagement is planned for relevant services and barriers are removed.",
            "VCSE organisations co-design services and win a growing share of contracts.",
            "The council creates new models of working with the VCSE sector.",
        ],
    ),
    "adding-value": (
        "Making sure every procurement adds value beyond price: quality, outcomes and "
        "whole-life cost.",
        "Councils face rising costs; value for money means looking at the whole life of a "
        "contract.",
        [
            "Decisions are made on the lowest price.",
            "Quality is weighed against price in larger procurements.",
            "Whole-life cost and outcomes shape every significant procurement.",
            "Value added is measured and reported for the whole contract portfolio.",
            "The council leads new approaches to measuring value.",
        ],
    ),
    "developing-talent": (
        "Building the skills and careers of procurement and contract management staff.",
        "Good procurement depends on skilled people, and councils compete to recruit them.",
        [
            "Training happens when someone asks for it.",
            "Core training is available to procurement staff.",
            "A skills plan covers procurement and contract managers across services.",
            "The council grows its own talent through apprenticeships and accredited training.",
            "The council trains others and shapes professional standards.",
        ],
    ),
    "exploiting-digital-technology": (
        "Using e-procurement, e-invoicing, data and automation across the buying cycle.",
        "Better data lets councils see what they spend and with whom, and frees time for "
        "work that needs judgement.",
        [
            "Procurement relies on paper and email.",
            "An e-tendering system is used for larger procurements.",
            "The whole procurement cycle is digital and spend data is analysed.",
            "Data drives category plans and contract management across the council.",
            "The council tests new technology and shares the results.",
        ],
    ),
    "enabling-innovation": (
        "Creating room for suppliers and staff to propose new solutions.",
        "New approaches are needed to meet rising demand with less money.",
        [
            "Specifications describe the current service only.",
            "Some procurements ask for outcomes rather than inputs.",
            "Market engagement and outcome specifications are normal practice.",
            "Innovation routes, such as innovation partnerships, are used and evaluated.",
            "The council leads innovative procurement nationally.",
        ],
    ),
    "embedding-change": (
        "Making improvements stick through governance, measurement and culture.",
        "Strategies fail when change depends on a few people.",
        [
            "Improvement depends on individuals.",
            "An improvement plan exists for procurement.",
            "Progress against the strategy is tracked and reported.",
            "Change is embedded across services and sustained over time.",
            "The council helps others embed change.",
        ],
    ),
}


def load(ctx: DemoContext) -> None:
    """Strategy index, the 2022 edition and its themes and key areas."""
    shared = ctx.shared
    index = upsert_page(
        ctx.home,
        StrategyIndexPage,
        "strategy",
        title="National Procurement Strategy",
        show_in_menus=True,
        summary="The strategy for local government procurement in England: its themes, key "
        "areas and the maturity levels councils aim for.",
        body=[
            paragraph(
                "<p>The National Procurement Strategy is written by the Local Government "
                "Association with councils. It is not about compliance: each council chooses the "
                "maturity level it aims for in each key area. The first edition was launched in "
                "2014, followed by editions in 2018 and 2022.</p>"
            )
        ],
    )
    edition = upsert_page(
        index,
        StrategyEditionPage,
        "2022",
        title="National Procurement Strategy 2022",
        year=2022,
        status=EditionStatus.CURRENT,
        subtitle="Supporting local government procurement – from good to great",
        summary="The current edition: three themes and five enablers, with a toolkit to set "
        "objectives and assess maturity in each key area.",
        document=shared.get("nps_2022_pdf"),
        body=[
            heading("Why a new edition"),
            paragraph(
                "<p>The 2022 edition responds to inflation, energy prices, the climate "
                "emergency, supply-chain disruption and supplier failure, the war in Ukraine, "
                "pressure on the social care market and levelling up. It asks councils to make "
                "better use of data, to collaborate, including with commercial partners, to "
                "secure social value and to manage contracts from end to end.</p>"
            ),
        ],
    )
    shared["nps_2022"] = edition
    themes = shared["themes"]
    key_areas = shared["key_areas"]
    for theme_slug, theme in themes.items():
        theme_page = upsert_page(
            edition,
            ThemePage,
            theme_slug,
            title=theme.name,
            theme=theme,
            summary=theme.description,
        )
        for key_area in key_areas.values():
            if key_area.theme_id != theme.pk:
                continue
            what, why, levels = KEY_AREA_TEXT[key_area.slug]
            upsert_page(
                theme_page,
                KeyAreaPage,
                key_area.slug,
                title=key_area.name,
                key_area=key_area,
                summary=what,
                what_it_is=f"<p>{what}</p>",
                why_it_matters=f"<p>{why}</p>",
                maturity_descriptors=[
                    ("descriptor", {"level": n, "descriptor": text})
                    for n, text in enumerate(levels, start=1)
                ],
            )
