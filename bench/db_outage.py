"""PostgreSQL stopped for 5 seconds during a stream of comments: nothing acknowledged is lost.

Starts its own PostgreSQL cluster (never the shared one), loads the demo content, serves it with
gunicorn and production settings, and sends comments from several clients at once. Mid-stream the
database is stopped for 5 seconds and started again. Then it checks, and prints:

- every acknowledged comment (303 to its confirmation) is one row, with the text sent;
- no submission is stored twice;
- every POST that failed was answered 503 with Retry-After and the typed text;
- sending those failed forms again, as shown, stores each exactly once (twice sent, one row).

Everything listens on 127.0.0.1 (ports from tests/stack.py, HUB_PORTS) and stops by itself; the
shared PostgreSQL server is never touched. Exit status 1 when a check fails. `.ci/run` runs it.

    .venv/bin/python bench/db_outage.py [--clients 8] [--seconds 24] [--outage 5]
"""

import argparse
import random
import sys
import threading
import time
import uuid
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import stack


CONSULTATION = "/consultations/construction-category-strategy-2026/respond/"
# What every bench comment answers, besides who sends it and what it says.
ANSWERS = {
    "organisation": "other",
    "organisation_other": "Bench Trust",
    "role": "Head of procurement",
    "response_type": "official",
    "section": "whole",
}
# Every sender here comes from 127.0.0.1 and sends at once; on the day they come from many
# addresses and take their time.
NO_LIMITS = {"CONSULTATIONS_RATE_LIMIT": "0", "CONSULTATIONS_MIN_SECONDS_TO_RESPOND": "0"}


def say(message: str) -> None:
    sys.stdout.write(message + "\n")
    sys.stdout.flush()


