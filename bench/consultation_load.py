"""Fire concurrent comment submissions at gunicorn on 127.0.0.1 and check nothing was lost.

    .venv/bin/python bench/consultation_load.py [--submissions 200] [--database-url URL]

It prepares a PostgreSQL database (created if missing, migrated, demo content loaded), collects
static files, starts gunicorn with production settings on 127.0.0.1 only, fetches the comment form
once per virtual user, waits so the speed check is not tripped, releases every POST at the same
moment, follows each redirect to read the reference, then checks the database: one row per
submission, distinct references, and each reference holding exactly the text that was sent.
Everything is bounded by timeouts, and gunicorn is stopped at the end.
"""

import argparse
import os
import re
import secrets
import signal
import statistics
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlencode, urlparse

import psycopg


ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
CONSULTATION = "/consultations/construction-category-strategy-2026/"
HIDDEN = re.compile(r'name="(csrfmiddlewaretoken|submission_id|form_token)" value="([^"]+)"')
REFERENCE = re.compile(r'<strong id="reference">([^<]+)</strong>')
COOKIE = re.compile(r"csrftoken=([^;]+)")


def say(line: str) -> None:
    """A line of progress or results, shown at once."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--submissions", type=int, default=200)
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hub_consult_load"
        ),
    )
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument(
        "--double-submit",
        action="store_true",
        help="Send every form twice at the same moment (a double click): expect half as many "
        "rows, and both sends of a form given the same reference.",
    )
    parser.add_argument("--timeout", type=float, default=180, help="Whole run, in seconds.")
    return parser.parse_args()


def server_env(args) -> dict:
    """Production settings, local database, no outgoing mail, rate limit raised for one IP."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": args.database_url,
        "ALLOWED_HOSTS": "127.0.0.1",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        # Every virtual user shares 127.0.0.1: raise the per-address limit far above the load.
        "CONSULTATIONS_RATE_LIMIT": str(max(1000, args.submissions * 10)),
        "LOG_LEVEL": "WARNING",
    }


def ensure_database(url: str) -> None:
    """Create the load-test database if it does not exist."""
    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin_url = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def manage(env, *command: str) -> None:
    subprocess.run(  # noqa: S603 - fixed arguments
        [str(PYTHON), "manage.py", *command], cwd=ROOT, env=env, check=True, timeout=300
    )


def request(port, method, path, body=None, cookie=None, timeout=60):
    """One request as a browser behind our HTTPS proxy would make it."""
    conn = HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {
        "Host": f"127.0.0.1:{port}",
        "X-Forwarded-Proto": "https",
        "Referer": f"https://127.0.0.1:{port}{CONSULTATION}respond/",
    }
    if cookie:
        headers["Cookie"] = f"csrftoken={cookie}"
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        conn.close()


def wait_until_up(port, deadline) -> None:
    while time.monotonic() < deadline:
        try:
            if request(port, "GET", CONSULTATION, timeout=5)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit("gunicorn did not answer in time")


def fetch_form(port, i):
    """What a person's browser holds after opening the form: cookie and hidden fields."""
    status, headers, html = request(port, "GET", CONSULTATION + "respond/")
    if status != 200:
        raise RuntimeError(f"form GET {i}: HTTP {status}")
    fields = dict(HIDDEN.findall(html))
    cookie = COOKIE.search(headers.get("Set-Cookie", "")).group(1)
    return cookie, fields


def submit(port, i, run, cookie, fields, barrier):
    """Send one comment when every user is ready, then read the reference it was given."""
    text = f"{i}:{fields['submission_id']} – Siân's comment ✓ ねこ"
    body = urlencode(
        {
            **fields,
            "name": f"Load {i}",
            "email": f"load-{run}-{i}@example.gov.uk",
            "organisation": "other",
            "organisation_other": "Load Test Borough",
            "role": "Tester",
            "response_type": "personal",
            "section": "whole",
            "text": text,
            "website": "",
        }
    )
    barrier.wait()
    started = time.monotonic()
    status, headers, _ = request(port, "POST", CONSULTATION + "respond/", body, cookie)
    reference = None
    if status == 303:
        location = urlparse(headers["Location"]).path
        confirm_status, _, html = request(port, "GET", location, cookie=cookie)
        match = REFERENCE.search(html)
        reference = match.group(1) if confirm_status == 200 and match else None
    return {
        "status": status,
        "reference": reference,
        "text": text,
        "seconds": time.monotonic() - started,
    }


