"""Items invented for illustration: flagged wherever they are offered, never passed off as real."""

from django.db import models


class Illustrative(models.Model):
    """A page whose council, figures or text are invented to show how the hub works."""

    is_illustrative = models.BooleanField(
        "illustrative",
        default=False,
        help_text="Tick when this item, its councils or its figures are invented for "
        "illustration. It is then flagged wherever it is offered.",
    )

    class Meta:
        abstract = True


def is_illustrative(item) -> bool:
    """Whether an item (a page, a dict with "illustrative", or a plain flag) is invented."""
    if isinstance(item, bool) or item is None:
        return bool(item)
    if isinstance(item, dict):
        return bool(item.get("illustrative"))
    return bool(getattr(item, "is_illustrative", False))


def flag_text(item) -> str:
    """The flag as plain text, for feeds and emails: "Illustrative: " or nothing."""
    return "Illustrative: " if is_illustrative(item) else ""
