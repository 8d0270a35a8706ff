"""Storing readers' answers to "Is this page useful?", with the site's spam defences."""

from django.conf import settings

from hub.models import PageFeedback
from hub.ratelimit import rate_limit


class FeedbackSpam(Exception):
    """The hidden field was filled in: a bot, so nothing is stored."""


def feedback_record(*, page, useful: bool, text: str, website: str, client: str) -> PageFeedback:
    """Store one answer, unless it is spam (FeedbackSpam) or too frequent (RateLimited)."""
    if website:
        raise FeedbackSpam
    # One count per client across every page.
    rate_limit(
        f"page-feedback:{client}",
        settings.PAGE_FEEDBACK_RATE_LIMIT,
        settings.PAGE_FEEDBACK_RATE_WINDOW,
        name="Page feedback limit",
    )
    return PageFeedback.objects.create(page=page, useful=useful, text=text.strip())
