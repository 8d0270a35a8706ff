"""Storing readers' answers to "Is this page useful?", with the site's spam defences."""

from hub.models import PageFeedback


class FeedbackSpam(Exception):
    """The hidden field was filled in: a bot, so nothing is stored."""


class FeedbackScope:
    """What the comment rate limiter counts against: one count per client across every page."""

    pk = "page-feedback"


def feedback_record(*, page, useful: bool, text: str, website: str, client: str) -> PageFeedback:
    """Store one answer, unless it is spam (FeedbackSpam) or too frequent (RateLimited).

    Only yes or no and the text are kept, nothing about the sender.
    """
    # The comment limiter is the simplest the hub has; it moves to a hub-wide one when that lands.
    from consultations.services import rate_limit_count

    if website:
        raise FeedbackSpam
    rate_limit_count(FeedbackScope, client)
    return PageFeedback.objects.create(page=page, useful=useful, text=text.strip())
