from decimal import Decimal
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from casestudies.blocks import CaseStudyDocumentsBlock, CaseStudyImagesBlock
from casestudies.enums import (
    FIRST_YEAR,
    LAST_YEAR,
    OUTCOME_UNITS,
    OutcomeKind,
    OutcomeUnit,
    outcome_kind_choices,
)
from casestudies.facets import FACETS
from casestudies.feeds import CaseStudyFeed
from casestudies.finder import find_case_studies
from hub.blocks import RICH_TEXT_FEATURES
from hub.models import (
    BasePage,
    Category,
    Council,
    CouncilType,
    KeyArea,
    Region,
    SectionIndexPage,
    Theme,
)


# What a case study page names: terms it is filed under, and where it comes from.
TERM_RELATIONS = ("themes", "key_areas", "categories", "partner_councils", "tags")
PLACE_RELATIONS = ("lead_council", "region", "council_type")

# What a case-study card shows (components/casestudy_card.html), and its place in the tree.
CARD_FIELDS = (
    *("title", "url_path", "path", "depth", "year", "is_illustrative", "summary"),
    "lead_council__name",
)


class CaseStudyIndexPage(RoutablePageMixin, SectionIndexPage):
    """The case-study finder: search and facets over every case study beneath it."""

    subpage_types = ["casestudies.CaseStudyPage"]
    show_in_menus_default = True

    class Meta:
        verbose_name = "case study finder"

    def case_studies(self):
        """The live, public case studies this finder searches."""
        # One small query for the view restrictions, rather than a subquery per facet count.
        return CaseStudyPage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(find_case_studies(request, self.case_studies()))
        return context

    @path("feed/")
    def feed(self, request):
        """Atom feed of the newest case studies."""
        return CaseStudyFeed(self, self.case_studies())(request)


