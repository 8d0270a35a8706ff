"""gunicorn settings for the hub, read from the environment (README "Running in production").

Tuned by bench/gunicorn_config.sh (figures in the README): recycling off and the app preloaded.
"""

import os


wsgi_app = "hub.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Threads, because a request that misses the page cache waits on the database, Redis or storage,
# and a slow client holds a thread, not a whole worker. Four, not eight: with eight, threads queue
# for the interpreter lock and a cached page's p99 at 16 connections rose from 10-19 ms to 13-66
# ms (bench/pages.sh, README). They share the worker's database pool (DATABASE_POOL_MAX_SIZE
# defaults to the threads); more only queue for it.
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# No recycling by default: a new worker imports Django and Wagtail again and starts with an empty
# in-process page store, which at cache-hit rates of thousands a second cost 4x the CPU per
# request and a second of tail latency. Set GUNICORN_MAX_REQUESTS only to contain a known leak.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
# The app is imported once, before the workers fork: they start at once and share its memory.
# Connections (database pool, Redis) are opened by each worker after the fork, never before.
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") == "1"
# Access log as JSON on stdout: no client address, no query string (search terms), no cookies.
accesslog = "-"
access_log_format = (
    '{"time": "%(t)s", "method": "%(m)s", "path": "%(U)s", "status": %(s)s, '
    '"bytes": "%(B)s", "duration_ms": %(M)s}'
)
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
