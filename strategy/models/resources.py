"""The resources library: guides, templates, checklists, reports and slides."""

from django.db import models

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from hub.blocks import BaseStreamBlock
from hub.facets import form_facets
from hub.models import BasePage, Guidance, Illustrative, Provenance, SectionIndexPage
from hub.pagination import paginate
from strategy.enums import Audience, ResourceType
from strategy.forms import ResourceFilterForm
from strategy.models.panels import GUIDANCE_PANELS


PER_PAGE = 20


class ResourceIndexPage(SectionIndexPage):
    """The resources library, filterable by type, theme, category and audience."""

    subpage_types = ["strategy.ResourcePage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = ResourceFilterForm(request.GET)
        form.is_valid()
        resources = ResourcePage.objects.child_of(self).live().filtered(**form.filters())
        facets = form_facets(form)
        chosen = [facet for facet in facets if facet.selected]
        context.update(
            form=form,
            facets=facets,
            chosen=chosen,
            results=paginate(request, resources.for_listing(), PER_PAGE),
            filtered=bool(chosen),
        )
        return context


class ResourcePageTag(TaggedItemBase):
    """A tag on a resource."""

    content_object = ParentalKey(
        "strategy.ResourcePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ResourceQuerySet(PageQuerySet):
    """Reads over the resources library."""

    def filtered(self, *, resource_type="", theme=None, category=None, audience=""):
        """Resources matching every filter given; empty filters are ignored."""
        qs = self
        if resource_type:
            qs = qs.filter(resource_type=resource_type)
        if theme:
            qs = qs.filter(themes=theme)
        if category:
            qs = qs.filter(categories=category)
        if audience:
            qs = qs.filter(audience=audience)
        return qs

    def for_listing(self):
        """Newest first, with the download and filing terms fetched in a fixed few queries."""
        return (
            self.defer_streamfields()
            .select_related("document")
            .prefetch_related("themes", "categories")
            .order_by("-first_published_at", "-pk")
        )

    def newest(self):
        """Live, public resources newest first, with their downloads, for short lists."""
        return (
            self.live()
            .public()
            .defer_streamfields()
            .select_related("document")
            .order_by("-first_published_at", "-pk")
        )

    def related_to(self, *, key_area=None, category=None):
        """Live resources filed under a key area or a category, newest first; none for neither."""
        if key_area is None and category is None:
            return self.none()
        qs = self.newest()
        if key_area is not None:
            qs = qs.filter(key_areas=key_area)
        if category is not None:
            qs = qs.filter(categories=category)
        return qs


class ResourcePage(Guidance, Illustrative, Provenance, BasePage):
    """A guide, template or report: an uploaded document, or a publication on its publisher's site.

    An external publication is described by the source fields: title, publisher, date, link and
    format.
    """

    resource_type = models.CharField(
        "type", max_length=20, choices=ResourceType.choices, default=ResourceType.GUIDE
    )
    audience = models.CharField(
        max_length=30, choices=Audience.choices, blank=True, help_text="Who it is mainly for."
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The file to download; its type and size are shown beside the link.",
    )
    themes = ParentalManyToManyField("hub.Theme", blank=True, related_name="+")
    key_areas = ParentalManyToManyField("hub.KeyArea", blank=True, related_name="+")
    categories = ParentalManyToManyField("hub.Category", blank=True, related_name="+")
    body = StreamField(BaseStreamBlock(), blank=True)
    tags = ClusterTaggableManager(through=ResourcePageTag, blank=True)

    objects = PageManager.from_queryset(ResourceQuerySet)()

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("resource_type"),
                FieldPanel("audience"),
                FieldPanel("document"),
                FieldPanel("is_illustrative"),
            ],
            heading="Resource",
        ),
        FieldPanel("body"),
        *GUIDANCE_PANELS,
    ]
    promote_panels = [
        *BasePage.promote_panels,
        MultiFieldPanel(
            [
                FieldPanel("themes"),
                FieldPanel("key_areas"),
                FieldPanel("categories"),
                FieldPanel("tags"),
            ],
            heading="Filing",
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("resource_type"),
        index.FilterField("audience"),
    ]

    parent_page_types = ["strategy.ResourceIndexPage"]
    subpage_types: list[str] = []
