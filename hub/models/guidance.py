"""What guidance pages share: an owning team with a review date, and public change notes."""

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import MultiFieldPanel
from wagtail.search import index


class Team(index.Indexed, models.Model):
    """A team that owns guidance pages and keeps them up to date."""

    name = models.CharField(max_length=150, unique=True)
    email = models.EmailField(help_text="Where reminders go when one of its pages is due review.")
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class ChangeNoteQuerySet(models.QuerySet):
    """Reads over change notes."""

    def for_page(self, page):
        """A page's public change notes, newest first."""
        return self.filter(page_id=page.pk).order_by("-published_at", "-pk")


class ChangeNote(models.Model):
    """A public note of a substantive change, stored when the page was published with it."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="change_notes"
    )
    revision = models.OneToOneField(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField()
    published_at = models.DateTimeField(default=timezone.now)

    objects = ChangeNoteQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]

    def __str__(self):
        return f"{self.published_at:%Y-%m-%d}: {self.note}"


class GuidancePageForm(WagtailAdminPageForm):
    """Each edit starts with a fresh change note; publishing asks for one or "minor change"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "minor_change" in self.fields:
            self.initial["minor_change"] = False
        page = self.instance
        if (
            "change_note" in self.fields
            and page.pk
            and page.change_note
            and ChangeNote.objects.filter(page_id=page.pk, note=page.change_note).exists()
        ):
            self.initial["change_note"] = ""  # already published; the next change needs its own

    def clean(self):
        data = super().clean()
        publishing = "action-publish" in self.data or "action-submit" in self.data
        if (
            publishing
            and "change_note" in self.fields
            and not data.get("minor_change")
            and not (data.get("change_note") or "").strip()
        ):
            self.add_error(
                "change_note",
                "Write a change note for readers, or tick ‘Minor change’ if they need not be told",
            )
        return data


class Guidance(models.Model):
    """A guidance page: owned by a team, due for review by a date, and noting its changes."""

    owning_team = models.ForeignKey(
        Team,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="owner",
        help_text="The team that keeps this page up to date.",
    )
    review_date = models.DateField(
        "review by",
        null=True,
        blank=True,
        help_text="When the owner should next check this page; they are emailed once it passes.",
    )
    change_note = models.TextField(
        "public change note",
        blank=True,
        max_length=500,
        help_text="What changed, for readers: shown with the date under ‘Updates to this page’. "
        "For example: ‘Added the payment terms duty under section 68.’",
    )
    minor_change = models.BooleanField(
        "minor change",
        default=False,
        help_text="Tick for a correction readers need not be told about, such as a typo. "
        "No change note is published.",
    )

    base_form_class = GuidancePageForm
    change_note_panel = MultiFieldPanel(["change_note", "minor_change"], heading="Change note")
    ownership_panel = MultiFieldPanel(["owning_team", "review_date"], heading="Owner and review")

    class Meta:
        abstract = True

    @cached_property
    def public_change_notes(self) -> list[ChangeNote]:
        """The page's change notes, newest first."""
        return list(ChangeNote.objects.for_page(self)) if self.pk else []


class ReviewReminder(models.Model):
    """That a page's owning team is being told its review date has passed: one per page and date.

    The email itself is a row in the site's outbox (hub.outbox) about this reminder; setting a
    new review date makes the next reminder possible.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    review_date = models.DateField()
    team = models.ForeignKey(Team, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "review_date"], name="review_reminder_once_per_date"
            )
        ]

    def __str__(self):
        return f"Review reminder for page {self.page_id}, due {self.review_date}"
