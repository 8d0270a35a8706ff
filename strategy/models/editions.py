from functools import partial

from django.db import models
from django.utils.functional import SimpleLazyObject

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from hub.blocks import RICH_TEXT_FEATURES, BaseStreamBlock, DocumentBlock
from hub.models import BasePage, Guidance, Illustrative, MaturityLevel, Provenance, SectionIndexPage
from strategy.blocks import MaturityDescriptorBlock, StrategySectionBlock
from strategy.enums import CategoryStrategyStatus, EditionStatus
from strategy.models.panels import GUIDANCE_PANELS
from strategy.models.resources import ResourcePage
from strategy.models.supersedable import Supersedable


RELATED_RESOURCES = 5


class StrategyIndexPage(SectionIndexPage):
    """The National Procurement Strategy: lists every edition, current first."""

    subpage_types = ["strategy.StrategyEditionPage"]
    menu_label = "Strategy"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["editions"] = StrategyEditionPage.objects.child_of(self).live().newest_first()
        return context


class StrategyEditionQuerySet(PageQuerySet):
    """Reads over strategy editions."""

    def newest_first(self):
        """Editions ordered from the most recent year."""
        return self.order_by("-year")

    def current(self):
        """Editions in force."""
        return self.filter(status=EditionStatus.CURRENT)

    def superseded(self):
        """Editions replaced by a later one."""
        return self.filter(status=EditionStatus.SUPERSEDED)

    def in_force(self):
        """The newest live edition in force, if any."""
        return self.live().current().newest_first().first()

    def edition_of(self, page):
        """The edition a theme or key area page belongs to, with its successor."""
        return self.ancestor_of(page).select_related("superseded_by").first()

    def containing(self, pages) -> dict[int, "StrategyEditionPage"]:
        """The edition each of these pages sits in, keyed by page id, in one query."""
        steplen = StrategyEditionPage.steplen
        prefixes = {p.path[:n] for p in pages for n in range(steplen, len(p.path), steplen)}
        editions = {edition.path: edition for edition in self.filter(path__in=prefixes)}
        return {
            page.pk: editions[page.path[:n]]
            for page in pages
            for n in range(steplen, len(page.path), steplen)
            if page.path[:n] in editions
        }


class InEdition:
    """A page inside one strategy edition, named with its edition where readers search."""

    @classmethod
    def search_contexts(cls, pages) -> dict[int, str]:
        """Each page's edition title, for search results: "Key area · ... 2022"."""
        editions = StrategyEditionPage.objects.containing(pages)
        return {pk: edition.title for pk, edition in editions.items()}


