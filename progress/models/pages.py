"""Check your progress: the maturity scale explained and the findings of past surveys."""

from django.db import models
from django.http import Http404

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from hub.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from hub.exports import csv_download
from hub.models import BasePage, Guidance, Illustrative, MaturityLevel, Provenance, SectionIndexPage
from progress.blocks import ChartBlock, HeadlineFigureBlock
from progress.enums import Instrument
from strategy.models.panels import GUIDANCE_PANELS


class ProgressIndexPage(SectionIndexPage):
    """The "Check your progress" section: the five maturity levels and survey findings."""

    subpage_types = ["progress.FindingsPage"]
    menu_label = "Your progress"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["levels"] = MaturityLevel.objects.all()
        context["findings"] = FindingsPage.objects.child_of(self).live().newest_first()
        return context


class FindingsQuerySet(PageQuerySet):
    """Reads over survey and diagnostic findings."""

    def newest_first(self):
        """Findings ordered by when they were published."""
        return self.defer_streamfields().order_by("-published_date", "-pk")


class FindingsPage(RoutablePageMixin, Guidance, Illustrative, Provenance, BasePage):
    """Results of a survey or diagnostic: headline figures and charts that are also tables."""

    instrument = models.CharField(
        max_length=20, choices=Instrument.choices, default=Instrument.SURVEY
    )
    published_date = models.DateField(
        null=True, blank=True, help_text="Orders findings; only the year is shown."
    )
    respondents = models.CharField(
        max_length=255, blank=True, help_text='Who took part, e.g. "60% of English councils".'
    )
    source = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="Where the figures come from; shown under the headline figures.",
    )
    headline_figures = StreamField([("figure", HeadlineFigureBlock())], blank=True)
    body = StreamField(
        [*BaseStreamBlock().child_blocks.items(), ("chart", ChartBlock())], blank=True
    )
    key_messages = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    report = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The full report.",
    )

    objects = PageManager.from_queryset(FindingsQuerySet)()

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("instrument"),
                FieldPanel("published_date"),
                FieldPanel("respondents"),
                FieldPanel("source"),
                FieldPanel("is_illustrative"),
            ],
            heading="About the findings",
        ),
        FieldPanel("headline_figures"),
        FieldPanel("key_messages"),
        FieldPanel("body"),
        FieldPanel("report"),
        *GUIDANCE_PANELS,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("key_messages"),
        index.SearchField("headline_figures"),
        index.SearchField("body"),
        index.FilterField("instrument"),
    ]

    parent_page_types = ["progress.ProgressIndexPage"]
    subpage_types: list[str] = []

    def charts(self):
        """The chart blocks in the body, in order."""
        return [block for block in self.body if block.block_type == "chart"]

    @path("charts/<str:chart_id>/csv/", name="chart_csv")
    def chart_csv(self, request, chart_id):
        """The data behind one chart, as CSV."""
        chart = next((c for c in self.charts() if c.id == chart_id), None)
        if chart is None:
            raise Http404("No such chart")
        return csv_download(chart.value.csv_rows(), f"{self.slug}-{chart.value['title']}")
