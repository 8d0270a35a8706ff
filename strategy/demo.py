"""Demo content for the guidance side: strategy editions, category strategies, toolkits,
resources and findings. Figures come from domain.md and are cited; invented ones say so."""

import datetime

from django.utils.text import slugify

from wagtail.rich_text import RichText

from hub.demo import DemoContext, heading, paragraph, simple_pdf, upsert_document
from hub.demo import upsert_page as upsert_untagged
from strategy.enums import (
    Audience,
    CategoryStrategyStatus,
    EditionStatus,
    Instrument,
    Regime,
    ResourceType,
)
from strategy.models import (
    CategoryStrategyIndexPage,
    CategoryStrategyPage,
    FindingsPage,
    KeyAreaPage,
    ProgressIndexPage,
    ResourceIndexPage,
    ResourcePage,
    StrategyEditionPage,
    StrategyIndexPage,
    ThemePage,
    ToolkitIndexPage,
    ToolkitPage,
)


def upsert_page(parent, model, slug: str, *, tags=(), **fields):
    """hub.demo.upsert_page, also tagging a new page before its first revision is published."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing or not tags:
        return existing or upsert_untagged(parent, model, slug, **fields)
    page = model(slug=slug, **fields)
    page.tags.add(*tags)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


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


FEATURED_KEY_AREAS = {
    "managing-contracts-and-relationships",
    "obtaining-social-value",
    "engaging-local-smes-and-micro-businesses",
}

KEY_AREA_TAGS = {
    "managing-contracts-and-relationships": ["contract management", "supplier relationships"],
    "obtaining-social-value": ["social value"],
    "engaging-local-smes-and-micro-businesses": ["SMEs", "lots"],
    "managing-strategic-risk": ["modern slavery", "supplier failure"],
    "exploiting-digital-technology": ["e-procurement", "data"],
}


def load_strategy(ctx: DemoContext) -> None:
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
                featured=key_area.slug in FEATURED_KEY_AREAS,
                tags=KEY_AREA_TAGS.get(key_area.slug, []),
            )


EDITION_2018_THEMES = [
    (
        "showing-leadership",
        "Showing leadership",
        "Engaging councillors and senior managers, working with partners and engaging strategic "
        "suppliers.",
        [
            "engaging-councillors-and-senior-managers",
            "working-with-partners",
            "engaging-strategic-suppliers",
        ],
    ),
    (
        "behaving-commercially",
        "Behaving commercially",
        "Creating commercial opportunities, managing contracts and relationships, and managing "
        "strategic risk.",
        [
            "creating-commercial-opportunities",
            "managing-contracts-and-relationships",
            "managing-strategic-risk",
        ],
    ),
    (
        "achieving-community-benefits",
        "Achieving community benefits",
        "Obtaining social value, engaging local SMEs and micro-businesses and enabling VCSE "
        "engagement. The consultation draft called this theme “Driving community benefits”.",
        [
            "obtaining-social-value",
            "engaging-local-smes-and-micro-businesses",
            "enabling-vcse-engagement",
        ],
    ),
    (
        "enablers",
        "Enablers",
        "Developing talent, exploiting digital technology, enabling innovation and embedding "
        "change.",
        [
            "developing-talent",
            "exploiting-digital-technology",
            "enabling-innovation",
            "embedding-change",
        ],
    ),
]

# The 2014 edition had four key areas, each with sub-topics, and no maturity scale.
EDITION_2014_KEY_AREAS = [
    (
        "making-savings",
        "Making savings",
        "Category management, partnering and collaboration, contract management, performance "
        "monitoring and transparency, risk management and demand management.",
        [
            "Category management in the big spend areas: energy, ICT, construction, and social "
            "care through its own category strategy; standard specifications; spend and "
            "supplier analysis.",
            "Partnering and collaboration: aggregating demand, shared services and shared "
            "procurement posts.",
            "Corporate contract management and supplier relationship management.",
            "Performance monitoring and transparency: sharing commercial and performance data.",
            "Risk management.",
            "Demand management.",
        ],
    ),
    (
        "supporting-local-economies",
        "Supporting local economies",
        "Economic, environmental and social value in every contract, and better access for "
        "small firms and the voluntary sector.",
        [
            "Economic, environmental and social value criteria in all contracts.",
            "Better access to contracts for small and medium-sized enterprises (SMEs) and for "
            "voluntary, community and social enterprises (VCSEs).",
        ],
    ),
    (
        "leadership",
        "Leadership",
        "One cohesive voice for local government, commitment at the top of each council and "
        "procurement inside the commissioning cycle.",
        [
            "One cohesive voice for local government procurement.",
            "Commitment from the top of each council.",
            "Procurement as part of the strategic commissioning cycle.",
        ],
    ),
    (
        "modernising-procurement",
        "Modernising procurement",
        "Scope, technology, practices and procedures, and commercialisation.",
        [
            "The scope of procurement across the council.",
            "Technology: e-procurement and e-invoicing.",
            "Practices and procedures.",
            "Commercialisation and income generation.",
        ],
    ),
]


def load_past_editions(ctx: DemoContext) -> None:
    """The superseded 2018 and 2014 editions, each pointing to the 2022 edition."""
    current = ctx.shared["nps_2022"]
    index = current.get_parent().specific
    documents = {
        year: upsert_document(
            f"National Procurement Strategy for Local Government in England {year}",
            f"national-procurement-strategy-{year}.pdf",
            simple_pdf(
                f"National Procurement Strategy for Local Government in England {year}",
                [f"The {year} edition, superseded by the 2022 edition."],
            ),
            tags=("strategy",),
        )
        for year in (2018, 2014)
    }
    edition_2018 = upsert_page(
        index,
        StrategyEditionPage,
        "2018",
        title="National Procurement Strategy 2018",
        year=2018,
        status=EditionStatus.SUPERSEDED,
        superseded_by=current,
        subtitle="Delivering the ambition",
        summary="Three themes and four enablers. Each council chose the maturity level it "
        "aimed for in each key area.",
        document=documents[2018],
        foreword="<p>Procurement is not about compliance: it is about what councils can "
        "achieve for their communities with the money they spend. This strategy asks each "
        "council to decide how far it wants to go in each key area, and gives it the means to "
        "measure its progress.</p>",
        foreword_author="National Procurement Champion",
        body=[
            heading("How the 2018 edition worked"),
            paragraph(
                "<p>The 2018 edition set out three themes and four enablers. It was not about "
                "compliance: each council chose the maturity level it aimed for in each key "
                "area, districts could set different objectives from larger councils, and "
                "groups of councils could build regional strategies on the same model. The "
                "accompanying toolkit described each key area (what it is, why it is "
                "important) and what each maturity level looks like.</p>"
            ),
        ],
    )
    key_areas = ctx.shared["key_areas"]
    for slug, title, summary, key_area_slugs in EDITION_2018_THEMES:
        theme_page = upsert_page(
            edition_2018,
            ThemePage,
            slug,
            title=title,
            theme=ctx.shared["themes"].get(slug),
            summary=summary,
        )
        for key_area_slug in key_area_slugs:
            what, why, levels = KEY_AREA_TEXT[key_area_slug]
            upsert_page(
                theme_page,
                KeyAreaPage,
                key_area_slug,
                title=key_areas[key_area_slug].name,
                key_area=key_areas[key_area_slug],
                summary=what,
                what_it_is=f"<p>{what}</p>",
                why_it_matters=f"<p>{why}</p>",
                maturity_descriptors=[
                    ("descriptor", {"level": n, "descriptor": text})
                    for n, text in enumerate(levels, start=1)
                ],
            )
    edition_2014 = upsert_page(
        index,
        StrategyEditionPage,
        "2014",
        title="National Procurement Strategy 2014",
        year=2014,
        status=EditionStatus.SUPERSEDED,
        superseded_by=current,
        summary="The first edition, launched in July 2014, in four key areas: making savings, "
        "supporting local economies, leadership and modernising procurement.",
        document=documents[2014],
        body=[
            heading("Why a national strategy"),
            paragraph(
                "<p>Councils spend somewhere between £38 billion and £45 billion a year with "
                "third parties. The 2014 strategy was the first national statement of how "
                "local government in England would buy together, launched at the LGA "
                "conference in July 2014. It committed the LGA to category strategies for "
                "the largest areas of spend: energy, ICT, construction and social care.</p>"
            ),
        ],
    )
    for slug, title, summary, topics in EDITION_2014_KEY_AREAS:
        upsert_page(
            edition_2014,
            ThemePage,
            slug,
            title=title,
            summary=summary,
            body=[
                heading("What this key area covered"),
                paragraph("<ul>" + "".join(f"<li>{topic}</li>" for topic in topics) + "</ul>"),
            ],
        )


def section(title: str, body: str, actions: tuple[str, ...] = ()) -> tuple[str, dict]:
    """A numbered category-strategy section, with its key actions."""
    return (
        "section",
        {"heading": title, "body": RichText(body), "key_actions": list(actions)},
    )


def appendix(document, description: str = "") -> tuple[str, dict]:
    """An appendix of a category strategy, as a download."""
    return ("appendix", {"document": document, "title": "", "description": description})


def pdf(title: str, lines: list[str], tags: tuple[str, ...] = ()):
    """A demo PDF document with this title."""
    filename = slugify(title)[:80] + ".pdf"
    return upsert_document(title, filename, simple_pdf(title, lines), tags=tags)


ICT_SECTIONS = [
    section(
        "Introduction",
        "<p>Councils spend around £2 billion a year on information technology, about £1 "
        "billion of it on software applications. How that money is spent shapes how well "
        "councils can redesign services, work with partners and serve residents online.</p>"
        "<p>This strategy was consulted on in spring 2017 and published on 11 July 2017.</p>",
    ),
    section(
        "What the strategy aims to achieve",
        "<p>Four aims run through the strategy: value for money, economic growth, better "
        "service delivery and social value. Each council will weigh them differently, but "
        "every technology purchase should be judged against all four.</p>",
        (
            "Agree which of the four aims matter most for each technology procurement before "
            "going to market.",
            "Report the outcomes of major technology contracts against those aims.",
        ),
    ),
    section(
        "Avoiding new legacy",
        "<p>Disparate systems bought one service at a time leave councils with a tangle of "
        "contracts, data formats and interfaces that are costly to change. New purchases "
        "should not create tomorrow's legacy.</p>",
        (
            "Keep a register of systems, contracts and renewal dates across the council.",
            "Ask for open standards and data portability in every specification.",
            "Plan exits from long contracts before they are signed.",
        ),
    ),
    section(
        "Agility without compromising probity",
        "<p>Digital services change quickly, and procurement must keep pace without cutting "
        "corners. Frameworks, dynamic purchasing systems and shorter contracts can give "
        "agility while keeping a clear audit trail.</p>",
        (
            "Use existing frameworks and dynamic purchasing systems where they fit.",
            "Break large programmes into smaller, shorter contracts where that reduces risk.",
        ),
    ),
    section(
        "Who this strategy is for",
        "<p>The strategy is written for councils that are already digital leaders and for "
        "those that are less advanced. It is meant for heads of procurement, digital and ICT "
        "leaders and the service managers who commission technology.</p>",
    ),
    section(
        "Sharing practice",
        "<p>The strategy is a conduit for sharing practice between councils: what worked, "
        "which contracts and frameworks others used, and what they would do differently.</p>",
        (
            "Publish technology procurement plans so neighbouring councils can join in.",
            "Share specifications and lessons through regional procurement networks.",
        ),
    ),
]

ENERGY_2017_SECTIONS = [
    section(
        "Introduction",
        "<p>Energy is one of the largest areas of council spend. This strategy sets out how "
        "councils can spend less on energy and get more from the energy they buy and "
        "generate.</p>",
    ),
    section(
        "Reducing demand",
        "<p>The cheapest energy is the energy not used. Retrofitting council buildings, street "
        "lighting and schools reduces demand for years to come.</p>",
    ),
    section(
        "Buying better",
        "<p>Councils should use flexible purchasing through public buying organisations, "
        "understand the risk in their buying strategy and report prices paid consistently.</p>",
    ),
    section(
        "Generating energy for income",
        "<p>Solar farms, heat networks and other generation can earn income and protect "
        "councils from price rises.</p>",
    ),
    section(
        "Taking part in the energy market and green investment",
        "<p>Some councils supply energy to residents or take part in local energy markets. "
        "Green investment can fund projects that pay back over their life.</p>",
    ),
]

ENERGY_2022_SECTIONS = [
    section(
        "Introduction",
        "<p>Councils spend more than £680 million a year on energy. Since the 2017 strategy, "
        "energy prices, the climate emergency and supply-chain disruption have changed the "
        "market. This strategy, written with the Association for Decentralised Energy, "
        "focuses on reducing consumption, efficiency and energy security.</p>"
        "<p>It is written for procurement officers and for the energy, estates and "
        "sustainability staff they work with.</p>",
        (
            "Name an officer who owns energy procurement and energy management together.",
            "Share this strategy with energy, estates and sustainability colleagues.",
        ),
    ),
    section(
        "Reducing consumption",
        "<p>Reducing how much energy the council uses cuts cost and carbon at once. Start "
        "with the buildings and street lighting that use most.</p>",
        (
            "Rank council buildings by energy use and cost per square metre.",
            "Set a consumption reduction target and report it to councillors each year.",
        ),
    ),
    section(
        "Energy efficiency",
        "<p>Efficiency projects, from LED lighting to building controls, often pay for "
        "themselves within a few years. Procurement can bundle them to attract better "
        "offers.</p>",
        (
            "Build a pipeline of efficiency projects with payback periods.",
            "Use frameworks that include measurement and verification of savings.",
        ),
    ),
    section(
        "Energy security",
        "<p>Price shocks since 2021 showed the risk of buying all energy from the market. "
        "Local generation, storage and long-term power purchase agreements can protect "
        "services.</p>",
        (
            "Assess how exposed the council's budget is to energy price changes.",
            "Consider local generation and power purchase agreements in the energy plan.",
        ),
    ),
    section(
        "Buying energy well",
        "<p>Most councils buy energy through public buying organisations. Understand the "
        "buying strategy, its risk profile and how prices are reported.</p>",
        (
            "Review the council's energy buying strategy and risk appetite with finance.",
            "Compare prices paid with other councils through the regional network.",
        ),
    ),
]

SOCIAL_CARE_SECTIONS = [
    section(
        "Foreword",
        "<p>Social care is where procurement touches people's lives most directly. This "
        "strategy was developed with the Finding Common Purpose project of ADASS and the Care "
        "Provider Alliance.</p>",
    ),
    section(
        "Definitions",
        "<p>Commissioning is the whole cycle of assessing needs, planning, securing services "
        "and reviewing them. Procurement is the part of that cycle that buys services. "
        "Providers include private, voluntary and in-house services.</p>",
    ),
    section(
        "Introduction",
        "<p>Councils and providers share the aim of good care at a sustainable price. The "
        "strategy sets out how procurement can support that aim rather than stand in its "
        "way.</p>",
    ),
    section(
        "Leadership",
        "<p>Directors of adult and children's services, heads of procurement and provider "
        "leaders need a shared view of the market and of what good care costs.</p>",
        ("Hold a joint market review with providers each year.",),
    ),
    section(
        "Outcomes-focused procurement",
        "<p>Specify and pay for the outcomes that matter to people, not only hours of care "
        "delivered.</p>",
        ("Pilot outcome-based specifications in at least one service.",),
    ),
    section(
        "Partnering and collaboration",
        "<p>Councils, the NHS and providers can plan and buy together where markets cross "
        "boundaries.</p>",
    ),
    section(
        "A person-centred approach",
        "<p>People who use services and their carers should shape specifications and "
        "evaluations.</p>",
    ),
    section(
        "Development of markets",
        "<p>Market position statements, fair cost of care work and support for small providers "
        "help keep markets diverse and sustainable.</p>",
        ("Publish a market position statement and keep it up to date.",),
    ),
    section(
        "Making it happen",
        "<p>The LGA and the National Advisory Group will support councils through regional "
        "networks, action-learning sets and shared tools.</p>",
    ),
]

CONSTRUCTION_SECTIONS = [
    section(
        "Why a refresh",
        "<p>The 2014 strategy committed the LGA to a category strategy for construction. "
        "Since then building safety reform, net zero commitments and the Procurement Act 2023 "
        "have changed how councils buy construction. This draft is published for "
        "consultation.</p>",
    ),
    section(
        "The market councils buy from",
        "<p>Construction is one of the largest areas of council capital spend. Illustrative "
        "figure: if a council spends £40 million a year on construction, a 5% improvement in "
        "whole-life value is worth £2 million a year. These figures are illustrative only.</p>",
        ("Map the council's construction pipeline for the next five years.",),
    ),
    section(
        "Collaborative frameworks",
        "<p>Regional frameworks give councils access to contractors without running a full "
        "procurement each time, and give contractors a pipeline to plan against.</p>",
        (
            "Use frameworks that publish their performance and pipeline.",
            "Share the council's pipeline with its regional framework.",
        ),
    ),
    section(
        "Social value and skills",
        "<p>Construction contracts can create apprenticeships, local jobs and spend with local "
        "small firms. Commitments should be measured and verified.</p>",
        ("Set social value measures that are reported and checked during the contract.",),
    ),
    section(
        "Net zero and whole-life carbon",
        "<p>Most of a building's carbon is emitted in making its materials and in running it. "
        "Whole-life carbon assessments belong in design and procurement decisions.</p>",
        ("Ask for whole-life carbon assessments on projects above a set value.",),
    ),
    section(
        "Building safety and quality",
        "<p>Building safety reform places clear duties on clients. Procurement should test "
        "competence and keep the golden thread of information.</p>",
        (
            "Check dutyholder competence at selection.",
            "Require the golden thread of information in contracts.",
        ),
    ),
]


def load_category_strategies(ctx: DemoContext) -> None:
    """The category strategies index and the strategies the consultations refer to."""
    categories = ctx.shared["categories"]
    index = upsert_page(
        ctx.home,
        CategoryStrategyIndexPage,
        "category-strategies",
        title="Category strategies",
        show_in_menus=True,
        summary="National strategies for the largest areas of council spend: ICT and digital, "
        "energy, construction and social care.",
        body=[
            paragraph(
                "<p>The 2014 National Procurement Strategy committed the LGA to category "
                "strategies for the largest areas of spend. Each strategy is written with "
                "councils and partners, consulted on as a draft and then published. Sections "
                "are numbered so that you can link to them and comment on them.</p>"
            )
        ],
    )
    upsert_page(
        index,
        CategoryStrategyPage,
        "ict-and-digital-2017",
        title="National technological and digital procurement category strategy",
        category=categories["ict-and-digital"],
        version="2017",
        status=CategoryStrategyStatus.PUBLISHED,
        published_date=datetime.date(2017, 7, 11),
        summary="How councils can buy technology that gives value for money, supports the "
        "local economy and improves services, without creating new legacy.",
        sections=ICT_SECTIONS,
        tags=["ICT", "digital"],
    )
    energy_2022 = upsert_page(
        index,
        CategoryStrategyPage,
        "energy-2022",
        title="National energy category strategy for local government 2022",
        category=categories["energy"],
        version="2022",
        status=CategoryStrategyStatus.PUBLISHED,
        partners="Association for Decentralised Energy",
        summary="Energising procurement: reducing consumption, improving efficiency and "
        "securing supply, with key actions at the end of each section.",
        sections=ENERGY_2022_SECTIONS,
        tags=["energy", "net zero"],
    )
    councillors_guide = pdf(
        "Energising procurement: a councillor's guide (appendix E)",
        ["Questions councillors can ask about energy procurement."],
        tags=("energy", "councillors"),
    )
    upsert_page(
        index,
        CategoryStrategyPage,
        "energy-2017",
        title="Energising procurement: national energy procurement category strategy",
        category=categories["energy"],
        version="2017",
        status=CategoryStrategyStatus.SUPERSEDED,
        superseded_by=energy_2022,
        summary="The first national energy category strategy: cut demand, buy better, generate "
        "energy for income and invest in green projects.",
        sections=ENERGY_2017_SECTIONS,
        appendices=[appendix(councillors_guide, "Questions for councillors to ask.")],
        tags=["energy"],
    )
    social_care_appendices = [
        pdf(title, [title], tags=("social care",))
        for title in [
            "Appendix 1: model outcome-based standing orders (adult social care)",
            "Appendix 2: model outcome-based standing orders (children's social care)",
            "Appendix 3: draft provider protocol",
            "Appendix 4: action-learning-set framework",
            "Appendix 5: myth busting",
        ]
    ]
    upsert_page(
        index,
        CategoryStrategyPage,
        "social-care-2015",
        title="National social care category strategy for local government",
        category=categories["adult-social-care"],
        version="2015",
        status=CategoryStrategyStatus.PUBLISHED,
        partners="ADASS and the Care Provider Alliance (Finding Common Purpose project)",
        summary="Leadership, outcomes-focused procurement, partnering and a person-centred "
        "approach to buying social care.",
        sections=SOCIAL_CARE_SECTIONS,
        appendices=[appendix(document) for document in social_care_appendices],
        tags=["social care"],
    )
    upsert_page(
        index,
        CategoryStrategyPage,
        "construction-2026",
        title="National construction category strategy 2026: draft for consultation",
        category=categories["construction"],
        version="2026",
        status=CategoryStrategyStatus.DRAFT,
        summary="A refresh of the national approach to buying construction: frameworks, social "
        "value, net zero and building safety. Figures in this draft are illustrative.",
        sections=CONSTRUCTION_SECTIONS,
        tags=["construction", "net zero"],
    )


def topic(about: str, new: str, todo: tuple[str, ...] = ()) -> list:
    """A toolkit topic in the toolkit's house format: what it is about, what is new, what to do."""
    blocks = [
        heading("What is this about?"),
        paragraph(about),
        heading("What is new?"),
        paragraph(new),
    ]
    if todo:
        blocks += [
            heading("What to do"),
            paragraph("<ul>" + "".join(f"<li>{item}</li>" for item in todo) + "</ul>"),
        ]
    return blocks


