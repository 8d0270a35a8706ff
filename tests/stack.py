"""Real servers on 127.0.0.1 for production tests and benches: gunicorn, PostgreSQL, Redis, S3.

Every server listens on a port from PORTS (this project's block: 8400-8499, or HUB_PORTS such as
"18000-18099" where several checkouts share a machine) and is stopped by its context manager, so
nothing outlives the test or script that started it.
"""

import contextlib
import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlsplit


ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
_FIRST, _LAST = (int(n) for n in os.environ.get("HUB_PORTS", "8400-8499").split("-"))
PORTS = range(_FIRST, _LAST + 1)
PG_BIN = Path("/usr/lib/postgresql/15/bin")
SECRET = "production-test-secret-" + "k" * 40


def free_port(start: int = 8400) -> int:
    """The first port nothing listens on from start (8400-8499, moved into PORTS) upwards."""
    for port in range(PORTS.start + (start - 8400) % len(PORTS), PORTS.stop):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError(f"No free port in {PORTS.start}-{PORTS.stop - 1}")


def wait_for_port(port: int, timeout: float = 30) -> None:
    """Block until something accepts connections on the port."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"Nothing listening on {port} after {timeout}s")


def production_env(**extra: str) -> dict[str, str]:
    """The environment of a production process on this machine (HTTP on 127.0.0.1)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST", "AWS_")) and key not in ("REDIS_URL",)
    }
    env.update(
        DJANGO_SETTINGS_MODULE="hub.settings.production",
        DJANGO_SECRET_KEY=SECRET,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # The tests speak plain HTTP to gunicorn; the proxy that ends TLS is not there.
        SECURE_SSL_REDIRECT="0",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        PYTHONUNBUFFERED="1",
        # Without REDIS_URL the shared cache is a folder: one of its own, never a stale one.
        CACHE_DIR=tempfile.mkdtemp(prefix="hub-cache-"),
    )
    env.update(extra)
    return env


def manage(*args: str, env: dict[str, str], check: bool = True) -> str:
    """Run manage.py with that environment; its output."""
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if check and result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


@contextlib.contextmanager
def process(command: list[str], env=None, log=None, cwd=ROOT):
    """A background process, its output to log; terminated at the end, killed if it lingers."""
    child = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=log or subprocess.DEVNULL, stderr=subprocess.STDOUT
    )
    try:
        yield child
    finally:
        child.terminate()
        try:
            child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            child.kill()


@contextlib.contextmanager
def gunicorn(env: dict[str, str], port: int, *, workers: int = 1, threads: int = 4, log=None):
    """gunicorn with the repository's config file, production settings, on 127.0.0.1:port."""
    env = {**env, "GUNICORN_WORKERS": str(workers), "GUNICORN_THREADS": str(threads)}
    command = [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"]
    with process(command, env=env, log=log):
        wait_for_port(port, timeout=60)
        yield f"http://127.0.0.1:{port}"


@contextlib.contextmanager
def redis_server(port: int):
    """A throwaway Redis without persistence."""
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    with process([*command, "--appendonly", "no"]):
        wait_for_port(port)
        yield f"redis://127.0.0.1:{port}/0"


@contextlib.contextmanager
def s3_server(port: int, bucket: str = "hub-media"):
    """moto's S3-compatible server with one empty bucket; yields the settings' environment."""
    with process([PYTHON, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]):
        wait_for_port(port)
        env = {
            "AWS_STORAGE_BUCKET_NAME": bucket,
            "AWS_S3_ENDPOINT_URL": f"http://127.0.0.1:{port}",
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_S3_REGION_NAME": "eu-west-2",
            "AWS_S3_ADDRESSING_STYLE": "path",
        }
        import boto3

        boto3.client(
            "s3",
            endpoint_url=env["AWS_S3_ENDPOINT_URL"],
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
            region_name="eu-west-2",
        ).create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
        )
        yield env


class PostgresCluster:
    """A PostgreSQL cluster of our own in a temporary folder, owned by the postgres user."""

    def __init__(self, port: int):
        self.port = port
        self.folder = Path(tempfile.mkdtemp(prefix="hub-pg-"))
        self.data = self.folder / "data"
        shutil.chown(self.folder, "postgres", "postgres")
        self._as_postgres(f"{PG_BIN}/initdb -D {self.data} -A trust -U postgres --no-sync")

    def _as_postgres(self, command: str) -> None:
        subprocess.run(
            ["su", "postgres", "-c", command],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self._as_postgres(
            f"{PG_BIN}/pg_ctl -D {self.data} -o '{options}' -l {self.folder}/log -w start"
        )

    def stop(self, mode: str = "fast") -> None:
        self._as_postgres(f"{PG_BIN}/pg_ctl -D {self.data} -m {mode} -w stop")

    def createdb(self, name: str) -> None:
        self._as_postgres(f"{PG_BIN}/createdb -h 127.0.0.1 -p {self.port} {name}")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)


def scratch(name: str) -> tuple[Path, PostgresCluster]:
    """A temporary folder and a PostgreSQL cluster of our own, not yet started, for a bench."""
    return Path(tempfile.mkdtemp(prefix=f"hub-{name}-")), PostgresCluster(free_port(8432))


def demo_database(cluster: PostgresCluster, folder: Path, *demo: str, **settings: str) -> dict:
    """Start the cluster and give it a 'hub' database with the demo content, static files and
    media under folder; the environment of production processes that serve it."""
    cluster.start()
    cluster.createdb("hub")
    env = production_env(
        DATABASE_URL=cluster.url("hub"),
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(folder / "media"),
        **settings,
    )
    manage("migrate", "--noinput", env=env)
    manage("collectstatic", "--noinput", env=env)
    manage("load_demo_data", *demo, env=env)
    return env


@dataclass
class Response:
    """What a local server answered."""

    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes
    cookies: dict[str, str]  # from Set-Cookie

    @property
    def text(self) -> str:
        return self.body.decode()


def request(method: str, url: str, body: bytes | None = None, headers: dict | None = None):
    """One HTTP request to a local server, redirects not followed."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request(method, path, body=body, headers=headers or {})
        answer = connection.getresponse()
        data = answer.read()
        cookies = {}
        for name, value in answer.getheaders():
            if name.lower() == "set-cookie":
                cookie = SimpleCookie(value)
                cookies.update({key: morsel.value for key, morsel in cookie.items()})
        headers = {name.lower(): value for name, value in answer.getheaders()}
        return Response(answer.status, headers, data, cookies)
    finally:
        connection.close()


def get(url: str, headers: dict | None = None) -> Response:
    """One GET, redirects not followed."""
    return request("GET", url, headers=headers)
