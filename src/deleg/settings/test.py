"""Tests: the base settings made faster; the database comes from DELEG_DATABASE_URL or SQLite."""
from deleg.settings.base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AXES_ENABLED = False
STATIC_ROOT = None  # static files come from the apps (WhiteNoise finders); nothing is collected
