"""Demo consultations: the two spring 2017 category-strategy consultations and an open one.

The 2017 consultations asked for comments "by Friday 12th May" 2017; the ICT and digital strategy
was published on 11 July 2017. The construction consultation and its comments are illustrative,
from fictional councils, and close four weeks after the demo content is first loaded.
"""

import uuid
from datetime import date, timedelta

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from consultations.enums import ResponseType
from consultations.models import ConsultationIndexPage, ConsultationPage
from consultations.services import Respondent, comment_create
from consultations.times import to_london
from hub.demo import DemoContext, paragraph, upsert_page
from strategy.enums import CategoryStrategyStatus
from strategy.models import CategoryStrategyIndexPage, CategoryStrategyPage


HOW_RESPONSES_USED = (
    "<p>We read every response. The LGA and the National Advisory Group for Local Government "
    "Procurement use them to revise the draft before it is published. We publish a summary of "
    "what we heard and what we changed. We only publish your name or organisation if you tell "
    "us we may.</p>"
)


def section(heading: str, body: str, actions: tuple[str, ...] = ()) -> tuple[str, dict]:
    """A numbered section of a category strategy."""
    return ("section", {"heading": heading, "body": body, "key_actions": list(actions)})


def strategies(ctx: DemoContext) -> dict[str, CategoryStrategyPage]:
    """The category strategies the consultations are about; another loader may already own them."""
    categories = ctx.shared["categories"]
    index = CategoryStrategyIndexPage.objects.child_of(ctx.home).filter(slug="category-strategies")
    index = index.first() or upsert_page(
        ctx.home,
        CategoryStrategyIndexPage,
        "category-strategies",
        title="Category strategies",
        show_in_menus=True,
        summary="National strategies for the largest areas of council spend, in numbered sections.",
    )
    ict = upsert_page(
        index,
        CategoryStrategyPage,
        "ict-and-digital-2017",
        title="National technological and digital procurement category strategy",
        summary="How councils can buy technology that gives value for money, supports growth "
        "and avoids creating new legacy systems.",
        category=categories["ict-and-digital"],
        version="2017",
        status=CategoryStrategyStatus.PUBLISHED,
        published_date=date(2017, 7, 11),
        sections=[
            section(
                "Introduction",
                "<p>Councils spend around £2 billion a year on IT, about £1 billion of it on "
                "software applications.</p>",
            ),
            section(
                "Aims",
                "<p>Value for money, economic growth, better service delivery and social "
                "value.</p>",
            ),
            section(
                "Avoiding new legacy",
                "<p>Disparate systems bought one at a time become tomorrow's legacy. Buy with "
                "agility, without compromising probity.</p>",
            ),
        ],
    )
    energy = upsert_page(
        index,
        CategoryStrategyPage,
        "energy-2017",
        title="Energising procurement: national energy procurement category strategy",
        summary="Cutting demand, buying better, generating energy and taking part in the energy "
        "market.",
        category=categories["energy"],
        version="2017",
        status=CategoryStrategyStatus.PUBLISHED,
        sections=[
            section("Reducing demand", "<p>Cut demand first, for example by retrofitting.</p>"),
            section("Buying better", "<p>Use good buying practice and aggregated contracts.</p>"),
            section(
                "Generating energy",
                "<p>Generate energy for income and take part in the energy market.</p>",
            ),
        ],
    )
    construction = upsert_page(
        index,
        CategoryStrategyPage,
        "construction-2026",
        title="Construction category strategy (draft for consultation)",
        summary="A draft strategy for how councils buy construction works and services: "
        "pipelines, frameworks, social value and net zero.",
        category=categories["construction"],
        version="2026",
        status=CategoryStrategyStatus.DRAFT,
        sections=[
            section(
                "Introduction",
                "<p>Construction is one of the largest areas of council spend. This draft sets "
                "out how councils can buy it well together.</p>",
            ),
            section(
                "Sharing a pipeline of work",
                "<p>Publishing a forward pipeline lets contractors plan, and lets councils in "
                "a region avoid competing for the same scarce skills.</p>",
                ("Publish a two-year pipeline of construction projects",),
            ),
            section(
                "Market engagement",
                "<p>Talk to the market early, including local small firms, before the "
                "specification is fixed.</p>",
                ("Hold a supplier day before every major project",),
            ),
            section(
                "Frameworks and collaboration",
                "<p>Use regional frameworks where they give better value than a new "
                "procurement, and share what works.</p>",
            ),
            section(
                "Social value and net zero",
                "<p>Ask for apprenticeships, local spend and lower-carbon materials, and check "
                "they are delivered.</p>",
                ("Measure social value delivered, not only promised",),
            ),
        ],
    )
    return {"ict": ict, "energy": energy, "construction": construction}


