"""Demo content for case studies: the finder and fourteen case studies across every facet.

Ten are illustrative: fictional councils with invented figures, flagged as such. Four are real
councils with only the figures their published case studies give, and the source cited.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.text import slugify

from taggit.models import Tag

from casestudies.enums import OutcomeKind
from casestudies.models import CaseStudyIndexPage, CaseStudyOutcome, CaseStudyPage, CaseStudyPageTag
from casestudies.services import EDITORS_GROUP, MODERATORS_GROUP, casestudy_index_prepare
from hub.demo import DemoContext, paragraph, simple_pdf, upsert_document, upsert_page
from hub.models import Council


LGA_CASE_STUDIES = "https://www.local.gov.uk/case-studies"

# Real councils named by the sourced case studies below (GSS codes): Medway, Copeland, South
# Staffordshire and West Suffolk, as loaded from the register of English authorities.
REAL_COUNCILS = ["E06000035", "E07000029", "E07000196", "E07000245"]

ILLUSTRATIVE = [
    {
        "slug": "open-book-review-of-home-care-contracts",
        "title": "Open-book review of home-care contracts",
        "council": "northmoor-county-council",
        "year": 2024,
        "themes": ["behaving-commercially"],
        "key_areas": ["managing-contracts-and-relationships"],
        "categories": ["adult-social-care"],
        "tags": ["contract management", "open book", "home care"],
        "summary": "A county council opened the books on its home-care contracts with "
        "providers and agreed rates that kept care on time and avoided cost.",
        "challenge": "Home-care rates had been uplifted by a flat percentage for years. "
        "Providers said the rates no longer covered their costs, and missed visits were rising.",
        "approach": "Commissioners and the three largest providers reviewed actual costs line "
        "by line: pay, travel time, training and overheads. They agreed a cost model, published "
        "it to the market and linked part of each payment to visits made on time.",
        "lessons": "Start with the providers who hold most of the hours, agree what each cost "
        "line means before arguing about numbers, and report on-time visits to councillors "
        "every quarter.",
        "outcomes": [
            (OutcomeKind.SAVINGS, 1_200_000, "a year", "Cost avoided against the old uplift"),
        ],
        "extra": "<p>94% of visits now start within the agreed window.</p>",
        "contact": "Head of commissioning",
        "document": "Open-book cost model template",
    },
    {
        "slug": "a-shared-procurement-team-for-four-districts",
        "title": "A shared procurement team for four districts",
        "council": "brackenfield-district-council",
        "year": 2022,
        "themes": ["showing-leadership"],
        "key_areas": ["working-with-partners"],
        "categories": ["facilities"],
        "tags": ["collaboration", "shared services"],
        "summary": "Four district councils merged their procurement staff into one team and "
        "buy facilities services together.",
        "challenge": "Each district had one or two buyers, so leave or a vacancy stopped "
        "procurement altogether, and each council let the same facilities contracts separately.",
        "approach": "The councils agreed a shared team hosted by one of them, with a joint "
        "forward plan and one set of facilities contracts for cleaning, security and "
        "maintenance, let in lots each council could join.",
        "lessons": "Agree how the hosting council recovers its costs before the team starts, "
        "and give every partner a seat on the board that sets priorities.",
        "outcomes": [(OutcomeKind.SAVINGS, 310_000, "a year", "Across the four councils")],
        "extra": "<p>Two specialist posts are now shared rather than duplicated.</p>",
        "contact": "Shared procurement manager",
    },
    {
        "slug": "social-value-from-a-new-secondary-school",
        "title": "Social value from a new secondary school",
        "council": "harbourside-city-council",
        "year": 2023,
        "themes": ["achieving-community-benefits"],
        "key_areas": ["obtaining-social-value"],
        "categories": ["construction"],
        "tags": ["social value", "apprenticeships", "construction"],
        "summary": "A school build created apprenticeships and kept most of its spend within "
        "30 miles, measured with the national TOMs.",
        "challenge": "The city had high youth unemployment, and previous capital projects had "
        "promised local jobs without checking that they were delivered.",
        "approach": "Social value carried 20% of the quality score. The contractor's "
        "commitments were written into the contract with the TOMs measures and reviewed "
        "monthly by the project board.",
        "lessons": "Ask for commitments you can measure, check them monthly rather than at "
        "completion, and work with the local college from the start.",
        "outcomes": [
            (OutcomeKind.APPRENTICESHIPS, 42, "during the build", ""),
            (OutcomeKind.LOCAL_SPEND, 68, "during the build", "Spend within 30 miles"),
            (OutcomeKind.SOCIAL_VALUE, 3_400_000, "during the build", "Measured with the TOMs"),
        ],
        "contact": "Social value lead",
    },
    {
        "slug": "moving-legacy-systems-to-the-cloud",
        "title": "Moving legacy systems to the cloud through a framework",
        "council": "kelmscott-metropolitan-borough-council",
        "year": 2024,
        "themes": ["enablers"],
        "key_areas": ["exploiting-digital-technology"],
        "categories": ["ict-and-digital"],
        "tags": ["digital", "cloud", "SMEs"],
        "summary": "A metropolitan borough moved 14 legacy systems to cloud hosting through a "
        "national framework, opening the work to smaller suppliers.",
        "challenge": "Fourteen line-of-business systems ran on ageing servers with expensive "
        "support contracts that all ended in the same year.",
        "approach": "The council used a national digital framework, split the migration into "
        "small work packages and ran a supplier day for small firms.",
        "lessons": "Small work packages let small firms compete; keep an architect in-house "
        "to hold the pieces together.",
        "outcomes": [(OutcomeKind.SAVINGS, 560_000, "over five years", "")],
        "extra": "<p>The share of ICT suppliers that are SMEs rose by 11 percentage points.</p>",
        "contact": "Head of digital",
    },
    {
        "slug": "a-flexible-energy-basket-and-rooftop-solar",
        "title": "A flexible energy basket and rooftop solar",
        "council": "thamesgate-london-borough",
        "year": 2023,
        "themes": ["behaving-commercially"],
        "key_areas": ["creating-commercial-opportunities"],
        "categories": ["energy"],
        "tags": ["energy", "net zero", "income generation"],
        "summary": "A London borough joined a flexible energy purchasing basket and earns "
        "income from solar panels on its own roofs.",
        "challenge": "Buying energy once a year on a fixed price left the council exposed to "
        "price spikes, and its depot and library roofs were unused.",
        "approach": "The council joined a public-sector flexible basket that buys ahead in "
        "small tranches, and installed 1.1MW of rooftop solar, selling what it does not use.",
        "lessons": "Agree a risk policy for flexible buying with councillors before the first "
        "purchase, and survey roofs for load-bearing early.",
        "outcomes": [
            (OutcomeKind.INCOME, 95_000, "a year", "From 1.1MW of rooftop solar"),
            (OutcomeKind.CO2E, 240, "a year", ""),
        ],
        "extra": "<p>Unit costs came in 7% below the fixed-price quotes.</p>",
        "contact": "Energy manager",
    },
    {
        "slug": "councillors-review-the-waste-fleet-specification",
        "title": "Councillors review the waste fleet specification",
        "council": "westvale-district-council",
        "year": 2021,
        "themes": ["showing-leadership"],
        "key_areas": ["engaging-councillors-and-senior-managers"],
        "categories": ["waste"],
        "tags": ["councillors", "waste"],
        "summary": "A member-led review of the collection fleet specification cut the cost of "
        "the lease.",
        "challenge": "The fleet lease was due for renewal and the specification had been "
        "copied forward for ten years.",
        "approach": "A cross-party group of councillors reviewed the specification with "
        "officers and drivers, dropping features nobody used and standardising vehicles.",
        "lessons": "Councillors ask the questions officers stop asking; give them the data and "
        "a clear decision to make.",
        "outcomes": [(OutcomeKind.SAVINGS, 420_000, "a year", "On the collection fleet lease")],
        "contact": "Head of environmental services",
    },
    {
        "slug": "lotting-surfacing-works-for-local-firms",
        "title": "Lotting surfacing works for local firms",
        "council": "lowmarsh-borough-council",
        "year": 2025,
        "themes": ["achieving-community-benefits"],
        "key_areas": ["engaging-local-smes-and-micro-businesses"],
        "categories": ["highways-and-transport"],
        "tags": ["SMEs", "local economy", "lots"],
        "summary": "Splitting road surfacing into six lots raised the share of spend with "
        "local small firms.",
        "challenge": "One large highways contract left local surfacing firms as "
        "subcontractors, if at all.",
        "approach": "The council divided surfacing works into six geographical lots, "
        "simplified the selection questions and paid within 14 days.",
        "lessons": "Lots alone are not enough: shorter questionnaires and prompt payment made "
        "the difference for the smallest firms.",
        "outcomes": [
            (OutcomeKind.SME_SPEND, 44, "after two years", "Local SME share, up from 31%"),
        ],
        "contact": "Highways commissioning manager",
    },
    {
        "slug": "an-innovation-partnership-for-bus-data",
        "title": "An innovation partnership for bus data",
        "council": "eastmarsh-combined-authority",
        "year": 2024,
        "themes": ["enablers"],
        "key_areas": ["enabling-innovation"],
        "categories": ["professional-services"],
        "tags": ["innovation", "digital", "transport data"],
        "summary": "A combined authority used an innovation partnership to build a prototype "
        "for real-time bus data in nine months.",
        "challenge": "No product on the market joined up timetables, ticketing and vehicle "
        "locations across the region's operators.",
        "approach": "The authority ran an innovation partnership with two suppliers, paying "
        "for research and development in stages with the option to buy the result.",
        "lessons": "Define the problem, not the solution, and be ready to stop a stage that "
        "is not working.",
        "outcomes": [
            (OutcomeKind.SOCIAL_VALUE, 2_000_000, "", "Regional benefit claimed by the partners"),
        ],
        "extra": "<p>A working prototype was ready in nine months.</p>",
        "contact": "Head of transport innovation",
    },
    {
        "slug": "a-sufficiency-plan-for-childrens-placements",
        "title": "A sufficiency plan for children's placements",
        "council": "penrose-county-council",
        "year": 2025,
        "themes": ["behaving-commercially"],
        "key_areas": ["managing-strategic-risk"],
        "categories": ["childrens-social-care"],
        "tags": ["market shaping", "children's services"],
        "summary": "A county council planned the placements it needs and worked with local "
        "providers to create them.",
        "challenge": "Too few local placements meant children were placed far from home at "
        "high cost, with the council taking whatever the market offered.",
        "approach": "The council published a sufficiency plan, met providers quarterly and "
        "supported new foster carers and small local homes.",
        "lessons": "Share your demand forecast with providers: they cannot invest in what they "
        "cannot see.",
        "outcomes": [],
        "extra": "<p>Placement costs fell by 6% and 12 new local foster places opened.</p>",
        "contact": "Children's commissioning lead",
    },
    {
        "slug": "school-meals-reserved-for-a-social-enterprise",
        "title": "School meals reserved for a social enterprise",
        "council": "dyffryn-county-borough-council",
        "year": 2022,
        "themes": ["achieving-community-benefits"],
        "key_areas": ["enabling-vcse-engagement"],
        "categories": ["food"],
        "tags": ["VCSE", "social value", "jobs"],
        "summary": "A lot of the school meals contract was reserved for a social enterprise "
        "that employs residents facing barriers to work.",
        "challenge": "The council wanted its food spend to create jobs for people furthest "
        "from work, not only to feed pupils.",
        "approach": "One lot of the school meals contract was reserved for supported "
        "businesses and social enterprises, with help to bid from the county voluntary council.",
        "lessons": "Reserved lots work when the voluntary sector is involved before the "
        "tender, not after.",
        "outcomes": [
            (OutcomeKind.JOBS, 18, "", "For residents facing barriers to work"),
            (OutcomeKind.VCSE_SPEND, 12, "of food spend", ""),
        ],
        "contact": "Procurement business partner",
    },
]

REAL = [
    {
        "slug": "redesigning-sen-transport",
        "title": "Redesigning special educational needs transport",
        "council": "medway-council",
        "year": None,
        "themes": ["behaving-commercially", "achieving-community-benefits"],
        "key_areas": [
            "managing-contracts-and-relationships",
            "engaging-local-smes-and-micro-businesses",
        ],
        "categories": ["highways-and-transport"],
        "tags": ["contract management", "SMEs", "transport"],
        "summary": "Medway Council redesigned its transport for children with special "
        "educational needs, saving over £1m a year.",
        "challenge": "Transport for children with special educational needs was one of the "
        "council's largest and fastest-growing contracted services.",
        "approach": "The council redesigned the service and managed its contracts actively. "
        "It also cut its average procurement time from 140 days to 59.",
        "outcomes": [
            (OutcomeKind.SAVINGS, 1_000_000, "a year", "Over £1m a year"),
            (OutcomeKind.SME_SPEND, 45, "", "Share of contracted spend, up from 42%; target 50%"),
        ],
        "source": "Local Government Association, contract management case study: Medway Council.",
    },
    {
        "slug": "a-new-procurement-and-contract-management-strategy",
        "title": "A new procurement and contract management strategy",
        "council": "copeland-borough-council",
        "year": None,
        "themes": ["behaving-commercially"],
        "key_areas": ["managing-contracts-and-relationships"],
        "categories": [],
        "tags": ["contract management", "strategy"],
        "summary": "Copeland Borough Council wrote a new procurement strategy with help from "
        "the LGA's Productivity Expert Programme.",
        "challenge": "The council had targeted £2.3m of savings from procurement and contract "
        "management between 2016 and 2020.",
        "approach": "With support from the LGA Productivity Expert Programme, the council "
        "wrote a new procurement strategy and used the National Procurement Strategy toolkit "
        "to assess itself.",
        "outcomes": [(OutcomeKind.SAVINGS, 120_000, "", "About £120k on new contracts")],
        "source": "Local Government Association, productivity experts case study: Copeland "
        "Borough Council.",
    },
    {
        "slug": "matching-the-contract-register-to-creditor-spend",
        "title": "Matching the contract register to creditor spend",
        "council": "south-staffordshire-council",
        "year": None,
        "themes": ["behaving-commercially", "enablers"],
        "key_areas": ["managing-contracts-and-relationships", "adding-value"],
        "categories": [],
        "tags": ["spend analysis", "contract register"],
        "summary": "South Staffordshire Council compared its contract register with what it "
        "paid suppliers, and found £1.5m of spend outside any contract.",
        "challenge": "The council paid 967 suppliers and could not tell which payments were "
        "covered by a contract.",
        "approach": "It categorised its spend with Proclass and matched the contract register "
        "against creditor payments, exposing a £1.5m gap.",
        "outcomes": [],
        "source": "Local Government Association, productivity experts case study: South "
        "Staffordshire Council.",
    },
    {
        "slug": "toggam-solar-farm",
        "title": "Toggam solar farm",
        "council": "west-suffolk-council",
        "year": None,
        "themes": ["behaving-commercially"],
        "key_areas": ["creating-commercial-opportunities"],
        "categories": ["energy"],
        "tags": ["energy", "income generation", "net zero"],
        "summary": "West Suffolk's 12.4MW solar farm at Toggam earned £6.9m in its first "
        "five years.",
        "challenge": "The council looked for income that would protect its services.",
        "approach": "It developed and owns the 12.4MW Toggam solar farm.",
        "outcomes": [(OutcomeKind.INCOME, 6_900_000, "in its first five years", "")],
        "source": "Local Government Association case study: West Suffolk Council, Toggam "
        "solar farm.",
    },
]


def load_real_councils(ctx: DemoContext) -> None:
    """The real councils the sourced case studies name, beside the fictional ones."""
    councils = Council.objects.filter(gss_code__in=REAL_COUNCILS)
    ctx.shared["councils"] = {**ctx.shared["councils"], **{c.slug: c for c in councils}}


def tag_items(names: list[str]) -> list[CaseStudyPageTag]:
    """Tag links for a new page, creating the tags that are missing."""
    items = []
    for name in names:
        tag = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name)
        items.append(CaseStudyPageTag(tag=tag))
    return items


def add_case_study(ctx: DemoContext, index: CaseStudyIndexPage, row: dict, illustrative: bool):
    """One case study, created and published if missing."""
    shared = ctx.shared
    council = shared["councils"][row["council"]]
    body_extra = row.get("extra", "")
    documents = []
    if row.get("document"):
        document = upsert_document(
            f"{row['document']} (illustrative)",
            f"{slugify(row['document'])}.pdf",
            simple_pdf(
                row["document"],
                [f"An illustrative template from {council.name}.", "All figures are invented."],
            ),
            tags=("case study",),
        )
        documents = [("document", {"document": document, "title": "", "description": ""})]
    return upsert_page(
        index,
        CaseStudyPage,
        row["slug"],
        title=row["title"],
        summary=row["summary"],
        lead_council=council,
        year=row["year"],
        themes=[shared["themes"][slug] for slug in row["themes"]],
        key_areas=[shared["key_areas"][slug] for slug in row["key_areas"]],
        categories=[shared["categories"][slug] for slug in row["categories"]],
        challenge=f"<p>{row['challenge']}</p>",
        approach=f"<p>{row['approach']}</p>{body_extra}",
        lessons=f"<p>{row['lessons']}</p>" if row.get("lessons") else "",
        outcomes=[
            CaseStudyOutcome(kind=kind, value=value, period=period, note=note)
            for kind, value, period, note in row["outcomes"]
        ],
        contact_role=row.get("contact", ""),
        contact_email=f"procurement@{council.slug}.example" if illustrative else "",
        documents=documents,
        tagged_items=tag_items(row["tags"]),
        is_illustrative=illustrative,
        source=row.get("source", ""),
        source_url="" if illustrative else LGA_CASE_STUDIES,
    )


def load_people(ctx: DemoContext) -> None:
    """A case study editor and a moderator to sign in with on a local copy."""
    if not ctx.shared.get("demo_users"):
        return
    User = get_user_model()
    for username, group_name, first_name in (
        ("casestudies", EDITORS_GROUP, "Case study"),
        ("moderator", MODERATORS_GROUP, "Demo"),
    ):
        if not User.objects.filter(username=username).exists():
            user = User.objects.create_user(
                username,
                f"{username}@procurement-hub.example",
                "changeme",
                first_name=first_name,
                last_name="Moderator" if username == "moderator" else "Editor",
            )
            user.groups.add(Group.objects.get_or_create(name=group_name)[0])


@transaction.atomic
def load(ctx: DemoContext) -> None:
    """The case study finder with illustrative and sourced case studies."""
    load_real_councils(ctx)
    index = upsert_page(
        ctx.home,
        CaseStudyIndexPage,
        "case-studies",
        title="Case studies",
        show_in_menus=True,
        summary="What other councils did: good practice in procurement and commissioning, "
        "with the results and the lessons learned.",
        body=[
            paragraph(
                "<p>Search the case studies or filter them by theme, key area, category, "
                "region, council type and year. Examples marked illustrative use fictional "
                "councils to show what good practice can look like.</p>"
            )
        ],
    )
    casestudy_index_prepare(index=index)
    for row in ILLUSTRATIVE:
        add_case_study(ctx, index, row, illustrative=True)
    for row in REAL:
        add_case_study(ctx, index, row, illustrative=False)
    load_people(ctx)
