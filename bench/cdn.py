"""Varnish in front of the hub: hits, purge on publish, closing on time, grace while DB is down.

Starts its own PostgreSQL cluster (never the shared one; it is stopped for 30 s), a throwaway
Redis (or the Redis database CDN_BENCH_REDIS_URL names, emptied before and after), gunicorn with
gunicorn.conf.py and production settings, a db_worker for the task queue, and varnishd with
deploy/varnish/default.vcl in front, all on 127.0.0.1 (ports from HUB_PORTS), and stops them all.
The page cache lifetime is short (PAGE_CACHE_SECONDS=10) so that stored pages do expire during
the outage and only grace can answer. It shows:

- hit ratio and readers' p50/p99 at 64 connections (wrk), and app CPU per reader request;
- a publish visible through the proxy within 2 s (Wagtail's purge and the site ban, queued);
- a consultation closing a few seconds ahead seen closed through the proxy from its instant;
- PostgreSQL stopped for 30 s while readers keep reading: 0 errors, stale pages from grace.

    HUB_PORTS=18700-18799 .venv/bin/python bench/cdn.py [--short]

--short checks the purge, the closing instant and grace only; exit status 1 when any fails.
"""

import argparse
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import stack


ROOT = Path(__file__).resolve().parents[1]
VCL = ROOT / "deploy" / "varnish" / "default.vcl"


def say(message: str) -> None:
    sys.stdout.write(message + "\n")
    sys.stdout.flush()


@contextlib.contextmanager
def varnish(folder: Path, port: int, admin_port: int, backend_port: int):
    """varnishd in the foreground with the shipped VCL, pointed at the app's port."""
    vcl = folder / "default.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8000"', f'.port = "{backend_port}"'))
    workdir = folder / "varnish"
    workdir.mkdir()
    command = ["varnishd", "-F", "-n", str(workdir), "-a", f"127.0.0.1:{port}"]
    command += ["-T", f"127.0.0.1:{admin_port}", "-f", str(vcl), "-s", "malloc,64m"]
    command += ["-p", "default_grace=0", "-p", "thread_pool_min=20"]
    with (folder / "varnish.log").open("w") as log, stack.process(command, log=log):
        stack.wait_for_port(port, timeout=30)
        yield workdir


def varnish_counters(workdir: Path) -> dict:
    """MAIN.* counters from varnishstat."""
    output = subprocess.run(
        ["varnishstat", "-n", str(workdir), "-1", "-j"], capture_output=True, text=True, check=True
    ).stdout
    data = json.loads(output)
    counters = data.get("counters", data)
    return {name: value.get("value", 0) for name, value in counters.items() if "value" in value}


def tree_cpu(pid: int) -> float:
    """CPU seconds used so far by a process and its children (gunicorn's workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(stat.parent.name) == pid or int(fields[1]) == pid:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def shell(code: str, env) -> str:
    """Run Python in the app's environment (manage.py shell); its output."""
    return stack.manage("shell", "-c", code, env=env)


