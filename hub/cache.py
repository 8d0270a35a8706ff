"""The shared cache: django-redis that serves without Redis, with a warning, when Redis is down."""

import logging
import sys

from django_redis.cache import RedisCache as BaseRedisCache


logger = logging.getLogger("hub.cache")


class OutageLog:
    """Stands in for django-redis's logger: one warning line per failed call, no traceback."""

    def exception(self, message, *args, **kwargs):
        error = sys.exc_info()[1]
        logger.warning(
            "Cache unavailable, serving without it: %s", getattr(error, "__cause__", None) or error
        )


class RedisCache(BaseRedisCache):
    """Redis cache whose failures read as misses (IGNORE_EXCEPTIONS), each logged as a warning."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._ignore_exceptions = True
        self._log_ignored_exceptions = True
        self.logger = OutageLog()
