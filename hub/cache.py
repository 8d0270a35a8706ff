"""The shared cache: django-redis, serving without Redis (with a warning) while Redis is down.

Failures read as misses through django-redis's own IGNORE_EXCEPTIONS option. The client class
adds one thing django-redis lacks: after a failure it leaves Redis alone for a few seconds.
Against a Redis that hangs rather than refuses, each call would otherwise wait for the socket
timeout, and an anonymous page makes three calls (bench/redis_hang.py measures both).
"""

import functools
import logging
import time

from django_redis.client import DefaultClient
from django_redis.exceptions import ConnectionInterrupted


logger = logging.getLogger("hub.cache")

# After a failed call, Redis is left alone for this long.
RETRY_AFTER_SECONDS = 5.0


def redis_cache(location: str, timeout: float = 0.5) -> dict:
    """The CACHES entry for Redis at location: failures are misses, calls wait at most timeout."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": location,
        "OPTIONS": {
            "CLIENT_CLASS": "hub.cache.CircuitBreakerClient",
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": timeout,
            "SOCKET_TIMEOUT": timeout,
        },
    }


class SkippedWhileDown(ConnectionInterrupted):
    """A call not made because Redis failed moments ago."""


def guarded(method):
    """The client method, failing at once while Redis is down, and marking it down on failure."""

    @functools.wraps(method)
    def call(self, *args, **kwargs):
        if time.time() < self.down_until:
            raise SkippedWhileDown(connection=None)
        try:
            return method(self, *args, **kwargs)
        except SkippedWhileDown:
            raise
        except ConnectionInterrupted as error:
            if time.time() >= self.down_until:  # once per outage window, not per nested call
                logger.warning(
                    "Cache unavailable, serving without it for %ss: %s",
                    RETRY_AFTER_SECONDS,
                    error.__cause__ or error,
                )
            self.down_until = time.time() + RETRY_AFTER_SECONDS
            raise

    return call


class CircuitBreakerClient(DefaultClient):
    """django-redis's client, which stops calling Redis for a while after a call failed."""

    down_until = 0.0

    def retry_now(self) -> None:
        """Let the next call reach Redis, even within the pause after a failure."""
        self.down_until = 0.0


for _name in (
    "set",
    "add",
    "get",
    "delete",
    "delete_many",
    "clear",
    "get_many",
    "set_many",
    "incr",
    "decr",
    "has_key",
    "touch",
    "expire",
    "ttl",
):
    setattr(CircuitBreakerClient, _name, guarded(getattr(DefaultClient, _name)))
