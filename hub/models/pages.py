import enum
from functools import partial

from django.db import models
from django.utils.functional import SimpleLazyObject

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from hub.blocks import BaseStreamBlock
from hub.models.provenance import Provenance


class BasePage(Page):
    """Fields every public page shares: a one-paragraph summary used as lede and in listings."""

    summary = models.TextField(
        blank=True,
        max_length=400,
        help_text="One or two sentences shown under the title, in listings and in search results.",
    )

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    search_fields = [*Page.search_fields, index.SearchField("summary")]

    # Content pages show their editor-set dates; landing pages turn them off.
    show_last_updated = True
    # Ends with "Is this page useful?" (hub.views.page_feedback).
    show_feedback = True
    # A section's name in the navigation when its title is too long for one row at 1280px.
    menu_label = ""

    class Meta:
        abstract = True

    @property
    def last_updated(self):
        """When an editor last reviewed the content; publishing or loading it never counts."""
        return getattr(self, "last_reviewed", None)


class SectionIndexPage(BasePage):
    """A main section of the hub: one of its kind, under the home page, with an introduction."""

    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["hub.HomePage"]
    max_count = 1
    show_last_updated = False

    class Meta:
        abstract = True


class HomePage(BasePage):
    """The front door: what the hub is and what is new."""

    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "hub.StandardPage",
        "strategy.StrategyIndexPage",
        "strategy.CategoryStrategyIndexPage",
        "progress.ProgressIndexPage",
        "strategy.ToolkitIndexPage",
        "strategy.ResourceIndexPage",
        "consultations.ConsultationIndexPage",
        "casestudies.CaseStudyIndexPage",
    ]
    # One home per site; the tree hangs from it.
    max_count = 1
    show_last_updated = False

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_updates"] = (
            Page.objects.live()
            .public()
            .descendant_of(self)
            .order_by("-last_published_at")
            # Specific, so that an illustrative page carries its flag.
            .specific()[:5]
        )
        # Worked out only where the template's remembered copy is out of date.
        context["actions"] = SimpleLazyObject(partial(offered, "hub_home_actions", request, self))
        context["panels"] = SimpleLazyObject(partial(offered, "hub_home_panels", request, self))
        return context


@enum.unique
class HomePanel(enum.IntEnum):
    """Where each app's home-page panel goes, top first; each panel has its own place."""

    OPEN_CONSULTATIONS = 10
    WHATS_NEW = 20
    LATEST_CASE_STUDIES = 30
    FEATURED_KEY_AREAS = 40


@enum.unique
class HomeAction(enum.IntEnum):
    """The home page's main jobs, in the order they are offered."""

    READ_STRATEGY = 10
    CHECK_PROGRESS = 20
    RESPOND = 30


def offered(hook_name: str, request, home) -> list[dict]:
    """What other apps offer on the home page through a hook, in their "order".

    Each hook is called with (request, home) and returns None or a dict with "order". A
    "hub_home_actions" hook's dict (a HomeAction) also has "title", "url" and "text"; a
    "hub_home_panels" hook's (a HomePanel) has "template" and whatever the template needs.
    """
    items = [item for fn in hooks.get_hooks(hook_name) if (item := fn(request, home))]
    return sorted(items, key=lambda item: item["order"])


class StandardPage(Provenance, BasePage):
    """A plain content page: accessibility statement, privacy notice, cookies and the like."""

    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body"), Provenance.provenance_panel]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["hub.HomePage", "hub.StandardPage"]
    subpage_types = ["hub.StandardPage"]
