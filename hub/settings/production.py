"""Production: secrets from the environment, HTTPS only, hashed static files."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY for production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],  # noqa: F405
        "upgrade-insecure-requests": True,
    }
}

# A pool of connections per app process (Django's psycopg pool). Size it to the process's
# threads; a request waits at most DATABASE_POOL_TIMEOUT seconds for a connection, then gets the
# 503 page, so an outage never piles up requests. With CONN_HEALTH_CHECKS (base) each connection
# is checked before use, so a database restart costs no failed requests once it is back.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405 - the pool keeps connections
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {  # noqa: F405
        "min_size": int(os.environ.get("DATABASE_POOL_MIN_SIZE", "2")),
        "max_size": int(
            os.environ.get("DATABASE_POOL_MAX_SIZE", os.environ.get("GUNICORN_THREADS", "4"))
        ),
        "timeout": float(os.environ.get("DATABASE_POOL_TIMEOUT", "5")),
    }

# Emails are sent by the `manage.py db_worker` process, never while a request waits.
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[os.environ.get("TASKS_BACKEND", "database")]}}  # noqa: F405

# Without Redis, the cache every process on this server shares is a folder (Django's file cache).
# Measured against Django's database cache (bench/cache_backends.py): reading the generation
# costs 8-9 us against 34 us (SQLite) and 128 us (PostgreSQL), and storing a 20 KB page about
# 1 ms against 14-28 ms, a database transaction each, which on SQLite also holds the one write
# lock that comments need. More than one app server needs REDIS_URL.
if not REDIS_URL:  # noqa: F405
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / "cache")),  # noqa: F405
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "10000"))},
        }
    }

# Whole pages for anonymous visitors, and remembered parts, in the shared cache (hub/page_cache.py).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
