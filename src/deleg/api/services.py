"""Issuing and revoking API tokens."""
import hashlib
import secrets

from deleg.api.models import ApiToken

# The prefix lets secret scanners and people recognise a deleg key in a config file or a log.
KEY_PREFIX = "deleg_"


def api_key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def api_token_create(*, user, name: str) -> tuple[ApiToken, str]:
    """Issue a token; the plain key is returned only here and never stored, so show it once."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name, key_sha256=api_key_hash(key))
    token.full_clean()
    token.save()
    return token, key


def api_token_revoke(*, token: ApiToken) -> ApiToken:
    token.revoked = True
    token.save(update_fields=["revoked"])
    return token