PCR_SECTIONS = [
    (
        "why-this-toolkit",
        "Why this toolkit?",
        "Who the toolkit is for and how to use it.",
        [
            paragraph(
                "<p>This toolkit helps councils use the Public Contracts Regulations 2015 to "
                "deliver their objectives. It is for procurement and commissioning staff, for "
                "whom the rules are a core skill, and for service, programme and project "
                "managers who need them now and then.</p>"
            ),
            paragraph(
                "<p>It is written in plain language rather than legal language, and it "
                "highlights the flexibilities the 2015 regulations introduced. It does not "
                "replace legal advice.</p>"
            ),
        ],
    ),
    (
        "procurement-routes",
        "Procurement routes",
        "Open, restricted, competitive procedure with negotiation, competitive dialogue, "
        "innovation partnership and negotiation without prior advertising.",
        topic(
            "<p>The regulations set out the procedures a council can use to award a contract "
            "above the thresholds. Choosing the right one early saves time and risk.</p>"
            "<ul><li>Open procedure: anyone may bid. Tenders can be evaluated before "
            "exclusion and selection are checked, so only the winner need be checked.</li>"
            "<li>Restricted procedure: suppliers are shortlisted first.</li>"
            "<li>Competitive procedure with negotiation.</li>"
            "<li>Competitive dialogue.</li>"
            "<li>Innovation partnership.</li>"
            "<li>Negotiated procedure without prior publication, in narrow cases.</li></ul>",
            "<p>The innovation partnership is new, and the competitive procedure with "
            "negotiation is available in more situations than before.</p>",
            (
                "Decide the route when the business case is written, not when the tender is ready.",
                "Record why the route was chosen.",
            ),
        ),
    ),
    (
        "light-touch-regime",
        "Light Touch Regime",
        "Social, health, education and other services bought under lighter rules.",
        topic(
            "<p>Many social, health and education services fall under the Light Touch "
            "Regime. Above its higher threshold a contract notice and award notice are needed, "
            "but the council can design its own procedure, provided it treats suppliers "
            "equally and transparently.</p>",
            "<p>The regime replaced the old distinction between Part A and Part B services.</p>",
            ("Describe the procedure in the notice and keep to it.",),
        ),
    ),
    (
        "selection-and-exclusion",
        "Selection and exclusion",
        "The European Single Procurement Document, grounds for exclusion and self-cleaning.",
        topic(
            "<p>Suppliers declare that they meet the selection criteria and that no grounds "
            "for exclusion apply, using the standard selection questionnaire. Only the "
            "preferred bidder has to provide evidence.</p>",
            "<p>Suppliers can show they have put things right after past misconduct "
            "(self-cleaning), and poor past performance can be a ground for exclusion.</p>",
        ),
    ),
    (
        "market-engagement",
        "Market engagement",
        "Talking to suppliers before a procurement starts.",
        topic(
            "<p>Councils may consult the market before a procurement to plan it and to tell "
            "suppliers about it, as long as this does not distort competition.</p>",
            "<p>The regulations say so explicitly for the first time, and require any "
            "advantage a supplier gains to be neutralised, for example by sharing "
            "information with every bidder.</p>",
            ("Record what was discussed and share relevant information with all bidders.",),
        ),
    ),
    (
        "lots",
        "Lots",
        "Dividing contracts into lots so small firms can bid.",
        topic(
            "<p>Dividing a contract into lots, by size, geography or type of work, helps "
            "small and medium-sized enterprises compete.</p>",
            "<p>Councils must consider lots and explain a decision not to use them.</p>",
        ),
    ),
    (
        "contract-modifications",
        "Contract modifications",
        "When a contract can be changed without a new procurement.",
        topic(
            "<p>Contracts can be changed during their life without a new procurement in the "
            "cases the regulations allow, such as clear review clauses or changes below a set "
            "value.</p>",
            "<p>The regulations list these safe harbours for the first time, with a notice "
            "needed for some modifications.</p>",
        ),
    ),
]


