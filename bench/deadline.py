"""Deadline day: readers on cached pages and respondents commenting while an editor publishes.

Starts PostgreSQL (a cluster of its own) and Redis on 127.0.0.1, loads the demo content and
serves it with gunicorn under the shipped gunicorn.conf.py and production settings. Then 64
anonymous readers fetch the main pages as fast as they are answered (one keep-alive connection
each), and 20 respondents fetch the comment form and send it, a second or so apart. Halfway, an
editor publishes the key area page that readers read. It prints:

- readers' p50/p99 before the publish, in the first seconds after it and for the rest of the run;
- errors (anything but 200 for readers, 303 for comments, and socket errors);
- comments acknowledged against rows stored, and whether readers saw the publish at once.

Exit status 1 with errors, lost comments or a stale page after the publish. Ports come from
tests/stack.py (HUB_PORTS); everything stops by itself.

    .venv/bin/python bench/deadline.py [--readers 64] [--respondents 20] [--seconds 40]
"""

import argparse
import http.client
import random
import statistics
import sys
import threading
import time
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.db_outage import NO_LIMITS, Tally, person, say, stored_rows
from tests import stack


KEY_AREA = "/strategy/2022/behaving-commercially/managing-contracts-and-relationships/"
PAGES = [
    "/",
    KEY_AREA,
    "/category-strategies/construction-2026/",
    "/case-studies/open-book-review-of-home-care-contracts/",
    "/case-studies/",
    "/case-studies/?theme=behaving-commercially&sort=saving",
    "/resources/",
    "/consultations/construction-category-strategy-2026/",
    "/search/?q=contract",
]
NEW_TITLE = "Managing contracts and relationships (updated on deadline day)"
PUBLISH = f"""
from strategy.models import KeyAreaPage
path = "/strategy/2022/behaving-commercially/managing-contracts-and-relationships/"
page = KeyAreaPage.objects.get(url_path__endswith=path)
page.title = {NEW_TITLE!r}
page.save_revision().publish()
"""
AFTER_WINDOW = 5.0  # seconds after the publish reported on their own: the cold renders


class Readings:
    """Every reader request: when it ended, how long it took, and what came back."""

    def __init__(self):
        self.lock = threading.Lock()
        self.rows: list[tuple[float, float, int, str]] = []  # end, seconds, status, path
        self.errors = 0
        self.stale_after: list[float] = []  # when a reader got the old key area after publish


def reader(base: str, stop: threading.Event, readings: Readings, published: list[float]):
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    while not stop.is_set():
        path = random.choice(PAGES)  # noqa: S311
        started = time.monotonic()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
            status = response.status
        except OSError:
            connection.close()
            connection = http.client.HTTPConnection(host, int(port), timeout=30)
            with readings.lock:
                readings.errors += 1
            continue
        ended = time.monotonic()
        with readings.lock:
            readings.rows.append((ended, ended - started, status, path))
            if status != 200:
                readings.errors += 1
            # A request sent after the publish returned must show it.
            after = bool(published) and started > published[0]
            if path == KEY_AREA and after and NEW_TITLE.encode() not in body:
                readings.stale_after.append(started - published[0])
    connection.close()


def percentiles(rows) -> str:
    times = sorted(seconds * 1000 for _, seconds, _, _ in rows)
    if len(times) < 2:
        return "no requests"
    p99 = statistics.quantiles(times, n=100)[98]
    return f"p50 {statistics.median(times):6.1f} ms, p99 {p99:6.1f} ms ({len(times)} requests)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=64)
    parser.add_argument("--respondents", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=40)
    options = parser.parse_args()
    readings, tally = Readings(), Tally()

    folder, cluster = stack.scratch("deadline")
    published: list[float] = []
    try:
        with stack.redis_server(stack.free_port(8479)) as redis_url:
            say(f"PostgreSQL on {cluster.port}, Redis {redis_url}; loading the demo content")
            env = stack.demo_database(
                cluster,
                folder,
                REDIS_URL=redis_url,
                GUNICORN_LOG_LEVEL="warning",
                **NO_LIMITS,
            )
            demo_rows = {key for key, _ in stored_rows(cluster.url("hub"))}
            port = stack.free_port(8400)
            # The shipped configuration: gunicorn.conf.py with its default workers and threads.
            with (
                (folder / "gunicorn.log").open("w") as log,
                stack.gunicorn(env, port, workers=2, threads=4, log=log) as base,
            ):
                for path in PAGES:  # the pages are in the cache when the day starts
                    stack.get(base + path)
                say(
                    f"gunicorn {base}: {options.readers} readers, {options.respondents} respondents"
                )
                stop = threading.Event()
                # Daemons: a failure in the main thread never leaves them running.
                threads = [
                    threading.Thread(
                        target=reader, args=(base, stop, readings, published), daemon=True
                    )
                    for _ in range(options.readers)
                ] + [
                    threading.Thread(target=person, args=(base, n, stop, tally), daemon=True)
                    for n in range(options.respondents)
                ]
                for thread in threads:
                    thread.start()
                started = time.monotonic()
                time.sleep(options.seconds / 2)
                say("The editor publishes the key area page")
                publish_started = time.monotonic()
                stack.manage("shell", "-c", PUBLISH, env=env)
                published.append(time.monotonic())
                time.sleep(options.seconds / 2)
                stop.set()
                for thread in threads:
                    thread.join()
            rows = [row for row in stored_rows(cluster.url("hub")) if row[0] not in demo_rows]
    finally:
        cluster.remove()

    warm = started + 2  # the first seconds warm each worker's own store of pages
    before = [r for r in readings.rows if warm <= r[0] < publish_started]
    just_after = [r for r in readings.rows if published[0] <= r[0] < published[0] + AFTER_WINDOW]
    later = [r for r in readings.rows if r[0] >= published[0] + AFTER_WINDOW]
    comment_errors = len(tally.failed) + tally.failed_without_text + len(tally.other)
    comment_errors += tally.form_unavailable + len(tally.form_other)
    by_key = dict(rows)
    lost = [key for key, text in tally.acknowledged.items() if by_key.get(key) != text]
    say("")
    say(f"Readers before the publish:          {percentiles(before)}")
    say(f"Readers in the {AFTER_WINDOW:.0f} s after the publish: {percentiles(just_after)}")
    say(f"Readers after that:                  {percentiles(later)}")
    seconds = readings.rows[-1][0] - readings.rows[0][0] if readings.rows else 1
    say(f"Reader requests: {len(readings.rows)} ({len(readings.rows) / seconds:.0f}/s)")
    say(f"Errors: readers {readings.errors}, comments {comment_errors}")
    say(f"Comments acknowledged: {len(tally.acknowledged)}; stored: {len(rows)}; lost: {len(lost)}")
    say(f"Key area fetched stale after the publish: {len(readings.stale_after)} times")
    checks = {
        "0 errors": readings.errors == 0 and comment_errors == 0,
        "acknowledged = stored": len(tally.acknowledged) == len(rows) and not lost,
        "the publish showed at once": not readings.stale_after and bool(just_after),
    }
    for name, passed in checks.items():
        say(f"{'PASS' if passed else 'FAIL'}  {name}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
