"""Shared vocabulary used to file and filter content across the hub."""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from wagtail.search import index


class Term(index.Indexed, models.Model):
    """A named, slugged term with an optional description."""

    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=150, unique=True)
    description = models.TextField(blank=True)
    sort_order = models.PositiveIntegerField(default=0)

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Theme(Term):
    """A theme of the National Procurement Strategy, such as "Showing leadership"."""


class KeyAreaKind(models.TextChoices):
    KEY_AREA = "key_area", "Key area"
    ENABLER = "enabler", "Enabler"


class KeyArea(Term):
    """A key area or enabler of the strategy, usually belonging to a theme."""

    theme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.SET_NULL, related_name="key_areas"
    )
    kind = models.CharField(
        max_length=20, choices=KeyAreaKind.choices, default=KeyAreaKind.KEY_AREA
    )

    panels = ["theme", "kind", "name", "slug", "description", "sort_order"]

    class Meta(Term.Meta):
        verbose_name = "key area or enabler"
        verbose_name_plural = "key areas and enablers"


class Category(Term):
    """A category of spend, such as ICT and digital or energy."""

    class Meta(Term.Meta):
        verbose_name_plural = "categories"


class Region(Term):
    """An English region (or Wales) used to group councils."""


class CouncilType(Term):
    """A type of council, such as a district or a combined authority."""


class CouncilQuerySet(models.QuerySet):
    """Reads of councils."""

    def current(self, on=None):
        """Authorities that have not ended by the given date (today by default)."""
        on = on or timezone.localdate()
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gt=on))

    def ended(self, on=None):
        """Authorities that ended on or before the given date (today by default)."""
        return self.filter(end_date__lte=on or timezone.localdate())


class Council(index.Indexed, models.Model):
    """A council or other local public body that can be named on the hub.

    Real English authorities come from the register in hub/data (see its README); ended ones stay
    so that history still reads.
    """

    name = models.CharField("official name", max_length=150)
    short_name = models.CharField(max_length=100, blank=True)
    slug = models.SlugField(max_length=150, unique=True)
    council_type = models.ForeignKey(
        CouncilType, null=True, blank=True, on_delete=models.SET_NULL, related_name="councils"
    )
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.SET_NULL, related_name="councils"
    )
    gss_code = models.CharField(
        "GSS code",
        max_length=9,
        blank=True,
        validators=[RegexValidator(r"^[EWSN]\d{8}$", "Enter a nine-character GSS code.")],
        help_text="Government Statistical Service code, e.g. E07000223.",
    )
    register_code = models.CharField(
        max_length=4,
        blank=True,
        help_text="The register's three- or four-letter code, e.g. ADU.",
    )
    combined_authority = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="constituent_councils",
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(
        null=True, blank=True, help_text="The day the authority ended, if it has."
    )
    replaced_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaced",
        help_text="The authority that took over when this one ended.",
    )
    is_illustrative = models.BooleanField(
        default=False,
        help_text="A fictional council used for illustrative examples; never a real authority.",
    )

    objects = CouncilQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("name"),
        index.FilterField("region"),
        index.FilterField("council_type"),
        index.FilterField("end_date"),
    ]

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["gss_code"],
                condition=~Q(gss_code=""),
                name="hub_council_unique_gss_code",
                violation_error_message="Another council already has this GSS code.",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def has_ended(self):
        """Whether the authority has ended by today."""
        return self.end_date is not None and self.end_date <= timezone.localdate()


class Level(models.IntegerChoices):
    """The five steps of the maturity scale, scored 1 to 5: the one place they are named.

    Only the names of levels 3 to 5 are confirmed in the strategy's published material; levels 1
    and 2 go by their number.
    """

    LEVEL_1 = 1, "Level 1"
    LEVEL_2 = 2, "Level 2"
    MATURE = 3, "Mature"
    LEADER = 4, "Leader"
    INNOVATOR = 5, "Innovator"


def level_validators() -> list:
    """Validators that keep a number on the scale, from its lowest level to its highest."""
    return [MinValueValidator(min(Level.values)), MaxValueValidator(max(Level.values))]


def level_label(level: int, name: str) -> str:
    """A level as lists show it: "3. Mature", or just "Level 1" for one known by its number."""
    plain = f"Level {level}"
    return plain if name in ("", plain) else f"{level}. {name}"


class MaturityLevel(models.Model):
    """One step of the five-level maturity scale used to score each key area."""

    level = models.PositiveSmallIntegerField(unique=True, validators=level_validators())
    name = models.CharField(max_length=50)
    definition = models.TextField()

    class Meta:
        ordering = ["level"]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """The level with its name, if it has one beyond its number."""
        return level_label(self.level, self.name)