def load_toolkits(ctx: DemoContext) -> None:
    """The toolkits section: the PCR 2015 toolkit (legacy) and the Procurement Act 2023 page."""
    index = upsert_page(
        ctx.home,
        ToolkitIndexPage,
        "toolkits",
        title="Toolkits",
        show_in_menus=True,
        summary="Practical guides to the procurement rules, written for council officers.",
    )
    act = upsert_page(
        index,
        ToolkitPage,
        "procurement-act-2023",
        title="Procurement Act 2023",
        regime=Regime.ACT_2023,
        summary="The rules for procurements started on or after 24 February 2025.",
        body=[
            paragraph(
                "<p>The Procurement Act 2023 applies to procurements started on or after 24 "
                "February 2025. The Public Contracts Regulations 2015 still govern "
                "procurements started before that date, until those contracts end.</p>"
            ),
            heading("What changed"),
            paragraph(
                "<ul><li>A single, flexible competitive procedure alongside the open "
                "procedure.</li><li>A central digital platform for notices and supplier "
                "information.</li><li>New duties to publish contract performance "
                "information.</li><li>A debarment list of excluded suppliers.</li></ul>"
            ),
        ],
        tags=["Procurement Act 2023"],
    )
    toolkit = upsert_page(
        index,
        ToolkitPage,
        "pcr-2015",
        title="Public Contracts Regulations 2015 toolkit",
        regime=Regime.PCR_2015,
        is_legacy=True,
        replaced_by=act,
        summary="Using the Public Contracts Regulations 2015 to deliver council objectives, in "
        "plain language.",
        body=[
            paragraph(
                "<p>The toolkit is organised around questions councils ask, such as “What "
                "improvements can we make in the way we buy?”. Each topic says what it is "
                "about and what is new in the 2015 regulations.</p>"
            )
        ],
        tags=["PCR 2015"],
    )
    for slug, title, summary, body in PCR_SECTIONS:
        upsert_page(toolkit, ToolkitPage, slug, title=title, summary=summary, body=body)