def check_database(url: str, run: str, results: list[dict]) -> dict:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT reference, text, status FROM consultations_comment WHERE email LIKE %s",
            [f"load-{run}-%"],
        ).fetchall()
    stored = {reference: text for reference, text, _ in rows}
    shown = [r for r in results if r["reference"]]
    return {
        "rows": len(rows),
        "distinct_references": len(stored),
        "quarantined": sum(1 for *_, status in rows if status != "received"),
        "references_matching_text": sum(
            1 for r in shown if stored.get(r["reference"]) == r["text"]
        ),
    }


def main() -> int:
    args = parse_args()
    deadline = time.monotonic() + args.timeout
    env = server_env(args)
    run = uuid.uuid4().hex[:8]
    say(f"Preparing {args.database_url} (migrate, demo content, static files)…")
    ensure_database(args.database_url)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo_data", "--no-index", "--no-demo-users", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")

    server = subprocess.Popen(  # noqa: S603 - fixed arguments, bound to 127.0.0.1
        [
            str(GUNICORN),
            "hub.wsgi:application",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            str(args.workers),
            "--threads",
            str(args.threads),
            "--timeout",
            "30",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        wait_until_up(args.port, deadline)
        n = args.submissions
        copies = 2 if args.double_submit else 1
        distinct = n // copies
        say(
            f"gunicorn on 127.0.0.1:{args.port} ({args.workers} workers × {args.threads} "
            f"threads, production settings). Opening {distinct} forms…"
        )
        with ThreadPoolExecutor(max_workers=32) as pool:
            forms = list(pool.map(lambda i: fetch_form(args.port, i), range(distinct)))
        time.sleep(3.5)  # a person takes longer than the 3-second speed check
        barrier = threading.Barrier(n, timeout=max(1, deadline - time.monotonic()))
        say(f"Firing {n} concurrent submissions…")
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=n) as pool:
            futures = [
                pool.submit(submit, args.port, i // copies, run, *forms[i // copies], barrier)
                for i in range(n)
            ]
            results = []
            for future in futures:
                try:
                    results.append(future.result(timeout=max(1, deadline - time.monotonic())))
                except Exception as error:  # noqa: BLE001 - counted as an error below
                    results.append({"status": repr(error), "reference": None, "seconds": 0})
        elapsed = time.monotonic() - started
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)

    errors = [r for r in results if r["status"] != 303 or not r["reference"]]
    references = {r["reference"] for r in results if r["reference"]}
    latencies = sorted(r["seconds"] for r in results if r["seconds"])
    db = check_database(args.database_url, run, results)
    p95 = latencies[int(len(latencies) * 0.95) - 1] if latencies else 0
    say(f"Submissions sent:          {n} in {elapsed:.1f} s")
    say(f"Confirmed (303 + ref):     {n - len(errors)}")
    say(f"Errors:                    {len(errors)}")
    say(f"Distinct references shown: {len(references)}")
    say(f"Rows in the database:      {db['rows']}")
    say(f"Distinct references in DB: {db['distinct_references']}")
    say(f"References with same text: {db['references_matching_text']}")
    say(f"Quarantined rows:          {db['quarantined']}")
    if latencies:
        say(
            f"Latency (POST → 303):      median {statistics.median(latencies):.2f} s, "
            f"p95 {p95:.2f} s, max {latencies[-1]:.2f} s"
        )
    if errors:
        say(f"First errors: {[e['status'] for e in errors[:5]]}")
    ok = (
        not errors
        and len(references) == distinct
        and db["rows"] == distinct
        and db["distinct_references"] == distinct
        and db["references_matching_text"] == n
    )
    say(f"RESULT: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
