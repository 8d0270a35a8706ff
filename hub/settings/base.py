"""Settings shared by every environment; safe for production and read from the environment."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

from hub.cache import redis_cache


BASE_DIR = Path(__file__).resolve().parent.parent.parent


def frontend_cache_settings(environ) -> dict | None:
    """WAGTAILFRONTENDCACHE from the environment: Varnish, Cloudflare, CloudFront, any of them."""
    backends = {}
    if environ.get("FRONTEND_CACHE_VARNISH_URL"):
        backends["varnish"] = {
            "BACKEND": "hub.frontend_cache.VarnishBackend",
            "LOCATION": environ["FRONTEND_CACHE_VARNISH_URL"],
        }
    if environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
        backends["cloudflare"] = {
            "BACKEND": "hub.frontend_cache.CloudflareEverythingBackend",
            "ZONEID": environ["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
            "BEARER_TOKEN": environ.get("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN", ""),
        }
    if environ.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
        # Needs boto3 and AWS credentials in the environment (not installed by default).
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": environ["FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"],
        }
    return backends or None


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable as a list."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "hub",
    "strategy",
    "casestudies",
    "consultations",
    "progress",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Static files are answered before sessions or the CMS do any work.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Stored pages for anonymous visitors are answered before sessions or the CMS do any work.
    "hub.page_cache.PageCacheMiddleware",
    "hub.csp.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# One connection per request by default: runserver starts a thread per request, and persistent
# connections would leak one per thread. Production uses a pool instead (production.py).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out username and address is refused before the password is checked. It
    # only checks (the next backend signs in) but, unlike AxesStandaloneBackend, can load a user.
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# Uploads (images, renditions, documents): an S3 bucket when AWS_STORAGE_BUCKET_NAME is set, which
# every app server shares; otherwise MEDIA_ROOT, served by the app itself (hub.views.media).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
MEDIA_ORIGINS = []  # where image links point when media is not on this origin (for the CSP)
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    # django-storages reads the AWS_* settings above, and the access keys from the environment.
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
            # A private bucket (no ACL): documents keep Wagtail's privacy checks (serve_view) and
            # image links are signed. Behind a public CDN domain, set AWS_QUERYSTRING_AUTH=0.
            "querystring_auth": os.environ.get("AWS_QUERYSTRING_AUTH", "1") == "1",
            "querystring_expire": int(os.environ.get("AWS_QUERYSTRING_EXPIRE", "86400")),
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=86400"},
        },
    }
    if AWS_S3_CUSTOM_DOMAIN:
        MEDIA_ORIGINS = [f"https://{AWS_S3_CUSTOM_DOMAIN}"]
    elif AWS_S3_ENDPOINT_URL:
        _endpoint = urlsplit(AWS_S3_ENDPOINT_URL)
        MEDIA_ORIGINS = [f"{_endpoint.scheme}://{_endpoint.netloc}"]
    else:
        MEDIA_ORIGINS = ["https://*.amazonaws.com"]
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
# Uploaded media served by the app: cached by browsers for a day (renditions never change; an
# original replaced in the admin gets a new file name).
MEDIA_CACHE_SECONDS = int(os.environ.get("MEDIA_CACHE_SECONDS", "86400"))

STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

# Shared cache for several app servers. A Redis outage never takes the site down: every cache
# call then answers "not cached" and logs a warning (hub.cache).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": redis_cache(REDIS_URL, float(os.environ.get("REDIS_TIMEOUT", "0.5")))
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Procurement Knowledge Hub <no-reply@procurement-hub.example>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# One JSON object per line on stderr. Messages name ids and references, never a respondent's
# name, email address or text.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "hub.logs.JSONFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Each background task and page action logs at INFO; keep them for debugging only.
        "django_tasks": {"level": os.environ.get("TASKS_LOG_LEVEL", "WARNING")},
        "wagtail": {"level": os.environ.get("WAGTAIL_LOG_LEVEL", "WARNING")},
    },
}

# Whole pages kept for anonymous visitors, in seconds (hub/page_cache.py); 0 turns it off.
PAGE_CACHE_SECONDS = 0
# Pages the page cache stores are public for shared caches (a CDN) for the same lifetime. Browsers,
# which no purge reaches, keep them briefly; a shared cache may serve them stale a little while it
# fetches afresh, and for long while the app cannot answer, never past the next clock change.
# A caching proxy or CDN in front, purged on publish (README "A caching proxy in front").
WAGTAILFRONTENDCACHE = frontend_cache_settings(os.environ)
BROWSER_CACHE_SECONDS = int(os.environ.get("BROWSER_CACHE_SECONDS", "60"))
STALE_WHILE_REVALIDATE_SECONDS = int(os.environ.get("STALE_WHILE_REVALIDATE_SECONDS", "30"))
STALE_IF_ERROR_SECONDS = int(os.environ.get("STALE_IF_ERROR_SECONDS", "86400"))

# Wagtail
WAGTAIL_SITE_NAME = "Procurement Knowledge Hub"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Search uses Wagtail's default database backend: PostgreSQL full-text search, or SQLite FTS5.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILEMBEDS_FINDERS = []
# A workflow's approval publishes; approvers need no right to publish outside it (hub.roles).
WAGTAIL_FINISH_WORKFLOW_ACTION = "hub.roles.workflow_approved_publish"
TAGGIT_CASE_INSENSITIVE = True

# Consultations
# Confirmation emails are sent during the request that stored the comment; never wait long.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))

# Background work (emails). "immediate" runs each task in the process that queues it (dev and
# tests); "database" stores it for the `manage.py db_worker` process (production's default).
TASKS_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[os.environ.get("TASKS_BACKEND", "immediate")]}}
# A failed CSRF check on the comment form re-shows the typed answers instead of a bare 403.
CSRF_FAILURE_VIEW = "consultations.views.csrf_failure"
# Comment POSTs allowed per client address, per consultation, per window. Set high enough for a
# whole council office behind one address on closing day; 0 turns the limit off.
CONSULTATIONS_RATE_LIMIT = int(os.environ.get("CONSULTATIONS_RATE_LIMIT", "60"))
CONSULTATIONS_RATE_WINDOW = int(os.environ.get("CONSULTATIONS_RATE_WINDOW", "600"))
# "Is this page useful?" answers per client address, across every page, in the window (seconds).
PAGE_FEEDBACK_RATE_LIMIT = int(os.environ.get("PAGE_FEEDBACK_RATE_LIMIT", "20"))
PAGE_FEEDBACK_RATE_WINDOW = int(os.environ.get("PAGE_FEEDBACK_RATE_WINDOW", "600"))
# How many proxies of our own add X-Forwarded-For in front of the app (0: use REMOTE_ADDR).
CONSULTATIONS_TRUSTED_PROXIES = int(os.environ.get("CONSULTATIONS_TRUSTED_PROXIES", "0"))
# A form older than this is refused as expired (its answers are shown back).
CONSULTATIONS_FORM_MAX_AGE = 24 * 60 * 60
# Comments sent sooner than this after the form was shown are kept but quarantined.
CONSULTATIONS_MIN_SECONDS_TO_RESPOND = float(
    os.environ.get("CONSULTATIONS_MIN_SECONDS_TO_RESPOND", "3")
)
# Respondents' names, emails, roles and organisations are anonymised this many months after a
# consultation's outcome is published (or its close, without one); the privacy notice says so.
CONSULTATIONS_RETENTION_MONTHS = int(os.environ.get("CONSULTATIONS_RETENTION_MONTHS", "24"))
# Email alerts: confirmation links work for a week; at most this many sent per address an hour.
CONSULTATIONS_SUBSCRIBE_MAX_AGE = 7 * 24 * 60 * 60
CONSULTATIONS_SUBSCRIBE_PER_HOUR = 3

# Security headers beyond Django's own (see README "Running in production").
# Content-Security-Policy for the public site: every script is a static file, so no nonce, and a
# cached page is served byte for byte. The admin gets its own policy (HUB_ADMIN_CSP_DIRECTIVES,
# applied by hub.csp.CSPMiddleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # charts.css sizes each bar with a custom property in a style attribute; attributes
        # cannot run script.
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# Wagtail's admin uses inline scripts and styles (Wagtail issue #1288).
HUB_ADMIN_CSP_DIRECTIVES = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:", *MEDIA_ORIGINS],
    "font-src": [SELF, "data:"],
    "worker-src": [SELF, "blob:"],
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "browsing-topics",
    ]
}
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Admin sign-in: 5 wrong passwords for one username from one address lock that pair for 15
# minutes; other people behind the same address can still sign in.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "locked_out.html"
AXES_CLIENT_IP_CALLABLE = "hub.http.client_ip"
# Log failures without the username or address (both personal data).
AXES_VERBOSE = False

# The public address of the site, written to Wagtail's default Site by `manage.py set_site` and
# after every migrate, so emails and sitemap.xml link to the real host (port 443 means https).
# Unset: the Site is left as the admin has it.
SITE_HOSTNAME = os.environ.get("SITE_HOSTNAME", "")
SITE_PORT = int(os.environ.get("SITE_PORT", "443"))