# (slug, title, type, audience, themes, key areas, categories, tags, summary)
RESOURCES = [
    (
        "councillors-guide-to-procurement",
        "A councillor's guide to procurement",
        ResourceType.GUIDE,
        Audience.COUNCILLOR,
        ["showing-leadership"],
        ["engaging-councillors-and-senior-managers"],
        [],
        ["councillors"],
        "What councillors need to know about how their council buys, and the questions to ask.",
    ),
    (
        "dynamic-purchasing-systems-guidance",
        "Dynamic purchasing systems: guidance for councils",
        ResourceType.GUIDE,
        Audience.PROCUREMENT_OFFICER,
        ["behaving-commercially"],
        ["creating-commercial-opportunities"],
        ["adult-social-care"],
        ["DPS", "PCR 2015"],
        "When a dynamic purchasing system fits, how to set one up and how to run it.",
    ),
    (
        "dynamic-purchasing-system-checklist",
        "Dynamic purchasing system checklist",
        ResourceType.CHECKLIST,
        Audience.PROCUREMENT_OFFICER,
        ["behaving-commercially"],
        [],
        [],
        ["DPS"],
        "A step-by-step checklist to accompany the DPS guidance.",
    ),
    (
        "contract-management-operations-manual",
        "Contract management operations manual (template)",
        ResourceType.TEMPLATE,
        Audience.CONTRACT_MANAGER,
        ["behaving-commercially"],
        ["managing-contracts-and-relationships"],
        [],
        ["contract management"],
        "A template manual to adapt for managing a major contract from award to exit.",
    ),
    (
        "making-savings-from-contract-management",
        "Making savings from contract management",
        ResourceType.REPORT,
        Audience.HEAD_OF_PROCUREMENT,
        ["behaving-commercially"],
        ["managing-contracts-and-relationships"],
        [],
        ["contract management", "savings"],
        "Where councils find savings after the contract is signed (LGA, 2013).",
    ),
    (
        "social-value-measures-guide",
        "Measuring social value: a guide for councils",
        ResourceType.GUIDE,
        Audience.COMMISSIONER,
        ["achieving-community-benefits"],
        ["obtaining-social-value"],
        ["construction"],
        ["social value"],
        "Choosing social value measures that can be delivered, checked and reported.",
    ),
    (
        "modern-slavery-statement-guide",
        "Writing a modern slavery statement",
        ResourceType.GUIDE,
        Audience.HEAD_OF_PROCUREMENT,
        ["behaving-commercially"],
        ["managing-strategic-risk"],
        [],
        ["modern slavery"],
        "How to assess modern slavery risk in supply chains and report what the council does.",
    ),
    (
        "e-invoicing-making-it-happen",
        "E-invoicing: making it happen",
        ResourceType.GUIDE,
        Audience.PROCUREMENT_OFFICER,
        ["enablers"],
        ["exploiting-digital-technology"],
        ["ict-and-digital"],
        ["e-invoicing", "e-procurement"],
        "Moving suppliers to electronic invoices: the business case, the steps and the pitfalls.",
    ),
    (
        "pcr-2015-briefing-for-councillors",
        "PCR 2015: a briefing for councillors",
        ResourceType.SLIDES,
        Audience.COUNCILLOR,
        ["showing-leadership"],
        ["engaging-councillors-and-senior-managers"],
        [],
        ["PCR 2015", "councillors"],
        "Slides introducing the Public Contracts Regulations 2015 to councillors.",
    ),
    (
        "energy-procurement-questions-for-councillors",
        "Energy procurement: questions for councillors",
        ResourceType.CHECKLIST,
        Audience.COUNCILLOR,
        ["behaving-commercially"],
        [],
        ["energy"],
        ["energy", "councillors"],
        "Questions councillors can ask about how the council buys and uses energy.",
    ),
    (
        "lotting-to-open-contracts-to-smes",
        "Lotting contracts to open them to small firms",
        ResourceType.GUIDE,
        Audience.PROCUREMENT_OFFICER,
        ["achieving-community-benefits"],
        ["engaging-local-smes-and-micro-businesses"],
        ["highways-and-transport"],
        ["SMEs", "lots"],
        "How to divide contracts into lots so that local small and micro-businesses can bid.",
    ),
]