class StrategyEditionPage(Guidance, Provenance, Supersedable, BasePage):
    """One edition of the strategy (2014, 2018, 2022) with its themes beneath."""

    year = models.PositiveSmallIntegerField()
    subtitle = models.CharField(max_length=200, blank=True)
    status = models.CharField(
        max_length=20, choices=EditionStatus.choices, default=EditionStatus.CURRENT
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The full strategy as a PDF.",
    )
    foreword = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    foreword_author = models.CharField(max_length=200, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True)

    objects = PageManager.from_queryset(StrategyEditionQuerySet)()

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("year"),
                FieldPanel("subtitle"),
                FieldPanel("status"),
                FieldPanel("superseded_by"),
            ],
            heading="Edition",
        ),
        FieldPanel("document"),
        MultiFieldPanel(
            [FieldPanel("foreword"), FieldPanel("foreword_author")], heading="Foreword"
        ),
        FieldPanel("body"),
        *GUIDANCE_PANELS,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("subtitle"),
        index.SearchField("foreword"),
        index.SearchField("body"),
        index.FilterField("status"),
        index.FilterField("year"),
    ]

    parent_page_types = ["strategy.StrategyIndexPage"]
    subpage_types = ["strategy.ThemePage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = ThemePage.objects.child_of(self).live().defer_streamfields()
        return context


class ThemePage(InEdition, Guidance, Provenance, BasePage):
    """A theme of one edition (or its enablers), listing the key areas beneath it."""

    theme = models.ForeignKey(
        "hub.Theme", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("theme"),
        FieldPanel("body"),
        *GUIDANCE_PANELS,
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["strategy.StrategyEditionPage"]
    subpage_types = ["strategy.KeyAreaPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["key_areas"] = KeyAreaPage.objects.child_of(self).live().defer_streamfields()
        # Read only where the template's remembered banner is out of date.
        context["edition"] = SimpleLazyObject(partial(StrategyEditionPage.objects.edition_of, self))
        return context


class KeyAreaPageTag(TaggedItemBase):
    """A tag on a key area page."""

    content_object = ParentalKey(
        "strategy.KeyAreaPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class KeyAreaQuerySet(PageQuerySet):
    """Reads over key area pages."""

    def featured(self):
        """Key areas editors chose to show on the home page."""
        return self.filter(featured=True)


class KeyAreaPage(InEdition, Guidance, Provenance, BasePage):
    """A key area or enabler: what it is, why it matters and what each maturity level looks like."""

    key_area = models.ForeignKey(
        "hub.KeyArea", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    what_it_is = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    why_it_matters = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    maturity_descriptors = StreamField(
        [("descriptor", MaturityDescriptorBlock())],
        blank=True,
        max_num=5,
        help_text="One descriptor for each level of the maturity scale.",
    )
    body = StreamField(BaseStreamBlock(), blank=True)
    featured = models.BooleanField(default=False, help_text="Show this key area on the home page.")
    tags = ClusterTaggableManager(through=KeyAreaPageTag, blank=True)

    objects = PageManager.from_queryset(KeyAreaQuerySet)()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("key_area"),
        FieldPanel("what_it_is"),
        FieldPanel("why_it_matters"),
        FieldPanel("maturity_descriptors"),
        FieldPanel("body"),
        *GUIDANCE_PANELS,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("what_it_is"),
        index.SearchField("why_it_matters"),
        index.SearchField("maturity_descriptors"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    promote_panels = [*BasePage.promote_panels, FieldPanel("featured"), FieldPanel("tags")]

    parent_page_types = ["strategy.ThemePage"]
    subpage_types: list[str] = []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        related = ResourcePage.objects.related_to(key_area=self.key_area_id)
        context["related_resources"] = related[:RELATED_RESOURCES]
        context["edition"] = SimpleLazyObject(partial(StrategyEditionPage.objects.edition_of, self))
        return context

    def maturity_rows(self):
        """Each maturity level with this key area's descriptor, in level order."""
        descriptors = {b.value["level"]: b.value["descriptor"] for b in self.maturity_descriptors}
        return [(level, descriptors.get(level.level, "")) for level in MaturityLevel.objects.all()]


class CategoryStrategyIndexPage(SectionIndexPage):
    """Category strategies for the largest areas of council spend."""

    subpage_types = ["strategy.CategoryStrategyPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["strategies"] = (
            CategoryStrategyPage.objects.child_of(self)
            .live()
            .defer_streamfields()
            .select_related("category")
            .order_by("category__name", "-version")
        )
        return context


class CategoryStrategyPageTag(TaggedItemBase):
    """A tag on a category strategy."""

    content_object = ParentalKey(
        "strategy.CategoryStrategyPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CategoryStrategyPage(Guidance, Illustrative, Provenance, Supersedable, BasePage):
    """One version of a category strategy, in numbered sections with stable ids."""

    category = models.ForeignKey(
        "hub.Category", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.CharField(max_length=20, help_text="Usually the year, e.g. 2022.")
    status = models.CharField(
        max_length=20,
        choices=CategoryStrategyStatus.choices,
        default=CategoryStrategyStatus.PUBLISHED,
    )
    published_date = models.DateField(null=True, blank=True)
    partners = models.CharField(
        max_length=255, blank=True, help_text="Organisations that wrote it with the LGA."
    )
    sections = StreamField([("section", StrategySectionBlock())], blank=True)
    appendices = StreamField(
        [("appendix", DocumentBlock())],
        blank=True,
        help_text="Supporting documents, such as model clauses or a councillor's guide.",
    )
    tags = ClusterTaggableManager(through=CategoryStrategyPageTag, blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("category"),
                FieldPanel("version"),
                FieldPanel("status"),
                FieldPanel("published_date"),
                FieldPanel("partners"),
                FieldPanel("superseded_by"),
                FieldPanel("is_illustrative"),
            ],
            heading="About this strategy",
        ),
        FieldPanel("sections"),
        FieldPanel("appendices"),
        *GUIDANCE_PANELS,
    ]
    promote_panels = [*BasePage.promote_panels, FieldPanel("tags")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("partners"),
        index.SearchField("sections"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("status"),
    ]

    parent_page_types = ["strategy.CategoryStrategyIndexPage"]
    subpage_types: list[str] = []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        related = ResourcePage.objects.related_to(category=self.category_id)
        context["related_resources"] = related[:RELATED_RESOURCES]
        return context

    def numbered_sections(self) -> list[dict]:
        """Sections in order with their number, stable id and anchor."""
        return [
            {
                "number": number,
                "id": block.id,
                "anchor": f"section-{block.id}",
                "heading": block.value["heading"],
                "block": block,
            }
            for number, block in enumerate(self.sections, start=1)
        ]

    def section_by_id(self, section_id: str) -> dict | None:
        """The numbered section with this stable id, if it exists in the live version."""
        return next((s for s in self.numbered_sections() if s["id"] == section_id), None)
