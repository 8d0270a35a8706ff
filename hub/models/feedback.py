"""Readers' answers to "Is this page useful?": activity, never content, so no page changes."""

from django.db import models
from django.db.models import Count, Q
from django.utils import timezone


# GOV.UK's own feedback form takes about this much; longer is almost always spam.
FEEDBACK_TEXT_MAX = 1200


class PageFeedbackQuerySet(models.QuerySet):
    """Reads over page feedback."""

    def for_page(self, page):
        """Feedback on one page."""
        return self.filter(page=page)

    def with_text(self):
        """Answers that say what went wrong."""
        return self.exclude(text="")

    def counts(self) -> dict:
        """How many said yes, no, and wrote something."""
        return self.aggregate(
            yes=Count("pk", filter=Q(useful=True)),
            no=Count("pk", filter=Q(useful=False)),
            comments=Count("pk", filter=~Q(text="")),
        )


class PageFeedback(models.Model):
    """One answer to "Is this page useful?", with what went wrong when the answer was no.

    Nothing about the sender is kept: no address, no cookie, no name.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="feedback", verbose_name="page"
    )
    useful = models.BooleanField("useful")
    text = models.TextField("what went wrong", blank=True, max_length=FEEDBACK_TEXT_MAX)
    received_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = PageFeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = "page feedback"
        verbose_name_plural = "page feedback"
        ordering = ["-received_at"]

    def __str__(self):
        return f"{'Yes' if self.useful else 'No'} on {self.page.title}"

    @property
    def page_url(self) -> str:
        """The page's address on the site, for exports."""
        return self.page.url or ""
