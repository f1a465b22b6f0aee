"""Production: the base settings with security tightened; refuses to start without a secret."""
import django

from deleg.settings import env
from deleg.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = env.require("DELEG_SECRET_KEY", env.SECRET_KEY)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.env_bool("DELEG_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = False

# Notifications go through SMTP: DELEG_SMTP_HOST, or the server's own mail transfer agent on localhost.
_smtp = {"host": env.SMTP_HOST or "localhost", "port": env.SMTP_PORT, "username": env.SMTP_USER,
         "password": env.SMTP_PASSWORD, "use_tls": bool(env.SMTP_HOST)}
if django.VERSION >= (6, 1):
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": _smtp}}
else:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST, EMAIL_PORT, EMAIL_USE_TLS = _smtp["host"], _smtp["port"], _smtp["use_tls"]
    EMAIL_HOST_USER, EMAIL_HOST_PASSWORD = _smtp["username"], _smtp["password"]
