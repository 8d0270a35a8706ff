from django.db import models


class Supersedable(models.Model):
    """A page that a newer version of itself can replace; its page shows a superseded banner."""

    superseded_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The version that replaced this one; shown in a banner when superseded.",
    )

    class Meta:
        abstract = True

    @property
    def is_superseded(self) -> bool:
        """Whether a newer version has replaced this one (its status says so)."""
        return self.status == "superseded"  # the value in EditionStatus and CategoryStrategyStatus
