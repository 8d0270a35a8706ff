"""Toolkits: practical guides to the procurement rules, one page per section."""

from django.db import models

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from hub.blocks import BaseStreamBlock
from hub.models import BasePage, Guidance, Provenance, SectionIndexPage
from strategy.blocks import PolicyNoteIndexBlock
from strategy.enums import Regime
from strategy.models.panels import GUIDANCE_PANELS


class ToolkitIndexPage(SectionIndexPage):
    """Every toolkit on the hub."""

    subpage_types = ["strategy.ToolkitPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["toolkits"] = ToolkitPage.objects.child_of(self).live().defer_streamfields()
        return context


class ToolkitPageTag(TaggedItemBase):
    """A tag on a toolkit page."""

    content_object = ParentalKey(
        "strategy.ToolkitPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ToolkitQuerySet(PageQuerySet):
    """Reads over toolkit pages."""

    def toolkit_of(self, page):
        """The top page of the toolkit that page belongs to."""
        return (
            self.ancestor_of(page, inclusive=True)
            .select_related("replaced_by")
            .order_by("depth")
            .first()
        )


class ToolkitPage(RoutablePageMixin, Guidance, Provenance, BasePage):
    """A toolkit, or one section of it; sections nest beneath the toolkit's own page."""

    regime = models.CharField(
        max_length=20,
        choices=Regime.choices,
        blank=True,
        help_text="The procurement rules this toolkit explains; set on the toolkit's top page.",
    )
    is_legacy = models.BooleanField(
        "legacy regime",
        default=False,
        help_text="Show a banner saying these rules apply only to older procurements.",
    )
    replaced_by = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Guidance on the rules that replaced these, linked from the legacy banner.",
    )
    body = StreamField(
        [*BaseStreamBlock().child_blocks.items(), ("policy_notes", PolicyNoteIndexBlock())],
        blank=True,
    )
    tags = ClusterTaggableManager(through=ToolkitPageTag, blank=True)

    objects = PageManager.from_queryset(ToolkitQuerySet)()

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("regime"), FieldPanel("is_legacy"), FieldPanel("replaced_by")],
            heading="Regime",
        ),
        FieldPanel("body"),
        *GUIDANCE_PANELS,
    ]
    promote_panels = [*BasePage.promote_panels, FieldPanel("tags")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("regime"),
    ]

    parent_page_types = ["strategy.ToolkitIndexPage", "strategy.ToolkitPage"]
    subpage_types = ["strategy.ToolkitPage"]

    @property
    def links_glossary(self) -> bool:
        """Act toolkit pages link the first use of each glossary term to its entry."""
        return self.regime == Regime.ACT_2023

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        toolkit = ToolkitPage.objects.toolkit_of(self) or self
        context["toolkit"] = toolkit
        context["sections"] = (
            ToolkitPage.objects.child_of(toolkit).live().only("id", "title", "url_path", "path")
        )
        return context

    @path("print/", name="print")
    def print_view(self, request):
        """The whole toolkit, every section in order on one page, to print or save as a PDF."""
        toolkit = ToolkitPage.objects.toolkit_of(self) or self
        return self.render(
            request,
            context_overrides={
                "toolkit": toolkit,
                "print_sections": ToolkitPage.objects.child_of(toolkit).live().order_by("path"),
            },
            template="strategy/toolkit_page_print.html",
        )