class FormFields(HTMLParser):
    """The fields of the first form in a page, as a browser would send them."""

    def __init__(self):
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self._textarea = None
        self._select = None
        self._in_form = False
        self._done = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self._done:
            return
        if tag == "form" and attrs.get("method") == "post":
            self._in_form = True
        elif self._in_form and tag == "input" and attrs.get("name"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.fields.append((attrs["name"], attrs.get("value", "")))
        elif self._in_form and tag == "textarea":
            self._textarea = [attrs["name"], ""]
        elif self._in_form and tag == "select":
            self._select = attrs["name"]
        elif self._select and tag == "option" and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.fields.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "form" and self._in_form:
            self._in_form, self._done = False, True


def form_fields(page: str) -> dict[str, str]:
    parser = FormFields()
    parser.feed(page)
    return dict(parser.fields)


class Client:
    """One person's browser: a CSRF cookie, then forms fetched and sent."""

    def __init__(self, base: str):
        self.base = base
        self.csrf = ""

    def _headers(self) -> dict[str, str]:
        return {"Cookie": f"csrftoken={self.csrf}"} if self.csrf else {}

    def fetch_form(self) -> tuple[dict[str, str] | None, stack.Response]:
        """The form's fields (None unless it answered 200), and the response."""
        response = stack.get(self.base + CONSULTATION, headers=self._headers())
        self.csrf = response.cookies.get("csrftoken", self.csrf)
        return (form_fields(response.text) if response.status == 200 else None), response

    def post(self, fields: dict[str, str]) -> stack.Response:
        fields = {**fields, "csrfmiddlewaretoken": self.csrf}
        headers = {**self._headers(), "Content-Type": "application/x-www-form-urlencoded"}
        return stack.request(
            "POST", self.base + CONSULTATION, body=urlencode(fields).encode(), headers=headers
        )


class Tally:
    """What the clients saw, shared between their threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.acknowledged: dict[str, str] = {}  # submission id -> text
        self.failed: list[tuple[Client, dict[str, str], str]] = []  # client, form shown, text
        self.failed_without_text = 0
        self.other: list[int] = []
        self.form_unavailable = 0
        self.form_other: list[int] = []  # unavailable forms not answered 503 with Retry-After


def answer(client: Client, form: dict[str, str], text: str, tally: Tally) -> None:
    """Send one comment and file the answer."""
    response = client.post(form)
    with tally.lock:
        if response.status == 303:
            tally.acknowledged[form["submission_id"]] = text
        elif response.status == 503:
            shown = form_fields(response.text)
            keeps_text = (
                shown.get("text") == text
                and shown.get("submission_id") == form["submission_id"]
                and response.headers.get("retry-after")
            )
            if keeps_text:
                tally.failed.append((client, shown, text))
            else:
                tally.failed_without_text += 1
        else:
            tally.other.append(response.status)


def person(base: str, number: int, stop: threading.Event, tally: Tally) -> None:
    client = Client(base)
    sent = 0
    while not stop.is_set():
        form, response = client.fetch_form()
        if form is None:
            with tally.lock:
                if response.status == 503 and response.headers.get("retry-after"):
                    tally.form_unavailable += 1
                else:
                    tally.form_other.append(response.status)
            time.sleep(0.5)
            continue
        time.sleep(random.uniform(0.5, 2.0))  # noqa: S311 - filling in the form
        sent += 1
        text = f"Comment {number}.{sent} {uuid.uuid4()}\nPipelines & <districts> – ŵ"
        form.update(ANSWERS, name=f"Bench person {number}", email=f"bench{number}@example.gov.uk")
        form["text"] = text
        answer(client, form, text, tally)


def stored_rows(database_url: str) -> list[tuple[str, str]]:
    import psycopg

    with psycopg.connect(database_url.replace("postgres://", "postgresql://")) as connection:
        return connection.execute(
            "SELECT idempotency_key::text, text FROM consultations_comment"
        ).fetchall()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=24)
    parser.add_argument("--outage", type=float, default=5)
    options = parser.parse_args()

    folder, cluster = stack.scratch("outage")
    try:
        say(f"PostgreSQL on 127.0.0.1:{cluster.port}; migrating and loading the demo content")
        env = stack.demo_database(
            cluster,
            folder,
            "--no-index",
            **NO_LIMITS,
            # Shorter than the outage, so requests do fail during it. (The default, 5 s, rides
            # out a quick restart: requests wait for the database instead.)
            DATABASE_POOL_TIMEOUT="2",
        )
        demo_rows = {key for key, _ in stored_rows(cluster.url("hub"))}

        port = stack.free_port(8400)
        with (
            (folder / "gunicorn.log").open("w") as log,
            stack.gunicorn(env, port, workers=2, threads=4, log=log) as base,
        ):
            tally = Tally()
            stop = threading.Event()
            people = [
                threading.Thread(target=person, args=(base, n, stop, tally))
                for n in range(options.clients)
            ]
            for thread in people:
                thread.start()
            # The stream is under way once each person has sent one comment (warm workers).
            deadline = time.monotonic() + 180
            while len(tally.acknowledged) < options.clients and time.monotonic() < deadline:
                time.sleep(0.2)
            time.sleep(options.seconds / 3)
            say(f"Stopping PostgreSQL for {options.outage:.0f} s")
            cluster.stop("fast")
            time.sleep(options.outage)
            cluster.start()
            say("PostgreSQL started again")
            time.sleep(options.seconds * 2 / 3)
            stop.set()
            for thread in people:
                thread.join()

            # Send each failed form again as the page showed it: twice, as a double click does.
            resent = {}
            resend_statuses = []
            for client, shown, text in tally.failed:
                first, second = client.post(shown), client.post(shown)
                resend_statuses += [first.status, second.status]
                if first.status == second.status == 303 and (
                    first.headers["location"] == second.headers["location"]
                ):
                    resent[shown["submission_id"]] = text

            rows = [row for row in stored_rows(cluster.url("hub")) if row[0] not in demo_rows]
    finally:
        cluster.remove()

    keys = [key for key, _ in rows]
    by_key = dict(rows)
    duplicates = len(keys) - len(set(keys))
    acknowledged = {**tally.acknowledged, **resent}
    lost = [key for key, text in acknowledged.items() if by_key.get(key) != text]
    unacknowledged_rows = [key for key in by_key if key not in acknowledged]

    checks = {
        "acknowledged = rows": len(acknowledged) == len(rows) and not unacknowledged_rows,
        "0 duplicates": duplicates == 0,
        "every acknowledged text stored exactly": not lost,
        "every failed POST answered 503 with the typed text": tally.failed_without_text == 0
        and not tally.other,
        "some POSTs met the outage": bool(tally.failed),
        "every unavailable form answered 503 with Retry-After": not tally.form_other,
        "each resent form stored exactly once": len(resent) == len(tally.failed),
    }
    say("")
    say(f"POSTs acknowledged during the stream: {len(tally.acknowledged)}")
    say(
        f"POSTs answered 503 with the typed text and submission id: {len(tally.failed)}"
        f" (without: {tally.failed_without_text}; other statuses: {sorted(set(tally.other))})"
    )
    say(
        f"Form GETs answered 503 during the outage: {tally.form_unavailable}"
        f" (other statuses: {sorted(set(tally.form_other))})"
    )
    say(
        f"Failed forms resent twice each after recovery: {len(tally.failed)} -> "
        f"{len(resent)} stored once (statuses {sorted(set(resend_statuses))})"
    )
    say(f"Rows: {len(rows)}; acknowledged: {len(acknowledged)}; duplicates: {duplicates}")
    for name, passed in checks.items():
        say(f"{'PASS' if passed else 'FAIL'}  {name}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
