"""The only place that reads the environment: every DELEG_ setting is defined here."""
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in TRUE_WORDS


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DELEG_DEBUG", False)
SECRET_KEY = os.environ.get("DELEG_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DELEG_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
# SQLite, uploaded attachments and other state live here unless moved.
DATA_DIR = Path(os.environ.get("DELEG_DATA_DIR", "var")).resolve()
DATABASE_URL = os.environ.get("DELEG_DATABASE_URL", "")
MAIL_FROM = os.environ.get("DELEG_MAIL_FROM", "deleg@localhost")
SMTP_HOST = os.environ.get("DELEG_SMTP_HOST", "")
SMTP_PORT = int(os.environ.get("DELEG_SMTP_PORT", "25"))
SMTP_USER = os.environ.get("DELEG_SMTP_USER", "")
SMTP_PASSWORD = os.environ.get("DELEG_SMTP_PASSWORD", "")


def require(name: str, value: str) -> str:
    if not value:
        raise ImproperlyConfigured(f"{name} must be set in production.")
    return value