def load_managers() -> None:
    """Consultation managers read and moderate comments and export them."""
    managers, _ = Group.objects.get_or_create(name="Consultation managers")
    managers.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="consultations",
            codename__in=["view_comment", "change_comment"],
        ),
        *Permission.objects.filter(codename="access_admin"),
    )


def load(ctx: DemoContext) -> None:
    """The consultation listing, three consultations and sample comments on the open one."""
    drafts = strategies(ctx)
    index = upsert_page(
        ctx.home,
        ConsultationIndexPage,
        "consultations",
        title="Consultations",
        show_in_menus=True,
        summary="Comment on draft category strategies while they are open, and see what "
        "changed as a result.",
        body=[
            paragraph(
                "<p>Procurement leads from every council in England can comment on a draft, "
                "on the whole of it or on one numbered section, until the consultation "
                "closes. You get a reference number on screen and by email.</p>"
            )
        ],
    )
    upsert_page(
        index,
        ConsultationPage,
        "ict-category-strategy-2017",
        title="National technological and digital procurement category strategy – consultation",
        summary="Tell us what you think of the draft strategy for buying technology and digital "
        "services.",
        strategy=drafts["ict"],
        opening_date=date(2017, 4, 3),
        closing_date=date(2017, 5, 12),
        how_responses_used=HOW_RESPONSES_USED,
        contact_email="procurement.hub@local.gov.uk",
        outcome_published_on=date(2017, 7, 11),
        we_asked="<p>Whether the draft strategy would help councils get value for money from "
        "the £2 billion they spend each year on IT.</p>",
        you_said="<p>Councils asked for help avoiding new legacy systems, and for a strategy "
        "that works for less advanced councils as well as digital leaders.</p>",
        we_did="<p>We published the strategy on 11 July 2017, written for digital leaders and "
        "for councils starting out, and as a way to share practice.</p>",
        outcome_strategy=drafts["ict"],
    )
    upsert_page(
        index,
        ConsultationPage,
        "energy-category-strategy-2017",
        title="Energising procurement: national energy procurement category strategy – "
        "consultation",
        summary="Tell us what you think of the draft strategy for buying and generating energy.",
        strategy=drafts["energy"],
        opening_date=date(2017, 4, 3),
        closing_date=date(2017, 5, 12),
        how_responses_used=HOW_RESPONSES_USED,
        contact_email="procurement.hub@local.gov.uk",
    )
    today = to_london(timezone.now()).date()
    construction = upsert_page(
        index,
        ConsultationPage,
        "construction-category-strategy-2026",
        title="Construction category strategy – consultation",
        summary="Comment on the draft construction category strategy, on the whole draft or "
        "one section at a time.",
        strategy=drafts["construction"],
        opening_date=today - timedelta(days=3),
        closing_date=today + timedelta(weeks=4),
        body=[
            paragraph(
                "<p>This draft is illustrative demo content. We would like to know whether its "
                "sections reflect how your council buys construction, and what is missing.</p>"
            )
        ],
        how_responses_used=HOW_RESPONSES_USED,
        contact_name="Category strategies team",
        contact_email="procurement.hub@local.gov.uk",
    )
    load_managers()
    sample_comments(ctx, construction)


SAMPLE_COMMENTS = [
    (
        "northmoor-county-council",
        "Priya Shah",
        "Head of procurement",
        ResponseType.OFFICIAL,
        1,
        "A regional pipeline would help us, but districts need a simple template to contribute "
        "to it.",
    ),
    (
        "brackenfield-district-council",
        "Tom Ellis",
        "Procurement officer",
        ResponseType.PERSONAL,
        2,
        "Supplier days work best when they are held jointly by neighbouring councils.",
    ),
    (
        "harbourside-city-council",
        "Aisha Okafor",
        "Commercial manager",
        ResponseType.OFFICIAL,
        None,
        "The draft should say more about managing contracts after award, where most value is "
        "won or lost.",
    ),
]


def sample_comments(ctx: DemoContext, consultation: ConsultationPage) -> None:
    """A few comments from fictional councils, stored through the service like any other."""
    if not consultation.is_open_at(timezone.now()):
        return
    councils = ctx.shared["councils"]
    sections = consultation.sections()
    for slug, name, role, kind, number, text in SAMPLE_COMMENTS:
        council = councils[slug]
        comment_create(
            consultation=consultation,
            idempotency_key=uuid.uuid5(uuid.NAMESPACE_URL, f"demo:{consultation.slug}:{slug}"),
            respondent=Respondent(
                name=name,
                email=f"{name.split()[0].lower()}@{slug}.example",
                council=council,
                organisation_other="",
                role=role,
                response_type=kind,
                consent_publish_organisation=True,
            ),
            text=text,
            section_id=sections[number]["id"] if number is not None and sections else "",
            confirm_by_email=False,
        )
