"""Django settings for tizim.

Where data lives is one folder, ``TIZIM_HOME`` (default ``./tizim-data``): the SQLite database,
the secret key, media. ``DATABASE_URL`` switches to PostgreSQL (``postgresql://…``).

Visitors and staff may be watched: nothing here logs an IP address or user agent, and no
page loads anything from a third party.
"""

from __future__ import annotations

import datetime
import os
import secrets
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TIZIM_HOME = Path(os.environ.get("TIZIM_HOME", "tizim-data")).expanduser().resolve()
BASE_DIR = Path(__file__).resolve().parent

DEBUG = os.environ.get("TIZIM_DEBUG", "") in {"1", "true", "yes"}


def _secret_key() -> str:
    """The instance's secret key: from the environment, else from TIZIM_HOME (written by init).

    Without either (a command that needs no sessions, or tests) an ephemeral key is used, so that
    reading settings never writes files behind the user's back.
    """
    from_env = os.environ.get("TIZIM_SECRET_KEY")
    if from_env:
        return from_env
    key_file = TIZIM_HOME / "secret_key"
    if key_file.is_file():
        return key_file.read_text(encoding="ascii").strip()
    return secrets.token_urlsafe(50)


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("TIZIM_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
]
if "testserver" not in ALLOWED_HOSTS and os.environ.get("PYTEST_VERSION"):
    ALLOWED_HOSTS.append("testserver")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "tizim.audit",
    "tizim.registry",
    "tizim.intake",
    "tizim.linkage",
    "tizim.estimates",
    "tizim.acts",
    "tizim.publish",
    "tizim.ingest",
    "tizim.accounts",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
]

MIDDLEWARE = [
    "tizim.middleware.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Django's CSRF check, made to work with Referrer-Policy: no-referrer (see the class).
    "tizim.middleware.NoReferrerCsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # After OTPMiddleware: a session that still owes its second factor reaches no staff page.
    "tizim.accounts.middleware.TwoFactorMiddleware",
    # After AuthenticationMiddleware: the staff side speaks the language the user chose.
    "tizim.accounts.middleware.StaffLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: a locked-out login attempt is answered before any view runs.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First, so that throttled attempts are refused before a password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "tizim.urls"
WSGI_APPLICATION = "tizim.wsgi.application"

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
            ],
        },
    },
]


def _databases() -> dict[str, dict[str, Any]]:
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        return {"default": dict(dj_database_url.parse(url, conn_max_age=60))}
    return {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": TIZIM_HOME / "tizim.sqlite3",
            "OPTIONS": {
                # IMMEDIATE takes the write lock at BEGIN: concurrent writers wait for each
                # other instead of failing half-way with "database is locked".
                "transaction_mode": "IMMEDIATE",
                "timeout": 30,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;"
                ),
            },
        }
    }


DATABASES = _databases()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "login"

# argon2id limits for wrapping staff private keys (tizim.accounts.services.kdf_limits):
# libsodium "moderate" (~0.5 s, 256 MiB per login); the minimum only while pytest runs.
TIZIM_KEY_KDF = "min" if os.environ.get("PYTEST_VERSION") else "moderate"

# A list uploaded on the staff Import page is read first in a child process with these ceilings
# (tizim.core.table_check): a file built to exhaust memory or time stops that child, never a
# server process.
TIZIM_UPLOAD_CHECK_MEMORY = int(os.environ.get("TIZIM_UPLOAD_CHECK_MB", "2048")) * 2**20
TIZIM_UPLOAD_CHECK_SECONDS = int(os.environ.get("TIZIM_UPLOAD_CHECK_SECONDS", "300"))
# Uploads up to this size are checked and previewed while the upload request waits; larger ones
# after it has answered, the job's page showing them being read. By default every list is read
# after the request answers (0): no request waits on a parser, however small the list.
TIZIM_PREVIEW_IN_REQUEST_BYTES = int(os.environ.get("TIZIM_PREVIEW_IN_REQUEST_KB", "0")) * 1024


def _events_begin() -> datetime.date:
    """The first day an event of this registry may fall on (``TIZIM_EVENTS_BEGIN``, a date
    written YYYY-MM-DD): earlier event dates in a list are quarantined as slips. The default
    is a month before the protests of January 2022; another crackdown sets its own."""
    from tizim.core.dates import EVENTS_BEGIN

    written = os.environ.get("TIZIM_EVENTS_BEGIN", "").strip()
    if not written:
        return EVENTS_BEGIN
    try:
        return datetime.date.fromisoformat(written)
    except ValueError:
        raise ImproperlyConfigured(
            f"TIZIM_EVENTS_BEGIN={written!r} is not a date written YYYY-MM-DD (e.g. 2020-08-01)"
        ) from None


TIZIM_EVENTS_BEGIN = _events_begin()

# Two-factor login (django-otp, TOTP): codes from an authenticator app, named "tizim" there.
OTP_TOTP_ISSUER = "tizim"

# Throttling of the password step (django-axes): 5 failures lock a *username* for 15 minutes.
# Nothing about the client is kept: no address (the callable answers None), no user agent or
# Accept header (blanked by the handler), no log of successful logins, axes' logger silenced.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_CLIENT_IP_CALLABLE = "tizim.accounts.throttling.client_ip"
AXES_HANDLER = "tizim.accounts.throttling.NoClientDataHandler"
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "password", "csrfmiddlewaretoken", "next"]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# axes warns when the lockout ignores the address; ignoring it is the point (no addresses kept).
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

