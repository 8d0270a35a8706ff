"""The Procurement Act 2023 rules the Act tools apply, kept as data with effective-from dates."""

from django.db import models
from django.utils.text import slugify

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


class Standing(models.TextChoices):
    VERIFIED = "verified", "Verified"
    PARTLY_VERIFIED = "partly-verified", "Partly verified"


class Comparison(models.TextChoices):
    AT_LEAST = "at-least", "Applies at or above the amount"
    MORE_THAN = "more-than", "Applies only above the amount"


class ValueLineKind(models.TextChoices):
    THRESHOLD = "threshold", "Threshold"
    NOTIFIABLE = "notifiable", "Notifiable below-threshold line"
    KPI = "kpi", "KPI duty line"


class PeriodTable(models.TextChoices):
    PARTICIPATION = "participation", "Participation period (s.54(3))"
    TENDERING = "tendering", "Tendering period (s.54(4))"


class NoticeStatus(models.TextChoices):
    MANDATORY = "mandatory", "Mandatory"
    CONDITIONAL = "conditional", "Conditional"
    VOLUNTARY = "voluntary", "Voluntary"


class InForceQuerySet(models.QuerySet):
    """Reads of dated rules: one row per key, the latest to take effect on or before a date."""

    def in_force_on(self, day) -> list:
        """The row of each key in force on day, in the model's order."""
        chosen = {}
        for row in self.filter(effective_from__lte=day).order_by("key", "-effective_from", "-pk"):
            chosen.setdefault(row.key, row)
        return sorted(chosen.values(), key=lambda row: (row.sort_order, row.key))

    def latest_versions(self) -> list:
        """The newest row of each key, whenever it takes effect."""
        chosen = {}
        for row in self.order_by("key", "-effective_from", "-pk"):
            chosen.setdefault(row.key, row)
        return sorted(chosen.values(), key=lambda row: (row.sort_order, row.key))


class DatedRule(models.Model):
    """What every rule records: when it takes effect, where it comes from and how sure we are."""

    key = models.SlugField(
        max_length=60,
        help_text="Rows with the same key are versions of one rule; the latest in force wins.",
    )
    effective_from = models.DateField(
        help_text="The first day the rule applies to (a procurement starting on this day)."
    )
    section = models.CharField(max_length=80, help_text="The section it comes from, e.g. s.54(4).")
    source_url = models.URLField("source URL", max_length=300)
    standing = models.CharField(max_length=20, choices=Standing.choices, default=Standing.VERIFIED)
    source_note = models.CharField(
        max_length=300, blank=True, help_text="Why it is partly verified, or other sources."
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    objects = InForceQuerySet.as_manager()

    rule_panels = [
        MultiFieldPanel(
            [
                FieldPanel("key"),
                FieldPanel("effective_from"),
                FieldPanel("section"),
                FieldPanel("source_url"),
                FieldPanel("standing"),
                FieldPanel("source_note"),
                FieldPanel("sort_order"),
            ],
            heading="Rule, date and source",
        )
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "key", "-effective_from"]

    @property
    def is_partly_verified(self) -> bool:
        """Shown with a "partly verified" tag wherever the rule is used."""
        return self.standing == Standing.PARTLY_VERIFIED


class ValueLine(DatedRule):
    """A money line: a threshold, the notifiable below-threshold line or the KPI duty line."""

    kind = models.CharField(max_length=20, choices=ValueLineKind.choices)
    label = models.CharField(max_length=120, help_text='e.g. "Goods and services, sub-central".')
    amount = models.DecimalField(max_digits=14, decimal_places=2, help_text="Pounds, VAT included.")
    comparison = models.CharField(
        max_length=20, choices=Comparison.choices, default=Comparison.AT_LEAST
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("label"),
        FieldPanel("amount"),
        FieldPanel("comparison"),
        *DatedRule.rule_panels,
    ]

    class Meta(DatedRule.Meta):
        verbose_name = "Act value line"
        verbose_name_plural = "Act thresholds and value lines"
        constraints = [
            models.UniqueConstraint(fields=["key", "effective_from"], name="unique_value_line_date")
        ]

    def __str__(self):
        return f"{self.label}: £{self.amount:,.0f} from {self.effective_from:%-d %B %Y}"

    def reached_by(self, value) -> bool:
        """Whether a value is on or over this line, by its comparison."""
        if self.comparison == Comparison.MORE_THAN:
            return value > self.amount
        return value >= self.amount


class MinimumPeriod(DatedRule):
    """One row of a s.54 table: a circumstance and its minimum period in days (blank for none)."""

    table = models.CharField(max_length=20, choices=PeriodTable.choices)
    circumstance = models.CharField(max_length=300)
    days = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Leave blank where there is no minimum period."
    )

    panels = [
        FieldPanel("table"),
        FieldPanel("circumstance"),
        FieldPanel("days"),
        *DatedRule.rule_panels,
    ]

    class Meta(DatedRule.Meta):
        verbose_name = "s.54 minimum period"
        verbose_name_plural = "s.54 minimum periods"
        constraints = [
            models.UniqueConstraint(fields=["key", "effective_from"], name="unique_period_date")
        ]

    def __str__(self):
        return f"{self.get_table_display()}: {self.circumstance}"

    @property
    def days_text(self) -> str:
        """The minimum as shown: "25 days" or "No minimum period"."""
        return "No minimum period" if self.days is None else f"{self.days} days"


