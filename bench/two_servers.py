"""Two app servers behind one address share sessions, rate-limit counts and uploads.

Starts PostgreSQL, Redis and an S3-compatible server (moto) of its own on 127.0.0.1, loads the
demo content with REDIS_URL set, and runs two gunicorn servers with production settings on two
ports, as a load balancer would see them. Then, checking each through the other server:

- a session: signed in to the admin through A, the admin answers 200 through B;
- a rate-limit count: comments posted through A and B count against one limit;
- an uploaded image: uploaded through A's admin, shown with a rendition through B, whose URL
  (in the bucket) answers 200.

Exit status 1 when a check fails. Everything stops by itself. `.ci/run` runs it; set HUB_PORTS
(e.g. 18000-18099) to keep to a block of ports (tests/stack.py).

    .venv/bin/python bench/two_servers.py
"""

import re
import sys
import uuid
from io import BytesIO
from pathlib import Path
from urllib.parse import urlencode


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.db_outage import ANSWERS, CONSULTATION, form_fields, say
from tests import stack


RATE_LIMIT = 3


def png() -> bytes:
    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (800, 600), "teal").save(buffer, "PNG")
    return buffer.getvalue()


class Browser:
    """Cookies kept across servers, as one browser behind a load balancer keeps them."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def send(self, method, url, body=None, content_type=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if content_type:
            headers["Content-Type"] = content_type
        response = stack.request(method, url, body=body, headers=headers)
        self.cookies.update(response.cookies)
        return response

    def get(self, url):
        return self.send("GET", url)

    def post_form(self, url, fields):
        fields = {**fields, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
        return self.send(
            "POST", url, urlencode(fields).encode(), "application/x-www-form-urlencoded"
        )

    def post_multipart(self, url, fields, file_field, filename, data):
        boundary = uuid.uuid4().hex
        fields = {**fields, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
        head = f"--{boundary}\r\nContent-Disposition: form-data; name="
        parts = [f'{head}"{name}"\r\n\r\n{value}\r\n'.encode() for name, value in fields.items()]
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
            f'filename="{filename}"\r\nContent-Type: image/png\r\n\r\n'.encode()
            + data
            + b"\r\n"
        )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.send("POST", url, body, f"multipart/form-data; boundary={boundary}")


def comment(browser: Browser, base: str, number: int) -> int:
    """Fetch the comment form from base and send it; the status of the POST."""
    form = form_fields(browser.get(base + CONSULTATION).text)
    form.update(ANSWERS, name=f"Two servers {number}", email=f"two{number}@example.gov.uk")
    form["text"] = f"Comment {number} {uuid.uuid4()}"
    return browser.post_form(base + CONSULTATION, form).status


def main() -> int:
    folder, cluster = stack.scratch("two")
    checks = {}
    try:
        with (
            stack.redis_server(stack.free_port(8479)) as redis_url,
            stack.s3_server(stack.free_port(8450)) as s3,
        ):
            say("Redis and S3 up; starting PostgreSQL, migrating and loading the demo")
            # Production settings make no sign-ins unless asked: the session check needs one.
            # Media go to S3; the folder's media one stays empty.
            env = stack.demo_database(
                cluster,
                folder,
                "--no-index",
                "--demo-users",
                REDIS_URL=redis_url,
                CONSULTATIONS_RATE_LIMIT=str(RATE_LIMIT),
                CONSULTATIONS_MIN_SECONDS_TO_RESPOND="0",
                **s3,
            )
            port_a = stack.free_port(8410)
            with stack.gunicorn(env, port_a) as a:
                port_b = stack.free_port(port_a + 1)
                with stack.gunicorn(env, port_b) as b:
                    say(f"Server A {a}, server B {b}")
                    checks.update(run_checks(a, b))
    finally:
        cluster.remove()
    for name, passed in checks.items():
        say(f"{'PASS' if passed else 'FAIL'}  {name}")
    return 0 if checks and all(checks.values()) else 1


def run_checks(a: str, b: str) -> dict[str, bool]:
    checks = {}
    # A session made on A.
    editor = Browser()
    editor.get(a + "/admin/login/")
    signed_in = editor.post_form(a + "/admin/login/", {"username": "admin", "password": "changeme"})
    through_b = editor.get(b + "/admin/")
    say(f"Sign in through A: {signed_in.status}; the admin through B: {through_b.status}")
    checks["a session made on A is signed in on B"] = (
        signed_in.status == 302 and through_b.status == 200 and "Dashboard" in through_b.text
    )

    # One rate limit across both servers.
    person = Browser()
    statuses = [comment(person, server, n) for n, server in enumerate([a, b, a, b])]
    say(f"Comments through A, B, A, B with a limit of {RATE_LIMIT}: {statuses}")
    checks["the rate-limit count is shared"] = statuses == [303, 303, 303, 429]

    # An image uploaded through A, shown through B.
    page = editor.get(a + "/admin/images/add/")
    fields = form_fields(page.text)
    fields.pop("file", None)
    fields["title"] = "Uploaded on server A"
    uploaded = editor.post_multipart(a + "/admin/images/add/", fields, "file", "a.png", png())
    listing = editor.get(b + "/admin/images/?q=Uploaded")
    ids = re.findall(r'href="/admin/images/(\d+)/"', listing.text)
    say(f"Upload through A: {uploaded.status}; images listed through B: {len(set(ids))}")
    rendition = None
    if ids:
        edit = editor.get(f"{b}/admin/images/{ids[0]}/")
        sources = re.findall(r'<img[^>]+src="([^"]+/images/[^"]+)"', edit.text)
        if sources:
            rendition = stack.get(sources[0].replace("&amp;", "&"))
            say(f"Rendition made by B: {sources[0].split('?')[0]} -> {rendition.status}")
    checks["an image uploaded on A has a rendition served through B"] = (
        uploaded.status == 302 and rendition is not None and rendition.status == 200
    )
    return checks


if __name__ == "__main__":
    sys.exit(main())
