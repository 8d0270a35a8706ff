"""The one rate limiter: a sliding window counted in the cache, open when the cache is down.

django-ratelimit counts fixed windows only (jsocol/django-ratelimit#317) and says nothing of
when to retry; this keeps the sliding window and the Retry-After the comment form promises.
"""

import logging
import math

from django.core.cache import cache
from django.utils import timezone


logger = logging.getLogger(__name__)


class RateLimited(Exception):
    """Over the limit; try again after retry_after seconds."""

    def __init__(self, retry_after: int):
        super().__init__(f"Rate limited for {retry_after} seconds")
        self.retry_after = retry_after


def rate_limit(key: str, limit: int, window: int, *, name: str = "Rate limit") -> None:
    """Count one request for the key, or raise RateLimited when it is over the limit.

    A sliding window: this window's count plus the previous window's, weighted by how much of
    it still overlaps the last `window` seconds, so no burst across a window boundary gets
    twice the limit through. Refused requests are not counted. A cache outage lets the request
    through (and is logged as "<name> not applied"): the limit protects the service, it must
    not stop it. A limit of 0 turns it off.
    """
    if not limit:
        return
    position = timezone.now().timestamp() / window
    bucket, elapsed = int(position), position % 1
    key = f"ratelimit:{key}"
    try:
        cache.add(f"{key}:{bucket}", 0, timeout=2 * window)
        current = cache.incr(f"{key}:{bucket}")
        previous = cache.get(f"{key}:{bucket - 1}", 0)
        if current is None or previous is None:
            raise ConnectionError("The cache did not answer")
        if current + previous * (1 - elapsed) <= limit:
            return
        cache.decr(f"{key}:{bucket}")
    except Exception:  # any cache failure: serve uncounted rather than refuse
        logger.warning("%s not applied: the cache is unavailable", name, exc_info=True)
        return
    raise RateLimited(_seconds_until_allowed(current, previous, elapsed, limit, window))


def _seconds_until_allowed(current, previous, elapsed, limit, window) -> int:
    """When the sliding count will next have room for one more request."""
    if current <= limit and previous:
        # Within this window: wait for enough of the previous window to slide out.
        wait = (1 - elapsed) - (limit - current) / previous
    else:
        # This window is full: wait for the next, until enough of this one has slid out for
        # the request itself plus the current - 1 already counted to fit under the limit.
        wait = (1 - elapsed) + max(0.0, 1 - (limit - 1) / (current - 1))
    return max(1, math.ceil(round(wait * window, 3)))  # round: 55.0000001 s is 55 s
