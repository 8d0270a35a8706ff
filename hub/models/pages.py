from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from hub.blocks import BaseStreamBlock


class BasePage(Page):
    """Fields every public page shares: a one-paragraph summary used as lede and in listings."""

    summary = models.TextField(
        blank=True,
        max_length=400,
        help_text="One or two sentences shown under the title, in listings and in search results.",
    )

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    search_fields = [*Page.search_fields, index.SearchField("summary")]

    # Content pages show "Last updated"; landing pages turn it off.
    show_last_updated = True

    class Meta:
        abstract = True

    @property
    def last_updated(self):
        """When the live version was last published."""
        return self.last_published_at or self.first_published_at


class HomePage(BasePage):
    """The front door: what the hub is and what is new."""

    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "hub.StandardPage",
        "strategy.StrategyIndexPage",
    ]
    # One home per site; the tree hangs from it.
    max_count = 1
    show_last_updated = False

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().in_menu().defer_streamfields().specific()
        context["latest_updates"] = (
            Page.objects.live().public().descendant_of(self).order_by("-last_published_at")[:5]
        )
        return context


class StandardPage(BasePage):
    """A plain content page: accessibility statement, privacy notice, cookies and the like."""

    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["hub.HomePage", "hub.StandardPage"]
    subpage_types = ["hub.StandardPage"]