def reader_urls(base: str) -> list[str]:
    """Anonymous pages to read: the sitemap's first 60."""
    sitemap = stack.get(base + "/sitemap.xml").text
    paths = [re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>([^<]+)", sitemap)]
    return paths[:60] or ["/"]


def load(base: str, paths: list[str], folder: Path, seconds: int) -> dict:
    """wrk at 64 connections over the paths: requests, errors, p50 and p99 in ms."""
    script = folder / "paths.lua"
    listed = ", ".join(json.dumps(path) for path in paths)
    script.write_text(
        f"local paths = {{{listed}}}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n"
        "  return wrk.format('GET', paths[i])\nend\n"
        "done = function(summary, latency, requests)\n"
        "  io.write(string.format('RESULT %d %d %d %d %d %d %d %d\\n', summary.requests,\n"
        "    summary.errors.connect, summary.errors.read, summary.errors.write,\n"
        "    summary.errors.timeout, summary.errors.status,\n"
        "    latency:percentile(50), latency:percentile(99)))\nend\n"
    )
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            "-c64",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "--latency",
            "-s",
            str(script),
            base,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    requests, connect, read, write, timeout, bad_status, p50, p99 = (
        int(n) for n in re.search(r"RESULT (.*)", output).group(1).split()
    )
    errors = connect + read + write + timeout + bad_status
    if errors:
        say(
            f"wrk errors: connect {connect}, read {read}, write {write}, timeout {timeout},"
            f" status {bad_status}"
        )
    return {"requests": requests, "errors": errors, "p50": p50 / 1000, "p99": p99 / 1000}


PUBLISH = """
import time
from wagtail.models import Page
page = Page.objects.live().filter(url_path__endswith='/{slug}/').first().specific
page.title = '{title}'
started = time.time()
page.save_revision().publish()
print('STARTED', started, page.url)
"""

CLOSING = """
from datetime import timedelta
from django.utils import timezone
from consultations import times
from consultations.models import ConsultationPage
page = ConsultationPage.objects.live().filter(closes_at__gt=timezone.now()).order_by('pk').first()
closing = times.to_london(timezone.now() + timedelta(seconds={seconds})).replace(microsecond=0)
page.closing_date, page.closing_time = closing.date(), closing.time()
page.clean()
page.save_revision().publish()
print('CLOSES', page.closes_at.timestamp(), page.url)
"""


def check_publish(proxy: str, env) -> tuple[bool, str]:
    """Cache a page in the proxy, publish a new title, and time until the proxy shows it."""
    sitemap = stack.get(proxy + "/sitemap.xml").text
    paths = [re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>([^<]+)", sitemap)]
    url = max(paths, key=lambda path: path.count("/"))
    stack.get(proxy + url)
    cached = stack.get(proxy + url).headers.get("x-cache") == "HIT"
    title = f"Changed title {int(time.time())}"
    seen = {}
    stop = threading.Event()

    def watch():
        while not stop.is_set():
            if title in stack.get(proxy + url).text:
                seen.setdefault("at", time.time())
                return
            time.sleep(0.05)

    watcher = threading.Thread(target=watch)
    watcher.start()
    output = shell(PUBLISH.format(slug=url.rstrip("/").rsplit("/", 1)[1], title=title), env)
    started = float(output.split("STARTED", 1)[1].split()[0])
    watcher.join(timeout=10)
    stop.set()
    watcher.join()
    delay = seen.get("at", float("inf")) - started
    return cached and delay <= 2, (
        f"publish of {url} (cached in the proxy before: {cached})"
        f" visible through the proxy {delay:.2f} s after the publish began"
    )


def check_closing(proxy: str, env, ahead: int = 15) -> tuple[bool, str]:
    """A consultation closing a few seconds ahead: never served as open from its instant."""
    output = shell(CLOSING.format(seconds=ahead), env)
    closes, url = output.split("CLOSES", 1)[1].split()
    closes = float(closes)
    open_after, closed_before, hits, polls = 0, 0, 0, 0
    shown_open = []  # what the proxy said of the first reads shown open after the instant
    if closes - time.time() < 3:
        return False, f"closing instant: the consultation closed too soon ({url})"
    while time.time() < closes + 4:
        sent = time.time()
        response = stack.get(proxy + url)
        polls += 1
        hits += response.headers.get("x-cache") == "HIT"
        closed = "Closed" in response.text
        if sent >= closes and not closed:
            open_after += 1
            if len(shown_open) < 5:
                headers = response.headers
                shown_open.append(
                    f"+{sent - closes:.2f} s: X-Cache {headers.get('x-cache')}, Age"
                    f" {headers.get('age')}, {headers.get('cache-control')}"
                )
        if time.time() < closes and closed:
            closed_before += 1
        time.sleep(0.1)
    passed = open_after == 0 and polls > 10 and hits > 0
    return passed, (
        f"closing instant: {polls} reads of {url} ({hits} from the proxy's cache),"
        f" {open_after} shown open after closing, {closed_before} closed early"
        + "".join(f"\n      {line}" for line in shown_open)
    )


def check_grace(proxy: str, paths: list[str], cluster, outage: float) -> tuple[bool, str]:
    """Readers keep reading while PostgreSQL is stopped: every answer 200."""
    for path in paths:
        stack.get(proxy + path)
    tally = {"ok": 0, "errors": 0, "during": 0}
    failed = []  # the first answers that were not 200
    stop = threading.Event()
    down = threading.Event()
    lock = threading.Lock()

    def reader(offset):
        i = offset
        while not stop.is_set():
            path = paths[i % len(paths)]
            i += 1
            try:
                response = stack.get(proxy + path)
                status, cache = response.status, response.headers.get("x-cache")
            except OSError as error:
                status, cache = 0, type(error).__name__
            with lock:
                tally["ok" if status == 200 else "errors"] += 1
                tally["during"] += down.is_set()
                if status != 200 and len(failed) < 5:
                    failed.append(
                        f"{path}: {status or cache} (X-Cache {cache}, down {down.is_set()})"
                    )
            time.sleep(0.02)

    readers = [threading.Thread(target=reader, args=(n * 7,)) for n in range(8)]
    for thread in readers:
        thread.start()
    time.sleep(2)
    cluster.stop("fast")
    down.set()
    time.sleep(outage)
    down.clear()
    cluster.start()
    time.sleep(2)
    stop.set()
    for thread in readers:
        thread.join()
    passed = tally["errors"] == 0 and tally["during"] > 0
    return passed, (
        f"PostgreSQL stopped {outage:.0f} s: {tally['ok'] + tally['errors']} reads,"
        f" {tally['during']} during the outage, {tally['errors']} errors"
        + "".join(f"\n      {line}" for line in failed)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="purge, closing and grace only")
    parser.add_argument("--seconds", type=int, default=20, help="length of the load run")
    parser.add_argument("--outage", type=float, default=30)
    options = parser.parse_args()
    if not shutil.which("varnishd") or not shutil.which("wrk") and not options.short:
        say("varnishd (apt-get install varnish) and wrk (apt-get install wrk) are needed")
        return 1

    with contextlib.ExitStack() as stop:
        redis_url = os.environ.get("CDN_BENCH_REDIS_URL") or stop.enter_context(
            stack.redis_server(stack.free_port(8479))
        )
        return run(options, redis_url)


def run(options, redis_url: str) -> int:
    """Start the stack, measure and check; the exit status."""
    folder, cluster = stack.scratch("cdn")
    os.chmod(folder, 0o755)  # noqa: S103 - varnishd's unprivileged child reads its files here
    results = []
    try:
        app_port = stack.free_port(8400)
        proxy_port = stack.free_port(app_port - PORTS_START + 8401)
        admin_port = stack.free_port(proxy_port - PORTS_START + 8401)
        proxy = f"http://127.0.0.1:{proxy_port}"
        subprocess.run(["redis-cli", "-u", redis_url, "flushdb"], check=True, capture_output=True)
        say(f"PostgreSQL on 127.0.0.1:{cluster.port}; migrating and loading the demo content")
        env = stack.demo_database(
            cluster,
            folder,
            "--no-index",
            REDIS_URL=redis_url,
            PAGE_CACHE_SECONDS="10",
            DATABASE_POOL_TIMEOUT="2",
            TASKS_BACKEND="database",
            FRONTEND_CACHE_VARNISH_URL=proxy,
            SITE_HOSTNAME="127.0.0.1",
            SITE_PORT=str(proxy_port),
        )
        with (
            (folder / "gunicorn.log").open("w") as log,
            (folder / "worker.log").open("w") as worker_log,
            stack.process(
                [stack.PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py"]
                + ["--bind", f"127.0.0.1:{app_port}"],
                env={**env, "GUNICORN_WORKERS": "2", "GUNICORN_THREADS": "4"},
                log=log,
            ) as app,
            stack.process(
                [stack.PYTHON, "manage.py", "db_worker", "--interval", "0.1"],
                env=env,
                log=worker_log,
            ),
            varnish(folder, proxy_port, admin_port, app_port) as workdir,
        ):
            stack.wait_for_port(app_port, timeout=60)
            say(f"gunicorn on {app_port}, varnishd on {proxy_port}")
            paths = reader_urls(proxy)
            if not options.short:
                for path in paths:
                    stack.get(proxy + path)
                before = varnish_counters(workdir)
                cpu = tree_cpu(app.pid)
                figures = load(proxy, paths, folder, options.seconds)
                cpu = tree_cpu(app.pid) - cpu
                after = varnish_counters(workdir)
                hits = after["MAIN.cache_hit"] - before["MAIN.cache_hit"]
                misses = after["MAIN.cache_miss"] - before["MAIN.cache_miss"]
                ratio = hits / max(1, hits + misses)
                say("")
                columns = "readers pages requests req/s hit-ratio p50 p99 errors app-CPU/request"
                say("| " + " | ".join(columns.split()) + " |")
                say("|---|---|---|---|---|---|---|---|---|")
                say(
                    f"| 64 | {len(paths)} | {figures['requests']} |"
                    f" {figures['requests'] / options.seconds:.0f} | {ratio:.2%} |"
                    f" {figures['p50']:.1f} ms | {figures['p99']:.1f} ms | {figures['errors']} |"
                    f" {cpu / max(1, figures['requests']) * 1000:.3f} ms |"
                )
                say("")
                results.append((ratio >= 0.99, f"hit ratio {ratio:.2%} (>= 99 %)"))
                results.append((figures["errors"] == 0, f"{figures['errors']} reader errors"))
            results.append(check_publish(proxy, env))
            results.append(check_closing(proxy, env))
            results.append(check_grace(proxy, paths, cluster, options.outage))
    finally:
        cluster.remove()
        flush = ["redis-cli", "-u", redis_url, "flushdb"]
        subprocess.run(flush, check=False, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
    for passed, line in results:
        say(f"{'PASS' if passed else 'FAIL'}  {line}")
    return 0 if results and all(passed for passed, _ in results) else 1


PORTS_START = stack.PORTS.start

if __name__ == "__main__":
    sys.exit(main())