def load_resources(ctx: DemoContext) -> None:
    """The resources library with a download for each resource."""
    index = upsert_page(
        ctx.home,
        ResourceIndexPage,
        "resources",
        title="Resources",
        show_in_menus=True,
        summary="Guides, templates, checklists, reports and slides for council procurement "
        "teams and councillors.",
    )
    themes, key_areas, categories = (
        ctx.shared["themes"],
        ctx.shared["key_areas"],
        ctx.shared["categories"],
    )
    for slug, title, kind, audience, theme_slugs, area_slugs, cat_slugs, tags, summary in RESOURCES:
        document = pdf(title, [summary], tags=tuple(tags))
        upsert_page(
            index,
            ResourcePage,
            slug,
            title=title,
            resource_type=kind,
            audience=audience,
            document=document,
            summary=summary,
            themes=[themes[s] for s in theme_slugs],
            key_areas=[key_areas[s] for s in area_slugs],
            categories=[categories[s] for s in cat_slugs],
            tags=tags,
            body=[paragraph(f"<p>{summary}</p>")],
        )


ONE_YEAR_ON_SOURCE = (
    "<p>LGA, “National Procurement Strategy: one year on” online survey of all English "
    "councils, July 2015, as reported by Public Sector Executive (“NPS one year on”). "
    "Percentages are of responding councils.</p>"
)

