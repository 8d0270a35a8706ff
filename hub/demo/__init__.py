"""Demo content for the site core: home page, footer pages, taxonomy and editors.

The content is in taxonomy.toml and pages.toml beside this file; kit.py holds the helpers every
app's loader shares.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Page, Site

from hub.demo.kit import (
    DemoContext,
    demo_user,
    field_value,
    load_file,
    read_data,
    upsert_terms,
)
from hub.models import (
    Category,
    Council,
    CouncilDomain,
    CouncilType,
    DomainStatus,
    HomePage,
    KeyArea,
    Level,
    MaturityLevel,
    Region,
    SiteSettings,
    Theme,
)
from hub.roles import EDITORS
from hub.sites import default_site_address_set


__all__ = ["DemoContext", "load", "load_home", "order_sections"]


def load_councils(ctx: DemoContext, rows: list[dict]) -> None:
    """Fictional councils by name, type and region, added to ctx.shared["councils"]."""
    shared = ctx.shared
    councils = upsert_terms(
        Council,
        [
            {
                "slug": slugify(row["name"]),
                "name": row["name"],
                "council_type": shared["council_types"][slugify(row["type"])],
                "region": shared["regions"][slugify(row["region"])],
                "is_illustrative": True,
            }
            for row in rows
        ],
    )
    shared["councils"] = {**shared.get("councils", {}), **councils}
    # Fictional councils verify officers at reserved .example domains, never a real one: their
    # slug's (northmoor-county-council.example) and their first word's (northmoor.example).
    for slug, council in councils.items():
        for domain in {f"{slug}.example", f"{slug.split('-')[0]}.example"}:
            CouncilDomain.objects.get_or_create(
                council=council,
                domain=domain,
                defaults={"status": DomainStatus.CONFIRMED, "confirmed_at": timezone.now()},
            )


def load_taxonomy(ctx: DemoContext) -> None:
    """Themes, key areas and enablers, regions, council types, categories, levels, councils."""
    data = read_data(__name__, "taxonomy")
    themes = upsert_terms(Theme, data["themes"])
    key_areas = upsert_terms(
        KeyArea, [{**row, "theme": themes[row["theme"]]} for row in data["key_areas"]]
    )
    regions = upsert_terms(Region, [{"slug": slugify(n), "name": n} for n in data["regions"]])
    council_types = upsert_terms(
        CouncilType, [{"slug": slugify(n), "name": n} for n in data["council_types"]]
    )
    categories = upsert_terms(Category, data["categories"])
    for row in data["maturity_levels"]:
        level = row.pop("level")
        MaturityLevel.objects.update_or_create(
            level=level, defaults={"name": Level(level).label, **row}
        )
    ctx.shared.update(
        themes=themes,
        key_areas=key_areas,
        regions=regions,
        council_types=council_types,
        categories=categories,
    )
    load_councils(ctx, data["councils"])


def load_home() -> HomePage:
    """The home page as the default site's root, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    # Wagtail's placeholder page has no place in the hub, and holds the slug "home".
    Page.objects.filter(
        depth=2, content_type__app_label="wagtailcore", content_type__model="page"
    ).delete()
    home = HomePage.objects.first()
    if home is None:
        fields = read_data(__name__, "pages")["home"]
        fields["body"] = field_value(None, HomePage, "body", fields["body"])
        home = HomePage(slug="home", **fields)
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    site = site or Site(hostname="localhost", port=80, is_default_site=True)
    if site.root_page_id != home.pk:
        site.root_page, site.site_name = home, "Procurement Knowledge Hub"
        site.save()
    # Links in emails and the sitemap use the public address when one is configured.
    default_site_address_set()
    return home


def load_editors(ctx: DemoContext) -> None:
    """An administrator and an editor to sign in with locally; the roles come from migrations."""
    if not ctx.shared.get("demo_users"):
        return
    User = get_user_model()
    if not User.objects.filter(username="admin").exists():
        User.objects.create_superuser("admin", "admin@procurement-hub.example", "changeme")
    demo_user("editor", EDITORS, "Demo", "Editor")


def load_settings(ctx: DemoContext, values: dict) -> None:
    """The organisation's details, filling only what an editor has not set."""
    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    changed = [name for name, value in values.items() if not getattr(settings, name)]
    for name in changed:
        setattr(settings, name, values[name])
    if changed:
        settings.save(update_fields=changed)


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
    # child_of reads the tree itself; the home page's own child count may be stale here.
    children = {page.slug: page for page in Page.objects.child_of(home).order_by("path")}
    wanted = [slug for slug in SECTION_ORDER if slug in children]
    current = [slug for slug in children if slug in wanted]
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
    load_settings(ctx, read_data(__name__, "pages")["settings"])
    load_file(ctx, __name__, "pages")
    load_editors(ctx)
