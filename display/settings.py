"""Settings for every deployment, driven by environment variables.

Unset variables give the embedded pilot: SQLite and the in-memory channel layer in one
process. A municipality sets DATABASE_URL (PostgreSQL) and REDIS_URL (channel layer).
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=true for local development).")
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "daphne",
    # Before Wagtail's apps: its permission policies must be registered before any admin view asks for one.
    "organisations",
    "screens",
    "playlists",
    "themes",
    "demo",
    "api",
    # The interactive API docs' scripts and styles, served from our own static files.
    "ninja",
    "organisations.apps.UsersConfig",  # wagtail.users, with its admin scoped to organisations
    "wagtail.snippets",
    "wagtail.documents",
    # Video for slides; scoped to organisations by organisations.permissions like images and documents.
    "wagtailmedia",
    "wagtail.images",
    "wagtail.contrib.typed_table_block",  # the table slide type's editor
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "channels",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "display.urls"
ASGI_APPLICATION = "display.asgi.application"
WSGI_APPLICATION = None

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        # Persistent connections: screen sockets query from a pool of threads, each keeping its connection.
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the screen server read while the admin writes; the timeout rides out short locks.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL;",
        "transaction_mode": "IMMEDIATE",
    }

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # The pub/sub layer holds thousands of sockets where the default RedisChannelLayer's
    # connection pool fails at about 560 (see BENCHMARKS.md).
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL], "prefix": os.environ.get("CHANNEL_LAYER_PREFIX", "infoscreen")},
        }
    }
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    # Sockets stay open for days: the in-memory layer must not expire group memberships (default: 24 h).
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer", "CONFIG": {"group_expiry": 10**9}}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "en")
LANGUAGES = [("en", _("English")), ("da", _("Danish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Copenhagen")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve app static files straight from their packages: no collectstatic step to forget.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# Media (image renditions) served by the app itself; put a web server in front to offload it.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
FRONTEND_DIR = BASE_DIR / "frontend"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Infoscreen"
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]

# Screens and pairing.
PAIRING_CODE_TTL = int(os.environ.get("PAIRING_CODE_TTL", str(15 * 60)))
PAIRING_RATE_LIMIT = int(os.environ.get("PAIRING_RATE_LIMIT", "30"))
PAIRING_RATE_WINDOW = int(os.environ.get("PAIRING_RATE_WINDOW", str(10 * 60)))
# Last-seen is written at most this often; heartbeats come every 30 s, so a connected screen is
# never older than that, and one silent for SCREEN_ONLINE_WINDOW seconds shows as offline.
SCREEN_LAST_SEEN_INTERVAL = 20
SCREEN_ONLINE_WINDOW = 60
SCREEN_HELLO_TIMEOUT = 10
# How often each process re-reads the content its screens show, repairing any lost push.
SCREEN_RECONCILE_SECONDS = float(os.environ.get("SCREEN_RECONCILE_SECONDS", "30"))

# Feeds (news, calendars, web page checks): fetched by the server, never by screens, from public
# addresses only. FEEDS_ALLOW_LOOPBACK lets it fetch from 127.0.0.1 too: for tests and the local
# demo (`make run`), never in production.
FEEDS_ALLOW_LOOPBACK = env_bool("FEEDS_ALLOW_LOOPBACK")
FEEDS_REFRESH_SECONDS = int(os.environ.get("FEEDS_REFRESH_SECONDS", "300"))
FEEDS_RETRY_SECONDS = 30  # after a failed fetch
FEEDS_TIMEOUT_SECONDS = 5.0  # connect, and each read
FEEDS_DEADLINE_SECONDS = 15.0  # a whole fetch, redirects included
FEEDS_MAX_BYTES = 2_000_000
FEEDS_MAX_IMAGE_BYTES = 5_000_000
FEEDS_MAX_REDIRECTS = 5
FEEDS_IMAGES_SECONDS = 10.0  # fetching a news feed's pictures, all together
FEEDS_MANIFEST_WAIT_SECONDS = 3.0  # then a manifest goes on with the last good copy

# Production hardening, on whenever DEBUG is off.
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    SECURE_CONTENT_TYPE_NOSNIFF = True
    # Wagtail's live preview frames our own pages, so SAMEORIGIN rather than DENY.
    X_FRAME_OPTIONS = "SAMEORIGIN"
    # Joining the browsers' HSTS preload list is the domain owner's decision (SECURE_HSTS_PRELOAD=true).
    SILENCED_SYSTEM_CHECKS = ["security.W019"] + ([] if SECURE_HSTS_PRELOAD else ["security.W021"])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {"daphne": {"level": "WARNING"}, "django.channels.server": {"level": "WARNING"}},
}
