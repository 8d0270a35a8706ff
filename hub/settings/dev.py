"""Local development: debug on, SQLite by default, emails printed to the console."""

import os

from .base import *  # noqa: F403


DEBUG = True
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-not-secret")
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files from the source folders, so no collectstatic is needed locally.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