class CaseStudyPageTag(TaggedItemBase):
    """A tag on a case study."""

    content_object = ParentalKey(
        "casestudies.CaseStudyPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CaseStudyQuerySet(PageQuerySet):
    """Reads over case studies: finder facets, sorting, related and latest."""

    def for_card(self):
        """Only the columns a card shows, with its lead council's name: a smaller query."""
        return self.only(*CARD_FIELDS).select_related("lead_council")

    def for_listing(self):
        """Only what a card needs, with the lead council and figures fetched in bulk."""
        return (
            self.defer_streamfields()
            .select_related("lead_council", "region")
            .prefetch_related("outcomes")
        )

    def matching(self, query: str):
        """Case studies containing every search word, as a plain queryset that can be faceted."""
        # The search backend filters only on indexed fields, so it searches every case study
        # and this queryset's own filters (tree, privacy) apply afterwards. The database
        # backends build the search as a queryset, used here as a subquery so the matching
        # ids never travel to Python and back for every facet count.
        hits = self.model.objects.search(query, operator="and")
        if hasattr(hits, "get_queryset"):
            return self.filter(pk__in=hits.get_queryset().order_by().values("pk"))
        return self.filter(pk__in=[hit.pk for hit in hits])

    def filtered(self, filters: dict):
        """Case studies matching every chosen facet value (a term or a year)."""
        queryset = self
        for name, value in filters.items():
            queryset = queryset.filter(**FACETS[name].lookup(value))
        return queryset

    def facet_counts(self, name: str) -> list[dict]:
        """Each value of one facet with how many of these case studies have it."""
        facet = FACETS[name]
        columns = {key: F(column) for key, column in facet.count_columns().items()}
        rows = self.order_by().values(**columns).annotate(count=Count("pk"))
        return list(rows.filter(value__isnull=False).order_by(*facet.order))

    def with_largest_saving(self):
        """Annotate each case study's largest saving a year, so figures compare like for like.

        A saving over several years counts as its yearly average; one whose period the source
        does not give has no yearly figure and sorts after those that do.
        """
        savings = (
            CaseStudyOutcome.objects.filter(
                page=OuterRef("pk"), kind=OutcomeKind.SAVINGS, years__gt=0
            )
            .annotate(per_year=F("value") / F("years"))
            .order_by("-per_year")
        )
        return self.annotate(largest_saving=Subquery(savings.values("per_year")[:1]))

    def newest_first(self):
        """The most recent year first, then the most recently published."""
        return self.order_by(
            F("year").desc(nulls_last=True), F("first_published_at").desc(nulls_last=True), "pk"
        )

    def largest_saving_first(self):
        """Case studies with the biggest savings figure first; those without any last."""
        return self.with_largest_saving().order_by(
            F("largest_saving").desc(nulls_last=True), F("year").desc(nulls_last=True), "pk"
        )

    def latest_published(self):
        """Most recently published first, for the feed and the home page."""
        return self.order_by("-first_published_at", "-pk")

    def about(self, *, key_areas=(), categories=(), themes=()):
        """Case studies sharing any of these terms, those with the most in common first.

        Each relation is scored by a subquery on its link table, so no case study's row is
        multiplied by joins and nothing is grouped.
        """
        weighted = [
            ("key_areas", key_areas, 3),
            ("categories", categories, 2),
            ("themes", themes, 1),
        ]
        matches, scores = Q(), []
        for relation, terms, weight in weighted:
            ids = [term.pk for term in terms if term is not None]
            if not ids:
                continue
            field = self.model._meta.get_field(relation)
            page_column = f"{field.m2m_field_name()}_id"
            links = field.remote_field.through.objects.filter(
                **{f"{field.m2m_reverse_field_name()}_id__in": ids}
            )
            matches |= Q(pk__in=links.values(page_column))
            shared = (
                links.filter(**{page_column: OuterRef("pk")})
                .order_by()
                .values(page_column)
                .annotate(n=Count("pk"))
                .values("n")
            )
            scores.append(Coalesce(Subquery(shared), 0) * weight)
        if not scores:
            return self.none()
        return (
            self.filter(matches)
            .annotate(shared=sum(scores[1:], scores[0]))
            .order_by("-shared", F("year").desc(nulls_last=True), "pk")
        )

    def related_to(self, page: "CaseStudyPage", terms: dict):
        """Other case studies about the same key areas, categories or themes."""
        return self.exclude(pk=page.pk).about(
            key_areas=terms["key_areas"], categories=terms["categories"], themes=terms["themes"]
        )


class CaseStudyPageForm(WagtailAdminPageForm):
    """Lets a draft be saved before its source is known; publishing still needs it."""

    def clean(self):
        cleaned_data = super().clean()
        self.instance.defer_publishing_checks = self.is_deferred_validation
        return cleaned_data


def lead_council_term(model: str) -> models.ForeignKey:
    """Where a case study is placed, such as its region: the lead council's, or set by hand."""
    return models.ForeignKey(
        model,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_studies",
        help_text="Taken from the lead council when it has one; set it here otherwise.",
    )


class CaseStudyPage(BasePage):
    """What one council (or several together) did, what it achieved and what it learned."""

    base_form_class = CaseStudyPageForm
    # Set by the admin form while saving a draft; any other save is checked in full.
    defer_publishing_checks = False

    lead_council = models.ForeignKey(
        "hub.Council",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_case_studies",
    )
    partner_councils = ParentalManyToManyField(
        "hub.Council", blank=True, related_name="partnered_case_studies"
    )
    region = lead_council_term("hub.Region")
    council_type = lead_council_term("hub.CouncilType")
    themes = ParentalManyToManyField("hub.Theme", blank=True, related_name="case_studies")
    key_areas = ParentalManyToManyField(
        "hub.KeyArea",
        blank=True,
        related_name="case_studies",
        verbose_name="key areas and enablers",
    )
    categories = ParentalManyToManyField("hub.Category", blank=True, related_name="case_studies")
    year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)],
        help_text="The year the work was done or its results reported.",
    )
    challenge = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    approach = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    lessons = RichTextField("lessons learned", features=RICH_TEXT_FEATURES, blank=True)
    contact_role = models.CharField(
        max_length=150, blank=True, help_text="A role, not a name, e.g. Head of procurement."
    )
    contact_email = models.EmailField(blank=True)
    images = StreamField(CaseStudyImagesBlock(), blank=True)
    documents = StreamField(CaseStudyDocumentsBlock(), blank=True)
    tags = ClusterTaggableManager(through=CaseStudyPageTag, blank=True)
    is_illustrative = models.BooleanField(
        "illustrative example",
        default=False,
        help_text="Tick when the council or figures are invented to illustrate good practice.",
    )
    source = models.TextField(
        "source or citation",
        blank=True,
        help_text="Where the facts come from, e.g. the LGA case study it summarises.",
    )
    source_url = models.URLField("source link", blank=True)

    objects = PageManager.from_queryset(CaseStudyQuerySet)()

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("lead_council"),
                FieldPanel("partner_councils"),
                FieldRowPanel([FieldPanel("region"), FieldPanel("council_type")]),
                FieldPanel("year"),
            ],
            heading="Who and when",
        ),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("key_areas"), FieldPanel("categories")],
            heading="Filed under",
        ),
        FieldPanel("challenge"),
        FieldPanel("approach"),
        InlinePanel("outcomes", label="Outcome figures", heading="Outcomes"),
        FieldPanel("lessons"),
        MultiFieldPanel(
            [FieldPanel("contact_role"), FieldPanel("contact_email")], heading="Contact"
        ),
        FieldPanel("images"),
        FieldPanel("documents"),
        MultiFieldPanel(
            [FieldPanel("is_illustrative"), FieldPanel("source"), FieldPanel("source_url")],
            heading="Source",
        ),
    ]
    promote_panels = [*BasePage.promote_panels, FieldPanel("tags")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("challenge"),
        index.SearchField("approach"),
        index.SearchField("lessons"),
        index.RelatedFields("lead_council", [index.SearchField("name")]),
        index.RelatedFields("partner_councils", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("year"),
    ]

    parent_page_types = ["casestudies.CaseStudyIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "case study"
        verbose_name_plural = "case studies"

    def clean(self):
        """Region and council type follow the lead council; real figures need their source."""
        super().clean()
        if self.lead_council:
            self.region = self.lead_council.region or self.region
            self.council_type = self.lead_council.council_type or self.council_type
        # A draft may wait for its source; nothing is published without one or the flag. A
        # citation alone will do: not every published source has a link worth giving.
        cited = self.source.strip() or self.source_url
        if not (self.is_illustrative or cited or self.defer_publishing_checks):
            message = (
                "Cite the published source (with a link if it is online), or tick “illustrative "
                "example”: a case study cannot be published without one of them."
            )
            raise ValidationError({"source": message, "source_url": message})

    def read_terms(self, *, in_memory: bool = False) -> dict[str, list]:
        """Every term and council the page names, in one query when saved, as lists by relation.

        A preview holds unsaved choices in memory, so it reads them relation by relation.
        """
        if in_memory or not self.pk:
            return {
                **{name: list(getattr(self, name).all()) for name in TERM_RELATIONS},
                **{
                    name: [term] if (term := getattr(self, name)) else []
                    for name in PLACE_RELATIONS
                },
            }
        sources = {
            "themes": Theme.objects.filter(case_studies=self.pk),
            "key_areas": KeyArea.objects.filter(case_studies=self.pk),
            "categories": Category.objects.filter(case_studies=self.pk),
            "partner_councils": Council.objects.filter(partnered_case_studies=self.pk),
            "tags": Tag.objects.filter(casestudies_casestudypagetag_items__content_object=self.pk),
            "lead_council": Council.objects.filter(pk=self.lead_council_id),
            "region": Region.objects.filter(pk=self.region_id),
            "council_type": CouncilType.objects.filter(pk=self.council_type_id),
        }
        ordered = {"themes", "key_areas", "categories"}
        parts = [
            queryset.order_by().values(
                term_kind=Value(name, output_field=models.CharField()),
                term_pk=F("pk"),
                term_name=F("name"),
                term_slug=F("slug"),
                term_position=F("sort_order") if name in ordered else Value(0),
            )
            for name, queryset in sources.items()
        ]
        rows = (
            parts[0].union(*parts[1:], all=True).order_by("term_kind", "term_position", "term_name")
        )
        terms = {name: [] for name in (*TERM_RELATIONS, *PLACE_RELATIONS)}
        for row in rows:
            terms[row["term_kind"]].append(
                SimpleNamespace(pk=row["term_pk"], name=row["term_name"], slug=row["term_slug"])
            )
        return terms

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        terms = self.read_terms(in_memory=getattr(request, "is_preview", False))
        context["terms"] = terms
        context["term_rows"] = [
            ("Themes", "theme", terms["themes"]),
            ("Key areas and enablers", "key_area", terms["key_areas"]),
            ("Categories", "category", terms["categories"]),
        ]
        context["place"] = SimpleNamespace(
            **{name: next(iter(terms[name]), None) for name in PLACE_RELATIONS}
        )
        return context


class CaseStudyOutcome(Orderable):
    """One typed figure a case study achieved, such as £1.2m saved a year."""

    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="outcomes")
    kind = models.CharField(max_length=20, choices=outcome_kind_choices)
    value = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
        help_text="A number only: 1200000 for £1.2m, 45 for 45%.",
    )
    period = models.CharField(
        max_length=100, blank=True, help_text="e.g. a year, over five years, 2016 to 2020."
    )
    years = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        default=1,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text="How many years the figure covers: 1 for a yearly figure, 5 for one over five "
        "years. Leave blank when the source does not say; savings are ranked by their yearly "
        "average.",
    )
    note = models.CharField(max_length=255, blank=True, help_text="e.g. up from 42% in 2019.")

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("value"), FieldPanel("period")]),
        FieldPanel("years"),
        FieldPanel("note"),
    ]

    def __str__(self):
        return f"{self.label}: {self.display_value}"

    @property
    def label(self) -> str:
        """What the figure measures, in words."""
        return OutcomeKind(self.kind).label

    @property
    def unit(self) -> str:
        """The unit the figure is written in."""
        return OUTCOME_UNITS.get(self.kind, OutcomeUnit.COUNT)

    @property
    def display_value(self) -> str:
        """The figure with its unit, as GOV.UK writes it: £1.2 million, £310,000, 45%, 18."""
        value = Decimal(self.value)
        if self.unit == OutcomeUnit.POUNDS:
            if value >= 1_000_000:
                return f"£{plain_number(value / 1_000_000, places=1)} million"
            return f"£{plain_number(value)}"
        if self.unit == OutcomeUnit.PERCENT:
            return f"{plain_number(value, places=1)}%"
        if self.unit == OutcomeUnit.TONNES_CO2E:
            return f"{plain_number(value)} tonnes CO2e"
        return plain_number(value)


def plain_number(value: Decimal, places: int = 2) -> str:
    """A number with thousands separators and no needless decimals: 1,200 or 7.5."""
    rounded = round(Decimal(value), places)
    if rounded == rounded.to_integral_value():
        return f"{int(rounded):,}"
    return f"{rounded:,.{places}f}".rstrip("0").rstrip(".")