class Notice(DatedRule):
    """A notice in the Act's catalogue, or a duty published with one."""

    code = models.CharField(max_length=10, blank=True, help_text="e.g. UK4; blank if none.")
    code_standing = models.CharField(
        max_length=20,
        choices=Standing.choices,
        default=Standing.VERIFIED,
        help_text="How sure the code is (many codes come from secondary sources).",
    )
    name = models.CharField(max_length=120)
    status = models.CharField(max_length=20, choices=NoticeStatus.choices)
    applies_when = models.TextField(help_text="Who must publish it and when it is needed.")
    timing = models.TextField(help_text="When it is published.")
    contents = models.TextField(blank=True, help_text="What it must contain, as sourced.")
    below_threshold = models.BooleanField(
        default=False, help_text="A notice for regulated below-threshold contracts (Part 6)."
    )

    panels = [
        FieldPanel("code"),
        FieldPanel("code_standing"),
        FieldPanel("name"),
        FieldPanel("status"),
        FieldPanel("applies_when"),
        FieldPanel("timing"),
        FieldPanel("contents"),
        FieldPanel("below_threshold"),
        *DatedRule.rule_panels,
    ]

    class Meta(DatedRule.Meta):
        verbose_name = "Act notice"
        verbose_name_plural = "Act notices"

    def __str__(self):
        return f"{self.code} {self.name}".strip()


class GlossaryTermQuerySet(models.QuerySet):
    """Reads of the glossary."""

    def a_to_z(self):
        """Every term in alphabetical order."""
        return self.order_by("term")


class GlossaryTerm(index.Indexed, models.Model):
    """A term of the Act or the hub, explained once and linked from the toolkit."""

    term = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True, blank=True)
    also_matches = models.CharField(
        max_length=300,
        blank=True,
        help_text="Other forms to link in the toolkit, separated by commas (e.g. a plural).",
    )
    definition = models.TextField()
    section = models.CharField(max_length=80, blank=True)
    source_url = models.URLField("source URL", max_length=300)
    standing = models.CharField(max_length=20, choices=Standing.choices, default=Standing.VERIFIED)

    objects = GlossaryTermQuerySet.as_manager()

    panels = [
        FieldPanel("term"),
        FieldPanel("slug"),
        FieldPanel("also_matches"),
        FieldPanel("definition"),
        FieldPanel("section"),
        FieldPanel("source_url"),
        FieldPanel("standing"),
    ]
    search_fields = [index.SearchField("term"), index.SearchField("definition")]

    class Meta:
        ordering = ["term"]
        verbose_name = "Act glossary term"

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.term)
        super().save(*args, **kwargs)

    @property
    def letter(self) -> str:
        """The A–Z heading it is listed under."""
        return self.term[:1].upper()

    @property
    def forms(self) -> list[str]:
        """The term and its other forms, longest first, as linked in toolkit text."""
        forms = [self.term, *(f.strip() for f in self.also_matches.split(","))]
        return sorted({f for f in forms if f}, key=len, reverse=True)

    @property
    def is_partly_verified(self) -> bool:
        return self.standing == Standing.PARTLY_VERIFIED


class RulesVersion(models.Model):
    """The data version of the Act rules: one row, its number raised by every change to them."""

    number = models.PositiveIntegerField(default=1)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Act rules data version"

    def __str__(self):
        return f"Data version {self.number}"
