"""gunicorn settings for the hub, read from the environment (README "Running in production")."""

import os


wsgi_app = "hub.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Threads share each worker's database pool (DATABASE_POOL_MAX_SIZE defaults to the threads).
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak never builds up.
max_requests = 2000
max_requests_jitter = 200
# Access log as JSON on stdout: no client address, no query string (search terms), no cookies.
accesslog = "-"
access_log_format = (
    '{"time": "%(t)s", "method": "%(m)s", "path": "%(U)s", "status": %(s)s, '
    '"bytes": "%(B)s", "duration_ms": %(M)s}'
)
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