LANGUAGE_CODE = "en"
LANGUAGES = [("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and numbers as each language writes them (4 қаңтар 2022, 4 января 2022, 4 January 2022),
# not Django's defaults (US "Jan. 4, 2022", Russian "4 января 2022 г."): tizim/formats/.
FORMAT_MODULE_PATH = ["tizim.formats"]
TIME_ZONE = "Asia/Almaty"
USE_I18N = True
USE_TZ = True
# The staff side's language is a per-user preference (tizim.accounts.middleware); before login,
# and after logout, it is this cookie's (set by the switcher only: the public side, whose
# language is in its URL, never sets it).
LANGUAGE_COOKIE_NAME = "tizim_language"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "static/"
STATIC_ROOT = None
# Static files are served by WhiteNoise from the apps' folders: no collectstatic step, no CDN.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = TIZIM_HOME / "media"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# Strict: the token check is what stops cross-site posts once Origin and Referer are not sent
# (tizim.middleware.NoReferrerCsrfViewMiddleware).
CSRF_COOKIE_SAMESITE = "Strict"
# The CSRF cookie is the only one a reporter's browser gets: it lasts while the browser is open
# (no expiry date), so a phone seized later does not show that it visited the report form.
CSRF_COOKIE_AGE = None
# Behind HTTPS (a reverse proxy terminating TLS), cookies are sent over HTTPS only.
TIZIM_HTTPS = os.environ.get("TIZIM_HTTPS", "").strip().lower() in ("1", "true", "yes", "on")
SESSION_COOKIE_SECURE = TIZIM_HTTPS
CSRF_COOKIE_SECURE = TIZIM_HTTPS
LANGUAGE_COOKIE_SECURE = TIZIM_HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
X_FRAME_OPTIONS = "DENY"

# No request logging: Django's own request loggers are silenced so that no address, path or
# agent of a visitor reaches a log file that could be seized.
LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django.server": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "django.request": {"handlers": [], "level": "CRITICAL", "propagate": False},
        # Refused requests (a forged Host header, a failed CSRF check, too many fields) are
        # logged there with the path, the Host header and a traceback: details of a visitor.
        "django.security": {"handlers": [], "level": "CRITICAL", "propagate": False},
        # axes logs each failure with the client's address and agent: never let it speak.
        "axes": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "waitress": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "tizim": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
STATICFILES_DIRS = [BASE_DIR / "static"]

# The public report form: files are held in memory until sealed, never in a temporary file
# (tizim.intake.report_views sets the upload handler); these bound what one request may send.
REPORT_MAX_REQUEST_BYTES = 52 * 1024 * 1024
# Request bodies as the server reads them (tizim.serving.BodyLimits): at most the report
# form's limit, except under the staff pages that take larger files — evidence (sealed once
# read, tizim.acts.services.MAX_EVIDENCE_BYTES) and lists to import (kept in the clear anyway,
# tizim.intake.services.MAX_UPLOAD_BYTES). A larger body is refused before it is read; bodies
# up to REQUEST_BODY_IN_MEMORY_BYTES are held in memory, never in a temporary file.
REQUEST_BODY_LIMITS = {
    "/acts/": 100 * 1024 * 1024 + 1024 * 1024,
    "/imports/": 200 * 1024 * 1024 + 1024 * 1024,
}
REQUEST_BODY_IN_MEMORY_BYTES = REQUEST_BODY_LIMITS["/acts/"]
# Django's own buffering follows: no upload handler of any page writes a temporary file for a
# body the server holds in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = REQUEST_BODY_IN_MEMORY_BYTES
# How long a report waits for the database (a long import holds SQLite's write lock) before it
# is kept in the spool instead, to be filed when the database is free (tizim.intake.reports).
REPORT_DATABASE_WAIT_SECONDS = float(os.environ.get("TIZIM_REPORT_WAIT_SECONDS", "2"))
# Limits of the public forms (tizim.intake.ratelimit, decision 0012), each counted apart and
# per sender under a keyed hash of the address held in memory only: new reports per hour;
# follow-up requests per hour; wrong receipt phrases per hour (they never stop a new report).
REPORT_RATE_PER_SENDER = int(os.environ.get("TIZIM_REPORT_RATE_PER_SENDER", "10"))
FOLLOW_UP_RATE_PER_SENDER = int(os.environ.get("TIZIM_FOLLOW_UP_RATE_PER_SENDER", "60"))
WRONG_PHRASES_PER_SENDER = int(os.environ.get("TIZIM_WRONG_PHRASES_PER_SENDER", "10"))
# All senders together: this many reports an hour at full speed; past that the form slows
# down to one report every REPORT_BUSY_PACE_SECONDS (per server process), never closes.
REPORT_RATE_OVERALL = int(os.environ.get("TIZIM_REPORT_RATE_OVERALL", "2000"))
REPORT_BUSY_PACE_SECONDS = float(os.environ.get("TIZIM_REPORT_BUSY_PACE_SECONDS", "10"))
