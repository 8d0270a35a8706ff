"""Tests: the development settings without debug, with fast hashing, in-memory email and cache."""

from .dev import *  # noqa: F403


DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Django's test client logs in without a request, which django-axes refuses; the lockout test
# turns it back on.
AXES_ENABLED = False
# On PostgreSQL, tests empty tables with DELETE rather than TRUNCATE (see tests/postgresql).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"]["ENGINE"] = "tests.postgresql"  # noqa: F405
