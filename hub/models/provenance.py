"""Where a page's facts come from and when they were checked: dates editors set, never load time."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import MultiFieldPanel


PARTIAL_DATE_FORMS = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}


def validate_partial_date(value: str) -> None:
    """A year (2018), a month (2014-07) or a real day (2017-07-11), in ISO form."""
    try:
        datetime.datetime.strptime(value, PARTIAL_DATE_FORMS[len(value)])
    except (KeyError, ValueError):
        raise ValidationError(
            "Enter a year (2018), a month (2014-07) or a full date (2017-07-11)."
        ) from None


def partial_date_text(value: str) -> str:
    """A year, month or full ISO date as GOV.UK writes it: 2018, July 2014, 11 July 2017."""
    day = datetime.datetime.strptime(value, PARTIAL_DATE_FORMS[len(value)])
    if len(value) == 4:
        return str(day.year)
    return day.strftime("%B %Y") if len(value) == 7 else f"{day.day} {day:%B %Y}"


class Provenance(models.Model):
    """The publication a page's facts come from, and the editor's own review date."""

    source_title = models.CharField(
        "publication", max_length=255, blank=True, help_text="The document the facts come from."
    )
    source_publisher = models.CharField("publisher", max_length=150, blank=True)
    source_date = models.CharField(
        "published",
        max_length=10,
        blank=True,
        validators=[validate_partial_date],
        help_text="The publication's own date: 2018, 2014-07 or 2017-07-11.",
    )
    source_url = models.URLField("link", blank=True, help_text="Where the publication is online.")
    source_format = models.CharField(
        "format", max_length=50, blank=True, help_text="e.g. Web page or PDF."
    )
    hub_written = models.BooleanField(
        "text written for the hub",
        default=False,
        help_text="Tick when summaries or descriptors here are the hub's words, not the "
        "publication's.",
    )
    last_reviewed = models.DateField(
        null=True, blank=True, help_text="When an editor last checked this page against its source."
    )

    provenance_panel = MultiFieldPanel(
        [
            "source_title",
            "source_publisher",
            "source_date",
            "source_url",
            "source_format",
            "hub_written",
            "last_reviewed",
        ],
        heading="Source and review",
    )

    class Meta:
        abstract = True

    @property
    def shows_source_block(self) -> bool:
        """Whether the page has a source or hub-written text to declare."""
        return bool(self.source_title or self.source_url or self.hub_written)

    @property
    def source_date_text(self) -> str:
        """The publication date in words."""
        return partial_date_text(self.source_date) if self.source_date else ""
