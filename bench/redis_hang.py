"""A Redis that hangs: what each page's cache lookups cost with and without the circuit breaker.

Starts a Redis of its own on 127.0.0.1 (a port from tests/stack.py, HUB_PORTS), stops it with
SIGSTOP so it accepts connections but never answers, then times the page cache's lookups for
ten anonymous pages (the generation, then the page) through django-redis with
IGNORE_EXCEPTIONS and REDIS_TIMEOUT 0.5 s: with the stock client, and with
hub.cache.CircuitBreakerClient. Redis is killed at the end.

    .venv/bin/python bench/redis_hang.py
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.test")

import django


django.setup()

from django.core.cache.backends.base import InvalidCacheBackendError  # noqa: E402

from bench.db_outage import say  # noqa: E402
from hub.cache import redis_cache  # noqa: E402
from hub.page_cache import cache_was_down, generation  # noqa: E402
from tests import stack  # noqa: E402


PAGES = 10


def lookups(cache) -> float:
    """Seconds for PAGES pages' cache lookups, as PageCacheMiddleware makes them."""
    started = time.monotonic()
    for number in range(PAGES):
        cache_was_down.clear()
        if generation(cache) is not None:
            cache.get(f"pagecache:page:{number}")
    return time.monotonic() - started


def backend(location: str, client_class: str):
    from django_redis.cache import RedisCache

    params = redis_cache(location)
    params["OPTIONS"] = {**params["OPTIONS"], "CLIENT_CLASS": client_class}
    try:
        return RedisCache(location, params)
    except InvalidCacheBackendError as error:
        raise SystemExit(error) from error


def main() -> int:
    port = stack.free_port(8479)
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)  # noqa: S603
    try:
        stack.wait_for_port(port)
        location = f"redis://127.0.0.1:{port}/0"
        stock = backend(location, "django_redis.client.DefaultClient")
        breaker = backend(location, "hub.cache.CircuitBreakerClient")
        say(f"Redis answering: stock {lookups(stock) * 1000:.1f} ms for {PAGES} pages")
        process.send_signal(signal.SIGSTOP)
        say(f"Redis stopped (SIGSTOP) on {port}: it accepts connections, never answers")
        stock_seconds = lookups(stock)
        breaker_seconds = lookups(breaker)
        say(f"stock DefaultClient:        {stock_seconds:6.2f} s for {PAGES} pages")
        say(f"hub CircuitBreakerClient:   {breaker_seconds:6.2f} s for {PAGES} pages")
    finally:
        process.send_signal(signal.SIGCONT)
        process.kill()
        process.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
