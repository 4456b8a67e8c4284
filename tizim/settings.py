"""Django settings for tizim.

Where data lives is one folder, ``TIZIM_HOME`` (default ``./tizim-data``): the SQLite database,
the secret key, media. ``DATABASE_URL`` switches to PostgreSQL (``postgresql://…``).

Visitors and staff may be watched: nothing here logs an IP address or user agent, and no
page loads anything from a third party.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

import dj_database_url

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
LOGIN_REDIRECT_URL = "registry:person-list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
LANGUAGES = [("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Almaty"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = None
# Static files are served by WhiteNoise from the apps' folders: no collectstatic step, no CDN.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = TIZIM_HOME / "media"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
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
        "waitress": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "tizim": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
STATICFILES_DIRS = [BASE_DIR / "static"]
