"""The shared cache: django-redis that serves without Redis, with a warning, when Redis is down."""

import logging
import sys
import time

from django_redis.cache import RedisCache as BaseRedisCache
from django_redis.exceptions import ConnectionInterrupted


logger = logging.getLogger("hub.cache")

# After a failed call, Redis is left alone for this long: a request makes many cache calls, and
# against a Redis that hangs rather than refuses, each would wait for the socket timeout.
RETRY_AFTER_SECONDS = 5.0


class SkippedWhileDown(ConnectionInterrupted):
    """A call not made because Redis failed moments ago."""


class ClientWhileDown:
    """Stands in for the Redis client while Redis is down: every call fails at once."""

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise SkippedWhileDown(connection=None)

        return fail


class OutageLog:
    """Stands in for django-redis's logger: marks Redis down and warns once per outage window."""

    def __init__(self, cache: "RedisCache"):
        self.cache = cache

    def exception(self, message, *args, **kwargs):
        error = sys.exc_info()[1]
        if isinstance(error, SkippedWhileDown):
            return
        self.cache.down_until = time.time() + RETRY_AFTER_SECONDS
        logger.warning(
            "Cache unavailable, serving without it for %ss: %s",
            RETRY_AFTER_SECONDS,
            getattr(error, "__cause__", None) or error,
        )


class RedisCache(BaseRedisCache):
    """Redis cache whose failures read as misses (IGNORE_EXCEPTIONS), each outage logged once.

    After a failure, calls fail at once for RETRY_AFTER_SECONDS, then Redis is tried again.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        self._ignore_exceptions = True
        self._log_ignored_exceptions = True
        self.logger = OutageLog(self)
        self.down_until = 0.0

    @property
    def client(self):
        if time.time() < self.down_until:
            return ClientWhileDown()
        return super().client
