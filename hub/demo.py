"""Demo content for the site core: home page, footer pages, taxonomy, a document and editors.

Every loader here is idempotent: it creates what is missing and leaves what exists alone, so
StreamField block ids (which comments may point at) never change between runs.
"""

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, Site

from hub.models import (
    Category,
    Council,
    CouncilType,
    HomePage,
    KeyArea,
    MaturityLevel,
    Region,
    StandardPage,
    Theme,
)


@dataclass
class DemoContext:
    """What each app's loader needs: the home page, a writer for progress, shared objects."""

    home: HomePage
    write: Any = print
    shared: dict = field(default_factory=dict)


def upsert_page(parent: Page, model: type[Page], slug: str, **fields) -> Page:
    """The live child of parent with this slug, created and published if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def upsert_terms(model, rows: list[dict], key: str = "slug") -> dict:
    """Create or update taxonomy rows, returning them keyed by slug."""
    result = {}
    for order, row in enumerate(rows):
        values = {**row}
        if "sort_order" in [f.name for f in model._meta.fields]:
            values.setdefault("sort_order", order)
        obj, _ = model.objects.update_or_create(**{key: values.pop(key)}, defaults=values)
        result[getattr(obj, key)] = obj
    return result


def simple_pdf(title: str, lines: list[str]) -> bytes:
    """A small, valid one-page PDF with a title and lines of text."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    text = ["BT", "/F1 18 Tf", "72 770 Td", f"({escape(title)}) Tj", "/F1 11 Tf"]
    for line in lines:
        text += ["0 -18 Td", f"({escape(line)}) Tj"]
    text.append("ET")
    stream = "\n".join(text).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        f"<< /Title ({escape(title)}) >>".encode("latin-1", "replace"),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def upsert_document(title: str, filename: str, content: bytes, tags: tuple[str, ...] = ()):
    """A Wagtail document with this title, created from bytes if missing."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document:
        return document
    document = Document(title=title, collection=Collection.get_first_root_node())
    document.file.save(filename, ContentFile(content), save=False)
    document.file_size = len(content)
    document.save()
    if tags:
        document.tags.add(*tags)
    return document


def paragraph(html: str) -> tuple[str, str]:
    """A rich-text paragraph block."""
    return ("paragraph", html)


def heading(text: str, level: str = "h2") -> tuple[str, dict]:
    """A heading block."""
    return ("heading", {"text": text, "level": level})


THEMES = [
    {
        "slug": "showing-leadership",
        "name": "Showing leadership",
        "description": "Engaging councillors, senior managers, partners and strategic suppliers.",
    },
    {
        "slug": "behaving-commercially",
        "name": "Behaving commercially",
        "description": "Creating commercial opportunities, managing contracts and relationships, "
        "and managing strategic risk.",
    },
    {
        "slug": "achieving-community-benefits",
        "name": "Achieving community benefits",
        "description": "Obtaining social value and opening contracts to local SMEs and the "
        "voluntary, community and social enterprise sector.",
    },
    {
        "slug": "enablers",
        "name": "Enablers",
        "description": "What every council needs in place to deliver the three themes.",
    },
]

KEY_AREAS = [
    (
        "showing-leadership",
        "engaging-councillors-and-senior-managers",
        "Engaging councillors and senior managers",
    ),
    ("showing-leadership", "working-with-partners", "Working with partners"),
    ("showing-leadership", "engaging-strategic-suppliers", "Engaging strategic suppliers"),
    (
        "behaving-commercially",
        "creating-commercial-opportunities",
        "Creating commercial opportunities",
    ),
    (
        "behaving-commercially",
        "managing-contracts-and-relationships",
        "Managing contracts and relationships",
    ),
    ("behaving-commercially", "managing-strategic-risk", "Managing strategic risk"),
    ("achieving-community-benefits", "obtaining-social-value", "Obtaining social value"),
    (
        "achieving-community-benefits",
        "engaging-local-smes-and-micro-businesses",
        "Engaging local SMEs and micro-businesses",
    ),
    ("achieving-community-benefits", "enabling-vcse-engagement", "Enabling VCSE engagement"),
]

ENABLERS = [
    ("adding-value", "Adding value"),
    ("developing-talent", "Developing talent"),
    ("exploiting-digital-technology", "Exploiting digital technology"),
    ("enabling-innovation", "Enabling innovation"),
    ("embedding-change", "Embedding change"),
]

MATURITY_LEVELS = [
    (
        1,
        "Minimum",
        "Meets legal and constitutional requirements. Procurement is seen as a "
        "process step and practice varies from service to service.",
    ),
    (
        2,
        "Developing",
        "A policy is agreed and owned, and applied in some services or pilots. "
        "There is little measurement of results.",
    ),
    (
        3,
        "Mature",
        "Applied consistently across the council. Outcomes are measured and reported "
        "to councillors. A sound target for most councils.",
    ),
    (
        4,
        "Leader",
        "Consistently strong results over time. Other councils learn from this one, "
        "and it shares its tools.",
    ),
    (
        5,
        "Innovator",
        "Tries new models first, such as new routes to market or new technology, "
        "evaluates them openly and shapes national practice.",
    ),
]

REGIONS = [
    "North East",
    "North West",
    "Yorkshire and the Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
    "Wales",
]

COUNCIL_TYPES = [
    "County council",
    "District council",
    "Unitary authority",
    "Metropolitan borough",
    "London borough",
    "Combined authority",
    "Welsh unitary authority",
]

CATEGORIES = [
    ("ict-and-digital", "ICT and digital"),
    ("energy", "Energy"),
    ("construction", "Construction"),
    ("adult-social-care", "Adult social care"),
    ("childrens-social-care", "Children's social care"),
    ("waste", "Waste"),
    ("highways-and-transport", "Highways and transport"),
    ("facilities", "Facilities"),
    ("professional-services", "Professional services"),
    ("food", "Food"),
]

# Fictional councils: every figure the demo attaches to a council is illustrative.
COUNCILS = [
    ("Northmoor County Council", "County council", "East Midlands"),
    ("Brackenfield District Council", "District council", "South West"),
    ("Harbourside City Council", "Unitary authority", "South East"),
    ("Kelmscott Metropolitan Borough Council", "Metropolitan borough", "North West"),
    ("Thamesgate London Borough", "London borough", "London"),
    ("Westvale District Council", "District council", "East of England"),
    ("Lowmarsh Borough Council", "Unitary authority", "Yorkshire and the Humber"),
    ("Eastmarsh Combined Authority", "Combined authority", "North East"),
    ("Penrose County Council", "County council", "West Midlands"),
    ("Dyffryn County Borough Council", "Welsh unitary authority", "Wales"),
]


def load_taxonomy(ctx: DemoContext) -> None:
    """Themes, key areas and enablers of NPS 2022, regions, council types, categories, levels."""
    from django.utils.text import slugify

    themes = upsert_terms(Theme, THEMES)
    key_areas = upsert_terms(
        KeyArea,
        [
            {"slug": slug, "name": name, "theme": themes[theme], "kind": "key_area"}
            for theme, slug, name in KEY_AREAS
        ]
        + [
            {"slug": slug, "name": name, "theme": themes["enablers"], "kind": "enabler"}
            for slug, name in ENABLERS
        ],
    )
    regions = upsert_terms(Region, [{"slug": slugify(n), "name": n} for n in REGIONS])
    council_types = upsert_terms(
        CouncilType, [{"slug": slugify(n), "name": n} for n in COUNCIL_TYPES]
    )
    categories = upsert_terms(Category, [{"slug": s, "name": n} for s, n in CATEGORIES])
    councils = upsert_terms(
        Council,
        [
            {
                "slug": slugify(name),
                "name": name,
                "council_type": council_types[slugify(kind)],
                "region": regions[slugify(region)],
                "is_illustrative": True,
            }
            for name, kind, region in COUNCILS
        ],
    )
    for level, name, definition in MATURITY_LEVELS:
        MaturityLevel.objects.update_or_create(
            level=level, defaults={"name": name, "definition": definition}
        )
    ctx.shared.update(
        themes=themes,
        key_areas=key_areas,
        regions=regions,
        council_types=council_types,
        categories=categories,
        councils=councils,
    )


def load_home(write=print) -> HomePage:
    """The home page as the default site's root, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    # Wagtail's placeholder page has no place in the hub, and holds the slug "home".
    Page.objects.filter(
        depth=2, content_type__app_label="wagtailcore", content_type__model="page"
    ).delete()
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(
            title="Procurement Knowledge Hub",
            slug="home",
            summary="Guidance, case studies and consultations to help councils in England "
            "buy well, check their progress and learn from each other.",
            body=[
                paragraph(
                    "<p>The hub is the home of the National Procurement Strategy for local "
                    "government in England. Councils spend around £38 billion to £45 billion a "
                    "year with third parties: how they buy matters to every resident.</p>"
                )
            ],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Procurement Knowledge Hub",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Procurement Knowledge Hub"
        site.save()
    return home


def load_footer_pages(ctx: DemoContext) -> None:
    """Accessibility statement, privacy notice and cookies page."""
    home = ctx.home
    upsert_page(
        home,
        StandardPage,
        "accessibility-statement",
        title="Accessibility statement",
        summary="How accessible the Procurement Knowledge Hub is, and how to report a problem.",
        body=[
            paragraph(
                "<p>This accessibility statement applies to the Procurement Knowledge Hub. "
                "We want as many people as possible to be able to use this website. You "
                "should be able to change colours, contrast levels and fonts, zoom in up "
                "to 400% without the text spilling off the screen, navigate the whole "
                "website using just a keyboard or speech recognition software, and listen "
                "to the website using a screen reader.</p>"
            ),
            heading("How accessible this website is"),
            paragraph(
                "<p>We test every page type against the Web Content Accessibility "
                "Guidelines (WCAG) 2.2 at level AA, with automated checks on each release "
                "and manual checks with keyboard and screen reader. Some older PDF "
                "documents are not fully accessible: ask us for an accessible format.</p>"
            ),
            heading("Reporting accessibility problems with this website"),
            paragraph(
                "<p>If you find a problem not listed on this page or think we are not "
                "meeting accessibility requirements, email "
                "procurement.hub@local.gov.uk. We will reply within 5 working days.</p>"
            ),
            heading("Enforcement procedure"),
            paragraph(
                "<p>The Equality and Human Rights Commission (EHRC) is responsible for "
                "enforcing the Public Sector Bodies (Websites and Mobile Applications) "
                "(No. 2) Accessibility Regulations 2018. If you are not happy with how we "
                "respond to your complaint, contact the Equality Advisory and Support "
                "Service (EASS).</p>"
            ),
            heading("Compliance status"),
            paragraph(
                "<p>This website is fully compliant with the Web Content Accessibility "
                "Guidelines version 2.2 AA standard, except for the older PDF documents "
                "described above.</p>"
            ),
        ],
    )
    upsert_page(
        home,
        StandardPage,
        "privacy",
        title="Privacy notice",
        summary="What personal information the hub collects, why, how long we keep it and "
        "your rights.",
        body=[
            heading("What we collect"),
            paragraph(
                "<p>When you respond to a consultation we collect your name, email "
                "address, organisation, role and your comments. We do not collect "
                "anything when you only read the website.</p>"
            ),
            heading("How we use it"),
            paragraph(
                "<p>We use consultation responses to shape the final category strategy. "
                "We publish your name or organisation only if you tick the box that says "
                "we may. Responses may be released under the Freedom of Information Act "
                "2000.</p>"
            ),
            heading("How long we keep it"),
            paragraph(
                "<p>We keep consultation responses for two years after the consultation "
                "closes, then delete them.</p>"
            ),
            heading("Your rights"),
            paragraph(
                "<p>You can ask to see, correct or delete your information by emailing "
                "procurement.hub@local.gov.uk. You can complain to the Information "
                "Commissioner's Office.</p>"
            ),
        ],
    )
    upsert_page(
        home,
        StandardPage,
        "cookies",
        title="Cookies",
        summary="The small files the hub puts on your device, and why.",
        body=[
            paragraph(
                "<p>We only use cookies that are essential for the website to work. We "
                "do not use analytics or advertising cookies, so we do not ask for your "
                "consent.</p>"
            ),
            heading("Essential cookies"),
            (
                "table",
                {
                    "data": [
                        ["Name", "Purpose", "Expires"],
                        ["csrftoken", "Protects the forms on this website from misuse", "1 year"],
                        ["sessionid", "Keeps you signed in if you are an editor", "2 weeks"],
                    ],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_header_choice": "row",
                    "table_caption": "Cookies we use",
                },
            ),
        ],
    )


def load_editors(ctx: DemoContext) -> None:
    """The editors group, plus an administrator and an editor to sign in with on a local copy."""
    User = get_user_model()
    editors, _ = Group.objects.get_or_create(name="Editors")
    snippet_perms = Permission.objects.filter(
        content_type__app_label="hub",
        codename__regex=r"^(add|change|delete|view)_(theme|keyarea|category|region|counciltype|council|maturitylevel)$",
    )
    editors.permissions.add(*snippet_perms, *Permission.objects.filter(codename="access_admin"))
    if not ctx.shared.get("demo_users"):
        return
    if not User.objects.filter(username="admin").exists():
        User.objects.create_superuser("admin", "admin@procurement-hub.example", "changeme")
    if not User.objects.filter(username="editor").exists():
        editor = User.objects.create_user(
            "editor",
            "editor@procurement-hub.example",
            "changeme",
            first_name="Demo",
            last_name="Editor",
        )
        editor.groups.add(editors)


def load_documents(ctx: DemoContext) -> None:
    """Documents shared across the demo."""
    ctx.shared["nps_2022_pdf"] = upsert_document(
        "National Procurement Strategy for Local Government in England 2022",
        "national-procurement-strategy-2022.pdf",
        simple_pdf(
            "National Procurement Strategy for Local Government in England 2022",
            [
                "Supporting local government procurement - from good to great.",
                "Themes: showing leadership; behaving commercially; achieving community benefits.",
                "Enablers: adding value; developing talent; exploiting digital technology;",
                "enabling innovation; embedding change.",
            ],
        ),
        tags=("strategy",),
    )


# The order of the service navigation: the journey from reading the strategy to acting on it.
SECTION_ORDER = [
    "strategy",
    "check-your-progress",
    "category-strategies",
    "consultations",
    "case-studies",
    "toolkits",
    "resources",
]


def order_sections(home: HomePage) -> None:
    """Put the home page's sections in navigation order; pages not listed keep their place after."""
    children = {page.slug: page for page in home.get_children()}
    wanted = [slug for slug in SECTION_ORDER if slug in children]
    current = [page.slug for page in home.get_children() if page.slug in wanted]
    if current == wanted:
        return
    for slug in reversed(wanted):
        # Each move takes a fresh copy: moving one page renumbers its siblings' paths.
        page = Page.objects.get(pk=children[slug].pk)
        page.move(Page.objects.get(pk=home.pk), pos="first-child")


@transaction.atomic
def load(ctx: DemoContext) -> None:
    """Core demo content."""
    load_taxonomy(ctx)
    load_documents(ctx)
    load_footer_pages(ctx)
    load_editors(ctx)