DIAGNOSTIC_2025_SOURCE = (
    "<p>LGA, National Procurement Strategy diagnostic: third report, 2025. Figures are those "
    "published in the report's summary. Charts marked illustrative are not survey results.</p>"
)


def chart(title, series, rows, *, label_heading="", note="", unit="%", illustrative=False):
    """A chart block value."""
    return (
        "chart",
        {
            "title": title,
            "label_heading": label_heading,
            "unit": unit,
            "series": list(series),
            "rows": [{"label": label, "values": list(values)} for label, values in rows],
            "note": note,
            "illustrative": illustrative,
        },
    )


def figure(value: str, label: str) -> tuple[str, dict]:
    """A headline figure block value."""
    return ("figure", {"figure": value, "label": label})


def load_progress(ctx: DemoContext) -> None:
    """Check your progress: the maturity levels and the findings of past surveys."""
    index = upsert_page(
        ctx.home,
        ProgressIndexPage,
        "check-your-progress",
        title="Check your progress",
        show_in_menus=True,
        summary="How councils measure their progress against the strategy, and what past "
        "surveys and diagnostics found.",
        body=[
            paragraph(
                "<p>The strategy is not about compliance. Each council chooses the maturity "
                "level it aims for in each key area and scores itself from 1 to 5 against the "
                "descriptors on each key area page. One consolidated response per council "
                "gives a national picture; no council's own return is published.</p>"
            ),
            paragraph(
                "<p>Level 3, Mature, is a very satisfactory result and a sound target for most "
                "councils. Few councils are expected to reach Leader or Innovator in every "
                "key area.</p>"
            ),
        ],
    )
    upsert_page(
        index,
        FindingsPage,
        "diagnostic-2025",
        title="The 2025 diagnostic (third report)",
        instrument=Instrument.DIAGNOSTIC,
        published_date=datetime.date(2025, 1, 1),
        respondents="60% of English councils; 5 of the 12 combined authorities also responded.",
        summary="The third national diagnostic against the strategy: participation slightly "
        "down, and little change since 2021 at the national level.",
        source=DIAGNOSTIC_2025_SOURCE,
        headline_figures=[
            figure("60%", "of English councils took part, slightly fewer than in 2021"),
            figure(
                "5 of 12",
                "combined authorities responded; they are excluded from the national analysis",
            ),
            figure("None", "national targets: each council sets its own"),
        ],
        key_messages="<ul><li>Across England there was little change since the 2021 "
        "diagnostic at the aggregate level.</li><li>Councils that did not take part gave "
        "three main reasons: they use other benchmarks such as the Commercial Continuous "
        "Improvement Assessment Framework (CCIAF), local government reorganisation, and a "
        "lack of resource.</li></ul>",
        body=[
            chart(
                "Who took part in the 2025 diagnostic",
                ["Took part"],
                [("English councils", [60]), ("Combined authorities (5 of 12)", [42])],
                label_heading="Type of authority",
                note="Combined authorities: 5 of 12 is 42%, rounded.",
            ),
            chart(
                "Councils at level 3 (Mature) or above, by theme",
                ["2021", "2025"],
                [
                    ("Showing leadership", [48, 50]),
                    ("Behaving commercially", [41, 43]),
                    ("Achieving community benefits", [45, 46]),
                    ("Enablers", [37, 39]),
                ],
                label_heading="Theme",
                note="Illustrative figures: the per-level results are in the full report.",
                illustrative=True,
            ),
        ],
    )
    upsert_page(
        index,
        FindingsPage,
        "nps-one-year-on-2015",
        title="NPS one year on (2015)",
        instrument=Instrument.SURVEY,
        published_date=datetime.date(2015, 7, 1),
        respondents="An online survey of all English councils, a year after the 2014 strategy "
        "was launched.",
        summary="Nearly every council knew the 2014 strategy a year after its launch, and "
        "most had committed to its recommendations.",
        source=ONE_YEAR_ON_SOURCE,
        headline_figures=[
            figure("95%", "of councils knew about the National Procurement Strategy"),
            figure("61%", "had committed to its recommendations"),
            figure("£46m", "of savings reported by 26 councils"),
        ],
        key_messages="<p>Upper-tier councils reported strong practice in identifying spend, "
        "social value and e-tendering. District councils relied more on existing frameworks "
        "and on lotting to open contracts to small firms.</p>",
        body=[
            chart(
                "Upper-tier councils: practice in place",
                ["Upper-tier councils"],
                [
                    ("Identify their main spend categories", [99]),
                    ("Advertise through procurement portals", [97]),
                    ("Procurement strategy aligned with the finance director", [92]),
                    ("Cascade PCR 2015 training", [91]),
                    ("Consider social value in all tenders", [88]),
                    ("Procurement strategy underpins the corporate strategy", [87]),
                ],
                label_heading="Practice",
            ),
            chart(
                "Upper-tier and district councils compared",
                ["Upper tier", "Districts"],
                [
                    ("Strategy linked to the corporate strategy", [87, 67]),
                    ("Cascade PCR 2015 training", [91, 69]),
                    ("Take part in procurement networks", [66, 65]),
                ],
                label_heading="Practice",
            ),
            chart(
                "District councils: frameworks and lots",
                ["District councils"],
                [
                    ("Use existing frameworks to a great extent", [52]),
                    ("Use existing frameworks to a moderate extent", [33]),
                    ("Divide contracts into lots to avoid barriers to SMEs", [62]),
                ],
                label_heading="Practice",
            ),
        ],
    )


def load(ctx: DemoContext) -> None:
    """The guidance side, with sections created in the order of the main navigation."""
    load_strategy(ctx)
    load_past_editions(ctx)
    load_progress(ctx)
    load_category_strategies(ctx)
    load_toolkits(ctx)
    load_resources(ctx)
