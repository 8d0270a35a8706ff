"""Django's file cache against its database cache, for production without Redis.

Times, in this process, what the page cache asks of its cache: reading the generation (a small
integer, once per request), storing and reading a 20 KB page, and a generation bump, on the
database DATABASE_URL names (a cache table of its own, dropped at the end) and a temporary
folder. Point DATABASE_URL at a throwaway database.

    DATABASE_URL=sqlite:///tmp/x.sqlite3 .venv/bin/python bench/cache_backends.py
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.test")

import django


django.setup()

from django.core.cache.backends.db import DatabaseCache  # noqa: E402
from django.core.cache.backends.filebased import FileBasedCache  # noqa: E402
from django.core.management.commands.createcachetable import Command  # noqa: E402
from django.db import connection  # noqa: E402

from bench.db_outage import say  # noqa: E402


TABLE = "hub_cache_backends_bench"


def median_us(action, times: int) -> float:
    samples = []
    for number in range(times):
        started = time.perf_counter()
        action(number)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1e6


def main() -> int:
    command = Command()
    command.verbosity = 0
    command.create_table("default", TABLE, dry_run=False)
    folder = tempfile.mkdtemp(prefix="hub-file-cache-")
    options = {"OPTIONS": {"MAX_ENTRIES": 10000}}
    backends = {"file": FileBasedCache(folder, options), "database": DatabaseCache(TABLE, options)}
    page = {"content": os.urandom(10000).hex().encode(), "generation": 1, "expires": 0}
    head = f"| cache ({connection.vendor}) | get generation µs | set 20 KB µs | get 20 KB µs"
    say(head + " | bump µs |\n|---|---|---|---|---|")
    try:
        for name, cache in backends.items():
            cache.set("pagecache:generation", 1, None)
            figures = [
                median_us(lambda n, c=cache: c.get("pagecache:generation"), 2000),
                median_us(lambda n, c=cache: c.set(f"pagecache:page:{n}", page, 600), 300),
                median_us(lambda n, c=cache: c.get(f"pagecache:page:{n}"), 300),
                median_us(lambda n, c=cache: c.incr("pagecache:generation"), 300),
            ]
            say(f"| {name} | " + " | ".join(f"{value:.0f}" for value in figures) + " |")
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE {TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
